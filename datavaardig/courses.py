"""Courses and lessons: `courses/<course>/course.yml` read into small records.

course.yml holds the order, audience and datasets of a course; the lesson notebooks hold the content; the
exercise module (`datavaardig.exercises.<name>`, named by `Lesson.exercises`) holds the self-check
questions. This module only reads course.yml, so the command line, the start page and the tests all see
one and the same course list; it knows no checking engine (the questions of a lesson are listed by
`datavaardig.grading.selfcheck.lesson.lesson_question_infos`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from datavaardig import settings
from datavaardig.errors import DatavaardigError

__all__ = [
    "Course",
    "CourseError",
    "courses_root",
    "get_course",
    "index_markdown",
    "index_path",
    "INDEX_TAG",
    "Lesson",
    "LESSON_FILE",
    "load_course",
    "load_courses",
    "update_index",
]

LESSON_FILE = re.compile(r"^(?P<number>\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.ipynb$")
# Marks the generated part of courses/index.ipynb (see `index_markdown`).
INDEX_TAG = "cursuslijst"


class CourseError(DatavaardigError):
    """A course.yml that is missing, malformed, or names a lesson or module that does not exist."""


@dataclass(frozen=True)
class Lesson:
    course_id: str
    file: str  # NN-<slug>.ipynb, relative to the course folder
    title: str
    minutes: int
    exercises: str  # dotted module name, e.g. datavaardig.exercises.tabellen_01
    path: Path

    @property
    def slug(self) -> str:
        """The lesson id used in progress events: the file name without `.ipynb`."""
        return self.file.removesuffix(".ipynb")

    @property
    def number(self) -> int:
        return int(self.file[:2])


@dataclass(frozen=True)
class Course:
    id: str
    order: int  # place on the start page: beginners' course first
    title: str
    audience: str
    minutes: int
    datasets: tuple[str, ...]
    lessons: tuple[Lesson, ...]
    path: Path  # the course folder

    def lesson(self, slug: str) -> Lesson:
        for lesson in self.lessons:
            if lesson.slug == slug or lesson.file == slug:
                return lesson
        raise CourseError(f"Cursus '{self.id}' heeft geen les '{slug}'.")


def _require(entry: dict, key: str, where: Path):
    if key not in entry or entry[key] in (None, ""):
        raise CourseError(f"{where}: het veld '{key}' ontbreekt. Vul het aan (zie courses/tabellen/course.yml).")
    return entry[key]


def courses_root() -> Path:
    """The folder with the courses (`settings.courses_dir()`), as a learner-readable error when missing."""
    try:
        return settings.courses_dir()
    except FileNotFoundError as exc:  # a wheel install without the repository
        raise CourseError(str(exc)) from exc


def load_course(course_yml: Path) -> Course:
    try:
        return _parse_course(course_yml)
    except (TypeError, ValueError, AttributeError) as exc:  # e.g. `minutes: veel`, a lesson that is no mapping
        raise CourseError(f"{course_yml} klopt niet ({exc}). Vergelijk met courses/tabellen/course.yml.") from exc


def _parse_course(course_yml: Path) -> Course:
    try:
        entry = yaml.safe_load(course_yml.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise CourseError(f"{course_yml} is niet te lezen: {exc}") from exc
    if not isinstance(entry, dict):
        raise CourseError(f"{course_yml} moet velden bevatten (id, title, audience, minutes, lessons).")
    for key in ("id", "title", "audience", "minutes", "lessons"):  # report the first gap in file order
        _require(entry, key, course_yml)
    folder = course_yml.parent
    course_id = _require(entry, "id", course_yml)
    if course_id != folder.name:
        raise CourseError(f"{course_yml}: id '{course_id}' moet gelijk zijn aan de mapnaam '{folder.name}'.")
    lessons = []
    for item in _require(entry, "lessons", course_yml):
        file = _require(item, "file", course_yml)
        if not LESSON_FILE.match(file):
            raise CourseError(f"{course_yml}: lesbestand '{file}' heeft niet de vorm NN-onderwerp.ipynb.")
        lessons.append(
            Lesson(
                course_id=course_id,
                file=file,
                title=_require(item, "title", course_yml),
                minutes=int(_require(item, "minutes", course_yml)),
                exercises=_require(item, "exercises", course_yml),
                path=folder / file,
            )
        )
    return Course(
        id=course_id,
        order=int(entry.get("order", 100)),
        title=_require(entry, "title", course_yml),
        audience=" ".join(str(_require(entry, "audience", course_yml)).split()),
        minutes=int(_require(entry, "minutes", course_yml)),
        datasets=tuple(entry.get("datasets") or ()),
        lessons=tuple(lessons),
        path=folder,
    )


def load_courses(root: Path | None = None) -> list[Course]:
    """Every `courses/*/course.yml`, in the order of their `order` field (then id)."""
    root = root or courses_root()
    courses = [load_course(p) for p in sorted(root.glob("*/course.yml")) if not p.parent.name.startswith(".")]
    return sorted(courses, key=lambda c: (c.order, c.id))


def get_course(course_id: str, root: Path | None = None) -> Course:
    courses = load_courses(root)
    for course in courses:
        if course.id == course_id:
            return course
    known = ", ".join(c.id for c in courses) or "geen"
    raise CourseError(f"Onbekende cursus '{course_id}'. Beschikbaar: {known}.")


def index_markdown(courses: list[Course], root: Path | None = None) -> str:
    """The course list on the start page, generated so it can never miss a lesson (tested)."""
    root = root or courses_root()
    lines = ["## Cursussen en lessen", ""]
    for course in courses:
        rel = course.path.relative_to(root).as_posix()
        lines += [
            f"### {course.title}",
            "",
            f"*Voor wie:* {course.audience}  ",
            f"*Tijd:* ongeveer {course.minutes} minuten, {len(course.lessons)} lessen",
            "",
        ]
        for lesson in course.lessons:
            lines.append(f"{lesson.number}. [{lesson.title}]({rel}/{lesson.file}) ({lesson.minutes} min)")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def index_path(root: Path | None = None) -> Path:
    return (root or courses_root()) / "index.ipynb"


def update_index(root: Path | None = None) -> bool:
    """Rewrite the start page's generated cell (tag `cursuslijst`); True when it changed."""
    import nbformat

    path = index_path(root)
    nb = nbformat.read(path, as_version=4)
    cells = [c for c in nb.cells if INDEX_TAG in c.get("metadata", {}).get("tags", [])]
    if len(cells) != 1:
        raise CourseError(f"{path}: er moet precies één cel met de tag '{INDEX_TAG}' zijn, gevonden: {len(cells)}.")
    text = index_markdown(load_courses(root), root)
    if cells[0].source == text:
        return False
    cells[0].source = text
    nbformat.write(nb, path)
    return True
