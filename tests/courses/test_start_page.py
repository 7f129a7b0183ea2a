"""The start page (courses/index.ipynb) links every lesson of every course.yml and explains the self-checks.

The course list on it is generated (`datavaardig courses --update-index`); these tests fail as soon as a
course or lesson is added without regenerating it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest

from datavaardig.courses import INDEX_TAG, index_markdown, load_courses, update_index
from tests.support.coursefiles import COURSES, INDEX, read, tags

LINK = re.compile(r"\[[^\]]+\]\(([^)\s]+\.ipynb)\)")


def unlinked_lessons(root: Path) -> list[str]:
    """Lessons of `root/*/course.yml` that the start page in `root` does not link to."""
    markdown = "\n".join(c.source for c in read(root / "index.ipynb").cells if c.cell_type == "markdown")
    links = set(LINK.findall(markdown))
    return [
        f"{c.id}/{lesson.file}"
        for c in load_courses(root)
        for lesson in c.lessons
        if lesson.path.relative_to(root).as_posix() not in links
    ]


def copy_courses(tmp_path: Path) -> Path:
    root = tmp_path / "courses"
    shutil.copytree(COURSES, root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return root


def test_start_page_links_every_lesson_of_every_course():
    assert unlinked_lessons(COURSES) == [], "run `datavaardig courses --update-index`"


def test_every_link_on_the_start_page_opens_a_notebook():
    markdown = "\n".join(c.source for c in read(INDEX).cells if c.cell_type == "markdown")
    for target in LINK.findall(markdown):
        assert (COURSES / target).is_file(), f"broken link {target}"


def test_course_list_is_the_generated_one():
    cells = [c for c in read(INDEX).cells if INDEX_TAG in tags(c)]
    assert len(cells) == 1
    assert cells[0].source == index_markdown(load_courses(COURSES), COURSES), (
        "the course list is out of date: run `datavaardig courses --update-index`"
    )


def test_start_page_explains_check_hint_and_solution_with_an_example():
    nb = read(INDEX)
    text = "\n".join(c.source for c in nb.cells)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# Welkom")
    for call in ("q1.check()", "q1.hint()", "q1.solution()", "dv.bind(globals())", "____"):
        assert call in text
    example = [c for c in nb.cells if c.cell_type == "code" and "q1.check()" in c.source]
    assert example and "= ____" in example[0].source, "a tiny exercise the learner can try"


def test_start_page_is_committed_clean():
    nb = read(INDEX)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None


def test_a_new_lesson_is_missed_until_the_index_is_regenerated(tmp_path):
    """The check is generic over courses/*/course.yml: a new course fails it, regenerating fixes it."""
    root = copy_courses(tmp_path)
    new = root / "nieuw"
    new.mkdir()
    (new / "course.yml").write_text(
        "id: nieuw\ntitle: Een nieuwe cursus\naudience: iedereen\nminutes: 10\ndatasets: [weer]\n"
        "lessons:\n  - file: 01-eerste-les.ipynb\n    title: Eerste les\n    minutes: 10\n"
        "    exercises: datavaardig.exercises.tabellen_01\n"
    )
    nbformat.write(nbformat.v4.new_notebook(), new / "01-eerste-les.ipynb")
    assert unlinked_lessons(root) == ["nieuw/01-eerste-les.ipynb"]
    assert update_index(root) is True
    assert unlinked_lessons(root) == []
    assert update_index(root) is False, "regenerating twice changes nothing"


def test_update_index_refuses_a_page_without_the_generated_cell(tmp_path):
    from datavaardig.courses import CourseError

    root = copy_courses(tmp_path)
    nb = read(root / "index.ipynb")
    nb.cells = [c for c in nb.cells if INDEX_TAG not in tags(c)]
    nbformat.write(nb, root / "index.ipynb")
    with pytest.raises(CourseError, match=INDEX_TAG):
        update_index(root)
