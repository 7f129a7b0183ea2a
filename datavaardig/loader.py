"""`load(id)`: the one call lessons, widgets and checks use to get a tidy table.

raw file (mirror or download) → sha256 verified → prepare (datavaardig.prepare.<id>) → parquet cache.
"""
from __future__ import annotations

import importlib
from pathlib import Path

from . import cache, catalog
from . import raw as rawfiles
from .catalog import Dataset
from .errors import DatasetError


def _prepare_function(dataset_id: str):
    return importlib.import_module(f"datavaardig.prepare.{dataset_id}").prepare


def _check_schema(dataset: Dataset, frame) -> None:
    """The catalog's schema is the contract: a preparation that drifts from it fails loudly."""
    expected = [col.name for col in dataset.schema]
    actual = list(frame.columns)
    if actual != expected:
        raise DatasetError(
            dataset.id,
            f"de voorbereide tabel heeft kolommen {actual}, de catalogus beschrijft {expected}. "
            "Dit is een fout in datavaardig zelf: meld het aan de beheerders.",
        )


def build(dataset: Dataset, *, progress: bool = False):
    """Fetch and verify every raw file, prepare the tidy table and store it in the cache."""
    files: dict[str, Path] = {
        raw.name: rawfiles.fetch(dataset, raw, progress=progress) for raw in dataset.raw
    }
    frame = _prepare_function(dataset.id)(files)
    _check_schema(dataset, frame)
    cache.write(dataset, cache.cache_key(dataset), frame)
    return frame


def _with_metadata(dataset: Dataset, frame):
    frame.attrs.update(
        {
            "dataset": dataset.id,
            "titel": dataset.title_nl,
            "bron": dataset.attribution,
            "licentie": dataset.licence,
            "eenheden": {c.name: c.unit for c in dataset.schema if c.unit},
        }
    )
    return frame


def load(dataset_id: str, *, refresh: bool = False):
    """A tidy, typed table for `dataset_id` (see `datavaardig data list`).

    Geometries come as a GeoDataFrame. `refresh=True` rebuilds from the raw files.
    """
    dataset = catalog.get(dataset_id)
    key = cache.cache_key(dataset)
    if refresh or not cache.is_fresh(dataset, key):
        build(dataset)
    return _with_metadata(dataset, cache.read(dataset))
