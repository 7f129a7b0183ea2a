"""Third-party processed CBS KWB 2021 gemeente JSON → one flat row per gemeente (derived data).

The repository author nested indicators under English group labels and derived percentages and
rates. We flatten them to Dutch snake_case columns and correct four known problems:
- Eemsdelta (GM1979) has an empty province: filled from CBS "Gebieden in Nederland 2024";
- ten gemeenten that merged in 2022 have an empty name (the author looked names up in a newer
  division): filled from `MERGED_2022`, their official 2021 names;
- "Population density (per km²)" is really the address density (omgevingsadressendichtheid);
- "Unemployment proxy (%)" is WW benefits ÷ all inhabitants, not an unemployment rate.
Indicators that appear in two groups (e.g. "Avg household size") are kept once, after checking
that both copies agree. The top-level `_…` keys only repeat indicators for the web app.
"""

from __future__ import annotations

import json

import pandas as pd

from datavaardig.prepare._cbs import gemeente_lookup

__all__ = ["DUPLICATES", "FILE", "GEBIEDEN", "INDICATORS", "MERGED_2022", "prepare"]

FILE = "nl_data.json"
GEBIEDEN = "inwonertal.csv"

# (group, label in the file) → our column; the order here is the column order of the table.
INDICATORS = {
    ("Demographics", "Under 15 years (%)"): "leeftijd_0_14_pct",
    ("Demographics", "15-24 years (%)"): "leeftijd_15_24_pct",
    ("Demographics", "25-44 years (%)"): "leeftijd_25_44_pct",
    ("Demographics", "45-64 years (%)"): "leeftijd_45_64_pct",
    ("Demographics", "65+ years (%)"): "leeftijd_65_plus_pct",
    ("Demographics", "Male (%)"): "mannen_pct",
    ("Demographics", "Female (%)"): "vrouwen_pct",
    ("Demographics", "Western background (%)"): "westerse_migratieachtergrond_pct",
    ("Demographics", "Non-Western background (%)"): "niet_westerse_migratieachtergrond_pct",
    ("Demographics", "Population density (per km²)"): "omgevingsadressendichtheid",
    ("Demographics", "Birth rate (per 1000)"): "geboorten_per_1000",
    ("Demographics", "Mortality rate (per 1000)"): "sterfte_per_1000",
    ("Demographics", "Unmarried (%)"): "ongehuwd_pct",
    ("Demographics", "Married (%)"): "gehuwd_pct",
    ("Demographics", "Divorced (%)"): "gescheiden_pct",
    ("Demographics", "Widowed (%)"): "verweduwd_pct",
    ("Demographics", "Avg household size"): "huishoudensgrootte_gem",
    ("Demographics", "Single-person households (%)"): "eenpersoonshuishoudens_pct",
    ("Housing", "Avg WOZ value (x€1k)"): "woz_waarde_gem_duizend_eur",
    ("Housing", "Owner-occupied (%)"): "koopwoningen_pct",
    ("Housing", "Rental homes (%)"): "huurwoningen_pct",
    ("Housing", "Social housing (%)"): "huurwoningen_corporatie_pct",
    ("Housing", "Single-family homes (%)"): "eengezinswoningen_pct",
    ("Housing", "Multi-family homes (%)"): "meergezinswoningen_pct",
    ("Housing", "Vacancy rate (%)"): "leegstand_pct",
    ("Housing", "Pre-2000 stock (%)"): "bouwjaar_voor_2000_pct",
    ("Housing", "Post-2000 stock (%)"): "bouwjaar_vanaf_2000_pct",
    ("IncomeWealth", "Avg income per inhabitant (x€1k)"): "inkomen_per_inwoner_duizend_eur",
    ("IncomeWealth", "Avg income per earner (x€1k)"): "inkomen_per_ontvanger_duizend_eur",
    ("IncomeWealth", "Avg household income (x€1k)"): "gestandaardiseerd_inkomen_huishouden_duizend_eur",
    ("IncomeWealth", "Median household wealth (x€1k)"): "vermogen_huishouden_mediaan_duizend_eur",
    ("IncomeWealth", "Bottom-40% income share (%)"): "personen_laagste_40pct_inkomen_pct",
    ("IncomeWealth", "Top-20% income share (%)"): "personen_hoogste_20pct_inkomen_pct",
    ("Inequality", "Low income threshold (%)"): "huishoudens_laag_inkomen_pct",
    ("Inequality", "At-or-below social minimum (%)"): "huishoudens_rond_sociaal_minimum_pct",
    ("Inequality", "Near-poverty 110% (%)"): "huishoudens_tot_110pct_sociaal_minimum_pct",
    ("Inequality", "Near-poverty 120% (%)"): "huishoudens_tot_120pct_sociaal_minimum_pct",
    ("Inequality", "Youth welfare (%)"): "jongeren_met_jeugdzorg_pct",
    ("Inequality", "Bijstand recipients (per 1k)"): "bijstandsuitkeringen_per_1000",
    ("WelfareCare", "Disability benefit (per 1k)"): "ao_uitkeringen_per_1000",
    ("WelfareCare", "AOW pension recipients (per 1k)"): "aow_uitkeringen_per_1000",
    ("WelfareCare", "Wmo care clients (per 1k)"): "wmo_clienten_per_1000",
    ("HumanCapital", "Low education (%)"): "opleiding_laag_pct",
    ("HumanCapital", "Medium education (%)"): "opleiding_middelbaar_pct",
    ("HumanCapital", "High education (%)"): "opleiding_hoog_pct",
    ("HumanCapital", "Labour participation (%)"): "netto_arbeidsparticipatie_pct",
    ("HumanCapital", "Employees (% of workforce)"): "werknemers_pct",
    ("HumanCapital", "Self-employed (% of workforce)"): "zelfstandigen_pct",
    ("HumanCapital", "Unemployment proxy (%)"): "ww_uitkeringen_pct_inwoners",
    ("Services", "Distance to GP (km)"): "afstand_huisarts_km",
    ("Services", "Distance to supermarket (km)"): "afstand_grote_supermarkt_km",
    ("Services", "Distance to school (km)"): "afstand_school_km",
    ("Services", "Distance to daycare (km)"): "afstand_kinderdagverblijf_km",
    ("Services", "Schools within 3km"): "scholen_binnen_3km",
    ("Services", "Degree of urbanisation (1–5)"): "stedelijkheid",
    ("Economy", "Business density (per 1k pop)"): "bedrijfsvestigingen_per_1000_inwoners",
    ("Economy", "Agriculture sector (%)"): "vestigingen_landbouw_pct",
    ("Economy", "Industry & energy sector (%)"): "vestigingen_nijverheid_energie_pct",
    ("Economy", "Trade & hospitality sector (%)"): "vestigingen_handel_horeca_pct",
    ("Economy", "Transport & ICT sector (%)"): "vestigingen_vervoer_ict_pct",
    ("Economy", "Finance & real estate sector (%)"): "vestigingen_financieel_onroerend_goed_pct",
    ("Economy", "Business services sector (%)"): "vestigingen_zakelijke_diensten_pct",
    ("Economy", "Public/edu/health sector (%)"): "vestigingen_overheid_onderwijs_zorg_pct",
    ("Economy", "Culture & recreation sector (%)"): "vestigingen_cultuur_recreatie_pct",
    ("Economy", "Cars per household"): "personenautos_per_huishouden",
    ("Economy", "EV & alternative fuel cars (%)"): "personenautos_overige_brandstof_pct",
    ("Environment", "Avg electricity use (kWh/yr)"): "elektriciteit_gem_kwh",
    ("Environment", "Avg gas use (m³/yr)"): "aardgas_gem_m3",
    ("Environment", "District heating (%)"): "stadsverwarming_pct",
    ("Environment", "Land area (km²)"): "oppervlakte_land_km2",
    ("Environment", "Water area (km²)"): "oppervlakte_water_km2",
    ("Environment", "Water share (%)"): "water_pct",
}
# Gemeenten of 1 January 2021 that merged on 1 January 2022 (into Purmerend, Dijk en Waard, Land van
# Cuijk and Maashorst); the file leaves their names empty and the 2024 division no longer has them.
MERGED_2022 = {
    "GM0370": "Beemster",
    "GM0398": "Heerhugowaard",
    "GM0416": "Langedijk",
    "GM0756": "Boxmeer",
    "GM0786": "Grave",
    "GM0815": "Mill en Sint Hubert",
    "GM0856": "Uden",
    "GM1684": "Cuijk",
    "GM1685": "Landerd",
    "GM1702": "Sint Anthonis",
}
# The same indicator under a second group: must equal the copy we keep.
DUPLICATES = {
    ("Housing", "Avg household size"): ("Demographics", "Avg household size"),
    ("Inequality", "Bottom-40% income share (%)"): ("IncomeWealth", "Bottom-40% income share (%)"),
    ("Inequality", "Top-20% income share (%)"): ("IncomeWealth", "Top-20% income share (%)"),
    ("WelfareCare", "Bijstand recipients (per 1k)"): ("Inequality", "Bijstand recipients (per 1k)"),
    ("WelfareCare", "Youth welfare (%)"): ("Inequality", "Youth welfare (%)"),
    ("WelfareCare", "Near-poverty 110% (%)"): ("Inequality", "Near-poverty 110% (%)"),
    ("WelfareCare", "Near-poverty 120% (%)"): ("Inequality", "Near-poverty 120% (%)"),
}


