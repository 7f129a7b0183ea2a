"""What every question shares: ids, hints, solution, display objects, language, binding, imports."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import nbformat
import pytest

import datavaardig as dv
from datavaardig.grading.selfcheck import EqualityQuestion, Feedback, Outcome, ____, binder, lesson_questions
from tests.support.checks import run
from tests.support.kernels import execute_notebook


class ZwareBevingen(EqualityQuestion):
    """Hoeveel bevingen hadden een magnitude van 3,0 of meer?"""

    var = "zware_bevingen"
    expected = lambda: 23
    hints = ["Filter met een voorwaarde tussen blokhaken.", "Gebruik `len(...)`."]
    solution = 'zware_bevingen = len(df[df["magnitude"] >= 3])'


class ZonderHulp(EqualityQuestion):
    var = "x"
    expected = 1


def questions():
    return lesson_questions("tabellen", "02-selecteren-en-filteren", ZwareBevingen, ZonderHulp)


def test_lesson_questions_ids_names_kinds():
    q1, q2 = questions()
    assert q1.id == "tabellen/02-selecteren-en-filteren/q1" and q2.id.endswith("/q2")
    assert (q1.name, q1.kind, q1.course, q1.lesson) == (
        "ZwareBevingen",
        "equality",
        "tabellen",
        "02-selecteren-en-filteren",
    )
    assert q1.text == "Hoeveel bevingen hadden een magnitude van 3,0 of meer?"
    with pytest.raises(TypeError):
        lesson_questions("c", "l", object)


def test_solution_attribute_does_not_hide_the_method(store_url, capsys):
    q1, _ = questions()
    assert q1.solution() is None
    printed = capsys.readouterr().out
    assert "Voorbeeldoplossing" in printed and 'len(df[df["magnitude"] >= 3])' in printed


def test_no_solution_said_so(store_url, capsys):
    _, q2 = questions()
    q2.solution()
    assert "geen voorbeeldoplossing" in capsys.readouterr().out


def test_hints_step_and_say_when_done(store_url, capsys):
    q1, q2 = questions()
    q1.hint()
    first = capsys.readouterr().out
    assert "Hint 1 van 2" in first and "blokhaken" in first and "Hoeveel bevingen" in first
    q1.hint()
    assert "Hint 2 van 2" in capsys.readouterr().out
    q1.hint()
    assert "geen hints meer" in capsys.readouterr().out
    q1.hint(1)
    assert "Hint 1 van 2" in capsys.readouterr().out
    q1.hint()
    assert "Hint 2 van 2" in capsys.readouterr().out  # hint(n) moves the step
    q1.hint(7)
    assert "Hint 7 bestaat niet" in capsys.readouterr().out
    q2.hint()
    assert "geen hint beschikbaar" in capsys.readouterr().out


def test_hints_and_solution_never_reveal_expected(store_url, capsys):
    q1, _ = questions()
    q1.hint(), q1.hint(), q1.hint()
    assert "23" not in capsys.readouterr().out


def test_english_setting(ns, capsys, monkeypatch):
    monkeypatch.setenv("DATAVAARDIG_LANG", "en")
    q1, _ = questions()
    ns["zware_bevingen"] = ____
    result, printed = run(q1, capsys)
    assert printed.strip() == "Not yet attempted: replace ____ with your answer."
    ns["zware_bevingen"] = 20
    result, printed = run(q1, capsys)
    assert "not the number asked for" in printed and "q1.hint()" in printed and "23" not in printed
    q1.hint()
    assert "Hint 1 of 2" in capsys.readouterr().out


def test_feedback_is_markdown_in_jupyter_and_plain_elsewhere():
    feedback = Feedback(
        ("**Nog niet goed.** Vraag een hint met `q1.hint()`.",),
        ("Je antwoord `17` is te klein.",),
        code="x = 1",
        symbol="❌",
    )
    markdown = feedback._repr_markdown_()
    assert markdown.startswith("❌ **Nog niet goed.**") and "- Je antwoord `17`" in markdown
    assert "```python\nx = 1\n```" in markdown
    assert str(feedback) == repr(feedback)
    assert str(feedback).splitlines()[0] == "Nog niet goed. Vraag een hint met q1.hint()."
    assert "`" not in str(feedback) and "**" not in str(feedback)


def test_last_result_and_bind_through_datavaardig(store_url, capsys):
    q1, _ = questions()
    namespace = {"zware_bevingen": 23}
    dv.bind(namespace)
    try:
        q1.check()
        assert q1.last_result.outcome is Outcome.CORRECT and q1.last_result.correct
        namespace["zware_bevingen"] = ____  # the bound dict is read live, as globals() would be
        q1.check()
        assert q1.last_result.outcome is Outcome.NOT_ATTEMPTED
    finally:
        binder.unbind()
    with pytest.raises(TypeError, match="globals"):
        dv.bind(["geen", "dict"])


def test_import_datavaardig_stays_light():
    code = (
        "import sys, datavaardig, datavaardig.grading\n"
        "heavy = [m for m in ('pandas', 'sqlalchemy', 'matplotlib', 'alembic') if m in sys.modules]\n"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.slow
def test_check_in_a_real_kernel_shows_feedback_once_as_markdown(store_url):
    """In a notebook, check() displays one Markdown output and returns None (no echoed repr)."""
    source = textwrap.dedent("""
        import datavaardig as dv
        from datavaardig.grading.selfcheck import EqualityQuestion, lesson_questions, ____
        class Q(EqualityQuestion):
            var = "antwoord"
            expected = lambda: 42
        q1, = lesson_questions("tabellen", "01-les", Q)
        dv.bind(globals())
        antwoord = 41
        q1.check()
    """)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    execute_notebook(nb)
    outputs = nb.cells[0].outputs
    assert [o.output_type for o in outputs] == ["display_data"]
    markdown = outputs[0].data["text/markdown"]
    assert "**Nog niet goed.**" in markdown and "`41`" in markdown and "42" not in markdown
    assert "text/plain" in outputs[0].data
