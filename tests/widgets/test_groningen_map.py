import geopandas as gpd
import pytest
import traitlets

from datavaardig.widgets import GroningenMap


@pytest.fixture(scope="module")
def kaartdata(load):
    cijfers = load("kerncijfers_2024")
    cijfers = cijfers[(cijfers.soort == "gemeente") & (cijfers.provincie == "Groningen")]
    return {
        "grenzen": load("gemeentegrenzen"),
        "cijfers": cijfers,
        "bevingen": load("aardbevingen"),
        "veld": load("groningenveld"),
    }


def test_choropleth_joins_figures_on_gemeentecode(kaartdata):
    kaart = GroningenMap(kaartdata["grenzen"], cijfers=kaartdata["cijfers"], variabele="inwoners")
    values = kaart.gemeentewaarden
    assert len(values) == len(kaartdata["cijfers"]) == 10
    assert values.iloc[0]["gemeente"] == "Groningen"
    assert values.iloc[0]["inwoners"] == kaartdata["cijfers"].inwoners.max()
    assert kaart.result is None
    assert "Hoogste waarde Groningen" in kaart.alt and kaart._chart.value.startswith("<img")


def test_quakes_filtered_by_magnitude_and_period(kaartdata):
    kaart = GroningenMap(kaartdata["grenzen"], **{k: kaartdata[k] for k in ("cijfers", "bevingen", "veld")})
    everything = len(kaart.result)
    kaart.value = {**kaart.value, "magnitude": [3.0, 4.0], "periode": [2010, 2020]}
    assert 0 < len(kaart.result) < everything
    assert kaart.result.magnitude.min() >= 3.0
    assert kaart.result.tijdstip.dt.year.between(2010, 2020).all()
    # Huizinge 2012 (3.6) is the heaviest in the field: it must be on the map.
    assert kaart.result.magnitude.max() == pytest.approx(3.6)
    assert f"{len(kaart.result)} aardbevingen met magnitude 3,0 tot" in kaart.alt


def test_controls_drive_value(kaartdata):
    kaart = GroningenMap(kaartdata["grenzen"], cijfers=kaartdata["cijfers"], bevingen=kaartdata["bevingen"])
    kaart._variabele.value = "bevolkingsdichtheid_per_km2"
    assert kaart.value["variabele"] == "bevolkingsdichtheid_per_km2"
    kaart._toon.value = False
    assert kaart.value["bevingen"] is False and kaart.result is None and kaart._magnitude.disabled


def test_bad_input(kaartdata):
    with pytest.raises(TypeError, match="GeoDataFrame"):
        GroningenMap(kaartdata["cijfers"])
    with pytest.raises(ValueError, match="gemeentecode"):
        GroningenMap(kaartdata["grenzen"], cijfers=kaartdata["cijfers"].drop(columns="gemeentecode"))
    kaart = GroningenMap(kaartdata["grenzen"], cijfers=kaartdata["cijfers"])
    with pytest.raises(traitlets.TraitError, match="Onbekende variabele"):
        kaart.value = {"variabele": "inkomen"}
    assert isinstance(kaartdata["grenzen"], gpd.GeoDataFrame)
