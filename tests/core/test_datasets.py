"""Every catalog dataset loads with its documented columns, dtypes and rows, and the facts in the
sources' SOURCE.md files hold in the tidy tables."""

from __future__ import annotations

import re

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

import datavaardig as dv
from datavaardig import catalog
from datavaardig import raw as rawfiles

CATALOG = catalog.load_catalog()
IDS = list(CATALOG)
GRONINGEN = {  # gemeente code → (name, inhabitants on 1 January 2024), from the CBS SOURCE.md files
    "GM1979": ("Eemsdelta", 45_106),
    "GM0014": ("Groningen", 243_768),
    "GM1966": ("Het Hogeland", 48_224),
    "GM1952": ("Midden-Groningen", 61_433),
    "GM1895": ("Oldambt", 39_405),
    "GM0765": ("Pekela", 12_517),
    "GM0037": ("Stadskanaal", 32_013),
    "GM0047": ("Veendam", 27_520),
    "GM1969": ("Westerkwartier", 64_896),
    "GM1950": ("Westerwolde", 26_465),
}


@pytest.fixture(scope="session")
def tables(mirror):
    """dv.load per id, loaded once per session (the fixture `mirror` sets DATAVAARDIG_DATA)."""
    loaded: dict[str, pd.DataFrame] = {}

    def get(id_: str):
        if id_ not in loaded:
            loaded[id_] = dv.load(id_)
        return loaded[id_]

    return get


# --- the catalog and the data dictionaries ---------------------------------------------------


@pytest.mark.parametrize("id_", IDS)
def test_catalog_entry_is_complete(id_):
    d = CATALOG[id_]
    assert d.schema, "schema is empty"
    assert "TODO" not in d.description
    for text in (d.title_nl, d.title_en, d.publisher, d.licence, d.origin, d.time_span):
        assert text.strip()
    assert d.attribution.startswith("Bron:")
    assert d.status in {"primary", "secondary", "derived"}
    assert d.rows > 0
    names = [c.name for c in d.schema]
    assert len(names) == len(set(names))
    for col in d.schema:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", col.name), f"{col.name} is not snake_case"
        assert col.meaning.strip(), f"{col.name} has no meaning"
    if d.kind == "geo":
        assert d.crs == "EPSG:4326" and names[-1] == "geometry"
    for raw in d.raw:
        assert re.fullmatch(r"[0-9a-f]{64}", raw.sha256) and raw.size > 0
        assert raw.url.startswith("https://")


@pytest.mark.parametrize("id_", IDS)
def test_data_dictionary_names_every_column(id_):
    d = CATALOG[id_]
    text = d.dictionary_path.read_text(encoding="utf-8")
    missing = [c.name for c in d.schema if f"`{c.name}`" not in text]
    assert not missing, f"{d.dictionary_path.name} does not describe {missing}"
    assert d.attribution in text, "the dictionary must say how to cite the source"


def test_raw_files_with_the_same_path_agree_across_entries():
    seen: dict[str, tuple] = {}
    for d in CATALOG.values():
        for raw in d.raw:
            key = (raw.sha256, raw.size, raw.url)
            assert seen.setdefault(raw.path, key) == key, raw.path


def test_uncertain_damage_claims_stay_out():
    assert not any(r.path.startswith("mijnbouwschade") for d in CATALOG.values() for r in d.raw)


# --- every table: columns, dtypes, rows --------------------------------------------------------


@pytest.mark.parametrize("id_", IDS)
def test_columns_and_dtypes_match_the_catalog(tables, id_):
    d = CATALOG[id_]
    df = tables(id_)
    assert list(df.columns) == [c.name for c in d.schema]
    for col in d.schema:
        if col.dtype == "geometry":
            assert isinstance(df[col.name], gpd.GeoSeries)
        assert str(df[col.name].dtype) == col.dtype, col.name
    if d.kind == "geo":
        assert isinstance(df, gpd.GeoDataFrame)
        assert df.crs.to_epsg() == 4326
        assert df.geometry.is_valid.all()
    assert df.attrs["bron"] == d.attribution


@pytest.mark.parametrize("id_", IDS)
def test_row_count_matches_the_catalog(tables, id_):
    assert len(tables(id_)) == CATALOG[id_].rows


