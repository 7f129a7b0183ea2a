"""cartomap's simplified CBS/PDOK province boundaries 2023 → one multipolygon per province, WGS84.

Coordinates are rounded to 3 decimals (about 70–110 m) by cartomap: fine for overview maps, not
for point-in-polygon tests near a border.
"""

from __future__ import annotations

from datavaardig.prepare._boundaries import read_boundaries

__all__ = ["FILE", "prepare"]

FILE = "provincie_2023.geojson"


def prepare(files):
    # cartomap renamed CBS's `statnaam` to `name`.
    return read_boundaries(files[FILE], {"statcode": "provinciecode", "name": "provincie"})
