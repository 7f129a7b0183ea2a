"""Every lesson, and the start page, runs top to bottom in a real kernel exactly as committed: with its `____`
placeholders, every check says "not attempted" and no cell raises or warns, except a cell tagged
`raises-exception` (a lesson showing an error on purpose), which shows the error's Dutch explanation.

Parametrized over courses/*/*.ipynb, so a new course is run without touching this file.
"""

from __future__ import annotations

import re

import pytest

from datavaardig.grading.selfcheck.display import plain
from datavaardig.grading.selfcheck.lesson import lesson_module
from datavaardig.grading.selfcheck.messages import msg
from tests.support.coursefiles import INDEX, lesson_paths, read, rel
from tests.support.kernels import execute_notebook

CELL_TIMEOUT = 120  # seconds per cell: loading a dataset the first time is the slowest step
CHECK_CALL = re.compile(r"^q\d+\.check\(\)\s*$", re.M)


def execute(path):
    nb = read(path)
    execute_notebook(nb, path.parent, timeout=CELL_TIMEOUT)
    return nb


def output_text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type in ("display_data", "execute_result"):
            parts.append(output.data.get("text/plain", ""))
        elif output.output_type == "error":
            parts.append("\n".join(output.traceback))
    return "\n".join(parts)


@pytest.mark.slow
@pytest.mark.parametrize("path", [*lesson_paths(), INDEX], ids=lambda p: rel(p) if p != INDEX else "index")
def test_notebook_runs_headless_with_its_placeholders(path, mirror, monkeypatch):
    monkeypatch.setenv("DATAVAARDIG_LANG", "nl")
    nb = execute(path)
    not_attempted = plain(msg("not_attempted_placeholder"))  # Dutch: the kernel inherits DATAVAARDIG_LANG
    checks = 0
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        text = output_text(cell)
        if "raises-exception" in cell.metadata.get("tags", []):
            # dv.bind installed the explanation: shown instead of a page of traceback, the traceback folded away.
            html = "".join(o.get("data", {}).get("text/html", "") for o in cell.outputs)
            assert msg("explain.title") in text and "<details>" in html, f"cell {index} has no explanation:\n{text}"
        stderr = "".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == "stderr")
        assert "Warning" not in stderr, f"cell {index} warns:\n{cell.source}\n---\n{stderr}"
        if CHECK_CALL.search(cell.source):
            checks += 1
            assert not_attempted in text, f"cell {index} should say 'not attempted':\n{cell.source}\n---\n{text}"
    assert checks >= 1


@pytest.mark.slow
@pytest.mark.parametrize("path", lesson_paths(), ids=rel)
def test_every_solution_passes_inside_its_lesson(path, mirror):
    """The example solutions work in the notebook itself, not only on a question's `setup`: a lesson
    that changes a table the questions assume is caught here. Done means correct, or for free text compared
    with the model answer ("zelf nakijken")."""
    from datavaardig.courses import load_course

    lesson = load_course(path.parent / "course.yml").lesson(path.name)
    module = lesson_module(lesson)
    nb = read(path)
    for cell in nb.cells:
        match = CHECK_CALL.search(cell.source) if cell.cell_type == "code" else None
        if match:
            name = match.group(0).split(".")[0]
            cell.source = (
                f"{getattr(module, name).solution_code}\n{name}.check()\n"
                f"assert {name}.last_result.done, {name}.last_result.message"
            )
    execute_notebook(nb, path.parent, timeout=CELL_TIMEOUT)
