import pandas as pd
import pytest
import traitlets

from datavaardig.widgets import ChartBuilder


def test_count_per_year_bar_chart(bevingen):
    chart = ChartBuilder(bevingen, x="tijdstip:year", y=None, kind="bar")
    per_year = bevingen.groupby(bevingen.tijdstip.dt.year).size()
    assert chart.result["Aantal"].to_dict() == per_year.to_dict()
    assert chart.alt.startswith("Staafdiagram: Aantal per jaar.")
    assert f'alt="{chart.alt}"' in chart._chart.value
    assert chart.message == ""


def test_units_from_attrs_in_labels(bevingen):
    chart = ChartBuilder(bevingen)
    chart.value = {"x": "tijdstip:year", "y": "magnitude", "kind": "line", "aggregate": "max"}
    assert "Maximum magnitude (ML)" in chart.alt
    assert chart.result.iloc[:, 0].max() == bevingen.magnitude.max()


def test_grouping_gives_one_column_per_group(bevingen):
    chart = ChartBuilder(bevingen, x="tijdstip:year", kind="line", group="in_groningenveld")
    assert set(chart.result.columns) == {"ja", "nee"}
    assert chart.result.sum().sum() == len(bevingen)


def test_histogram_counts_every_value(bevingen):
    chart = ChartBuilder(bevingen, x="magnitude", kind="histogram")
    assert chart.result["Aantal"].sum() == bevingen.magnitude.notna().sum()
    assert chart.alt.startswith("Histogram: Verdeling van magnitude")


def test_scatter_and_controls_drive_value(bevingen):
    chart = ChartBuilder(bevingen, x="lon", y="lat", kind="scatter")
    assert len(chart.result) == len(bevingen.dropna(subset=["lon", "lat"]))
    chart._kind.value = "histogram"
    assert chart.value["kind"] == "histogram"
    assert chart._y.disabled


def test_problems_are_explained_not_raised(bevingen):
    chart = ChartBuilder(bevingen, x="plaats", kind="histogram")
    assert chart.result is None and "getallen" in chart.message
    chart.value = {**chart.value, "kind": "bar"}
    assert "te veel" in chart.message  # 186 places: too many bars
    with pytest.raises(traitlets.TraitError, match="kies uit"):
        chart.value = {**chart.value, "x": "sterkte"}


def test_plain_frame_without_attrs():
    df = pd.DataFrame({"gemeente": ["A", "B", "C"], "inwoners": [10, 30, 20]})
    chart = ChartBuilder(df, x="gemeente", y="inwoners", kind="bar", aggregate="sum")
    assert chart.result.iloc[:, 0].tolist() == [10, 30, 20]
    assert "hoogste waarde 30 bij B" in chart.alt
