"""The learner's workspace follows nbgitpuller's rules, one notebook at a time: what the learner changed is
never overwritten; a course update still reaches them (beside their own version, with a note)."""

from __future__ import annotations

import json
import shutil

import nbformat
import pytest

from datavaardig import settings
from datavaardig.hub import workspace
from tests.support.paths import COURSES

LESSON = "tabellen/01-inlezen-en-bekijken.ipynb"


@pytest.fixture
def course(tmp_path):
    """A copy of the real courses that the test can "update" like a maintainer would."""
    source = tmp_path / "bron"
    shutil.copytree(COURSES, source)
    return source


def _edit(path, text: str) -> None:
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(text))
    nbformat.write(nb, path)


def _sources(path) -> list[str]:
    return [c.source for c in nbformat.read(path, as_version=4).cells]


def test_first_sync_copies_every_lesson_and_the_start_page_but_no_course_files(course, tmp_path):
    target = tmp_path / "werk"
    report = workspace.sync(course, target)
    assert (target / "index.ipynb").is_file() and (target / LESSON).is_file()
    lessons = sorted(p.relative_to(course).as_posix() for p in course.glob("*/*.ipynb"))
    assert set(lessons) <= set(report.added)
    assert not list(target.glob("*/course.yml"))
    assert report.updated == report.kept == []


def test_a_second_sync_without_changes_does_nothing(course, tmp_path):
    target = tmp_path / "werk"
    workspace.sync(course, target)
    assert not workspace.sync(course, target).changed


def test_an_untouched_lesson_gets_the_new_version(course, tmp_path):
    target = tmp_path / "werk"
    workspace.sync(course, target)
    _edit(course / LESSON, "# nieuw in de cursus")
    report = workspace.sync(course, target)
    assert report.updated == [LESSON] and report.kept == []
    assert _sources(target / LESSON)[-1] == "# nieuw in de cursus"


def test_running_cells_is_no_change_worth_keeping_an_old_lesson_for(course, tmp_path):
    target = tmp_path / "werk"
    workspace.sync(course, target)
    nb = json.loads((target / LESSON).read_text())
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["execution_count"] = 1
            cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["uitvoer\n"]}]
    (target / LESSON).write_text(json.dumps(nb))
    _edit(course / LESSON, "# nieuw in de cursus")
    assert workspace.sync(course, target).updated == [LESSON]


def test_a_changed_lesson_is_kept_and_the_new_version_placed_beside_it_with_a_note(course, tmp_path):
    target = tmp_path / "werk"
    workspace.sync(course, target)
    _edit(target / LESSON, "mijn_antwoord = 42")
    _edit(course / LESSON, "# nieuw in de cursus")
    report = workspace.sync(course, target, today="2026-12-01")
    beside = "tabellen/01-inlezen-en-bekijken.nieuwe-versie.ipynb"
    assert report.kept == [LESSON] and report.beside == [beside]
    assert _sources(target / LESSON)[-1] == "mijn_antwoord = 42"  # the learner's work, untouched
    new = _sources(target / beside)
    assert "Nieuwe versie van deze les" in new[0] and "01-inlezen-en-bekijken.ipynb" in new[0]
    assert new[-1] == "# nieuw in de cursus"
    notes = (target / workspace.NOTES).read_text()
    assert "2026-12-01" in notes and LESSON in notes and beside in notes
    # Nothing more happens at the next start, and the learner's version is still theirs.
    again = workspace.sync(course, target)
    assert not again.changed and _sources(target / LESSON)[-1] == "mijn_antwoord = 42"


def test_an_edited_new_version_is_kept_too_when_the_course_changes_again(course, tmp_path):
    target = tmp_path / "werk"
    workspace.sync(course, target)
    _edit(target / LESSON, "mijn_antwoord = 42")
    _edit(course / LESSON, "# versie 2")
    beside = workspace.sync(course, target).beside[0]
    _edit(target / beside, "ook hier gewerkt")
    _edit(course / LESSON, "# versie 3")
    third = workspace.sync(course, target).beside[0]
    assert third != beside and _sources(target / beside)[-1] == "ook hier gewerkt"
    assert _sources(target / third)[-1] == "# versie 3"


def test_a_deleted_lesson_comes_back_and_a_removed_one_goes_unless_changed(course, tmp_path):
    target = tmp_path / "werk"
    workspace.sync(course, target)
    (target / LESSON).unlink()
    other = "tabellen/02-selecteren-en-filteren.ipynb"
    third = "tabellen/03-sorteren-en-nieuwe-kolommen.ipynb"
    _edit(target / third, "mijn werk")
    (course / other).unlink()
    (course / third).unlink()
    report = workspace.sync(course, target)
    assert report.restored == [LESSON] and (target / LESSON).is_file()
    assert report.removed == [other] and not (target / other).exists()
    assert (target / third).is_file()  # removed from the course, but the learner's work stays


def test_a_file_of_the_learner_with_the_name_of_a_new_lesson_is_kept(course, tmp_path):
    target = tmp_path / "werk"
    workspace.sync(course, target)
    new_lesson = "tabellen/05-nieuwe-les.ipynb"
    (target / new_lesson).write_text(
        json.dumps(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("eigen")]))
    )
    shutil.copy(course / LESSON, course / new_lesson)
    report = workspace.sync(course, target)
    assert report.kept == [new_lesson] and _sources(target / new_lesson) == ["eigen"]


def test_the_workspace_is_never_the_course_source(monkeypatch, tmp_path):
    monkeypatch.delenv("DATAVAARDIG_WORKSPACE", raising=False)
    monkeypatch.setenv("DATAVAARDIG_HOME", str(tmp_path))
    assert settings.workspace_dir() == tmp_path / "datavaardig-lessen"
    assert settings.workspace_dir() != settings.courses_dir()
    monkeypatch.delenv("DATAVAARDIG_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "thuis"))
    # Not ~/datavaardig: a folder of the package's name in the home would shadow the package there.
    assert settings.workspace_dir() == tmp_path / "thuis" / "datavaardig-lessen"
