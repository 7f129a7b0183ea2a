"""TNO field outline (RD New vertices) → one polygon in WGS84 with its area."""

from __future__ import annotations

import geopandas as gpd

from datavaardig.prepare._geo import RD_NEW, WGS84, field_outline_rd

__all__ = ["prepare"]


def prepare(files):
    outline = field_outline_rd(files["Groningen_field_outline.csv"])
    frame = gpd.GeoDataFrame(
        {"naam": ["Groningen"], "oppervlakte_km2": [outline.area / 1e6]},
        geometry=[outline],
        crs=RD_NEW,
    )
    frame["naam"] = frame["naam"].astype("str")
    return frame.to_crs(WGS84)
