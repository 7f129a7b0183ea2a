"""CBS/PDOK boundary GeoJSON → GeoDataFrame with only the columns we document."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import shapely

from datavaardig.prepare._geo import WGS84


def read_boundaries(path: Path, columns: dict[str, str]) -> gpd.GeoDataFrame:
    """Read `path` (GeoJSON without a `crs` member, i.e. lon/lat WGS84) and keep/rename `columns`."""
    raw = gpd.read_file(path, columns=list(columns), engine="pyogrio")
    frame = raw[[*columns, "geometry"]].rename(columns=columns)
    for name in columns.values():
        frame[name] = frame[name].astype("str")
    # GeoJSON is WGS84 by definition; say so explicitly so the stored CRS is EPSG:4326.
    frame = frame.set_crs(WGS84, allow_override=True)
    # Rounding coordinates (cartomap: 3 decimals) can make a ring cross itself (Zeeland does), and
    # overlay/sjoin then fail. "structure" repairs it as polygons only, without stray lines.
    invalid = ~frame.is_valid
    if invalid.any():
        frame.loc[invalid, "geometry"] = shapely.make_valid(
            frame.geometry[invalid].to_numpy(), method="structure", keep_collapsed=False
        )
    return frame.sort_values(next(iter(columns.values())), kind="stable").reset_index(drop=True)
