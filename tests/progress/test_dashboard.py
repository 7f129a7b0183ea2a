"""The trainer dashboard "Groepsvoortgang": the widget headless, and the notebook in a real kernel."""

from __future__ import annotations

import json

import nbformat
import pytest

from datavaardig.progress.cohorts import add_members
from datavaardig.progress.group_report import GroupReport
from datavaardig.progress.reports import CoursePlan, LessonPlan
from datavaardig.progress.store import ProgressStore
from datavaardig.widgets.progress import GroupProgress
from tests.support.kernels import execute_notebook
from tests.support.paths import REPO

NOTEBOOK = REPO / "widgets" / "dashboards" / "groepsvoortgang.ipynb"
KEY = b"dashboard-test-key-0123456789"
PLAN = [
    CoursePlan(
        "tabellen",
        "Werken met tabellen",
        (LessonPlan("01-inlezen-en-bekijken", "Inlezen en bekijken", 45, ("q1", "q2")),),
    )
]


def fill(store):
    for learner, outcomes in (("anna", ("correct", "correct")), ("bram", ("correct", "incorrect"))):
        for n, outcome in enumerate(outcomes, start=1):
            store.record(
                learner=learner,
                course="tabellen",
                lesson="01-inlezen-en-bekijken",
                question=f"tabellen/01-inlezen-en-bekijken/q{n}",
                interaction="check",
                outcome=outcome,
            )
    store.record(
        learner="bram",
        course="tabellen",
        lesson="01-inlezen-en-bekijken",
        question="tabellen/01-inlezen-en-bekijken/q2",
        interaction="hint",
        hint_number=1,
    )
    store.record_grade(learner="anna", course="opdrachten", assignment="opdracht-1", score=8, max_score=10)
    add_members(store, "workshop", ["bram"])


def test_widget_summary_and_accessible_output(tmp_path):
    with ProgressStore(f"sqlite:///{tmp_path / 'v.sqlite'}") as store:
        fill(store)
        widget = GroupProgress(GroupReport.load(store, PLAN, key=KEY))
        assert widget.summary == {
            "learners": 2,
            "lessons": 1,
            "stuck": ["01-inlezen-en-bekijken/q2", "01-inlezen-en-bekijken/q1"],
            "assignments": ["opdracht-1"],
        }
        page = "".join(child.value for child in widget.children)
        assert "anna" not in page and "bram" not in page
        assert page.count('alt="') == 2 and "<caption>" in page and 'download="groepsvoortgang.xlsx"' in page
        widget.value = GroupReport.load(store, PLAN, cohort="workshop", key=KEY)
        assert widget.summary["learners"] == 1 and widget.summary["assignments"] == []


def test_notebook_code_wires_group_choice(tmp_path, monkeypatch):
    """Run the dashboard's cells in-process and drive the group choice like a trainer would."""
    url = f"sqlite:///{tmp_path / 'v.sqlite'}"
    monkeypatch.setenv("DATAVAARDIG_DB", url)
    with ProgressStore(url) as store:
        fill(store)
    ns: dict = {}
    for cell in nbformat.read(NOTEBOOK, as_version=4).cells:
        if cell.cell_type == "code" and cell.source.strip() != "dashboard()":
            exec(cell.source, ns)  # our own notebook
    app = ns["dashboard"]()
    (keuze, knop, status), weergave = app.children[0].children, app.children[1]
    assert [o[1] for o in keuze.options] == ["", "workshop"]
    before = weergave.summary["learners"]
    keuze.value = "workshop"
    assert (before, weergave.summary["learners"]) == (2, 1) and "Bijgewerkt" in status.value
    with ProgressStore(url) as store:  # a new learner checks during the workshop; refresh shows them
        store.record(
            learner="cor",
            course="tabellen",
            lesson="01-inlezen-en-bekijken",
            question="tabellen/01-inlezen-en-bekijken/q1",
            interaction="check",
            outcome="correct",
        )
        add_members(store, "workshop", ["cor"])
    knop.click()
    assert weergave.summary["learners"] == 2


@pytest.mark.slow
def test_dashboard_runs_headless_in_a_real_kernel(tmp_path, monkeypatch, mirror):
    url = f"sqlite:///{tmp_path / 'v.sqlite'}"
    with ProgressStore(url) as store:
        fill(store)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit without outputs"
    monkeypatch.setenv("DATAVAARDIG_DB", url)
    execute_notebook(nb, tmp_path, timeout=300, store_widget_state=True)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    last = nb.cells[-1].outputs[0]["data"]
    assert "application/vnd.jupyter.widget-view+json" in last
    state = json.dumps(nb.metadata["widgets"])
    assert "Voortgang per les" in state and "Waar loopt de groep vast?" in state
    assert "anna" not in state and "bram" not in state
