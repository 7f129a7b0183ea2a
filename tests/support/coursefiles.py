"""Shared by the course tests: where the lessons are and how a notebook's cells are read.

Plain helpers, imported as `from tests.support.coursefiles import ...`.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from tests.support.paths import COURSES

__all__ = ["COURSES", "INDEX", "course_ymls", "lesson_paths", "read", "rel", "tags"]

INDEX = COURSES / "index.ipynb"


def lesson_paths() -> list[Path]:
    """Every lesson notebook of every course, so a new course is tested without editing the tests."""
    # Skip .ipynb_checkpoints and other hidden folders that Jupyter leaves behind.
    return sorted(p for p in COURSES.glob("*/*.ipynb") if not p.parent.name.startswith("."))


def course_ymls() -> list[Path]:
    return sorted(p for p in COURSES.glob("*/course.yml") if not p.parent.name.startswith("."))


def read(path: Path):
    return nbformat.read(path, as_version=4)


def tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def rel(path: Path) -> str:
    return path.relative_to(COURSES).as_posix()
