"""KNMI daily station files (etmgeg_<STN>.txt) → one long table, one row per station per day.

KNMI stores most quantities as integers in tenths (0.1 °C, 0.1 mm, 0.1 m/s, 0.1 h); here they are
converted to whole units. Blank fields are missing values and stay NaN.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["COLUMNS", "prepare", "read_station", "STATIONS", "TRACE_COLUMNS"]

# File name → station name (the station list is not in the files themselves).
STATIONS = {"etmgeg_286.txt": (286, "Nieuw Beerta"), "etmgeg_277.txt": (277, "Lauwersoog")}

# KNMI column → (our column, divisor). Order here is the column order of the table.
# Left out on purpose: the hour-slot columns (*H), FHVEC/FHN, and PG/PX/PN/VVN/VVX/NG, which are
# empty at both stations (air pressure, visibility and cloud cover are not measured there).
COLUMNS = {
    "TG": ("temp_gem", 10),
    "TN": ("temp_min", 10),
    "TX": ("temp_max", 10),
    "T10N": ("temp_min_10cm", 10),
    "RH": ("neerslag_mm", 10),
    "RHX": ("neerslag_max_uur_mm", 10),
    "DR": ("neerslag_duur_uur", 10),
    "SQ": ("zon_uren", 10),
    "SP": ("zon_procent", 1),
    "Q": ("straling_jcm2", 1),
    "DDVEC": ("windrichting_graden", 1),
    "FG": ("wind_gem_ms", 10),
    "FHX": ("wind_max_uur_ms", 10),
    "FXX": ("windstoot_max_ms", 10),
    "UG": ("luchtvochtigheid_gem_pct", 1),
    "UN": ("luchtvochtigheid_min_pct", 1),
    "UX": ("luchtvochtigheid_max_pct", 1),
    "EV24": ("verdamping_mm", 10),
}
# -1 means "less than 0.05" (a trace); it counts as 0 so that sums and means stay honest.
TRACE_COLUMNS = ("RH", "RHX", "SQ")


def _header_line(path) -> int:
    """Line number of the `# STN,YYYYMMDD,…` header (51 today; found rather than hard-coded)."""
    with open(path, encoding="ascii") as fh:
        for number, line in enumerate(fh):
            if line.startswith("# STN"):
                return number
    raise ValueError(f"{path}: no '# STN' header line found")


def read_station(path) -> pd.DataFrame:
    raw = pd.read_csv(path, skiprows=_header_line(path), skipinitialspace=True)
    raw.columns = [c.strip().removeprefix("# ") for c in raw.columns]
    for column in TRACE_COLUMNS:
        raw[column] = raw[column].mask(raw[column] == -1, 0)
    frame = pd.DataFrame(
        {
            "stationsnummer": raw["STN"].astype("int64"),
            "datum": pd.to_datetime(raw["YYYYMMDD"].astype("str"), format="%Y%m%d").astype("datetime64[us]"),
        }
    )
    for knmi, (name, divisor) in COLUMNS.items():
        frame[name] = raw[knmi].astype("float64") / divisor
    return frame


def prepare(files):
    parts = []
    for file_name, (number, name) in STATIONS.items():
        part = read_station(files[file_name])
        if not (part["stationsnummer"] == number).all():
            raise ValueError(f"{file_name}: expected only station {number}")
        part.insert(0, "station", pd.Series(name, index=part.index, dtype="str"))
        parts.append(part)
    frame = pd.concat(parts, ignore_index=True)
    return frame.sort_values(["station", "datum"], kind="stable").reset_index(drop=True)
