"""Parquet cache of prepared tables.

A cached table is valid while three things are unchanged: the catalog's sha256 of each raw file, the
source code of the preparation (the dataset's module in datavaardig.prepare plus the shared `_*.py`
helpers), and the raw files on disk (size and mtime; a changed file is re-verified, so an altered
mirror never hides behind an old cache).
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path

from datavaardig import raw as rawfiles
from datavaardig import settings
from datavaardig.catalog import Dataset

__all__ = ["cache_key", "code_fingerprint", "FORMAT_VERSION", "is_fresh", "PREPARE_DIR", "read", "table_path", "write"]

FORMAT_VERSION = "1"
PREPARE_DIR = Path(__file__).resolve().parent / "prepare"


@cache
def _source_digest(path: Path, mtime_ns: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def code_fingerprint(dataset_id: str, prepare_dir: Path | None = None) -> str:
    """Hash of the code that prepares `dataset_id`: its own module and the shared helpers."""
    prepare_dir = prepare_dir or PREPARE_DIR
    sources = sorted(prepare_dir.glob("_*.py")) + [prepare_dir / f"{dataset_id}.py"]
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.name.encode())
        digest.update(_source_digest(source, source.stat().st_mtime_ns).encode())
    return digest.hexdigest()


def cache_key(dataset: Dataset, prepare_dir: Path | None = None) -> str:
    digest = hashlib.sha256(f"{FORMAT_VERSION}:{dataset.id}".encode())
    for raw in dataset.raw:
        digest.update(raw.sha256.encode())
    digest.update(code_fingerprint(dataset.id, prepare_dir).encode())
    return digest.hexdigest()


def table_path(dataset_id: str) -> Path:
    return settings.cache_dir() / "tables" / f"{dataset_id}.parquet"


def _meta_path(dataset_id: str) -> Path:
    return table_path(dataset_id).with_suffix(".json")


def _raw_stats(dataset: Dataset) -> dict[str, list[int] | None]:
    stats: dict[str, list[int] | None] = {}
    for raw in dataset.raw:
        found = rawfiles.locate(raw)
        if found is None:
            stats[raw.path] = None
        else:
            st = found.stat()
            stats[raw.path] = [st.st_size, st.st_mtime_ns]
    return stats


def is_fresh(dataset: Dataset, key: str) -> bool:
    try:
        meta = json.loads(_meta_path(dataset.id).read_text())
    except (OSError, ValueError):
        return False
    if meta.get("key") != key or not table_path(dataset.id).is_file():
        return False
    # A raw file that is no longer reachable does not spoil the cache (it was verified when prepared);
    # one that is there but changed on disk does.
    for path, now in _raw_stats(dataset).items():
        if now is not None and meta["raw"].get(path) != now:
            return False
    return True


def write(dataset: Dataset, key: str, frame) -> None:
    target = table_path(dataset.id)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Write then rename: two kernels preparing at once never see half a file.
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    frame.to_parquet(tmp, index=False)
    os.replace(tmp, target)
    meta = {"key": key, "kind": dataset.kind, "raw": _raw_stats(dataset)}
    tmp_meta = tmp.with_suffix(".json")
    tmp_meta.write_text(json.dumps(meta))
    os.replace(tmp_meta, _meta_path(dataset.id))


def read(dataset: Dataset):
    if dataset.kind == "geo":
        import geopandas

        return geopandas.read_parquet(table_path(dataset.id))
    # One file, read as one: pandas.read_parquet goes through pyarrow's dataset layer, whose first import in a
    # kernel costs ~100 ms; the table and its dtypes are the same (tests/core/test_loader.py compares them).
    import pyarrow.parquet

    return pyarrow.parquet.ParquetFile(table_path(dataset.id)).read().to_pandas()
