"""Course root, release, and the assignment's own QA: the source scores full points, the release 0."""

from __future__ import annotations

import nbformat
import pytest

from datavaardig.cli import main
from datavaardig.grading.assignments import course as assignment_course
from datavaardig.grading.assignments.grader import GRADED, grade
from tests.support import submissions

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def course(tmp_path_factory, mirror):
    return submissions.make_course(tmp_path_factory.mktemp("cursus"))


def test_course_init_writes_nbgrader_config_wired_to_exercises(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DATAVAARDIG_COURSE_ROOT", str(tmp_path / "root"))
    assert main(["course", "init"]) == 0
    config = (tmp_path / "root" / "nbgrader_config.py").read_text()
    assert str(assignment_course.graded_source_dir()) in config
    assert "gradebook.db" in config
    loaded = assignment_course.load_config(tmp_path / "root")
    assert loaded.CourseDirectory.source_directory == str(assignment_course.graded_source_dir())


def test_course_root_inside_repository_is_refused(capsys):
    repo = assignment_course.graded_source_dir().parent.parent
    assert main(["course", "init", "--root", str(repo / "cursusmap")]) == 1
    assert "ligt in de repository" in capsys.readouterr().err
    assert not (repo / "cursusmap").exists()


def test_commands_without_course_root_say_what_to_do(tmp_path, capsys):
    assert main(["grade", "tabellen", "--root", str(tmp_path / "leeg")]) == 1
    assert "datavaardig course init" in capsys.readouterr().err


def test_unknown_assignment_is_a_clear_error(course, capsys):
    assert main(["assignment", "release", "bestaatniet", "--root", str(course)]) == 1
    assert "Onbekende opdracht 'bestaatniet'" in capsys.readouterr().err


def test_released_notebook_has_no_solutions_or_hidden_tests(course):
    released = nbformat.read(str(course / "release" / "tabellen" / "aardbevingen.ipynb"), as_version=4)
    text = "\n".join(c.source for c in released.cells)
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
    assert "verborgen:" not in text and "len(bevingen)" not in text
    assert text.count("SCHRIJF HIER JE CODE") == 4
    points = sum(c.metadata["nbgrader"].get("points", 0) for c in released.cells if c.metadata["nbgrader"].get("grade"))
    assert points == 7


def test_source_scores_full_points_and_release_scores_zero(course):
    submissions.submit_source(course, "docent")
    submissions.submit_release(course, "niemand")
    outcomes = {o.student: o for o in grade("tabellen", course, progress=False, students=["docent", "niemand"])}
    assert (outcomes["docent"].score, outcomes["docent"].max_score) == (7, 7)
    assert (outcomes["niemand"].score, outcomes["niemand"].max_score) == (0, 7)
    assert outcomes["docent"].status == outcomes["niemand"].status == GRADED
