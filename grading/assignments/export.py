"""`datavaardig export NAME`: one row per learner — score, max, status, reason, late — as CSV or Excel.

Scores come from nbgrader's gradebook (so a trainer's manual grades in formgrader count); status and
reason from the grader's journal. A submission nbgrader could not read is a row with a reason, never a
silent 0.
"""

from __future__ import annotations

import csv
from pathlib import Path

from datavaardig.grading.assignments import course, steps
from datavaardig.grading.assignments.grader import GRADED, NEEDS_REVIEW, read_journal

__all__ = ["COLUMNS", "export", "rows"]

COLUMNS = ("cursist", "score", "max", "status", "reden", "te_laat")


def rows(assignment: str, root: Path | None = None) -> list[dict]:
    course.ensure_tools_on_path()
    root = course.course_root(root)
    coursedir = course.coursedir(root)
    result = {}
    with steps.open_gradebook(coursedir.db_url) as gb:
        try:
            submissions = gb.find_assignment(assignment).submissions
        except Exception as exc:
            raise course.AssignmentError(f"Opdracht '{assignment}' staat niet in het cijferboek.") from exc
        for sub in submissions:
            student = sub.student.id
            journal = read_journal(coursedir, assignment, student) or {}
            review = bool(journal.get("reasons")) or sub.needs_manual_grade
            reason = "; ".join(dict.fromkeys(journal.get("reasons", [])))
            if not journal:
                reason = "nagekeken met nbgrader zelf" if not sub.needs_manual_grade else "handmatig nakijken nodig"
            result[student] = {
                "cursist": student,
                "score": float(sub.score),
                "max": float(sub.max_score),
                "status": NEEDS_REVIEW if review else GRADED,
                "reden": reason,
                "te_laat": "ja" if sub.total_seconds_late > 0 else "nee",
            }
    # Submitted but never reached the gradebook (grading failed before nbgrader knew it): still a row.
    for student in course.submitted_students(coursedir, assignment):
        if student not in result:
            journal = read_journal(coursedir, assignment, student) or {}
            result[student] = {
                "cursist": student,
                "score": 0.0,
                "max": float(journal.get("max_score") or 0),
                "status": NEEDS_REVIEW,
                "reden": "; ".join(journal.get("reasons", [])) or "nog niet nagekeken",
                "te_laat": "ja" if journal.get("late") else "nee",
            }
    return [result[k] for k in sorted(result)]


def export(assignment: str, root: Path | None = None, *, fmt: str = "csv", output: Path | None = None) -> Path:
    table = rows(assignment, root)
    root = course.course_root(root)
    output = Path(output or root / f"cijfers-{assignment}.{fmt}")
    if fmt == "csv":
        # utf-8-sig: Excel (Dutch locale too) opens it with the accents intact.
        with output.open("w", newline="", encoding="utf-8-sig") as fh:
            writer = csv.DictWriter(fh, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(table)
    elif fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = assignment[:31]
        sheet.append(list(COLUMNS))
        for row in table:
            sheet.append([row[c] for c in COLUMNS])
        book.save(output)
    else:
        raise course.AssignmentError(f"Onbekend formaat '{fmt}': kies csv of xlsx.")
    return output
