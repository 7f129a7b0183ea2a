"""Reading small Excel sheets quickly: openpyxl in read-only mode, cached values instead of formulas."""

from __future__ import annotations

from pathlib import Path


def sheet_rows(path: Path, sheet: str) -> list[tuple]:
    """All rows of `sheet` as tuples of cell values.

    `data_only=True` returns the value Excel last computed for a formula cell (NAM's later annual
    totals are `=SUM(...)` formulas); read-only mode is several times faster than a full load.
    """
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return list(workbook[sheet].iter_rows(values_only=True))
    finally:
        workbook.close()
