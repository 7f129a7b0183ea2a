"""Function, figure, choice, reflection and custom questions: every outcome, nothing revealed."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from datavaardig.grading.selfcheck import (
    ChoiceQuestion,
    CustomQuestion,
    FigureQuestion,
    FunctionQuestion,
    Incorrect,
    Outcome,
    ReflectionQuestion,
    ____,
    lesson_questions,
)
from tests.support.checks import run


def make(base, **attributes):
    cls = type("Vraag", (base,), attributes)
    return lesson_questions("testcursus", "02-les", cls)[0]


# -- function ----------------------------------------------------------------------------------------
def klasse(magnitude):
    return "zwaar" if magnitude >= 3.0 else "licht"


def function_question(**extra):
    return make(
        FunctionQuestion,
        var="magnitude_klasse",
        cases=[(1.5,), (3.0,), (3.6,)],
        reference=staticmethod(klasse),
        **extra,
    )


def test_function_correct(ns, capsys):
    ns["magnitude_klasse"] = klasse
    result, printed = run(function_question(), capsys)
    assert result.outcome is Outcome.CORRECT and "3 testgevallen" in printed


def test_function_first_failing_input_and_returned_value_only(ns, capsys):
    ns["magnitude_klasse"] = lambda m: "zwaar" if m > 3.0 else "licht"
    result, printed = run(function_question(), capsys)
    assert result.outcome is Outcome.INCORRECT
    assert "magnitude_klasse(3.0)" in printed and "'licht'" in printed
    assert "zwaar" not in printed  # the reference's answer for 3.0


def test_function_missing_return(ns, capsys):
    def vergeten(m):
        "zwaar" if m >= 3 else "licht"  # noqa: B018 - the learner forgot `return`: that is the test

    ns["magnitude_klasse"] = vergeten
    result, printed = run(function_question(), capsys)
    assert result.outcome is Outcome.INCORRECT and "return" in printed


def test_function_exception_is_error_naming_input(ns, capsys):
    ns["magnitude_klasse"] = lambda m: {1.5: "licht"}[m]
    result, printed = run(function_question(), capsys)
    assert result.outcome is Outcome.ERROR
    assert "KeyError" in printed and "magnitude_klasse(3.0)" in printed


def test_function_not_a_function(ns, capsys):
    ns["magnitude_klasse"] = "zwaar"
    result, printed = run(function_question(), capsys)
    assert result.outcome is Outcome.INCORRECT and "def magnitude_klasse" in printed


def test_function_placeholder_variable_or_return(ns, capsys):
    ns["magnitude_klasse"] = ____
    assert run(function_question(), capsys)[0].outcome is Outcome.NOT_ATTEMPTED
    ns["magnitude_klasse"] = lambda m: ____
    assert run(function_question(), capsys)[0].outcome is Outcome.NOT_ATTEMPTED


def test_function_cases_with_a_table_and_mutation_does_not_leak(ns, capsys):
    table = pd.DataFrame({"magnitude": [1.0, 3.2, 2.4]})

    def zwaarste(df):
        return df["magnitude"].max()

    def sloper(df):
        df["magnitude"] = 0.0  # mutates its input: the reference must still see the original
        return 3.2

    q = make(FunctionQuestion, var="zwaarste", cases=lambda: [(table,)], reference=staticmethod(zwaarste))
    ns["zwaarste"] = sloper
    assert run(q, capsys)[0].outcome is Outcome.CORRECT
    assert table["magnitude"].tolist() == [1.0, 3.2, 2.4]


# -- figure ------------------------------------------------------------------------------------------
JAREN = [2016, 2017, 2018, 2019]
AANTAL = [11.0, 17.0, 23.0, 13.0]


def figure_question(**extra):
    attributes = dict(var="fig", chart="bar", ylabel_contains=["aantal", "bevingen"], data=staticmethod(lambda: AANTAL))
    attributes.update(extra)
    return make(FigureQuestion, **attributes)


def bar_figure(values=AANTAL, title="Bevingen per jaar", ylabel="Aantal bevingen"):
    fig, ax = plt.subplots()
    ax.bar(JAREN, values)
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    return fig


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_figure_correct_from_figure_and_from_pandas_plot(ns, capsys):
    ns["fig"] = bar_figure()
    assert run(figure_question(), capsys)[0].outcome is Outcome.CORRECT
    ax = pd.Series(AANTAL, index=JAREN).plot.bar(title="Per jaar", ylabel="aantal")
    ns["fig"] = ax
    assert run(figure_question(), capsys)[0].outcome is Outcome.CORRECT


def test_figure_missing_title_and_unit(ns, capsys):
    ns["fig"] = bar_figure(title="", ylabel="")
    result, printed = run(figure_question(), capsys)
    assert result.outcome is Outcome.INCORRECT
    assert "titel" in printed and "y-as heeft nog geen label" in printed
    ns["fig"] = bar_figure(ylabel="Jaar")
    result, printed = run(figure_question(), capsys)
    assert "noemt nog niet" in printed and "aantal" in printed


def test_figure_wrong_chart_kind(ns, capsys):
    fig, ax = plt.subplots()
    ax.plot(JAREN, AANTAL)
    ax.set_title("t")
    ax.set_ylabel("aantal")
    ns["fig"] = fig
    result, printed = run(figure_question(), capsys)
    assert "staafdiagram" in printed and "lijndiagram" in printed


def test_figure_wrong_data_does_not_reveal_expected(ns, capsys):
    ns["fig"] = bar_figure(values=[11.0, 17.0, 29.0, 13.0])
    result, printed = run(figure_question(), capsys)
    assert result.outcome is Outcome.INCORRECT
    assert "29" in printed and "23" not in printed
    result, printed = run(figure_question(ordered=True), capsys)
    assert "waarde 2" in printed and "29" in printed and "23" not in printed


def test_figure_kinds_hist_scatter_line(ns, capsys):
    fig, ax = plt.subplots()
    ax.hist([1, 2, 2, 3, 3, 3], bins=3)
    ax.set_title("h")
    ns["fig"] = fig
    assert run(make(FigureQuestion, var="fig", chart="hist"), capsys)[0].outcome is Outcome.CORRECT
    fig, ax = plt.subplots()
    ax.scatter([1, 2, 3], [3, 1, 2])
    ax.set_title("s")
    ns["fig"] = ax
    assert run(make(FigureQuestion, var="fig", chart="scatter", min_points=3), capsys)[0].outcome is Outcome.CORRECT
    result, printed = run(make(FigureQuestion, var="fig", chart="scatter", min_points=10), capsys)
    assert result.outcome is Outcome.INCORRECT and "minstens 10" in printed


def test_figure_not_a_figure_empty_and_placeholder(ns, capsys):
    ns["fig"] = [1, 2]
    result, printed = run(figure_question(), capsys)
    assert result.outcome is Outcome.INCORRECT and "plt.subplots()" in printed
    fig, ax = plt.subplots()
    ns["fig"] = fig
    result, printed = run(figure_question(), capsys)
    assert "leeg" in printed
    ns["fig"] = bar_figure(title=____)
    assert run(figure_question(), capsys)[0].outcome is Outcome.NOT_ATTEMPTED


NAMEN = ["Pekela", "Oldambt", "Groningen"]
INWONERS = pd.Series([12_517, 38_000, 243_000], index=pd.Index(NAMEN, name="gemeente"))


def lying_bars(order=NAMEN, invert=False, title="Inwoners", suptitle=None):
    fig, ax = plt.subplots()
    ax.barh(order, INWONERS[order].to_numpy())
    if invert:
        ax.invert_yaxis()
    if suptitle:
        fig.suptitle(suptitle)
    else:
        ax.set_title(title)
    ax.set_xlabel("Aantal inwoners")
    return ax


def sorted_bars_question(**extra):
    # Read top to bottom: the largest on top.
    data = staticmethod(lambda: INWONERS.sort_values(ascending=False))
    return make(FigureQuestion, var="ax", chart="barh", xlabel_contains=["inwoners"], data=data, ordered=True, **extra)


def test_figure_largest_on_top_whether_sorted_ascending_or_inverted(ns, capsys):
    """The issue's chart: sorted descending with invert_yaxis() shows the largest on top, as asked."""
    ns["ax"] = lying_bars(["Pekela", "Oldambt", "Groningen"])  # barh draws the first row at the bottom
    assert run(sorted_bars_question(), capsys)[0].outcome is Outcome.CORRECT
    ns["ax"] = lying_bars(["Groningen", "Oldambt", "Pekela"], invert=True)
    assert run(sorted_bars_question(), capsys)[0].outcome is Outcome.CORRECT
    ns["ax"] = lying_bars(["Groningen", "Oldambt", "Pekela"])  # largest at the bottom
    result, printed = run(sorted_bars_question(), capsys)
    assert result.outcome is Outcome.INCORRECT and "volgorde" in printed and "243000" not in printed