@pytest.mark.parametrize("id_", IDS)
def test_text_columns_have_no_padding(tables, id_):
    df = tables(id_)
    for name in df.columns:
        if str(df[name].dtype) == "str":
            values = df[name].dropna()
            assert (values == values.str.strip()).all(), name
            assert (values != "").all(), name


# --- aardbevingen and the field ---------------------------------------------------------------


def test_aardbevingen_facts(tables):
    df = tables("aardbevingen")
    largest = df.loc[df["magnitude"].idxmax()]
    assert largest["tijdstip"] == pd.Timestamp("2012-08-16 20:30:33", tz="UTC")
    assert (largest["magnitude"], largest["plaats"]) == (3.6, "Huizinge")
    assert bool(largest["in_groningenveld"])
    roswinkel = df[(df["plaats"] == "Roswinkel") & (df["tijdstip"].dt.year == 1997)]
    assert len(roswinkel) > 0 and not roswinkel["in_groningenveld"].any()
    assert (df["magnitude"] >= 3.0).sum() == 23
    assert (df["magnitude"] >= 2.0).sum() == 194
    assert df["tijdstip"].is_monotonic_increasing
    assert df["tijdstip"].iloc[0].date().isoformat() == "1986-12-26"
    per_year = df.groupby(df["tijdstip"].dt.year).size()
    assert per_year[2013] == 133 and per_year[2019] == 92


def test_groningenveld_and_reference_towns(tables):
    field = tables("groningenveld").geometry.iloc[0]
    towns = tables("groningenveld_plaatsen").set_index("plaats")
    assert set(towns.index) == {
        "Hoogezand",
        "Winschoten",
        "Delfzijl",
        "Eemshaven",
        "Groningen",
        "Loppersum",
        "Ten Boer",
    }
    assert towns.geometry["Loppersum"].within(field)
    assert not towns.geometry["Groningen"].within(field)  # the city lies west of the field
    city = towns.geometry["Groningen"]
    assert city.x == pytest.approx(6.57, abs=0.01) and city.y == pytest.approx(53.22, abs=0.01)
    assert towns.loc["Loppersum", ["x_rd", "y_rd"]].tolist() == [245600.0, 594790.0]


def test_field_extract_2022_facts(tables):
    df = tables("aardbevingen_groningenveld_2022")
    assert df["event_id"].is_unique
    huizinge = df.loc[df["magnitude"].idxmax()]
    assert (huizinge["event_id"], huizinge["plaats"], huizinge["magnitude"]) == ("knmi2012qcdh", "Huizinge", 3.6)
    assert huizinge["tijdstip"] == pd.Timestamp("2012-08-16 20:30:33", tz="UTC")
    assert df["veld"].value_counts().to_dict() == {"Groningen": 1460, "Annerveen": 14}
    assert df["provincie"].value_counts(dropna=False).to_dict() == {"Groningen": 1470, "Drenthe": 3, np.nan: 1}
    assert df["tijdstip"].min() == pd.Timestamp("1991-12-05 00:24:55", tz="UTC")
    assert df["tijdstip"].max() == pd.Timestamp("2022-01-26 03:51:37", tz="UTC")
    # 'Datum' is wrong for this event; the time column (and KNMI) say 09:54:11.
    garmerwolde = df.set_index("event_id").loc["knmi2015odzs", "tijdstip"]
    assert garmerwolde == pd.Timestamp("2015-07-21 09:54:11", tz="UTC")


def _match_extract_to_knmi(tables) -> pd.DataFrame:
    """Each extract event next to the KNMI catalogue event at (almost) the same moment."""
    extract = tables("aardbevingen_groningenveld_2022")
    knmi = tables("aardbevingen")
    return pd.merge_asof(
        extract,
        knmi,
        on="tijdstip",
        direction="nearest",
        tolerance=pd.Timedelta("2s"),
        suffixes=("", "_knmi"),
    )


