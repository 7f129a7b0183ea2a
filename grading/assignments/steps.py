"""nbgrader's own autograde steps around our executor: the same preprocessors, in nbgrader's order.

nbgrader's Autograde converter runs `sanitize_preprocessors`, then `autograde_preprocessors` whose
`Execute` step is a Jupyter kernel. We run the same lists (read from the converter class, so a course
config that changes them still applies) with `Execute` swapped for the sandboxed fork pool, and
write the gradebook and `autograded/` exactly where `nbgrader autograde` would, so formgrader,
`nbgrader generate_feedback` and `nbgrader export` keep working.
"""

from __future__ import annotations

import copy
import os
import shutil
from pathlib import Path

import nbformat
from nbgrader import utils as nbutils
from nbgrader.api import Gradebook
from nbgrader.converters.autograde import Autograde
from nbgrader.preprocessors import Execute
from sqlalchemy import text

from datavaardig.grading.assignments.course import COURSE_ID

__all__ = [
    "drop_duplicate_cells",
    "mark_needs_review",
    "NotebookUnreadable",
    "open_gradebook",
    "read_submission",
    "restore_missing_tests",
    "start_submission",
    "Steps",
    "test_cells",
    "write_autograded",
    "zero_missing_notebook",
]


class NotebookUnreadable(Exception):
    """Invalid JSON or not a notebook at all: reason in Dutch."""


def read_submission(path: Path):
    """Read a submitted notebook, upgrading old nbformat versions; raise NotebookUnreadable."""
    try:
        nb = nbformat.read(str(path), as_version=4)
    except Exception as exc:  # nbformat raises several types for broken files
        raise NotebookUnreadable(f"notebook is onleesbaar ({type(exc).__name__}: {str(exc)[:120]})") from exc
    if not isinstance(nb.get("cells"), list):
        raise NotebookUnreadable("notebook heeft geen cellen")
    old = (nb.get("nbformat"), nb.get("nbformat_minor", 0)) < (4, 5)
    nb.nbformat, nb.nbformat_minor = 4, max(nb.get("nbformat_minor", 0), 5)
    for cell in nb.cells:
        cell.setdefault("metadata", {})
        if cell.get("cell_type") == "code":
            cell.setdefault("outputs", [])
            cell.setdefault("execution_count", None)
    if old:
        # nbformat < 4.5 had no cell ids; DeduplicateIds and the validator expect them.
        for i, cell in enumerate(nb.cells):
            cell.setdefault("id", f"cel-{i}")
    return nb


class Steps:
    """The nbgrader preprocessors of one course, built once and reused for every notebook."""

    def __init__(self, config, db_url: str):
        self.db_url = db_url
        converter = Autograde(config=config)
        self.sanitize = [pp(config=config) for pp in converter.sanitize_preprocessors]
        after = list(converter.autograde_preprocessors)
        split = next(i for i, pp in enumerate(after) if issubclass(pp, Execute))
        # Everything after Execute; Execute itself is the sandboxed pool.
        self.finish = [pp(config=config) for pp in after[split + 1 :]]

    def resources(self, student: str, assignment: str, notebook: str) -> dict:
        return {
            "unique_key": notebook,
            "output_files_dir": f"{notebook}_files",
            "nbgrader": {"student": student, "assignment": assignment, "notebook": notebook, "db_url": self.db_url},
        }

    def run_sanitize(self, nb, resources):
        for pp in self.sanitize:
            nb, resources = pp(nb, resources)
        return nb, resources

    def run_finish(self, nb, resources):
        for pp in self.finish:
            nb, resources = pp(nb, resources)
        return nb, resources


