"""Course-specific checks for "Starten met Python en Jupyter" and "Visualiseren met matplotlib".

The generic course tests prove each question's own solution and `wrong` answer; these add what is particular
to the two courses: the beginners' course works on the province's data only, the chart lessons use the house
style, the question kinds are mixed as the issue asks, and the answer options in a notebook are the options the
check knows. The mistakes a learner makes are proved per question (`wrong` on each question class, run by
test_question_proofs.py).
"""

from __future__ import annotations

import importlib
import re

import pytest

import datavaardig as dv
from datavaardig.courses import load_course
from datavaardig.grading.selfcheck import ChoiceQuestion, Outcome, ____
from datavaardig.grading.selfcheck.binder import unbind
from datavaardig.grading.selfcheck.lesson import lesson_module, lesson_question_infos
from tests.support.coursefiles import COURSES, read, rel, tags
from tests.support.kernels import execute_notebook

PYTHON = load_course(COURSES / "python" / "course.yml")
VISUALISEREN = load_course(COURSES / "visualiseren" / "course.yml")
LESSONS = [*PYTHON.lessons, *VISUALISEREN.lessons]


@pytest.fixture(autouse=True)
def _clean():
    yield
    unbind()
    import matplotlib.pyplot as plt

    plt.close("all")


def code_of(lesson) -> str:
    return "\n".join(c.source for c in read(lesson.path).cells if c.cell_type == "code")


def attempt(module: str, name: str, code: str):
    """Run the question's lesson set-up plus `code` in a fresh namespace, bind it and check."""
    question = getattr(importlib.import_module(f"datavaardig.exercises.{module}"), name)
    namespace = {"____": ____}
    exec(question.setup, namespace)
    exec(code, namespace)
    dv.bind(namespace)
    question.check()
    return question.last_result


def test_the_courses_have_the_lessons_the_issue_asks_for():
    assert len(PYTHON.lessons) >= 3 and len(VISUALISEREN.lessons) >= 4
    assert PYTHON.order < load_course(COURSES / "tabellen" / "course.yml").order < VISUALISEREN.order


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: rel(lesson.path))
def test_every_lesson_works_on_the_provinces_data(lesson):
    code = code_of(lesson)
    assert re.search(r"dv\.load\(\"\w+\"\)", code), "each lesson loads its data with datavaardig.load"
    assert not re.search(r"(?<![.\w])(foo|bar|baz|spam|eggs)\b", code), "no foo/bar: examples come from real data"


def test_the_question_kinds_are_mixed():
    python_kinds = [q.kind for lesson in PYTHON.lessons for q in lesson_question_infos(lesson)]
    assert python_kinds.count("function") >= 2 and {"equality", "choice", "custom", "reflection"} <= set(python_kinds)
    for lesson in VISUALISEREN.lessons[:3]:
        assert "figure" in {q.kind for q in lesson_question_infos(lesson)}, (
            f"{lesson.slug}: figure questions check charts"
        )
    total = sum(len(lesson_question_infos(lesson)) for lesson in LESSONS)
    assert total >= 35


@pytest.mark.parametrize("lesson", VISUALISEREN.lessons, ids=lambda lesson: lesson.slug)
def test_chart_lessons_use_the_house_style(lesson):
    code = code_of(lesson)
    assert "from datavaardig.widgets.style import" in code and "use_house_style()" in code


def test_the_honest_charts_lesson_puts_a_source_line_under_its_charts():
    code = code_of(VISUALISEREN.lesson("04-eerlijke-grafieken"))
    assert code.count("source_line(") >= 2 and 'attrs["bron"]' in code


def choice_exercises():
    """(lesson, question, markdown of the exercise) for every choice question in the two courses."""
    found = []
    for lesson in LESSONS:
        cells = read(lesson.path).cells
        module = lesson_module(lesson)
        for index, cell in enumerate(cells):
            match = re.search(r"^(q\d+)\.check\(\)", cell.source, flags=re.M) if cell.cell_type == "code" else None
            question = getattr(module, match.group(1)) if match else None
            if isinstance(question, ChoiceQuestion):
                text = cells[index - 1].source
                assert "oefening" in tags(cells[index - 1])
                found.append(pytest.param(question, text, id=f"{lesson.slug}.{match.group(1)}"))
    return found


@pytest.mark.parametrize(("question", "markdown"), choice_exercises())
def test_the_notebook_shows_the_options_the_check_knows(question, markdown):
    shown = " ".join(markdown.split())
    for letter, option in zip("abcdefgh", question.options):
        assert f"- {letter}. {' '.join(option.split())}" in shown, f"option {letter}) differs from the notebook"


def test_house_style_default_colours_pass_the_colour_check(mirror):
    """The lesson's own path: with the house style on, plain `plot` calls already use safe colours."""
    from datavaardig.widgets.style import house_style

    with house_style():
        result = attempt(
            "visualiseren_04",
            "q4",
            """fig, ax_kleuren = plt.subplots()
ax_kleuren.plot(jaartemp_nb.index, jaartemp_nb.values, label="Nieuw Beerta")
ax_kleuren.plot(jaartemp_lo.index, jaartemp_lo.values, label="Lauwersoog")
ax_kleuren.legend()""",
        )
    assert result.outcome is Outcome.CORRECT, result.message


def test_matplotlib_default_colours_are_not_all_safe(mirror):
    """Without the house style, matplotlib's own default colours are not the safe palette: the check notices."""
    import matplotlib as mpl

    with mpl.rc_context(mpl.rcParamsDefault):
        result = attempt(
            "visualiseren_04",
            "q4",
            """fig, ax_kleuren = plt.subplots()
for station in ("Nieuw Beerta", "Lauwersoog", "Nieuw Beerta"):
    ax_kleuren.plot(jaartemp_nb.index, jaartemp_nb.values, label=station)
ax_kleuren.legend()""",
        )
    assert result.outcome is Outcome.INCORRECT


@pytest.mark.slow
def test_chart_lessons_show_their_charts_in_the_notebook(mirror):
    """The house-style import must not switch a kernel's inline backend off: the learner sees the charts."""
    path = VISUALISEREN.lesson("04-eerlijke-grafieken").path
    nb = read(path)
    execute_notebook(nb, path.parent)
    images = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 2, "the example charts of the lesson are not displayed"