def test_field_extract_matches_the_knmi_catalogue(tables):
    matched = _match_extract_to_knmi(tables)
    assert matched["magnitude_knmi"].notna().all(), "every extract event is in the KNMI catalogue"
    assert (matched["magnitude"] == matched["magnitude_knmi"]).all()
    assert (matched["plaats"] == matched["plaats_knmi"]).all()
    # KNMI gives lat/lon to 3 decimals; ours are converted from RD. They agree to that rounding,
    # except one event (knmi2021lwum) that KNMI has since moved by about 200 m.
    offset = np.maximum((matched["lat"] - matched["lat_knmi"]).abs(), (matched["lon"] - matched["lon_knmi"]).abs())
    assert (offset < 0.0006).mean() > 0.99
    assert offset.max() < 0.005


def test_in_groningenveld_agrees_with_the_field_attribution(tables):
    matched = _match_extract_to_knmi(tables)
    attributed = matched["veld"] == "Groningen"
    agreement = (matched["in_groningenveld"] == attributed).mean()
    # Measured 96.7 %: 48 events attributed to the field lie just outside TNO's reservoir outline.
    assert agreement > 0.95
    assert not matched.loc[matched["veld"] == "Annerveen", "in_groningenveld"].any()


# --- gas production -------------------------------------------------------------------------


def _nam_annual_totals() -> dict[int, float]:
    """The 'Jaar totaal' cells of the raw NAM sheet, in column order from 1963 (labels have typos)."""
    import openpyxl

    d = CATALOG["gaswinning"]
    path = rawfiles.fetch(d, d.raw[0])
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    labels, values = list(workbook["Sheet1"].iter_rows(values_only=True))[:2]
    workbook.close()
    totals = [v for label, v in zip(labels, values) if str(label).startswith("Jaar tota")]
    return dict(zip(range(1963, 1963 + len(totals)), totals))


def test_gaswinning_months_add_up_to_the_annual_totals(tables):
    df = tables("gaswinning")
    totals = _nam_annual_totals()
    assert len(totals) == 56 and max(totals) == 2018
    per_year = df.groupby(df["maand"].dt.year)["volume_nm3"].agg(["sum", "size"])
    assert (per_year["size"] == 12).all()
    assert list(per_year.index) == list(range(1971, 2019))
    for year, row in per_year.iterrows():
        assert row["sum"] == pytest.approx(totals[year], abs=1.0), year


def test_gaswinning_facts(tables):
    df = tables("gaswinning")
    assert df["maand"].tolist() == list(pd.date_range("1971-01-01", "2018-12-01", freq="MS"))
    assert np.allclose(df["volume_mrd_m3"], df["volume_nm3"] / 1e9)
    per_year = df.groupby(df["maand"].dt.year)["volume_mrd_m3"].sum()
    assert round(per_year[2013], 2) == 53.87
    assert per_year.idxmax() == 1976 and round(per_year[1976], 2) == 87.74
    assert per_year.loc[1982:].idxmax() == 2013  # the recent peak, before production was cut back
    largest = df.loc[df["volume_nm3"].idxmax()]
    assert largest["maand"] == pd.Timestamp("1979-01-01") and round(largest["volume_mrd_m3"], 2) == 10.95
    smallest = df.loc[df["volume_nm3"].idxmin()]
    assert smallest["maand"] == pd.Timestamp("2003-07-01") and round(smallest["volume_mrd_m3"], 2) == 0.31


def test_gaswinning_per_jaar_cross_checks(tables):
    df = tables("gaswinning_per_jaar").set_index("jaar")
    assert list(df.index) == list(range(1986, 2020))
    assert df.index[~df["volledig_jaar"]].tolist() == [2019]
    monthly = tables("gaswinning")
    nam = monthly.groupby(monthly["maand"].dt.year)["volume_mrd_m3"].sum()
    years = range(1986, 2019)
    assert (df.loc[years, "gaswinning_mrd_m3"] - nam.loc[years]).abs().max() <= 0.0101
    quakes = tables("aardbevingen")
    knmi = quakes.groupby(quakes["tijdstip"].dt.year).size().reindex(years, fill_value=0)
    assert df.loc[years, "aantal_bevingen"].tolist() == knmi.tolist()
    assert df.loc[1988, "aantal_bevingen"] == 0 and df.loc[2019, "aantal_bevingen"] == 46


# --- weather ----------------------------------------------------------------------------------


