"""Shared reading of CBS exports."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def read_gebieden(path: Path) -> pd.DataFrame:
    """CBS "Gebieden in Nederland" CSV export: `;`-separated, UTF-8 with BOM, text padded with spaces.

    Returns the raw CBS columns (Code_1, Naam_2, …) with every text value stripped.
    """
    raw = pd.read_csv(path, sep=";", encoding="utf-8-sig")
    text = raw.select_dtypes(include="str").columns
    raw[text] = raw[text].apply(lambda column: column.str.strip())
    return raw


def gemeente_lookup(path: Path) -> pd.DataFrame:
    """gemeentecode → gemeente name, provinciecode, provincie (2024 division)."""
    raw = read_gebieden(path)
    return pd.DataFrame(
        {
            "gemeentecode": raw["Code_1"],
            "gemeente": raw["Naam_2"],
            "provinciecode": raw["Code_26"],
            "provincie": raw["Naam_27"],
        }
    )