def start_submission(gb: Gradebook, coursedir, assignment: str, student: str) -> dict:
    """nbgrader's Autograde.init_assignment: student, submission (with timestamp), copied files."""
    gb.update_or_create_student(student)
    _quiet_nbgrader_warnings()
    src = Path(coursedir.format_path(coursedir.submitted_directory, student, assignment))
    timestamp = coursedir.get_existing_timestamp(str(src))
    submission = (
        gb.update_or_create_submission(assignment, student, timestamp=timestamp)
        if timestamp
        else gb.update_or_create_submission(assignment, student)
    )
    dest = Path(coursedir.format_path(coursedir.autograded_directory, student, assignment))
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("*.ipynb", *coursedir.ignore))
    source = Path(coursedir.format_path(coursedir.source_directory, ".", assignment))
    for filename in nbutils.find_all_files(str(source), coursedir.ignore + ["*.ipynb"]):
        target = dest / os.path.relpath(filename, source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(filename, target)
    return {"late_seconds": submission.total_seconds_late, "timestamp": timestamp}


def _quiet_nbgrader_warnings() -> None:
    # nbgrader's update_or_create_submission triggers SQLAlchemy autoflush warnings of its own; harmless.
    import warnings

    from sqlalchemy.exc import SAWarning

    warnings.filterwarnings("ignore", category=SAWarning, module="nbgrader")


def zero_missing_notebook(gb: Gradebook, assignment: str, student: str, notebook: str) -> None:
    """As nbgrader does for a notebook that was not handed in: every grade 0, nothing to review."""
    submission = gb.find_submission_notebook(notebook, assignment, student)
    for grade in submission.grades:
        grade.auto_score = 0
        grade.needs_manual_grade = False
    gb.db.commit()


def mark_needs_review(gb: Gradebook, assignment: str, student: str, notebook: str) -> None:
    """Flag every grade of the notebook in the gradebook, so formgrader lists it under 'needs grading'."""
    submission = gb.find_submission_notebook(notebook, assignment, student)
    for grade in submission.grades:
        grade.needs_manual_grade = True
    gb.db.commit()


def drop_duplicate_cells(nb) -> list[str]:
    """Later copies of a graded/locked cell (copied or split by the learner) become plain cells.

    nbgrader's DeduplicateIds leaves such a copy with empty nbgrader metadata, which its own
    CheckCellMetadata then rejects (the whole submission fails); the first copy is the one graded.
    """
    seen, duplicates = set(), []
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id is None:
            continue
        if grade_id in seen:
            del cell.metadata["nbgrader"]
            duplicates.append(grade_id)
        seen.add(grade_id)
    return duplicates


def test_cells(nb) -> dict[str, int]:
    """grade_id → index of the autograded test cells (grade, not solution, code)."""
    return {
        cell.metadata.nbgrader["grade_id"]: i
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and nbutils.is_grade(cell) and not nbutils.is_solution(cell)
    }


def restore_missing_tests(nb, reference, gb: Gradebook, notebook: str, assignment: str) -> list[str]:
    """Put back test cells the learner deleted (nbgrader would silently give them nothing).

    The cell's source comes from the gradebook (with hidden tests); its place is after the cell that
    precedes it in the released notebook. Returns the grade_ids restored.
    """
    have = test_cells(nb)
    restored = []
    order = [c.metadata.get("nbgrader", {}).get("grade_id") for c in reference.cells]
    for grade_id, ref_index in test_cells(reference).items():
        if grade_id in have:
            continue
        cell = copy.deepcopy(reference.cells[ref_index])
        cell.source = gb.find_source_cell(grade_id, notebook, assignment).source
        cell.outputs, cell.execution_count = [], None
        position = 0
        for previous in reversed(order[:ref_index]):
            ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]
            if previous in ids:
                position = ids.index(previous) + 1
                break
        nb.cells.insert(position, cell)
        restored.append(grade_id)
    return restored


def write_autograded(coursedir, nb, assignment: str, student: str, notebook: str) -> Path:
    dest = Path(coursedir.format_path(coursedir.autograded_directory, student, assignment)) / f"{notebook}.ipynb"
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.tmp")
    nbformat.write(nb, str(tmp))
    os.replace(tmp, dest)
    return dest


def open_gradebook(db_url: str) -> Gradebook:
    gb = Gradebook(db_url, COURSE_ID)
    if db_url.startswith("sqlite"):
        # WAL (stored in the file, transparent to nbgrader's tools): one fsync per commit instead of
        # several, and readers such as formgrader no longer block the grader.
        gb.db.execute(text("PRAGMA journal_mode=WAL"))
        gb.db.commit()
    return gb
