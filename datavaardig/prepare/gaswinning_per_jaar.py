"""BevingGevoeld.nl annual summary (jaar, aantal, gaswinning) → typed, with 2019 flagged as partial."""

from __future__ import annotations

import pandas as pd

__all__ = ["FILE", "PARTIAL_YEARS", "prepare"]

FILE = "gegevens-geaggregeerd-per-jaar.csv"
# The summary was made in June 2019: that year holds only about half a year of data.
PARTIAL_YEARS = {2019}


def prepare(files):
    raw = pd.read_csv(files[FILE])
    return pd.DataFrame(
        {
            "jaar": raw["jaar"].astype("int64"),
            "aantal_bevingen": raw["aantal"].astype("int64"),
            "gaswinning_mrd_m3": raw["gaswinning"].astype("float64"),
            "volledig_jaar": ~raw["jaar"].isin(PARTIAL_YEARS),
        }
    )