def _flatten(code: str, entry: dict) -> dict:
    row = {
        "gemeentecode": code,
        "gemeente": entry["Naam"],
        "provincie": entry["Provincie"],
        "inwoners": entry["Population"],
    }
    for group, indicators in entry.items():
        if not isinstance(indicators, dict):
            continue  # Naam, Provincie, Population and the `_…` web-app copies
        for label, value in indicators.items():
            key = (group, label)
            if key in DUPLICATES:
                original = entry[DUPLICATES[key][0]].get(DUPLICATES[key][1])
                if original != value:
                    raise ValueError(f"{FILE}: {code} {group}/{label} differs from its other copy")
            elif key in INDICATORS:
                row[INDICATORS[key]] = value
            else:
                # Nothing may be dropped silently: a new label needs a name here first.
                raise ValueError(f"{FILE}: unknown indicator {group}/{label}")
    return row


def prepare(files):
    with open(files[FILE], encoding="utf-8") as fh:
        gemeenten = json.load(fh)["Gemeente"]
    rows = [_flatten(code, entry) for code, entry in gemeenten.items()]
    frame = pd.DataFrame.from_records(rows)
    columns = ["gemeentecode", "gemeente", "provincie", "inwoners", *INDICATORS.values()]
    frame = frame.reindex(columns=columns)  # indicators absent for every gemeente stay NaN
    nameless = frame["gemeente"].eq("")
    frame.loc[nameless, "gemeente"] = frame.loc[nameless, "gemeentecode"].map(MERGED_2022)
    provinces = gemeente_lookup(files[GEBIEDEN]).set_index("gemeentecode")["provincie"]
    empty = frame["provincie"].eq("")
    frame.loc[empty, "provincie"] = frame.loc[empty, "gemeentecode"].map(provinces)
    for name in ("gemeente", "provincie"):
        if frame[name].isna().any() or frame[name].eq("").any():
            raise ValueError(f"{FILE}: a gemeente without {name} remains after the fixes")
    for name in ("gemeentecode", "gemeente", "provincie"):
        frame[name] = frame[name].astype("str")
    frame["inwoners"] = frame["inwoners"].astype("int64")
    for name in columns[4:]:
        frame[name] = frame[name].astype("float64")
    # A class 1–5 (stored as 1.0 … 5.0 in the file); known for every gemeente.
    frame["stedelijkheid"] = frame["stedelijkheid"].astype("int64")
    return frame.sort_values("gemeentecode", kind="stable").reset_index(drop=True)
