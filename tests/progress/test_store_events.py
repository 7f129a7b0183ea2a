"""Progress events: one per check, hint and solution, with the right fields and no answer contents."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

from datavaardig.grading.selfcheck import EqualityQuestion, Outcome, ReflectionQuestion, ____, lesson_questions
from datavaardig.progress import tracking
from datavaardig.progress.store import ProgressStore

SECRET_ANSWER = "Zandeweer-9731"
SECRET_TEXT = "Mijn geheime overpeinzing over Garsthuizen en gaswinning"


class Plaats(EqualityQuestion):
    var = "plaats"
    expected = "Huizinge"
    hints = ["Sorteer op magnitude.", "Neem de eerste rij."]
    solution = 'plaats = df.sort_values("magnitude").iloc[-1]["plaats"]'


class Gedachte(ReflectionQuestion):
    var = "gedachte"


def db_path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def test_one_event_per_interaction_with_the_right_fields(ns, store_url, capsys):
    q1, q2 = lesson_questions("tabellen", "02-selecteren-en-filteren", Plaats, Gedachte)
    before = datetime.now(timezone.utc)
    ns["plaats"] = ____
    q1.check()
    ns["plaats"] = SECRET_ANSWER
    q1.check()
    q1.hint()
    q1.hint(2)
    q1.solution()
    ns["plaats"] = "Huizinge"
    q1.check()
    ns["gedachte"] = SECRET_TEXT
    q2.check()
    capsys.readouterr()

    events = ProgressStore(store_url).events()
    got = [(e["question"], e["interaction"], e["outcome"], e["hint_number"]) for e in events]
    q1_id = "tabellen/02-selecteren-en-filteren/q1"
    assert got == [
        (q1_id, "check", "not_attempted", None),
        (q1_id, "check", "incorrect", None),
        (q1_id, "hint", None, 1),
        (q1_id, "hint", None, 2),
        (q1_id, "solution", None, None),
        (q1_id, "check", "correct", None),
        ("tabellen/02-selecteren-en-filteren/q2", "check", "self_review", None),  # free text: compare, never "correct"
    ]
    for event in events:
        assert event["learner"] == "testleerling"  # DATAVAARDIG_LEARNER from tests/conftest.py
        assert (event["course"], event["lesson"]) == ("tabellen", "02-selecteren-en-filteren")
        assert event["occurred_at"].tzinfo is not None
        assert before - timedelta(seconds=1) <= event["occurred_at"] <= datetime.now(timezone.utc)
    assert [e["question_kind"] for e in events][-1] == "reflection"


def test_no_answer_contents_anywhere_in_the_store(ns, store_url, capsys):
    q1, q2 = lesson_questions("tabellen", "02-selecteren-en-filteren", Plaats, Gedachte)
    ns["plaats"] = SECRET_ANSWER
    ns["gedachte"] = SECRET_TEXT
    q1.check()
    q2.check()
    tracking.reset()  # close connections so the WAL is checkpointed into the file
    raw = b"".join(p.read_bytes() for p in db_path(store_url).parent.glob("voortgang.sqlite*"))
    assert b"tabellen/02-selecteren-en-filteren/q1" in raw  # the scan does see stored text
    assert SECRET_ANSWER.encode() not in raw and b"Garsthuizen" not in raw


def test_learner_identity_from_settings(ns, store_url, capsys, monkeypatch):
    monkeypatch.delenv("DATAVAARDIG_LEARNER")
    monkeypatch.setenv("JUPYTERHUB_USER", "hub-leerling")
    (q1,) = lesson_questions("tabellen", "02-selecteren-en-filteren", Plaats)
    q1.hint()
    assert ProgressStore(store_url).events()[-1]["learner"] == "hub-leerling"


def test_sqlite_store_uses_wal(ns, store_url, capsys):
    (q1,) = lesson_questions("tabellen", "02-selecteren-en-filteren", Plaats)
    q1.check()
    with sqlite3.connect(db_path(store_url)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_default_store_is_in_the_data_folder(monkeypatch, tmp_path, capsys):
    monkeypatch.delenv("DATAVAARDIG_DB", raising=False)
    monkeypatch.setenv("DATAVAARDIG_HOME", str(tmp_path / "home"))
    tracking.reset()
    from datavaardig.grading.selfcheck import binder

    binder.set_namespace({"plaats": "Huizinge"})
    try:
        (q1,) = lesson_questions("tabellen", "02-selecteren-en-filteren", Plaats)
        q1.check()
    finally:
        binder.unbind()
        tracking.reset()
    assert q1.last_result.outcome is Outcome.CORRECT
    store = tmp_path / "home" / "data" / "voortgang.sqlite"
    assert store.is_file()
    with sqlite3.connect(store) as conn:
        assert conn.execute("SELECT count(*) FROM progress_events").fetchone()[0] == 1