def test_weer_facts(tables):
    df = tables("weer")
    assert df.groupby("station")["stationsnummer"].unique().map(list).to_dict() == {
        "Lauwersoog": [277],
        "Nieuw Beerta": [286],
    }
    assert df["station"].value_counts().to_dict() == {"Nieuw Beerta": 13_325, "Lauwersoog": 12_884}
    assert not df.duplicated(["station", "datum"]).any()
    for station, days in df.groupby("station")["datum"]:
        assert (days.diff().dropna() == pd.Timedelta(days=1)).all(), station
    hottest = df.loc[df["temp_max"].idxmax()]
    assert (hottest["station"], hottest["datum"], hottest["temp_max"]) == (
        "Nieuw Beerta",
        pd.Timestamp("2019-07-25"),
        37.9,
    )
    by_station = df.set_index("station")
    coldest = df.loc[df["temp_min"].idxmin()]
    assert (coldest["station"], coldest["datum"], coldest["temp_min"]) == (
        "Nieuw Beerta",
        pd.Timestamp("2005-03-04"),
        -19.3,
    )
    assert by_station.loc["Lauwersoog", "temp_max"].max() == 35.7
    wettest = df.loc[df.groupby("station")["neerslag_mm"].idxmax()].set_index("station")
    assert wettest.loc["Nieuw Beerta", "neerslag_mm"] == 55.0
    assert wettest.loc["Nieuw Beerta", "datum"] == pd.Timestamp("1997-07-22")
    assert wettest.loc["Lauwersoog", "neerslag_mm"] == 57.6
    normal = df[df["datum"].dt.year.between(1991, 2020)]
    means = normal.groupby("station")["temp_gem"].mean().round(1).to_dict()
    assert means == {"Lauwersoog": 10.3, "Nieuw Beerta": 9.7}


def test_weer_trace_and_missing_values(tables):
    df = tables("weer")
    # KNMI writes -1 for "less than 0.05 mm/h"; those count as 0, so nothing is negative.
    for name in ("neerslag_mm", "neerslag_max_uur_mm", "zon_uren"):
        assert (df[name].dropna() >= 0).all(), name
    nieuw_beerta = df[df["station"] == "Nieuw Beerta"]
    # Blank fields stay missing: the first days of 1990 are empty, and counts match SOURCE.md.
    assert nieuw_beerta["temp_gem"].notna().sum() == 13_291
    assert nieuw_beerta["neerslag_mm"].notna().sum() == 12_874
    assert nieuw_beerta.loc[nieuw_beerta["temp_gem"].notna(), "datum"].min() == pd.Timestamp("1990-01-23")
    assert (nieuw_beerta["neerslag_mm"] == 0).sum() > 767  # the 767 trace days are among them


# --- CBS tables ---------------------------------------------------------------------------------


def test_gemeenten_2024_facts(tables):
    df = tables("gemeenten_2024")
    assert df["gemeentecode"].str.fullmatch(r"GM\d{4}").all() and df["gemeentecode"].is_unique
    assert df["inwoners"].sum() == 17_942_942
    assert df["provincie"].nunique() == 12
    groningen = df[df["provinciecode"] == "PV20"].set_index("gemeentecode")
    assert (groningen["provincie"] == "Groningen").all()
    assert {c: (r["gemeente"], r["inwoners"]) for c, r in groningen.iterrows()} == GRONINGEN
    assert groningen["inwoners"].sum() == 601_347
    assert groningen.loc["GM0014", "stedelijkheid"] == 1
    assert groningen.loc["GM0014", "stedelijkheid_omschrijving"] == "Zeer sterk stedelijk"
    assert set(groningen["veiligheidsregio"]) == {"Groningen"}