def test_figure_bars_compared_by_label_when_no_order_is_asked(ns, capsys):
    q = make(FigureQuestion, var="ax", chart="barh", data=staticmethod(lambda: INWONERS))
    ns["ax"] = lying_bars(["Groningen", "Pekela", "Oldambt"])
    assert run(q, capsys)[0].outcome is Outcome.CORRECT
    fig, ax = plt.subplots()
    ax.barh(NAMEN, INWONERS[["Oldambt", "Pekela", "Groningen"]].to_numpy())  # names and numbers mixed up
    ax.set_title("Inwoners")
    ns["ax"] = ax
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT and "staaf bij Pekela" in printed and "12517" not in printed


def test_figure_suptitle_is_a_title(ns, capsys):
    q = sorted_bars_question()
    ns["ax"] = lying_bars(suptitle="Inwoners per gemeente")
    assert run(q, capsys)[0].outcome is Outcome.CORRECT
    ns["ax"] = lying_bars(title="")
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT and "titel" in printed


def test_figure_staafgrafiek_accepts_lying_bars_with_the_label_on_the_value_axis(ns, capsys):
    q = make(
        FigureQuestion,
        var="fig",
        chart=("bar", "barh"),
        ylabel_contains=["aantal"],
        data=staticmethod(lambda: pd.Series(AANTAL, index=JAREN)),
    )
    fig, ax = plt.subplots()
    pd.Series(AANTAL, index=JAREN).plot.barh(ax=ax, title="Bevingen per jaar", xlabel="Aantal bevingen")
    ns["fig"] = fig
    assert run(q, capsys)[0].outcome is Outcome.CORRECT
    ns["fig"] = bar_figure()
    assert run(q, capsys)[0].outcome is Outcome.CORRECT
    fig, ax = plt.subplots()
    ax.plot(JAREN, AANTAL)
    ax.set_title("t")
    ax.set_ylabel("aantal")
    ns["fig"] = fig
    result, printed = run(q, capsys)
    assert "staafdiagram (staande staven) of liggend staafdiagram" in printed


