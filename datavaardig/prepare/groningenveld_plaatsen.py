"""TNO's seven reference towns (RD New points) → GeoDataFrame in WGS84, keeping the RD coordinates."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from datavaardig.prepare._geo import RD_NEW, WGS84, points_rd

__all__ = ["FILE", "prepare"]

FILE = "centres_of_population.csv"


def prepare(files):
    raw = pd.read_csv(files[FILE])
    frame = gpd.GeoDataFrame(
        {
            "plaats": raw["plaats"].astype("str"),
            "x_rd": raw["x"].astype("float64"),
            "y_rd": raw["y"].astype("float64"),
        },
        geometry=points_rd(raw["x"].to_numpy(), raw["y"].to_numpy()),
        crs=RD_NEW,
    )
    return frame.to_crs(WGS84)