def test_kerncijfers_2024_facts(tables):
    df = tables("kerncijfers_2024")
    assert df["soort"].value_counts().to_dict() == {"wijk": 3393, "gemeente": 342}
    gemeenten = df[df["soort"] == "gemeente"].set_index("regiocode")
    assert gemeenten["inwoners"].sum() == 17_942_942
    assert (gemeenten.index == gemeenten["gemeentecode"]).all()
    groningen = gemeenten[gemeenten["provincie"] == "Groningen"]
    assert {c: (r["gemeente"], r["inwoners"]) for c, r in groningen.iterrows()} == GRONINGEN
    hogeland = gemeenten.loc["GM1966"]
    assert (hogeland["oppervlakte_water_ha"], hogeland["oppervlakte_totaal_ha"]) == (42_634, 90_308)
    assert df["bevolkingsdichtheid_per_km2"].isna().sum() == 37
    assert df["woningvoorraad"].isna().sum() == 3
    wijken_stad = df[(df["soort"] == "wijk") & (df["gemeentecode"] == "GM0014")]
    assert len(wijken_stad) == 20 and wijken_stad["inwoners"].sum() == 243_750
    assert df["gemeente"].notna().all()
    # Independent CBS download: the same population per gemeente as gemeenten_2024.
    other = tables("gemeenten_2024").set_index("gemeentecode")["inwoners"]
    assert gemeenten["inwoners"].sort_index().equals(other.sort_index().rename_axis("regiocode"))
    # Each gemeente row comes right before its own wijken.
    assert df.groupby("gemeentecode")["soort"].first().eq("gemeente").all()


def test_kwb_2021_quirks_are_fixed(tables):
    df = tables("kwb_2021").set_index("gemeentecode")
    assert df["inwoners"].sum() == 17_475_415
    assert df.loc["GM1979", ["gemeente", "provincie"]].tolist() == ["Eemsdelta", "Groningen"]
    assert (df["provincie"] != "").all() and (df["gemeente"] != "").all()
    # Ten gemeenten merged on 1 January 2022 have no name in the file; they get their 2021 name.
    assert df.loc["GM0398", "gemeente"] == "Heerhugowaard" and df.loc["GM1684", "gemeente"] == "Cuijk"
    assert set(df.index[df["provincie"] == "Groningen"]) == set(GRONINGEN)
    assert df.loc["GM0014", "inwoners"] == 233_273
    # The mislabelled "population density" is the address density (3,312 for the city).
    assert df.loc["GM0014", "omgevingsadressendichtheid"] == 3312.0
    assert df.loc["GM0014", "woz_waarde_gem_duizend_eur"] == 225.0
    assert not any("dichtheid" in c and "bevolking" in c for c in df.columns)
    assert not any("werkloos" in c for c in df.columns)


# --- boundaries --------------------------------------------------------------------------------


def test_gemeentegrenzen_facts(tables):
    df = tables("gemeentegrenzen")
    assert df["gemeentecode"].is_unique
    minx, miny, maxx, maxy = df.total_bounds
    assert 3.3 < minx and maxx < 7.3 and 50.7 < miny and maxy < 53.6
    groningen = df[df["gemeentecode"].isin(GRONINGEN)].set_index("gemeentecode")["gemeente"]
    assert groningen.to_dict() == {c: name for c, (name, _) in GRONINGEN.items()}
    # The documented join with gemeenten_2024 works for every Groningen gemeente.
    joined = df.merge(tables("gemeenten_2024")[["gemeentecode", "provincie"]], on="gemeentecode")
    assert (joined["provincie"] == "Groningen").sum() == 10


def test_provinciegrenzen_facts(tables):
    df = tables("provinciegrenzen").set_index("provinciecode")
    assert list(df.index) == [f"PV{n}" for n in range(20, 32)]
    assert df.loc["PV20", "provincie"] == "Groningen" and df.loc["PV21", "provincie"] == "Fryslân"
    bounds = df.loc[["PV20"]].total_bounds
    assert np.allclose(bounds, [6.176, 52.838, 7.218, 53.554])
    coords = np.array(
        df.loc["PV20", "geometry"].exterior.coords
        if df.loc["PV20", "geometry"].geom_type == "Polygon"
        else [c for p in df.loc["PV20", "geometry"].geoms for c in p.exterior.coords]
    )
    assert np.allclose(coords, coords.round(3), atol=1e-9)  # cartomap's 3-decimal rounding
    # The Huizinge quake lies in the province of Groningen.
    quakes = tables("aardbevingen")
    huizinge = gpd.points_from_xy(quakes["lon"], quakes["lat"])[quakes["magnitude"].idxmax()]
    assert huizinge.within(df.loc["PV20", "geometry"])
