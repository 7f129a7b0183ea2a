"""CBS Kerncijfers wijken en buurten 2024 (85984NED), gemeenten and wijken → one row per region.

The extract holds only codes; names of gemeenten (and their province) come from CBS "Gebieden in
Nederland 2024", which uses the same 1 January 2024 division. Wijk names are not in either file.
"""

from __future__ import annotations

import json

import pandas as pd

from datavaardig.prepare._cbs import gemeente_lookup

__all__ = ["DATA", "GEBIEDEN", "KIND", "prepare", "PROPERTIES", "VARIABLES"]

DATA = "stripped_filtered_data_2024.json"
PROPERTIES = "DataProperties.json"
GEBIEDEN = "inwonertal.csv"

# CBS key → (our column, the unit CBS states in DataProperties.json). The unit is checked, so a
# change in CBS's metadata cannot silently turn hectares into km².
VARIABLES = {
    "AantalInwoners_5": ("inwoners", "aantal"),
    "Mannen_6": ("mannen", "aantal"),
    "Vrouwen_7": ("vrouwen", "aantal"),
    "Bevolkingsdichtheid_34": ("bevolkingsdichtheid_per_km2", "aantal inwoners per km²"),
    "Woningvoorraad_35": ("woningvoorraad", "aantal"),
    "OppervlakteTotaal_122": ("oppervlakte_totaal_ha", "ha"),
    "OppervlakteLand_123": ("oppervlakte_land_ha", "ha"),
    "OppervlakteWater_124": ("oppervlakte_water_ha", "ha"),
}
KIND = {"GM": "gemeente", "WK": "wijk"}


def _check_units(path) -> None:
    with open(path, encoding="utf-8") as fh:
        units = {p.get("Key"): p.get("Unit") for p in json.load(fh)}
    for key, (_name, unit) in VARIABLES.items():
        if units.get(key) != unit:
            raise ValueError(f"{PROPERTIES}: {key} has unit {units.get(key)!r}, expected {unit!r}")


def prepare(files):
    _check_units(files[PROPERTIES])
    with open(files[DATA], encoding="utf-8") as fh:
        values = pd.DataFrame.from_dict(json.load(fh), orient="index")
    code = pd.Series(values.index, index=values.index, dtype="str")
    frame = pd.DataFrame(
        {
            "regiocode": code,
            "soort": code.str[:2].map(KIND).astype("str"),
            # WK + 6 digits: the first four are the gemeente's digits.
            "gemeentecode": ("GM" + code.str[2:6]).astype("str"),
        }
    ).reset_index(drop=True)
    names = gemeente_lookup(files[GEBIEDEN])[["gemeentecode", "gemeente", "provincie"]]
    frame = frame.merge(names, on="gemeentecode", how="left", validate="many_to_one")
    for key, (name, _unit) in VARIABLES.items():
        column = values[key].reset_index(drop=True)
        # CBS suppresses some values (JSON null): those columns become nullable integers.
        frame[name] = column.astype("Int64" if column.isna().any() else "int64")
    order = frame["soort"].map({"gemeente": 0, "wijk": 1})
    frame = frame.assign(_order=order).sort_values(["gemeentecode", "_order", "regiocode"])
    return frame.drop(columns="_order").reset_index(drop=True)
