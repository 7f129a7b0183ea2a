"""`datavaardig courses [--json] [--update-index]` as a trainer runs it: a real process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import nbformat

from datavaardig.courses import INDEX_TAG, index_markdown, load_courses
from datavaardig.grading.selfcheck.lesson import lesson_question_infos
from tests.support.coursefiles import COURSES, read, tags
from tests.support.paths import REPO

CLI = [sys.executable, "-m", "datavaardig", "courses"]
KINDS = {"equality", "function", "figure", "choice", "reflection", "custom"}


def run(*args, root=None):
    env = dict(os.environ)
    if root is not None:
        env["DATAVAARDIG_ROOT"] = str(root)
    return subprocess.run(CLI + list(args), capture_output=True, text=True, cwd=REPO, env=env)


def test_json_lists_every_course_lesson_and_question():
    out = run("--json")
    assert out.returncode == 0, out.stderr
    listed = json.loads(out.stdout)["courses"]
    courses = load_courses(COURSES)
    assert [c["id"] for c in listed] == [c.id for c in courses]
    for record, course in zip(listed, courses):
        assert record["title"] == course.title and record["minutes"] == course.minutes
        assert [lesson["slug"] for lesson in record["lessons"]] == [lesson.slug for lesson in course.lessons]
        for lesson_record, lesson in zip(record["lessons"], course.lessons):
            assert lesson_record["error"] is None
            assert (COURSES / lesson_record["notebook"]).resolve() == lesson.path.resolve()
            assert lesson_record["exercises"] == lesson.exercises
            names = [q["name"] for q in lesson_record["questions"]]
            assert names == [q.name for q in lesson_question_infos(lesson)] and names
            for q in lesson_record["questions"]:
                assert q["kind"] in KINDS
                assert q["id"] == f"{course.id}/{lesson.slug}/{q['name']}"
                assert q["prompt"] and q["variables"]


def test_json_shows_the_first_course():
    listed = {c["id"]: c for c in json.loads(run("--json").stdout)["courses"]}
    tabellen = listed["tabellen"]
    assert tabellen["title"] == "Werken met tabellen in pandas"
    assert len(tabellen["lessons"]) >= 4
    assert all(len(lesson["questions"]) >= 5 for lesson in tabellen["lessons"])
    first = tabellen["lessons"][0]
    assert first["notebook"] == "tabellen/01-inlezen-en-bekijken.ipynb"
    assert first["exercises"] == "datavaardig.exercises.tabellen_01"


def test_text_form_reads_well():
    out = run()
    assert out.returncode == 0, out.stderr
    text = out.stdout
    for course in load_courses(COURSES):
        assert f"{course.title}  [{course.id}]" in text
        for lesson in course.lessons:
            assert f"{lesson.number:02d}. {lesson.title} ({lesson.minutes} min)" in text
            assert lesson.exercises in text
    assert "zelftoetsvragen" in text and "Voor wie:" in text
    assert "q1  equality" in text
    assert max(len(line) for line in text.splitlines()) <= 100, "fits a terminal"
    assert "Traceback" not in out.stderr


def test_broken_exercise_module_is_reported_and_fails(tmp_path):
    courses = tmp_path / "courses" / "kapot"
    courses.mkdir(parents=True)
    (courses / "course.yml").write_text(
        "id: kapot\ntitle: Kapot\naudience: niemand\nminutes: 5\nlessons:\n"
        "  - file: 01-les.ipynb\n    title: Les\n    minutes: 5\n    exercises: datavaardig.exercises.bestaat_niet\n"
    )
    out = run(root=tmp_path)
    assert out.returncode == 1
    assert "FOUT: de oefeningen zijn niet te laden" in out.stdout and "bestaat_niet" in out.stdout
    assert json.loads(run("--json", root=tmp_path).stdout)["courses"][0]["lessons"][0]["error"]


def test_malformed_course_yml_is_a_dutch_error(tmp_path):
    folder = tmp_path / "courses" / "half"
    folder.mkdir(parents=True)
    (folder / "course.yml").write_text("id: half\ntitle: Half af\n")
    out = run(root=tmp_path)
    assert out.returncode == 1
    assert out.stderr.startswith("Fout: ") and "'audience' ontbreekt" in out.stderr
    assert "Traceback" not in out.stderr


def test_update_index_rewrites_a_stale_course_list(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(COURSES, root / "courses")
    index = root / "courses" / "index.ipynb"
    nb = read(index)
    next(c for c in nb.cells if INDEX_TAG in tags(c)).source = "verouderd"
    nbformat.write(nb, index)
    out = run("--update-index", root=root)
    assert out.returncode == 0 and "bijgewerkt" in out.stdout
    generated = next(c for c in read(index).cells if INDEX_TAG in tags(c)).source
    assert generated == index_markdown(load_courses(root / "courses"), root / "courses")
    assert "al actueel" in run("--update-index", root=root).stdout
