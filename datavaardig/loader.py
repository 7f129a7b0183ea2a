"""`load(id)`: the one call lessons, widgets and checks use to get a tidy table.

raw file (mirror or download) → sha256 verified → prepare (datavaardig.prepare.<id>) → parquet cache.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from datavaardig import cache, catalog
from datavaardig import raw as rawfiles
from datavaardig.catalog import Dataset
from datavaardig.errors import DatasetError

__all__ = ["build", "build_stale", "load"]


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
    files: dict[str, Path] = {raw.name: rawfiles.fetch(dataset, raw, progress=progress) for raw in dataset.raw}
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


def build_stale(
    ids: list[str], *, force: bool = False, quiet: bool = False, desc: str = "Datasets voorbereiden"
) -> int:
    """Build the cached table of every stale dataset in `ids`, with a progress bar; returns the failures.

    A dataset that cannot be prepared is reported and skipped, so one missing file never blocks the rest.
    """
    from tqdm import tqdm  # lazy: a notebook's first `load` must not pay for the progress bar's import

    stale = [d for d in map(catalog.get, ids) if force or not cache.is_fresh(d, cache.cache_key(d))]
    failures = 0
    with tqdm(stale, desc=desc, unit="dataset", disable=quiet or not stale) as bar:
        for d in bar:
            bar.set_postfix_str(d.id)
            try:
                build(d)
            except DatasetError as exc:
                failures += 1
                tqdm.write(f"FOUT  {exc}", file=sys.stderr)
    return failures
