"""Coordinate systems shared by the preparations: RD New (EPSG:28992) for the field, WGS84 for maps."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

RD_NEW = "EPSG:28992"
WGS84 = "EPSG:4326"


def field_outline_rd(path: Path):
    """The Groningen field outline as a shapely Polygon in RD New metres.

    TNO's ring is not closed (first vertex != last); shapely closes a ring itself.
    """
    from shapely.geometry import Polygon

    vertices = pd.read_csv(path)
    return Polygon(zip(vertices["x"], vertices["y"]))


def lonlat_to_rd(lon, lat):
    """Transform WGS84 lon/lat arrays to RD New x/y (metres); always_xy avoids axis-order surprises."""
    from pyproj import Transformer

    transformer = Transformer.from_crs(WGS84, RD_NEW, always_xy=True)
    return transformer.transform(lon, lat)


def rd_to_lonlat(x, y):
    """Transform RD New x/y (metres) to WGS84 lon/lat (degrees); the inverse of `lonlat_to_rd`."""
    from pyproj import Transformer

    transformer = Transformer.from_crs(RD_NEW, WGS84, always_xy=True)
    return transformer.transform(x, y)


def points_rd(x, y):
    """Shapely points for RD New coordinate arrays (vectorised; no Python loop per point)."""
    import shapely

    return shapely.points(x, y)
