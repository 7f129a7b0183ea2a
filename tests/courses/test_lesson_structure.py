"""Lint of every course and lesson (CONTRIBUTING.md, "Lessons", after the Carpentries).

course.yml names existing lessons, datasets and exercise modules; each lesson notebook opens with Vragen,
Leerdoelen and an estimated time, explains before it exercises, closes with Kernpunten, marks that with
cell tags, uses its own q1…qN in order, and is committed without outputs.
"""

from __future__ import annotations

import re

import nbformat
import pytest

from datavaardig import catalog
from datavaardig.courses import LESSON_FILE, load_course
from datavaardig.grading.selfcheck.lesson import lesson_module, lesson_question_infos
from tests.support.coursefiles import COURSES, course_ymls, lesson_paths, read, rel, tags

STRUCTURE_TAGS = {"vragen", "leerdoelen", "voorbereiding", "uitleg", "oefening", "kernpunten"}
# One letter per cell: I(ntro) V(oorbereiding) U(itleg) O(efening) K(ernpunten).
ORDER = re.compile(r"^IV+(U+O+)+U*K$")  # a closing explanation before Kernpunten is fine
LETTER = {"voorbereiding": "V", "uitleg": "U", "oefening": "O", "kernpunten": "K"}
CHAINED_ASSIGNMENT = re.compile(r"\]\s*\[[^\]]*\]\s*=(?!=)")
MIN_EXERCISES = 5


def lesson_of(path):
    course = load_course(path.parent / "course.yml")
    return course, course.lesson(path.name)


@pytest.mark.parametrize("course_yml", course_ymls(), ids=lambda p: p.parent.name)
def test_course_yml_is_complete_and_consistent(course_yml):
    course = load_course(course_yml)
    assert course.title and course.audience and course.lessons
    assert len(course.lessons) >= 3, "a course has at least three lessons"
    assert course.minutes == sum(lesson.minutes for lesson in course.lessons)
    known = catalog.load_catalog()
    assert course.datasets and all(d in known for d in course.datasets), course.datasets
    numbers = [lesson.number for lesson in course.lessons]
    assert numbers == list(range(1, len(numbers) + 1)), "lessons are numbered 01, 02, … in order"
    for lesson in course.lessons:
        assert lesson.path.is_file(), f"{lesson.file} is listed in course.yml but missing"
    listed = {lesson.file for lesson in course.lessons}
    on_disk = {p.name for p in course_yml.parent.glob("*.ipynb")}
    assert on_disk == listed, f"notebooks not in course.yml: {sorted(on_disk - listed)}"


@pytest.mark.parametrize("course_yml", course_ymls(), ids=lambda p: p.parent.name)
def test_course_uses_every_dataset_it_names(course_yml):
    """course.yml's dataset list is what trainers prepare for: no stale or forgotten names."""
    import inspect

    course = load_course(course_yml)
    code = "\n".join(c.source for lesson in course.lessons for c in read(lesson.path).cells if c.cell_type == "code")
    code += "\n".join(inspect.getsource(lesson_module(lesson)) for lesson in course.lessons)
    for dataset in course.datasets:
        assert f'"{dataset}"' in code, f"course.yml names {dataset}, but no lesson or exercise uses it"


@pytest.mark.parametrize("path", lesson_paths(), ids=rel)
def test_lesson_exercise_module_belongs_to_this_lesson(path):
    course, lesson = lesson_of(path)
    questions = lesson_question_infos(lesson)
    assert len(questions) >= MIN_EXERCISES, f"{lesson.exercises} has {len(questions)} questions"
    for info in questions:
        assert info.id == f"{course.id}/{lesson.slug}/{info.name}", (
            f"lesson_questions(...) in {lesson.exercises} must name course '{course.id}' and lesson '{lesson.slug}'"
        )


@pytest.mark.parametrize("path", lesson_paths(), ids=rel)
def test_lesson_is_committed_clean(path):
    nb = read(path)
    nbformat.validate(nb)
    assert LESSON_FILE.match(path.name)
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert not cell.outputs, f"cell {index} has outputs: clear them before committing"
            assert cell.execution_count is None, f"cell {index} has an execution count"


