"""CBS/PDOK `gemeente_gegeneraliseerd` 2022 → one (multi)polygon per gemeente, WGS84.

The file has no province: join on `gemeentecode` with `gemeenten_2024` (see the data dictionary).
"""

from __future__ import annotations

from datavaardig.prepare._boundaries import read_boundaries

__all__ = ["FILE", "prepare"]

FILE = "gemeenten.geojson"


def prepare(files):
    return read_boundaries(files[FILE], {"statcode": "gemeentecode", "statnaam": "gemeente"})
