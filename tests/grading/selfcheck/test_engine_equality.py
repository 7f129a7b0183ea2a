"""EqualityQuestion: numbers, text, collections, pandas — explained, and never revealing the answer."""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd
import pytest

from datavaardig.grading.selfcheck import EqualityQuestion, Outcome, ____, binder, lesson_questions
from tests.support.checks import run


def make(**attributes):
    """One question built in code, numbered like a lesson's first question."""
    cls = type("Vraag", (EqualityQuestion,), {"var": "antwoord", **attributes})
    return lesson_questions("testcursus", "01-les", cls)[0]


# -- numbers -----------------------------------------------------------------------------------------
def test_number_correct_with_numpy_value(ns, capsys):
    q = make(expected=lambda: np.int64(1234))
    ns["antwoord"] = 1234
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.CORRECT
    assert "Goed zo!" in printed


def test_number_wrong_names_no_direction_by_default(ns, capsys):
    """A computed answer is wrong by its method: "te klein" would send the learner after the number."""
    q = make(expected=lambda: 1234)
    ns["antwoord"] = 1200
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT
    assert "1200" in printed and "niet het gevraagde getal" in printed
    assert "te klein" not in printed and "te groot" not in printed and "1234" not in printed


def test_number_direction_only_where_the_question_asks_for_it(ns, capsys):
    q = make(expected=lambda: 1234, direction_hints=True)
    ns["antwoord"] = 1200
    result, printed = run(q, capsys)
    assert "1200" in printed and "te klein" in printed and "1234" not in printed


def test_number_default_tolerance_is_tight_and_relative(ns, capsys):
    q = make(expected=0.3)
    ns["antwoord"] = 0.1 + 0.2
    assert run(q, capsys)[0].outcome is Outcome.CORRECT
    ns["antwoord"] = 0.3001
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT and "0.3001" in printed


@pytest.mark.parametrize(
    "value",
    [np.int64(1959), np.int32(1959), np.float64(1959.0), 1959.0, pd.Series([1959]).sum(), np.uint16(1959)],
    ids=["int64", "int32", "float64", "float", "series-sum", "uint16"],
)
def test_numbers_compare_by_value_across_types(ns, capsys, value):
    """A count from `describe()` is a float64; from `.sum()` an int64: the same number to a learner."""
    q = make(expected=lambda: 1959, tolerance=0)
    ns["antwoord"] = value
    assert run(q, capsys)[0].outcome is Outcome.CORRECT


def test_stated_decimals_accept_rounded_and_unrounded_answers(ns, capsys):
    exact = 242_000 / 601_347 * 100  # 40.2429…
    q = make(expected=exact, decimals=1)
    for answer in (exact, round(exact, 1), round(exact, 2), np.float64(round(exact, 1))):
        ns["antwoord"] = answer
        assert run(q, capsys)[0].outcome is Outcome.CORRECT, answer
    ns["antwoord"] = round(exact)  # 40: rounded further than asked
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT and "verder afgerond" in printed and "op 1 decimaal." in printed
    ns["antwoord"] = round(exact / 100, 1)  # a share, not a percentage
    result, printed = run(q, capsys)
    assert "deel" in printed and "keer 100" in printed
    ns["antwoord"] = 41.2
    result, printed = run(q, capsys)
    assert "afgerond" not in printed and "deel" not in printed and "40.2" not in printed


def test_rounding_where_the_question_asks_for_the_exact_value_is_named(ns, capsys):
    q = make(expected=1.2345678)
    ns["antwoord"] = 1.23
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT and "zonder afronden" in printed


def test_a_fraction_for_a_count_or_year_is_named_not_a_direction(ns, capsys):
    """ "11.298 is te klein" for a year sends the learner the wrong way: it is the temperature, not the year."""
    q = make(expected=lambda: 2024, direction_hints=True)
    ns["antwoord"] = 11.298
    result, printed = run(q, capsys)
    assert "geen geheel getal" in printed and "te klein" not in printed and "2024" not in printed


def test_known_mistake_names_its_cause(ns, capsys):
    q = make(expected=lambda: 23, mistakes=[(lambda: 21, "Let op: 3,0 zelf hoort erbij (`>=`).")])
    ns["antwoord"] = np.int64(21)
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT and ">=" in printed and "niet het gevraagde getal" not in printed
    ns["antwoord"] = 22
    result, printed = run(q, capsys)
    assert ">=" not in printed