@pytest.mark.parametrize("path", lesson_paths(), ids=rel)
def test_lesson_has_the_carpentries_shape(path):
    course, lesson = lesson_of(path)
    cells = read(path).cells
    first, last = cells[0], cells[-1]

    assert first.cell_type == "markdown" and {"vragen", "leerdoelen"} <= set(tags(first))
    assert first.source.startswith(f"# {lesson.title}\n"), "the first line is `# <title from course.yml>`"
    text = first.source
    assert 0 <= text.find("## Vragen") < text.find("## Leerdoelen"), "## Vragen, then ## Leerdoelen"
    for heading in ("## Vragen", "## Leerdoelen"):
        section = text.split(heading, 1)[1].split("\n## ", 1)[0]
        assert section.count("\n- ") >= 2, f"{heading} lists at least two points"
    time = re.search(r"Geschatte tijd: (\d+) minuten", text)
    assert time and int(time.group(1)) == lesson.minutes, "the estimated time matches course.yml"

    assert last.cell_type == "markdown" and tags(last) == ["kernpunten"]
    assert last.source.startswith("## Kernpunten") and last.source.count("\n- ") >= 3

    letters = ""
    for index, cell in enumerate(cells[1:], start=1):
        structure = [t for t in tags(cell) if t in STRUCTURE_TAGS]
        assert len(structure) == 1, f"cell {index} needs exactly one structure tag, has {tags(cell)}"
        letters += LETTER[structure[0]]
    assert ORDER.match("I" + letters), (
        "order must be: intro, voorbereiding, then explanation before each group of exercises, "
        f"Kernpunten last; got {'I' + letters}"
    )


@pytest.mark.parametrize("path", lesson_paths(), ids=rel)
def test_setup_cell_imports_and_binds_the_lessons_questions(path):
    _, lesson = lesson_of(path)
    setup = "\n".join(c.source for c in read(path).cells if "voorbereiding" in tags(c))
    assert "import datavaardig as dv" in setup
    assert f"from {lesson.exercises} import *" in setup
    assert "dv.bind(globals())" in setup


@pytest.mark.parametrize("path", lesson_paths(), ids=rel)
def test_every_question_is_exercised_once_in_order_right_after_its_explanation(path):
    _, lesson = lesson_of(path)
    questions = lesson_question_infos(lesson)
    checked = []
    for cell in read(path).cells:
        if cell.cell_type != "code" or "oefening" not in tags(cell):
            continue
        calls = re.findall(r"^(q\d+)\.check\(\)\s*$", cell.source, flags=re.M)
        assert len(calls) == 1, f"an exercise cell calls exactly one check():\n{cell.source}"
        name = calls[0]
        assert re.search(rf"^# {name}\.hint\(\)", cell.source, flags=re.M), f"{name}: add `# {name}.hint()`"
        assert re.search(rf"^# {name}\.solution\(\)", cell.source, flags=re.M), f"{name}: add `# {name}.solution()`"
        info = next((q for q in questions if q.name == name), None)
        assert info is not None, f"{name} is not a question of {lesson.exercises}"
        assert "____" in cell.source, f"{name}: the learner starts from the `____` placeholder"
        for var in info.variables:
            assert re.search(rf"\b{re.escape(var)}\b", cell.source), f"{name}: the cell must show `{var}`"
        checked.append(name)
    assert checked == [q.name for q in questions], "each question once, in the order q1, q2, …"


@pytest.mark.parametrize("path", lesson_paths(), ids=rel)
def test_code_uses_pandas_3_idioms(path):
    """No chained assignment (`df[a][b] = x` does nothing in pandas 3): lessons show `.loc`."""
    for cell in read(path).cells:
        if cell.cell_type == "code":
            assert not CHAINED_ASSIGNMENT.search(cell.source), f"chained assignment in:\n{cell.source}"
            assert "inplace=True" not in cell.source


def test_lint_catches_a_lesson_without_kernpunten(tmp_path):
    """The shape test can fail: a lesson whose last cell is not Kernpunten is rejected."""
    source = lesson_paths()[0]
    nb = read(source)
    nb.cells = nb.cells[:-1]
    copy = tmp_path / source.parent.name / source.name
    copy.parent.mkdir()
    (copy.parent / "course.yml").write_text((source.parent / "course.yml").read_text())
    nbformat.write(nb, copy)
    with pytest.raises(AssertionError):
        test_lesson_has_the_carpentries_shape(copy)


def test_there_is_a_first_course_with_four_lessons(mirror):
    course = load_course(COURSES / "tabellen" / "course.yml")
    assert course.title == "Werken met tabellen in pandas"
    assert [lesson.slug for lesson in course.lessons][:4] == [
        "01-inlezen-en-bekijken",
        "02-selecteren-en-filteren",
        "03-sorteren-en-nieuwe-kolommen",
        "04-groeperen-en-samenvatten",
    ]
    kinds = {q.kind for lesson in course.lessons for q in lesson_question_infos(lesson)}
    assert {"equality", "function", "figure", "custom"} <= kinds
    assert kinds & {"choice", "reflection"}
    import pandas as pd

    from datavaardig.grading.selfcheck import EqualityQuestion

    questions = [
        getattr(lesson_module(lesson), q.name) for lesson in course.lessons for q in lesson_question_infos(lesson)
    ]
    assert any(isinstance(q, EqualityQuestion) and isinstance(q.expected_value(), pd.DataFrame) for q in questions), (
        "at least one question asks for a whole table"
    )
