"""Beginners' errors get a Dutch explanation with the fix: each raised for real, as a learner's cell raises it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from datavaardig.grading.selfcheck import CustomQuestion, Outcome, lesson_questions
from datavaardig.grading.selfcheck.explain_errors import RULES, explain, explanation_key
from tests.support.checks import run

DF = pd.DataFrame(
    {
        "magnitude": [1.2, 3.6],
        "plaats": ["Loppersum", "Huizinge"],
        "tijdstip": pd.to_datetime(["2012-08-16 20:30", "2018-01-08 14:00"], utc=True),
    }
)
INWONERS = {"Groningen": 243_000, "Pekela": 12_517}


def raised(code: str, namespace: dict | None = None) -> BaseException:
    """The exception `code` raises, compiled and run like a cell."""
    namespace = {"df": DF.copy(), "inwoners": dict(INWONERS), "pd": pd, **(namespace or {})}
    try:
        exec(compile(code, "<cel>", "exec"), namespace)
    except BaseException as error:
        return error, namespace
    raise AssertionError(f"{code!r} did not raise")


# (the learner's code, the explanation's key, words the explanation must contain)
MISTAKES = [
    ('df[(df["magnitude"] > 1) and (df["magnitude"] < 3)]', "explain.and_or", "`&`"),
    ('df["plaats", "magnitude"]', "explain.columns_tuple", 'df[["plaats", "magnitude"]]'),
    ('df["magnitud"]', "explain.column_suggest", "`magnitude`"),
    ('df["Plaats"]', "explain.column_suggest", "`plaats`"),
    ('df["diepte"]', "explain.column", "`tijdstip`"),
    ('df.sort_values("magnitud")', "explain.column_suggest", "`magnitude`"),
    ('df.loc[5, "plaats"]', "explain.row_label", ".iloc"),
    ('inwoners["Groninge"]', "explain.key_suggest", "`Groningen`"),
    ('inwoners["Loppersum"]', "explain.key", "`in`"),
    ('float("3,6")', "explain.float_comma", '.replace(",", ".")'),
    ('float("drie")', "explain.float_text", "geen getal"),
    ('int("12.517")', "explain.int_decimal", "float"),
    ("[1.2, 3.6][2]", "explain.index_range", "[-1]"),
    ("df.iloc[10]", "explain.index_range", "vanaf 0"),
    ('if df.shape[0] = 2:\n    print("ja")', "explain.assign_compare", "`==`"),
    ('df[df["plaats"] = "Loppersum"]', "explain.assign_compare", "`==`"),
    ("print(magnitudes)", "explain.name", "herstart"),
    ("print(inwonres)", "explain.name_suggest", "`inwoners`"),
    ("df[magnitude]", "explain.name_column", 'df["magnitude"]'),
    ('"In Pekela wonen " + 12517', "explain.text_plus_number", "f-string"),
    ('"12517" - 1', "explain.calculate_with_text", "int(...)"),
    ('df["tijdstip"] >= 2018', "explain.compare_time", ".dt.year"),
    ('df["tijdstip"].year', "explain.series_date_part", ".dt.year"),
    ('df["magnitude"].dt.year', "explain.dt_accessor", "tijdstippen"),
    ('df[df["magnitude"] > "2"]', "explain.compare_kinds", "aanhalingstekens"),
    ('"3" > 2', "explain.compare_kinds", "aanhalingstekens"),
    ('df["plaats"].mean()', "explain.text_column", "getallen"),
    ("df.magnitud", "explain.attribute_column", 'df["magnitude"]'),
    ('df("magnitude")', "explain.table_not_callable", "blokhaken"),
    ("sum = 3\nsum([1, 2])", "explain.shadowed_function", "del sum"),
    ("[1.2, 3.6].mean()", "explain.list_method", "sum(lijst) / len(lijst)"),
    ("df.magnitude.gemiddelde()", "explain.attribute_table", "Series"),
    ("def f(inwoners, km2):\n    return inwoners / km2\nf(12517)", "explain.argument_missing", "'km2'"),
    ("def f(x):\n    print(x)\nf(1) + 1", "explain.none_value", "return"),
    ("1 / len(df[df['magnitude'] > 9])", "explain.zero_division", "filter"),
    ("import matplotlib.pyplt", "explain.module", "matplotlib.pyplot"),
    ("for m in [1, 2]\n    print(m)", "explain.colon", "dubbele punt"),
    ("for m in [1, 2]:\nprint(m)", "explain.indent_missing", "vier spaties"),
    ("x = 1\n    y = 2", "explain.indent_unexpected", "spaties"),
    ('print("Loppersum)', "explain.quote_open", "aanhalingsteken"),
    ("print(max([1, 2])", "explain.bracket_open", "`(`"),
    ("lijst = [1 2 3]", "explain.comma", "komma"),
]


@pytest.mark.parametrize(("code", "key", "says"), MISTAKES, ids=[m[1] + f"-{i}" for i, m in enumerate(MISTAKES)])
def test_beginners_error_is_explained_in_dutch_with_the_fix(code, key, says, monkeypatch):
    monkeypatch.setenv("DATAVAARDIG_LANG", "nl")
    error, namespace = raised(code)
    assert explanation_key(error, namespace)[0] == key, f"{type(error).__name__}: {error}"
    text = explain(error, namespace)
    assert says is None or says in text
    assert len(text) < 320, "one or two plain sentences"


def test_there_are_explanations_for_at_least_twenty_mistakes():
    assert len({key for _, key, _ in MISTAKES}) >= 20
    assert len(RULES) >= 20


def test_an_unknown_error_gets_no_guess():
    error, namespace = raised("raise RuntimeError('iets anders')")
    assert explain(error, namespace) is None
    error, namespace = raised("for x in 3:\n    pass")  # a TypeError nobody in these lessons makes
    assert explain(error, namespace) is None


def test_the_explanation_is_english_when_asked(monkeypatch):
    monkeypatch.setenv("DATAVAARDIG_LANG", "en")
    error, namespace = raised('float("3,6")')
    assert "Replace the comma" in explain(error, namespace)


class Dichtheid(CustomQuestion):
    """Hoeveel inwoners per km²?"""

    def test(self, dichtheid):
        dichtheid(12517)


def test_an_error_in_a_check_shows_the_explanation(ns, capsys):
    q = lesson_questions("testcursus", "01-les", Dichtheid)[0]
    exec("def dichtheid(inwoners, km2):\n    return inwoners / km2", ns)
    result, printed = run(q, capsys)
    assert result.outcome is Outcome.ERROR and "TypeError" in printed and "te weinig waarden" in printed


def test_cell_errors_are_explained_in_a_real_ipython_shell():
    """dv.bind installs the explanation in IPython: known errors explained with the traceback folded away,
    unknown ones as IPython shows them, and a failing cell still fails."""
    script = textwrap.dedent(
        """
        import os, warnings
        os.environ["DATAVAARDIG_LANG"] = "nl"
        warnings.simplefilter("always")
        from IPython.core.interactiveshell import InteractiveShell
        shell = InteractiveShell.instance()
        shell.run_cell("import datavaardig as dv\\nimport pandas as pd\\ndv.bind(globals())")
        shown = []
        shell.display_pub.publish = lambda data, **kw: shown.append(data)
        for cell in ('float("3,6")', 'if 1 = 1:\\n    pass', 'raise RuntimeError("onbekend")',
                     'df = pd.DataFrame({"m": [-1.0]})\\ndf[df["m"] < 0]["m"] = 0'):
            result = shell.run_cell(cell)
            print("SUCCESS", result.success)
        for data in shown:
            print("HTML", data.get("text/html", "").replace("\\n", " "))
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    html = [line for line in out.stdout.splitlines() if line.startswith("HTML")]
    assert len(html) == 3, out.stdout + out.stderr  # float, ==, the chained assignment; not the RuntimeError
    assert "Vervang eerst de komma" in html[0] and "<details>" in html[0] and "Traceback" in html[0]
    assert "ValueError: could not convert string to float" in html[0]
    assert "<code>==</code>" in html[1]
    assert "verandert je tabel <strong>niet</strong>" in html[2] and ".loc" in html[2]
    # The cells that raised still fail; the chained assignment is a warning, not an error.
    assert [line for line in out.stdout.splitlines() if line.startswith("SUCCESS")] == [
        "SUCCESS False",
        "SUCCESS False",
        "SUCCESS False",
        "SUCCESS True",
    ]
    assert "RuntimeError" in out.stdout + out.stderr  # the unknown error is shown as IPython shows it
