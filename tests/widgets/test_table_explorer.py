import pandas as pd
import pytest
import traitlets

from datavaardig.widgets import TableExplorer


def run_code(explorer, df):
    namespace = {"df": df, "pd": pd}
    exec(explorer.code, namespace)
    return namespace["selectie"]


def test_unfiltered_shows_everything(bevingen):
    explorer = TableExplorer(bevingen)
    assert len(explorer.result) == len(bevingen)
    assert explorer.value["filters"] == {}
    assert explorer.summary.startswith(f"{len(bevingen)} van {len(bevingen)} rijen")


def test_filters_and_sort_select_the_right_rows(bevingen):
    explorer = TableExplorer(bevingen)
    explorer.value = {
        "filters": {"magnitude": [2.5, 3.6], "in_groningenveld": True, "tijdstip": [2012, 2018]},
        "sort": "magnitude",
        "ascending": False,
        "rows": 5,
    }
    expected = bevingen[
        (bevingen.magnitude.between(2.5, 3.6))
        & bevingen.in_groningenveld
        & bevingen.tijdstip.dt.year.between(2012, 2018)
    ]
    assert len(explorer.result) == len(expected) > 0
    assert explorer.result["magnitude"].is_monotonic_decreasing
    assert explorer.result.iloc[0]["magnitude"] == expected["magnitude"].max()


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"magnitude": [3.0, 3.6]},
        {"plaats": "loppersum"},
        {"in_groningenveld": False, "diepte_km": [0.0, 2.5]},
        {"tijdstip": [2000, 2010], "plaats": "hui"},
    ],
)
@pytest.mark.parametrize("sort", [None, "tijdstip", "plaats"])
def test_generated_code_gives_exactly_the_result(bevingen, filters, sort):
    explorer = TableExplorer(bevingen)
    explorer.value = {"filters": filters, "sort": sort, "ascending": False, "rows": 7}
    assert explorer.value["filters"] == filters
    pd.testing.assert_frame_equal(run_code(explorer, bevingen), explorer.result)
    assert explorer.code.endswith("selectie.head(7)")


def test_choice_filter_for_few_values():
    df = pd.DataFrame({"gemeente": ["Groningen", "Het Hogeland", "Eemsdelta", "Groningen"], "inwoners": [1, 2, 3, 4]})
    explorer = TableExplorer(df)
    explorer.value = {"filters": {"gemeente": ["Groningen"]}, "sort": "inwoners", "ascending": True, "rows": 10}
    assert list(explorer.result["inwoners"]) == [1, 4]
    assert ".isin(['Groningen'])" in explorer.code
    pd.testing.assert_frame_equal(run_code(explorer, df), explorer.result)


def test_moving_a_control_updates_value_and_result(bevingen):
    explorer = TableExplorer(bevingen)
    slider = explorer._filters["magnitude"].control
    slider.value = (3.0, slider.max)
    assert explorer.value["filters"]["magnitude"] == [3.0, slider.max]
    assert (explorer.result["magnitude"] >= 3.0).all()
    explorer.reset()
    assert len(explorer.result) == len(bevingen)


def test_bad_input_is_refused_clearly(bevingen):
    with pytest.raises(ValueError, match="bestaan niet"):
        TableExplorer(bevingen, columns=["magnitude", "sterkte"])
    explorer = TableExplorer(bevingen)
    with pytest.raises(traitlets.TraitError, match="Geen filter"):
        explorer.value = {"filters": {"sterkte": [1, 2]}}


def test_chosen_columns_appear_in_the_code(bevingen):
    explorer = TableExplorer(bevingen, columns=["tijdstip", "magnitude", "plaats"], frame_name="bevingen")
    explorer.value = {"filters": {"magnitude": [3.0, 3.6]}, "sort": "magnitude", "ascending": False, "rows": 3}
    assert explorer.code.startswith("selectie = bevingen[['tijdstip', 'magnitude', 'plaats']]")
    namespace = {"bevingen": bevingen}
    exec(explorer.code, namespace)
    pd.testing.assert_frame_equal(namespace["selectie"], explorer.result)
    assert list(explorer.result.columns) == ["tijdstip", "magnitude", "plaats"]
