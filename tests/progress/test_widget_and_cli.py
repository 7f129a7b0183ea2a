"""Mijn voortgang as a widget and in the terminal; the privacy commands end to end."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from datavaardig.cli import main
from datavaardig.progress import privacy
from datavaardig.progress.reports import CoursePlan, LessonPlan, learner_report
from datavaardig.progress.store import ProgressStore
from datavaardig.progress.text import report_text
from datavaardig.widgets.progress import MyProgress

PLAN = [
    CoursePlan(
        "tabellen",
        "Werken met tabellen",
        (
            LessonPlan("01-inlezen", "Inlezen", 45, ("q1", "q2"), "tabellen/01-inlezen.ipynb"),
            LessonPlan("02-filteren", "Filteren", 50, ("q1",), "tabellen/02-filteren.ipynb"),
        ),
    )
]


@pytest.fixture
def store(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'v.sqlite'}"
    monkeypatch.setenv("DATAVAARDIG_DB", url)
    monkeypatch.setenv("DATAVAARDIG_HOME", str(tmp_path / "home"))
    monkeypatch.delenv(privacy.KEY_ENV, raising=False)
    with ProgressStore(url) as s:
        for q, outcome in (("q1", "correct"), ("q2", "incorrect")):
            s.record(
                learner="anna",
                course="tabellen",
                lesson="01-inlezen",
                question=f"tabellen/01-inlezen/{q}",
                interaction="check",
                outcome=outcome,
            )
        s.record(
            learner="anna",
            course="tabellen",
            lesson="01-inlezen",
            question="tabellen/01-inlezen/q2",
            interaction="hint",
            hint_number=1,
        )
        s.record(
            learner="bram",
            course="tabellen",
            lesson="01-inlezen",
            question="tabellen/01-inlezen/q1",
            interaction="check",
            outcome="correct",
            occurred_at=datetime.now(timezone.utc) - timedelta(days=500),
        )
        yield s


def test_widget_shows_the_report(store):
    widget = MyProgress(learner_report(store, "anna", PLAN))
    assert widget.summary == {
        "lessons_done": 0,
        "lessons": 2,
        "questions_correct": 1,
        "questions": 3,
        "hints": 1,
        "next_lesson": "01-inlezen",
    }
    text = "".join(child.value for child in widget.children)
    assert "Ga verder met &#x27;Inlezen&#x27;" in text or "Ga verder met 'Inlezen'" in text
    assert 'href="tabellen/01-inlezen.ipynb"' in text and 'alt="Staafdiagram' in text
    widget.value = learner_report(store, "bram", PLAN)
    assert widget.summary["questions_correct"] == 1 and widget.summary["hints"] == 0


def test_terminal_text(store):
    text = report_text(learner_report(store, "anna", PLAN))
    assert "Inlezen: bezig, 1 van 2 vragen goed, 1 hint" in text
    assert "Filteren: nog niet begonnen" in text and "Ga verder met 'Inlezen'" in text


def test_export_and_erase_commands(store, tmp_path, capsys):
    out = tmp_path / "anna.json"
    assert main(["progress", "export", "--learner", "anna", "-o", str(out)]) == 0
    data = json.loads(out.read_text())
    assert len(data["events"]) == 3 and {e["learner"] for e in data["events"]} == {"anna"}
    assert main(["progress", "erase", "--learner", "anna"]) == 1  # no terminal, no --yes: nothing happens
    assert len(store.events(learner="anna")) == 3
    assert main(["progress", "erase", "--learner", "anna", "--yes"]) == 0
    assert store.events(learner="anna") == [] and len(store.events()) == 1


def test_purge_command_respects_dry_run_and_retention(store, capsys, monkeypatch):
    assert main(["progress", "purge", "--dry-run"]) == 0
    assert "1 gebeurtenissen zijn ouder dan 365 dagen" in capsys.readouterr().out
    assert len(store.events()) == 4
    monkeypatch.setenv(privacy.RETENTION_ENV, "1000")
    assert main(["progress", "purge"]) == 0 and len(store.events()) == 4
    assert main(["progress", "purge", "--older-than", "30"]) == 0
    assert [e["learner"] for e in store.events()] == ["anna"] * 3


def test_reidentify_needs_the_key(store, capsys, tmp_path):
    assert main(["progress", "reidentify", "ps-000000000000"]) == 1
    assert "Geen pseudoniem-sleutel" in capsys.readouterr().err
    key = privacy.pseudonym_key()  # the administrator's key file is made (0600)
    assert stat.S_IMODE(os.stat(privacy.key_path()).st_mode) == 0o600
    assert main(["progress", "reidentify", privacy.pseudonym("bram", key)]) == 0
    assert capsys.readouterr().out.strip() == "bram"


def test_progress_command_runs_as_a_program(store, tmp_path):
    env = {**os.environ, "DATAVAARDIG_LEARNER": "anna"}
    proc = subprocess.run(
        [sys.executable, "-m", "datavaardig.cli", "progress"], capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Mijn voortgang (anna)")


def test_group_commands(store, capsys):
    assert main(["progress", "group", "add", "workshop-maart", "anna", "bram"]) == 0
    assert main(["progress", "group", "list"]) == 0
    assert "workshop-maart\t2 deelnemers" in capsys.readouterr().out
    assert main(["progress", "group", "add", "workshop-maart"]) == 1
