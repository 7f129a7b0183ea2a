"""`datavaardig courses [--json] [--update-index]`: courses → lessons → self-check questions.

Trainers read the text form; tools and tests read the JSON. `--update-index` rewrites the generated
course list on the start page (courses/index.ipynb) from every course.yml.
"""

from __future__ import annotations

import json
import sys
import textwrap

from datavaardig import courses as course_model
from datavaardig.grading.selfcheck.lesson import lesson_question_infos

__all__ = ["catalogue", "register"]


def _lesson_record(lesson, root) -> dict:
    record = {
        "slug": lesson.slug,
        "number": lesson.number,
        "title": lesson.title,
        "minutes": lesson.minutes,
        "notebook": lesson.path.relative_to(root).as_posix(),
        "exercises": lesson.exercises,
        "questions": [],
        "error": None,
    }
    try:
        record["questions"] = [vars(q) for q in lesson_question_infos(lesson)]
    except Exception as exc:  # a broken exercise module must not hide the other lessons
        record["error"] = f"{type(exc).__name__}: {exc}"
    return record


def catalogue() -> list[dict]:
    """Every course as plain data: what `--json` prints."""
    root = course_model.courses_root()
    return [
        {
            "id": c.id,
            "title": c.title,
            "audience": c.audience,
            "minutes": c.minutes,
            "datasets": list(c.datasets),
            "folder": c.path.relative_to(root).as_posix(),
            "lessons": [_lesson_record(lesson, root) for lesson in c.lessons],
        }
        for c in course_model.load_courses(root)
    ]


def _print_text(courses: list[dict]) -> None:
    if not courses:
        print(f"Geen cursussen gevonden in {course_model.courses_root()}.")
    for c in courses:
        n_questions = sum(len(lesson["questions"]) for lesson in c["lessons"])
        print(f"{c['title']}  [{c['id']}]")
        print(f"  {len(c['lessons'])} lessen, ongeveer {c['minutes']} minuten, {n_questions} zelftoetsvragen")
        print(
            textwrap.fill(
                f"Voor wie: {c['audience']}", width=100, initial_indent="  ", subsequent_indent="            "
            )
        )
        print(f"  Datasets: {', '.join(c['datasets']) or '–'}")
        for lesson in c["lessons"]:
            print(f"\n  {lesson['number']:02d}. {lesson['title']} ({lesson['minutes']} min)")
            print(f"      notebook:  {lesson['notebook']}")
            print(f"      oefeningen: {lesson['exercises']}")
            if lesson["error"]:
                print(f"      FOUT: de oefeningen zijn niet te laden: {lesson['error']}")
            for q in lesson["questions"]:
                prompt = q["prompt"] if len(q["prompt"]) <= 70 else q["prompt"][:69] + "…"
                print(f"      {q['name']:<4}{q['kind']:<11}{prompt}")
        print()


def cmd_courses(args) -> int:
    if args.update_index:
        changed = course_model.update_index()
        print("courses/index.ipynb bijgewerkt." if changed else "courses/index.ipynb was al actueel.")
        return 0
    courses = catalogue()
    if args.json:
        json.dump({"courses": courses}, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        _print_text(courses)
    # A lesson whose exercises do not load is a broken course: say so in the exit status too.
    return 1 if any(lesson["error"] for c in courses for lesson in c["lessons"]) else 0


def register(subparsers) -> None:
    p = subparsers.add_parser("courses", help="List the courses, their lessons and each lesson's self-check questions.")
    p.add_argument("--json", action="store_true", help="print JSON (for tools) instead of text")
    p.add_argument(
        "--update-index",
        action="store_true",
        help="regenerate the course list on the start page courses/index.ipynb from course.yml",
    )
    p.set_defaults(func=cmd_courses)