def test_number_absolute_tolerance(ns, capsys):
    q = make(expected=10.0, tolerance=0.05)
    ns["antwoord"] = 10.04
    assert run(q, capsys)[0].outcome is Outcome.CORRECT
    ns["antwoord"] = 10.06
    assert run(q, capsys)[0].outcome is Outcome.INCORRECT


def test_number_given_as_text_gets_a_tip(ns, capsys):
    q = make(expected=42)
    ns["antwoord"] = "42"
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT
    assert "tekst" in printed and "een getal" in printed and "aanhalingstekens" in printed


def test_series_instead_of_number_gets_a_tip(ns, capsys):
    q = make(expected=7)
    ns["antwoord"] = pd.Series([1, 2, 4])
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT
    assert "Series" in printed and ".sum()" in printed


def test_nan_answer_explained(ns, capsys):
    q = make(expected=2.5)
    ns["antwoord"] = float("nan")
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT and "lege waarden" in printed


# -- the four outcomes -----------------------------------------------------------------------------
def test_placeholder_is_not_attempted(ns, capsys):
    q = make(expected=5)
    ns["antwoord"] = ____
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.NOT_ATTEMPTED
    assert printed.strip() == "Nog niet geprobeerd: vervang ____ door je antwoord."


def test_placeholder_inside_a_list_is_not_attempted(ns, capsys):
    q = make(expected=[1, 2])
    ns["antwoord"] = [1, ____]
    assert run(q, capsys)[0].outcome is Outcome.NOT_ATTEMPTED


def test_missing_variable_names_the_variable(ns, capsys):
    q = make(expected=5)
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.NOT_ATTEMPTED
    assert "antwoord = ..." in printed


def test_unbound_notebook_says_how_to_bind(store_url, capsys):
    binder.unbind()
    q = make(expected=5)
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.NOT_ATTEMPTED
    assert "dv.bind(globals())" in printed


def test_learner_value_that_raises_is_an_error_naming_the_type(ns, capsys):
    class Grillig:
        def __eq__(self, other):
            raise ValueError("kapot")

    q = make(expected=lambda: datetime.date(2024, 5, 1))
    ns["antwoord"] = Grillig()
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.ERROR
    assert "ValueError" in printed and "2024" not in printed


def test_broken_expected_is_reported_kindly_without_traceback(ns, capsys):
    q = make(expected=lambda: 1 / 0)
    ns["antwoord"] = 3
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.ERROR
    assert "ligt niet aan jou" in printed and "Traceback" not in printed


def test_expected_is_computed_once(ns, capsys):
    calls = []

    def expected():
        calls.append(1)
        return 3

    q = make(expected=staticmethod(expected))
    ns["antwoord"] = 3
    run(q, capsys)
    run(q, capsys)
    assert calls == [1]


# -- text --------------------------------------------------------------------------------------------
def test_text_case_counts_by_default_and_rules_are_stated(ns, capsys):
    q = make(expected="Loppersum")
    ns["antwoord"] = "loppersum"
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT
    assert "hoofdletters" in printed and "spaties aan begin en eind tellen niet mee" in printed
    assert "Loppersum" not in printed


def test_text_strip_and_ignore_case(ns, capsys):
    q = make(expected="Loppersum", ignore_case=True)
    ns["antwoord"] = "  LOPPERSUM "
    assert run(q, capsys)[0].outcome is Outcome.CORRECT


def test_text_whitespace_counts_when_strip_is_off(ns, capsys):
    q = make(expected="Groningen", strip=False)
    ns["antwoord"] = "Groningen "
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT and "spaties" in printed


def test_wrong_text_does_not_show_expected(ns, capsys):
    q = make(expected="Middelstum")
    ns["antwoord"] = "Zuidwolde"
    result, printed = run(q, capsys)
    assert "Zuidwolde" in printed and "Middelstum" not in printed


# -- collections -------------------------------------------------------------------------------------
def test_list_wrong_element_named_before_any_order(ns, capsys):
    q = make(expected=["Loppersum", "Middelstum", "Garrelsweer"], ordered=True)
    ns["antwoord"] = ["Loppersum", "Wirdum", "Garrelsweer"]
    result, printed = run(q, capsys)
    assert "horen er niet bij: 'Wirdum'" in printed and "volgorde" not in printed and "Middelstum" not in printed


