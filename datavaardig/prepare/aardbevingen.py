"""KNMI all_induced.json → one row per induced earthquake, with `in_groningenveld`."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from datavaardig.prepare._geo import field_outline_rd, lonlat_to_rd

__all__ = ["prepare"]


def prepare(files):
    with open(files["2025-08-05_12-22-31_cat.json"], encoding="utf-8") as fh:
        events = pd.DataFrame(json.load(fh)["events"])
    # KNMI lists times in UTC and every value as a string.
    frame = pd.DataFrame(
        {
            "tijdstip": pd.to_datetime(events["date"] + " " + events["time"], utc=True).astype("datetime64[us, UTC]"),
            "magnitude": pd.to_numeric(events["mag"]).astype("float64"),
            "diepte_km": pd.to_numeric(events["depth"]).astype("float64"),
            "lat": pd.to_numeric(events["lat"]).astype("float64"),
            "lon": pd.to_numeric(events["lon"]).astype("float64"),
            "plaats": events["place"].astype("str"),
        }
    )
    import shapely

    outline = field_outline_rd(files["Groningen_field_outline.csv"])
    x, y = lonlat_to_rd(frame["lon"].to_numpy(), frame["lat"].to_numpy())
    frame["in_groningenveld"] = shapely.contains_xy(outline, np.asarray(x), np.asarray(y))
    # The file is newest-first; a time series reads better oldest-first.
    return frame.sort_values("tijdstip", kind="stable").reset_index(drop=True)