def line_question(**extra):
    return make(FigureQuestion, var="ax", chart="line", data=staticmethod(lambda: AANTAL), **extra)


def test_figure_line_read_along_x_marker_and_zigzag(ns, capsys):
    fig, ax = plt.subplots()
    ax.plot(JAREN[::-1], AANTAL[::-1], marker="o")  # a table sorted newest first: the same line
    ax.set_title("t")
    ns["ax"] = ax
    assert run(line_question(marker_required=True), capsys)[0].outcome is Outcome.CORRECT
    fig, ax = plt.subplots()
    ax.plot(JAREN, AANTAL)
    ax.set_title("t")
    ns["ax"] = ax
    result, printed = run(line_question(marker_required=True), capsys)
    assert result.outcome is Outcome.INCORRECT and 'marker="o"' in printed
    order = np.argsort(AANTAL)
    fig, ax = plt.subplots()
    ax.plot(np.array(JAREN)[order], np.array(AANTAL)[order])  # a table sorted by value: back and forth
    ax.set_title("t")
    ns["ax"] = ax
    result, printed = run(line_question(), capsys)
    assert result.outcome is Outcome.INCORRECT and "heen en weer" in printed


def test_figure_scatter_pairs_swapped_axes_and_transparency(ns, capsys):
    x, y = [41.5, 29.0, 53.9], [0.0, 12.0, 117.0]
    q = make(
        FigureQuestion,
        var="ax",
        chart="scatter",
        data=staticmethod(lambda: (x, y)),
        transparent=True,
        max_point_size=25,
    )
    fig, ax = plt.subplots()
    ax.scatter(x[::-1], y[::-1], s=10, alpha=0.4)
    ax.set_title("t")
    ns["ax"] = ax
    assert run(q, capsys)[0].outcome is Outcome.CORRECT
    fig, ax = plt.subplots()
    ax.scatter(y, x, s=10, alpha=0.4)
    ax.set_title("t")
    ns["ax"] = ax
    assert "omgewisseld" in run(q, capsys)[1]
    fig, ax = plt.subplots()
    ax.scatter(x, y, s=100)
    ax.set_title("t")
    ns["ax"] = ax
    result, printed = run(q, capsys)
    assert "doorzichtig" in printed and "kleiner" in printed


def test_figure_known_mistake_names_its_cause(ns, capsys):
    q = make(
        FigureQuestion,
        var="fig",
        chart="bar",
        data=staticmethod(lambda: AANTAL),
        mistakes=[(lambda: [a * 2 for a in AANTAL], "Je telt alle bevingen in Nederland, niet alleen in het veld.")],
    )
    ns["fig"] = bar_figure(values=[a * 2 for a in AANTAL])
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT and "heel" not in printed and "niet alleen in het veld" in printed


# -- choice ------------------------------------------------------------------------------------------
OPTIONS = ["df.head()", "df.shape", "df.info()", "len(df.columns)"]


def choice_question(**extra):
    return make(
        ChoiceQuestion,
        var="antwoord",
        options=OPTIONS,
        correct=1,
        explanations=["head toont rijen.", "Goed: (rijen, kolommen).", "", ""],
        **extra,
    )


def test_choice_correct_by_letter_and_index(ns, capsys):
    ns["antwoord"] = "B"
    result, printed = run(choice_question(), capsys)
    assert result.outcome is Outcome.CORRECT and "(rijen, kolommen)" in printed
    ns["antwoord"] = 1
    assert run(choice_question(), capsys)[0].outcome is Outcome.CORRECT