def test_list_order_counts_only_when_the_question_asks_for_it(ns, capsys):
    q = make(expected=[3, 1, 2])
    ns["antwoord"] = [1, 2, 3]
    assert run(q, capsys)[0].outcome is Outcome.CORRECT
    ns["antwoord"] = {1, 2, 3}  # a set holds the same answer when no order is asked
    assert run(q, capsys)[0].outcome is Outcome.CORRECT
    ns["antwoord"] = [1, 2, 3]
    q = make(expected=[3, 1, 2], ordered=True)
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT and "volgorde die de vraag vraagt" in printed
    ns["antwoord"] = [np.int64(3), 1.0, 2]
    assert run(q, capsys)[0].outcome is Outcome.CORRECT


def test_tuple_and_list_are_interchangeable(ns, capsys):
    q = make(expected=(1.5, 2.5))
    ns["antwoord"] = [1.5, 2.5]
    assert run(q, capsys)[0].outcome is Outcome.CORRECT


def test_list_length_differs(ns, capsys):
    q = make(expected=[10, 20, 30])
    ns["antwoord"] = [10, 20]
    result, printed = run(q, capsys)
    assert "2 elementen, verwacht 3" in printed and "30" not in printed


def test_set_names_extra_items_and_counts_missing(ns, capsys):
    q = make(expected={"Appingedam", "Delfzijl", "Loppersum"})
    ns["antwoord"] = {"Appingedam", "Haren"}
    result, printed = run(q, capsys)
    assert "'Haren'" in printed and "ontbreekt: 2" in printed
    assert "Delfzijl" not in printed and "Loppersum" not in printed


def test_dict_keys_and_values(ns, capsys):
    q = make(expected={"a": 1.25, "b": 2.75})
    ns["antwoord"] = {"a": 1.25, "b": 9.5}
    result, printed = run(q, capsys)
    assert "sleutel 'b'" in printed and "9.5" in printed and "2.75" not in printed
    ns["antwoord"] = {"a": 1.25, "c": 2.75}
    result, printed = run(q, capsys)
    assert "ontbreken: 'b'" in printed and "niet bij: 'c'" in printed


# -- pandas ------------------------------------------------------------------------------------------
PLAATSEN = [
    "Loppersum",
    "Middelstum",
    "Garrelsweer",
    "Wirdum",
    "Hellum",
    "Zeerijp",
    "Westeremden",
    "Huizinge",
    "Startenhuizen",
    "Overschild",
]


def bevingen(rows=PLAATSEN) -> pd.DataFrame:
    values = {p: 1.13 + i * 0.37 for i, p in enumerate(PLAATSEN)}
    return pd.DataFrame({"plaats": rows, "magnitude": [values.get(p, 0.77) for p in rows]})


def test_dataframe_correct_ignores_index_by_default(ns, capsys):
    q = make(expected=lambda: bevingen())
    ns["antwoord"] = bevingen().set_axis(range(100, 110))
    assert run(q, capsys)[0].outcome is Outcome.CORRECT


def test_dataframe_rows_missing_by_key_as_in_the_issue(ns, capsys):
    q = make(expected=lambda: bevingen(), key="plaats")
    rows = [p for p in PLAATSEN if p != "Loppersum"] + ["Ten Boer", "Ten Post", "Sappemeer"]
    ns["antwoord"] = bevingen(rows)
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT
    assert "12 rijen, verwacht 10" in printed
    assert "'Loppersum'" in printed and "ontbreken" in printed
    assert "'Ten Boer'" in printed and "horen er niet bij" in printed
    assert "1.13" not in printed  # Loppersum's expected magnitude


def test_dataframe_columns_missing_and_extra(ns, capsys):
    q = make(expected=lambda: bevingen())
    ns["antwoord"] = bevingen().rename(columns={"magnitude": "kracht"})
    result, printed = run(q, capsys)
    assert "ontbreken: 'magnitude'" in printed and "niet bij: 'kracht'" in printed


def test_dataframe_dtype_difference(ns, capsys):
    q = make(expected=lambda: bevingen())
    ns["antwoord"] = bevingen().astype({"magnitude": str})
    result, printed = run(q, capsys)
    assert "Kolom 'magnitude' heeft type" in printed and "float64" in printed


def test_dataframe_value_differences_say_where_not_what(ns, capsys):
    expected = bevingen()
    wrong = expected.copy()
    wrong.loc[3, "magnitude"] = 9.99
    q = make(expected=lambda: expected, key="plaats")
    ns["antwoord"] = wrong
    result, printed = run(q, capsys)
    assert "kolom 'magnitude' verschillen 1 waarde" in printed
    assert "'Wirdum'" in printed and "9.99" in printed
    assert f"{expected.loc[3, 'magnitude']:.2f}" not in printed


