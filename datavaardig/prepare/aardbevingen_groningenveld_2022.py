"""Excel extract "KNMI eventcatalogue 10 feb 2022" → one row per event in the Groningen/Annerveen field.

Three repairs, all documented in datasets/aardbevingen_groningenveld_2022.md:
- the time of day comes from the `Time hh:mm:ss` column, because `Datum` is wrong for one event
  (knmi2015odzs repeats the time of the event before it; KNMI lists 09:54:11, as the time column);
  one time cell is an Excel day fraction instead of text;
- PROVINCIE "??" (one event in the Eems-Dollard) becomes a missing value;
- magnitudes are rounded to their one decimal (Excel float noise such as 1.4000000000000001).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

import numpy as np
import pandas as pd

from datavaardig.prepare._excel import sheet_rows
from datavaardig.prepare._geo import rd_to_lonlat

__all__ = ["FILE", "HEADER", "prepare", "SHEET"]

FILE = "KNMI eventcatalogue 10 feb 2022.xlsx"
SHEET = "10 feb 2022"
HEADER = (
    "nr",
    "Plaats",
    "Datum",
    "Time hh:mm:ss",
    "Magnitude",
    "Diepte_km",
    "Easting",
    "Northing",
    "Veld",
    "PROVINCIE",
)


def _time_of_day(value) -> timedelta:
    """`Time hh:mm:ss` is text ("20:30:33"), a time, or an Excel day fraction (0.900486)."""
    if isinstance(value, str):
        h, m, s = (int(part) for part in value.split(":"))
        return timedelta(hours=h, minutes=m, seconds=s)
    if isinstance(value, time):
        return timedelta(hours=value.hour, minutes=value.minute, seconds=value.second)
    if isinstance(value, (int, float)):
        return timedelta(seconds=round(float(value) * 86400))
    raise ValueError(f"{FILE}: cannot read time of day {value!r}")


def prepare(files):
    rows = sheet_rows(files[FILE], SHEET)
    if tuple(rows[0][: len(HEADER)]) != HEADER:
        raise ValueError(f"{FILE}: unexpected header {rows[0]}")
    raw = pd.DataFrame([r[: len(HEADER)] for r in rows[1:] if r[0] is not None], columns=HEADER)
    moments = [datetime.combine(d.date(), time()) + _time_of_day(t) for d, t in zip(raw["Datum"], raw["Time hh:mm:ss"])]
    x = raw["Easting"].astype("float64")
    y = raw["Northing"].astype("float64")
    lon, lat = rd_to_lonlat(x.to_numpy(), y.to_numpy())
    frame = pd.DataFrame(
        {
            "event_id": raw["nr"].astype("str"),
            # Like KNMI's own catalogue the times are UTC (Huizinge 20:30:33).
            "tijdstip": pd.to_datetime(moments).tz_localize("UTC").astype("datetime64[us, UTC]"),
            # Excel stores e.g. 1.4000000000000001; magnitudes have one decimal.
            "magnitude": raw["Magnitude"].astype("float64").round(1),
            "diepte_km": raw["Diepte_km"].astype("float64"),
            "plaats": raw["Plaats"].astype("str"),
            "x_rd": x,
            "y_rd": y,
            "lat": np.asarray(lat, dtype="float64"),
            "lon": np.asarray(lon, dtype="float64"),
            "veld": raw["Veld"].astype("str"),
            "provincie": raw["PROVINCIE"].mask(raw["PROVINCIE"].eq("??")).astype("str"),
        }
    )
    return frame.sort_values("tijdstip", kind="stable").reset_index(drop=True)
