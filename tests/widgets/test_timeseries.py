import pandas as pd
import pytest
import traitlets

from datavaardig.widgets import TimeSeriesExplorer


@pytest.fixture(scope="module")
def weer(load):
    return load("weer")


@pytest.fixture(scope="module")
def gaswinning(load):
    return load("gaswinning")


def test_monthly_mean_temperature_per_station(weer):
    ts = TimeSeriesExplorer(weer, group="station", variable="temp_gem", period="month")
    ts.value = {**ts.value, "years": [2010, 2012]}
    assert set(ts.result.columns) == set(weer.station.unique())
    assert len(ts.result) == 36
    jan = weer[(weer.station == "Lauwersoog") & (weer.datum.dt.year == 2010) & (weer.datum.dt.month == 1)]
    assert ts.result.loc["2010-01-01", "Lauwersoog"] == pytest.approx(jan.temp_gem.mean())
    assert ts.alt.startswith("Lijngrafiek: Gemiddelde temperatuur per maand, 2010 tot en met 2012.")
    assert ts.trend is None


def test_rain_is_summed_per_year_and_rolling_mean(weer):
    ts = TimeSeriesExplorer(weer, group="station", variable="neerslag_mm")
    assert ts.value["aggregate"] == "sum"
    ts.value = {**ts.value, "period": "year", "years": [2000, 2020], "window": 5}
    one = weer[(weer.station == "Nieuw Beerta") & (weer.datum.dt.year == 2005)]
    assert ts.result.loc["2005-01-01", "Nieuw Beerta"] == pytest.approx(one.neerslag_mm.sum())
    assert ts.trend is not None and ts.trend.shape == ts.result.shape
    assert ts.trend.iloc[4, 0] == pytest.approx(ts.result.iloc[0:5, 0].mean())
    assert "voortschrijdend gemiddelde over 5" in ts.alt


def test_monthly_data_cannot_be_shown_per_day(gaswinning):
    ts = TimeSeriesExplorer(gaswinning, variable="volume_mrd_m3", period="year")
    assert [v for _, v in ts._period.options] == ["month", "year"]
    assert ts.value["aggregate"] == "sum"
    total_1976 = gaswinning[gaswinning.maand.dt.year == 1976].volume_mrd_m3.sum()
    assert ts.result.loc["1976-01-01"].iloc[0] == pytest.approx(total_1976)
    with pytest.raises(traitlets.TraitError, match="period"):
        ts.value = {**ts.value, "period": "day"}


def test_controls_change_the_chart(weer):
    ts = TimeSeriesExplorer(weer, group="station")
    before = ts._chart.value
    ts._period.value = "year"
    assert ts.value["period"] == "year" and ts._chart.value != before
    ts._variable.value = "zon_uren"
    assert ts.value["aggregate"] == "sum"


def test_partly_measured_periods_are_left_out_and_named(weer):
    """The running year (data up to some day) and a station's first, partial year are not drawn as a drop."""
    ts = TimeSeriesExplorer(weer, group="station", variable="temp_gem", period="year")
    last_day = weer.datum.max()
    assert last_day.month < 12  # the data set ends during a year: the situation this guards against
    assert pd.Timestamp(year=last_day.year, month=1, day=1) not in ts.result.index
    for station, days in weer.groupby("station").datum:
        first = days.min()
        first_full_year = first.year if (first.month, first.day) == (1, 1) else first.year + 1
        shown = ts.result[station].dropna().index
        assert shown.min().year == first_full_year, station
    assert f"Nieuw Beerta: {last_day.year}" in ts.partial_periods
    assert str(last_day.year) in ts.alt and "maar deels gemeten" in ts.alt
    assert "datavaardig-note" in ts._chart.value
    # A chosen period of whole years inside the data leaves nothing out.
    ts.value = {**ts.value, "years": [2000, 2010]}
    assert ts.partial_periods == [] and len(ts.result) == 11 and "datavaardig-note" not in ts._chart.value


def test_monthly_data_keeps_its_last_complete_month(gaswinning):
    ts = TimeSeriesExplorer(gaswinning, variable="volume_mrd_m3", period="month")
    assert ts.result.index.max() == gaswinning.maand.max()
    assert ts.partial_periods == []