def test_dataframe_row_order_counts_only_when_asked(ns, capsys):
    ns["antwoord"] = bevingen()[::-1]
    for attributes in ({"key": "plaats"}, {}):
        assert run(make(expected=lambda: bevingen(), **attributes), capsys)[0].outcome is Outcome.CORRECT
        result, printed = run(make(expected=lambda: bevingen(), ordered=True, **attributes), capsys)
        assert result.outcome is Outcome.INCORRECT and "volgorde die de vraag vraagt" in printed
        assert "verschillen" not in printed  # the order is the only difference: nothing else is named


def test_dataframe_without_key_reports_shape_only(ns, capsys):
    q = make(expected=lambda: bevingen())
    ns["antwoord"] = bevingen(PLAATSEN[:7])
    result, printed = run(q, capsys)
    assert "7 rijen, verwacht 10" in printed and "Huizinge" not in printed


def test_series_instead_of_dataframe_and_back(ns, capsys):
    q = make(expected=lambda: bevingen()[["magnitude"]])
    ns["antwoord"] = bevingen()["magnitude"]
    result, printed = run(q, capsys)
    assert "Series" in printed and 'df[["' in printed
    q = make(expected=lambda: bevingen()["magnitude"])
    ns["antwoord"] = bevingen()[["magnitude"]]
    result, printed = run(q, capsys)
    assert "DataFrame" in printed and 'df["' in printed


def test_series_with_index_compared_by_label(ns, capsys):
    expected = pd.Series({"Groningen": 61.5, "Drenthe": 12.25, "Friesland": 8.75})
    q = make(expected=lambda: expected)  # text labels carry meaning: compared without being asked
    ns["antwoord"] = pd.Series({"Groningen": 61.5, "Drenthe": 13.0})
    result, printed = run(q, capsys)
    assert "2 waarden, verwacht 3" in printed and "'Friesland'" in printed
    assert "'Drenthe'" in printed and "13.0" in printed and "12.25" not in printed
    ns["antwoord"] = expected.copy()
    assert run(q, capsys)[0].outcome is Outcome.CORRECT


def counts_per_place() -> pd.Series:
    return pd.Series([87, 84, 74], index=pd.Index(["Appingedam", "Garrelsweer", "Loppersum"], name="plaats"))


def test_counts_without_their_labels_are_wrong(ns, capsys):
    """The issue's wrong answer: the right counts, the places lost."""
    q = make(expected=counts_per_place)
    ns["antwoord"] = counts_per_place().reset_index(drop=True)
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT and "labels" in printed and "Appingedam" not in printed
    ns["antwoord"] = counts_per_place().to_numpy()
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT and ".values" in printed
    wrong_labels = counts_per_place().set_axis(["Garrelsweer", "Appingedam", "Loppersum"])
    ns["antwoord"] = wrong_labels.rename_axis("plaats")
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT and "'Appingedam'" in printed and "84" in printed


def test_equivalent_series_answers(ns, capsys):
    """value_counts vs groupby().size(), sorted another way, labels moved into a column, float counts."""
    q = make(expected=counts_per_place)
    places = pd.DataFrame({"plaats": ["Loppersum"] * 74 + ["Appingedam"] * 87 + ["Garrelsweer"] * 84})
    for answer in (
        places.groupby("plaats").size(),
        places["plaats"].value_counts(),
        places["plaats"].value_counts().sort_index(ascending=False),
        places["plaats"].value_counts().reset_index(),
        places.groupby("plaats", as_index=False).size(),
        counts_per_place().astype("float64"),
    ):
        ns["antwoord"] = answer
        result, printed = run(q, capsys)
        assert result.outcome is Outcome.CORRECT, printed


def test_filtered_table_in_another_order_or_renumbered_is_the_same_table(ns, capsys):
    """The issue's "226 values differ in tijdstip": the right rows, sorted another way, are right."""
    table = bevingen().set_axis(range(30, 40))
    q = make(expected=lambda: table)
    for answer in (table.sort_values("magnitude", ascending=False), table.reset_index(drop=True), table[::-1]):
        ns["antwoord"] = answer
        assert run(q, capsys)[0].outcome is Outcome.CORRECT
    ns["antwoord"] = table.iloc[1:]
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT and "9 rijen, verwacht 10" in printed
