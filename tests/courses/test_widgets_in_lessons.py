"""Every course lets a learner explore with at least one widget, built from datavaardig.widgets."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

import datavaardig.widgets as widgets
from tests.support.paths import COURSES

WIDGETS = [name for name in widgets.__all__ if name[0].isupper()]


def widget_cells(course: Path) -> list[str]:
    found = []
    for lesson in sorted(course.glob("[0-9][0-9]-*.ipynb")):
        for cell in nbformat.read(lesson, 4).cells:
            if cell.cell_type == "code" and "datavaardig.widgets import" in cell.source:
                used = [w for w in WIDGETS if re.search(rf"\b{w}\(", cell.source)]
                found += [f"{lesson.name}: {w}" for w in used]
    return found


@pytest.mark.parametrize("course", sorted(p.parent.name for p in COURSES.glob("*/course.yml")))
def test_course_has_an_exploring_widget(course):
    assert widget_cells(COURSES / course), f"course {course} has no lesson cell that shows a datavaardig widget"
