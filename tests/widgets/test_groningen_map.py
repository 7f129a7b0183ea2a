import geopandas as gpd
import pytest
import traitlets

from datavaardig.widgets import GroningenMap


@pytest.fixture(scope="module")
def kaartdata(load):
    cijfers = load("kerncijfers_2024")
    cijfers = cijfers[(cijfers.soort == "gemeente") & (cijfers.provincie == "Groningen")]
    return {
        "boundaries": load("gemeentegrenzen"),
        "stats": cijfers,
        "earthquakes": load("aardbevingen"),
        "gas_field": load("groningenveld"),
    }


def test_choropleth_joins_figures_on_gemeentecode(kaartdata):
    kaart = GroningenMap(kaartdata["boundaries"], stats=kaartdata["stats"], variable="inwoners")
    values = kaart.municipality_values
    assert len(values) == len(kaartdata["stats"]) == 10
    assert values.iloc[0]["gemeente"] == "Groningen"
    assert values.iloc[0]["inwoners"] == kaartdata["stats"].inwoners.max()
    assert kaart.result is None
    assert "Hoogste waarde Groningen" in kaart.alt and kaart._chart.value.startswith("<img")


def test_quakes_filtered_by_magnitude_and_period(kaartdata):
    kaart = GroningenMap(kaartdata["boundaries"], **{k: kaartdata[k] for k in ("stats", "earthquakes", "gas_field")})
    everything = len(kaart.result)
    kaart.value = {**kaart.value, "magnitude": [3.0, 4.0], "years": [2010, 2020]}
    assert 0 < len(kaart.result) < everything
    assert kaart.result.magnitude.min() >= 3.0
    assert kaart.result.tijdstip.dt.year.between(2010, 2020).all()
    # Huizinge 2012 (3.6) is the heaviest in the field: it must be on the map.
    assert kaart.result.magnitude.max() == pytest.approx(3.6)
    assert f"{len(kaart.result)} aardbevingen met magnitude 3,0 tot" in kaart.alt


def test_controls_drive_value(kaartdata):
    kaart = GroningenMap(kaartdata["boundaries"], stats=kaartdata["stats"], earthquakes=kaartdata["earthquakes"])
    kaart._variable.value = "bevolkingsdichtheid_per_km2"
    assert kaart.value["variable"] == "bevolkingsdichtheid_per_km2"
    kaart._show.value = False
    assert kaart.value["show_earthquakes"] is False and kaart.result is None and kaart._magnitude.disabled


def test_bad_input(kaartdata):
    with pytest.raises(TypeError, match="GeoDataFrame"):
        GroningenMap(kaartdata["stats"])
    with pytest.raises(ValueError, match="gemeentecode"):
        GroningenMap(kaartdata["boundaries"], stats=kaartdata["stats"].drop(columns="gemeentecode"))
    kaart = GroningenMap(kaartdata["boundaries"], stats=kaartdata["stats"])
    with pytest.raises(traitlets.TraitError, match="Onbekende variabele"):
        kaart.value = {"variable": "inkomen"}
    assert isinstance(kaartdata["boundaries"], gpd.GeoDataFrame)
