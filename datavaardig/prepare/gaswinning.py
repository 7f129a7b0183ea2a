"""NAM's wide monthly sheet (2 rows × 680 columns) → one row per month, 1971-01 … 2018-12.

Layout of row 1 (labels) and row 2 (values): eight annual totals 1963–1970, a blank column, then
per year 12 month columns, a `Jaar totaal` column and a blank separator. Some labels are wrong
(1978 is labelled "1987", 1989 "1999"), so years are assigned by column position, never by label.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from datavaardig.prepare._excel import sheet_rows

__all__ = ["COLUMNS_PER_YEAR", "FILE", "FIRST_MONTH_COLUMN", "monthly_blocks", "prepare"]

FILE = "Gaswinning-totaal-1963-2015-maandelijks.xlsx"
FIRST_YEAR, LAST_YEAR = 1971, 2018
FIRST_MONTH_COLUMN = 9  # 0-based: after the eight 1963–1970 totals and one blank column
COLUMNS_PER_YEAR = 14  # 12 months, the annual total, a blank separator


def monthly_blocks(labels, values):
    """Yield (year, [12 month values], annual total) by position, checking what can be checked."""
    for index, year in enumerate(range(FIRST_YEAR, LAST_YEAR + 1)):
        start = FIRST_MONTH_COLUMN + index * COLUMNS_PER_YEAR
        for month in range(12):
            # The month cells carry real dates: a cheap guard that the position arithmetic holds.
            if labels[start + month] != datetime(year, month + 1, 1):
                raise ValueError(f"{FILE}: column {start + month} should be {year}-{month + 1:02d}")
        if not str(labels[start + 12]).startswith("Jaar tota"):
            raise ValueError(f"{FILE}: column {start + 12} should be the {year} annual total")
        yield year, list(values[start : start + 12]), values[start + 12]


def prepare(files):
    labels, values = sheet_rows(files[FILE], "Sheet1")[:2]
    months, volumes = [], []
    for year, monthly, total in monthly_blocks(labels, values):
        # Fact from the source: each year's months add up to its total (to within rounding).
        if abs(sum(monthly) - total) > 1:
            raise ValueError(f"{FILE}: months of {year} do not add up to the annual total")
        months += [datetime(year, m, 1) for m in range(1, 13)]
        volumes += monthly
    volume = pd.Series(volumes, dtype="float64")
    return pd.DataFrame(
        {
            "maand": pd.Series(months).astype("datetime64[us]"),
            "volume_nm3": volume,
            "volume_mrd_m3": volume / 1e9,
        }
    )