def test_choice_wrong_shows_explanation_of_chosen_only(ns, capsys):
    ns["antwoord"] = "a"
    result, printed = run(choice_question(), capsys)
    assert result.outcome is Outcome.INCORRECT
    assert "head toont rijen" in printed
    assert "df.shape" not in printed and "rijen, kolommen" not in printed


def test_choice_invalid_and_several_for_single(ns, capsys):
    ns["antwoord"] = "z"
    result, printed = run(choice_question(), capsys)
    assert result.outcome is Outcome.INCORRECT and "a, b, c, d" in printed
    ns["antwoord"] = "a, b"
    result, printed = run(choice_question(), capsys)
    assert "één" in printed


def test_choice_several_correct(ns, capsys):
    q = make(ChoiceQuestion, var="antwoord", options=OPTIONS, correct={1, 3})
    ns["antwoord"] = ["b"]
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT and "nog niet koos: 1" in printed
    assert "len(df.columns)" not in printed
    ns["antwoord"] = "b, d"
    assert run(q, capsys)[0].outcome is Outcome.CORRECT


# -- reflection --------------------------------------------------------------------------------------
def test_reflection(ns, capsys):
    q = make(ReflectionQuestion, var="gedachte", min_words=5)
    ns["gedachte"] = ____
    assert run(q, capsys)[0].outcome is Outcome.NOT_ATTEMPTED
    ns["gedachte"] = "te kort"
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT and "minstens 5 woorden" in printed
    ns["gedachte"] = 42
    assert run(q, capsys)[0].outcome is Outcome.INCORRECT
    ns["gedachte"] = "De diepte van bevingen verschilt weinig in Groningen."
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.SELF_REVIEW and "Zelf nakijken" in printed and "Je antwoord klopt" not in printed
    assert "Groningen" not in printed and result.done and not result.correct


ALT_TEKST = dict(
    var="alt_tekst",
    min_words=8,
    concepts={"de periode (jaartallen)": r"2013", "de richting (daalde of steeg)": r"daal|gedaald|afname"},
    contradictions={r"\bsteeg\b|gestegen|toename": "De winning steeg niet: kijk nog eens naar de staven."},
    solution='alt_tekst = "Staafdiagram van de gaswinning, 2013 tot en met 2018: de winning daalde. Bron: NAM."',
)


def test_free_text_checked_on_content_and_never_correct(ns, capsys):
    q = make(ReflectionQuestion, **ALT_TEKST)
    ns["alt_tekst"] = "Staafdiagram van de gaswinning per jaar: de winning daalde flink in die jaren."
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT and "de periode (jaartallen)" in printed and "richting" not in printed
    ns["alt_tekst"] = "Staafdiagram van de gaswinning van 2013 tot 2018: de winning steeg elk jaar flink."
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT and "steeg niet" in printed
    ns["alt_tekst"] = "Staafdiagram van de gaswinning van 2013 tot 2018: de winning daalde elk jaar flink."
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.SELF_REVIEW and "voorbeeldantwoord" in printed
    assert "Bron: NAM." in printed  # the model answer to compare with


# -- custom ------------------------------------------------------------------------------------------
class Bevingen2018(CustomQuestion):
    """Maak een tabel met alleen de bevingen uit 2018."""

    def test(self, bevingen_2018, df):
        if not isinstance(bevingen_2018, pd.DataFrame):
            raise Incorrect("Maak een tabel (DataFrame).")
        jaren = set(bevingen_2018["jaar"])
        if jaren != {2018}:
            raise Incorrect(f"Je tabel bevat ook jaren {sorted(jaren - {2018})}.")
        assert len(bevingen_2018) == (df["jaar"] == 2018).sum(), "Er ontbreken bevingen uit 2018."


def test_custom_outcomes(ns, capsys):
    q = lesson_questions("testcursus", "02-les", Bevingen2018)[0]
    df = pd.DataFrame({"jaar": [2017, 2018, 2018, 2019]})
    ns["df"] = df
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.NOT_ATTEMPTED and "bevingen_2018 = ..." in printed
    ns["bevingen_2018"] = ____
    assert run(q, capsys)[0].outcome is Outcome.NOT_ATTEMPTED
    ns["bevingen_2018"] = df[df["jaar"] >= 2018]
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT and "2019" in printed
    ns["bevingen_2018"] = df[df["jaar"] == 2018].head(1)
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.INCORRECT and "ontbreken" in printed
    ns["bevingen_2018"] = df.rename(columns={"jaar": "year"})  # the learner's table lacks the column
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.ERROR and "KeyError" in printed
    ns["bevingen_2018"] = df[df["jaar"] == 2018]
    assert run(q, capsys)[0].outcome is Outcome.CORRECT
