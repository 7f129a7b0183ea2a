"""The data a sandboxed submission may read: the prepared tables its assignment loads, nothing else.

The sandbox has no network and no raw-data mirror, so the grader prepares (or reuses) each table the
assignment's notebooks name in `load("…")`, and copies the parquet file and its cache record into a
folder that becomes DATAVAARDIG_HOME inside the sandbox, read-only.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat

from datavaardig import cache, catalog

__all__ = ["data_pack", "datasets_used", "LOAD_CALL"]

LOAD_CALL = re.compile(r"""\bload\(\s*["']([a-z0-9_]+)["']""")


def datasets_used(source: Path) -> list[str]:
    """Dataset ids named in `load("…")` calls of the assignment's source notebooks."""
    found: set[str] = set()
    for path in sorted(source.glob("*.ipynb")):
        for cell in nbformat.read(str(path), as_version=4).cells:
            found.update(LOAD_CALL.findall(cell.source))
    known = catalog.load_catalog()
    return sorted(found & set(known))


def data_pack(source: Path, folder: Path) -> Path:
    """Fill `folder` as a DATAVAARDIG_HOME holding fresh cached tables for the assignment."""
    tables = folder / "cache" / "tables"
    tables.mkdir(parents=True, exist_ok=True)
    for dataset_id in datasets_used(source):
        dataset = catalog.get(dataset_id)
        if not cache.is_fresh(dataset, cache.cache_key(dataset)):
            from datavaardig.loader import build

            build(dataset)
        table = cache.table_path(dataset_id)
        for path in (table, table.with_suffix(".json")):
            shutil.copy(path, tables / path.name)
            (tables / path.name).chmod(0o644)
    for path in (folder, folder / "cache", tables):
        path.chmod(0o755)
    return folder
