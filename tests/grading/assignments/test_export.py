"""`datavaardig export`: learner, score, max, status, reason, late — CSV and Excel."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from datavaardig.cli import main
from datavaardig.grading.assignments.course import init_course, release_assignment
from datavaardig.grading.assignments.grader import grade
from tests.support import submissions

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def course(tmp_path_factory, mirror):
    root = init_course(tmp_path_factory.mktemp("cursus"))
    release_assignment(root, "tabellen", due=dt.datetime(2025, 3, 1, 17, 0))
    submissions.write(root, "anna", "goed", timestamp="2025-03-01 12:00:00")
    submissions.write(root, "bram", "half", timestamp="2025-03-02 09:00:00")
    submissions.write(root, "cees", "ongeldige_json")
    grade("tabellen", root, progress=False)
    return root


def test_csv_has_one_row_per_learner_with_status_reason_and_late(course):
    assert main(["export", "tabellen", "--root", str(course)]) == 0
    with (course / "cijfers-tabellen.csv").open(encoding="utf-8-sig") as fh:
        rows = {r["cursist"]: r for r in csv.DictReader(fh)}
    assert list(next(iter(rows.values()))) == ["cursist", "score", "max", "status", "reden", "te_laat"]
    assert rows["anna"] | {} == {
        "cursist": "anna",
        "score": "7.0",
        "max": "7.0",
        "status": "nagekeken",
        "reden": "",
        "te_laat": "nee",
    }
    assert rows["bram"]["score"] == "3.0" and rows["bram"]["te_laat"] == "ja"
    assert rows["cees"]["status"] == "controleren" and "onleesbaar" in rows["cees"]["reden"]


def test_xlsx_export(course, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "cijfers.xlsx"
    assert main(["export", "tabellen", "--format", "xlsx", "--output", str(target), "--root", str(course)]) == 0
    sheet = load_workbook(target).active
    values = list(sheet.values)
    assert values[0] == ("cursist", "score", "max", "status", "reden", "te_laat")
    assert ("bram", 3, 7, "nagekeken", None, "ja") in values  # empty reason: an empty cell


def test_manual_grade_in_gradebook_counts(course):
    from datavaardig.grading.assignments.export import rows
    from datavaardig.grading.assignments.steps import open_gradebook

    with open_gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        gb.find_grade("test_diepte", "aardbevingen", "tabellen", "bram").manual_score = 1
        gb.db.commit()
    assert {r["cursist"]: r["score"] for r in rows("tabellen", course)}["bram"] == 4.0
