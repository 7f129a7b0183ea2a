"""`datavaardig feedback NAME`: a Dutch HTML page per learner that never reveals hidden tests.

Per graded part: its title, points, the visible test (as released to the learner) and whether it
passed. A failure inside a visible test shows its message; a failure inside a hidden test only says
that a hidden test failed — no source, no assertion text, no traceback (nbgrader issue #917). The page
is written where `nbgrader generate_feedback` writes, so `nbgrader release_feedback` hands it out.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
from nbgrader import utils as nbutils

from datavaardig.grading.assignments import course, steps
from datavaardig.grading.assignments.grader import read_journal

__all__ = ["HIDDEN", "hidden_lines", "render", "STYLE", "write_feedback"]

HIDDEN = re.compile(r"^\s*### BEGIN HIDDEN TESTS\s*$(.*?)^\s*### END HIDDEN TESTS\s*$", re.M | re.S)

STYLE = """body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
h1{font-size:1.6rem}section{border:1px solid #ccc;border-radius:.4rem;padding:.5rem 1rem;margin:1rem 0}
.goed{color:#0a5c1a}.fout{color:#a0001c}pre{background:#f3f3f3;padding:.6rem;overflow-x:auto}"""


def hidden_lines(source: str) -> set[int]:
    """1-based line numbers that belong to hidden tests (markers included)."""
    lines: set[int] = set()
    for match in HIDDEN.finditer(source):
        first = source.count("\n", 0, match.start()) + 1
        last = source.count("\n", 0, match.end()) + 1
        lines.update(range(first, last + 1))
    return lines


def _titles(reference) -> dict[str, str]:
    """grade_id → the heading of the markdown cell before it (e.g. 'Opdracht 2 (2 punten)')."""
    titles, heading = {}, None
    for cell in reference.cells:
        if cell.cell_type == "markdown":
            found = re.search(r"^#+\s*(.+)$", cell.source, re.M)
            heading = found.group(1).strip() if found else heading
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id and nbutils.is_grade(cell) and not nbutils.is_solution(cell):
            titles[grade_id] = heading or grade_id
    return titles


def _verdict(cell) -> tuple[bool, str]:
    """(passed, Dutch message) from the autograded cell's outputs, revealing nothing hidden."""
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    stderr = [o for o in cell.get("outputs", []) if o.get("output_type") == "stream" and o.get("name") == "stderr"]
    if not errors and not stderr:
        return True, "Geslaagd."
    if not errors:
        return False, "De test gaf een waarschuwing of foutmelding."
    error = errors[0]
    if error.get("ename") == "NietUitgevoerd":
        return False, "Deze test kon niet worden uitgevoerd (de uitvoering stopte eerder)."
    line = cell.metadata.get("datavaardig", {}).get("failed_line")
    if line is None or line in hidden_lines(cell.source):
        return False, "Een verborgen test is niet gelukt. Kijk nog eens goed naar de opdracht."
    return False, f"{error.get('ename', 'Fout')}: {error.get('evalue', '')}".strip().rstrip(":")


def render(student: str, assignment: str, notebooks: list[tuple], journal: dict | None, score, max_score) -> str:
    parts = [
        f"<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>Feedback {html.escape(assignment)}"
        f"</title><style>{STYLE}</style></head><body>",
        f"<h1>Feedback: opdracht {html.escape(assignment)}</h1>",
        f"<p>Cursist: <strong>{html.escape(student)}</strong><br>Totaal: <strong>{score:g} van {max_score:g} punten"
        "</strong></p>",
    ]
    if journal and journal.get("reasons"):
        parts.append("<p>Je inlevering wordt nog door een docent bekeken; je cijfer kan nog veranderen.</p>")
    if journal and journal.get("late"):
        parts.append("<p>Je inlevering kwam na de deadline binnen.</p>")
    for _name, rows in notebooks:
        for title, points, max_points, visible, passed, message in rows:
            css = "goed" if passed else "fout"
            parts.append(
                f"<section><h2>{html.escape(title)}</h2>"
                f"<p>Punten: <strong>{points:g} van {max_points:g}</strong></p>"
                f"<p class='{css}'>{'✔' if passed else '✘'} {html.escape(message)}</p>"
                f"<details><summary>Zichtbare test</summary><pre>{html.escape(visible)}</pre></details>"
                "</section>"
            )
    parts.append("</body></html>")
    return "\n".join(parts)


def write_feedback(assignment: str, root: Path | None = None) -> list[Path]:
    course.ensure_tools_on_path()
    root = course.course_root(root)
    coursedir = course.coursedir(root)
    release = Path(coursedir.format_path(coursedir.release_directory, ".", assignment))
    written = []
    with steps.open_gradebook(coursedir.db_url) as gb:
        for submission in gb.find_assignment(assignment).submissions:
            student = submission.student.id
            folder = Path(coursedir.format_path(coursedir.autograded_directory, student, assignment))
            notebooks = []
            for sub_nb in submission.notebooks:
                name = sub_nb.notebook.name
                reference = nbformat.read(str(release / f"{name}.ipynb"), as_version=4)
                visible = {
                    c.metadata["nbgrader"]["grade_id"]: c.source
                    for c in reference.cells
                    if c.metadata.get("nbgrader", {}).get("grade_id")
                }
                titles = _titles(reference)
                path = folder / f"{name}.ipynb"
                graded = nbformat.read(str(path), as_version=4) if path.exists() else None
                cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in (graded.cells if graded else [])}
                rows = []
                for grade in sorted(
                    sub_nb.grades, key=lambda g: list(titles).index(g.name) if g.name in titles else 99
                ):
                    if grade.name not in titles:
                        continue  # manually graded answers: the trainer's comments, not ours
                    cell = cells.get(grade.name)
                    passed, message = _verdict(cell) if cell is not None else (False, "Niet ingeleverd.")
                    if passed and float(grade.score) < float(grade.max_score):
                        message = "Gedeeltelijk goed: niet alle controles zijn gelukt."
                    rows.append(
                        (
                            titles[grade.name],
                            float(grade.score),
                            float(grade.max_score),
                            visible.get(grade.name, ""),
                            passed,
                            message,
                        )
                    )
                notebooks.append((name, rows))
                target = Path(coursedir.format_path(coursedir.feedback_directory, student, assignment)) / f"{name}.html"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(
                    render(
                        student,
                        assignment,
                        [(name, rows)],
                        read_journal(coursedir, assignment, student),
                        float(submission.score),
                        float(submission.max_score),
                    ),
                    encoding="utf-8",
                )
                written.append(target)
    return written
