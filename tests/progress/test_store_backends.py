"""The same store behaviour on SQLite (embedded default) and a real PostgreSQL server."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from datavaardig.progress import rights as rights
from datavaardig.progress.cohorts import add_members, cohorts, members, remove_members
from datavaardig.progress.models import SCHEMA_REVISION
from datavaardig.progress.store import ProgressStore, ProgressStoreError

NOW = datetime.now(timezone.utc)


@pytest.fixture
def store(db_url):
    with ProgressStore(db_url) as s:
        yield s


def _check(store, learner, q, outcome, when=None):
    store.record(
        learner=learner,
        course="tabellen",
        lesson="01-inlezen",
        question=f"tabellen/01-inlezen/{q}",
        question_kind="equality",
        interaction="check",
        outcome=outcome,
        occurred_at=when,
    )


def test_schema_is_at_head_and_events_round_trip(store):
    _check(store, "anna", "q1", "incorrect")
    store.record(learner="anna", course="tabellen", lesson="01-inlezen", interaction="lesson_opened")
    store.record_grade(learner="anna", course="opdrachten", assignment="opdracht-1", score=7.5, max_score=10)
    assert store.revision() == SCHEMA_REVISION
    events = store.events(learner="anna")
    assert [e["interaction"] for e in events] == ["check", "lesson_opened", "grade"]
    assert events[2]["score"] == 7.5 and events[2]["max_score"] == 10
    assert all(e["occurred_at"].tzinfo is not None for e in events)


def test_no_answer_contents_can_be_stored(store):
    """The store has no column for what a learner wrote, and refuses unknown fields."""
    store.ensure_schema()
    columns = {c["name"] for c in sa.inspect(store.engine).get_columns("progress_events")}
    assert columns == {
        "id",
        "occurred_at",
        "learner",
        "course",
        "lesson",
        "question",
        "question_kind",
        "interaction",
        "outcome",
        "hint_number",
        "score",
        "max_score",
        "event_uid",  # the writer's id of the event (revision 0004), not anything the learner wrote
    }
    with pytest.raises(TypeError):
        store.record(learner="a", course="c", lesson="l", interaction="check", answer="42")


def test_unknown_interaction_is_refused(store):
    with pytest.raises(ValueError, match="Unknown interaction"):
        store.record(learner="a", course="c", lesson="l", interaction="keystroke")


def test_export_has_everything_about_one_learner_and_nothing_else(store):
    _check(store, "anna", "q1", "correct")
    _check(store, "bram", "q1", "incorrect")
    add_members(store, "workshop-maart", ["anna", "bram"])
    data = rights.learner_data(store, "anna")
    assert {e["learner"] for e in data["events"]} == {"anna"} and len(data["events"]) == 1
    assert data["groups"][0]["cohort"] == "workshop-maart"
    assert '"bram"' not in rights.export_text(data, "json")
    csv_text = rights.export_text(data, "csv")
    assert csv_text.splitlines()[0].startswith("id,occurred_at,learner") and len(csv_text.splitlines()) == 2


def test_erase_removes_the_learner_everywhere_and_only_them(store):
    for q in ("q1", "q2"):
        _check(store, "anna", q, "correct")
    _check(store, "bram", "q1", "correct")
    add_members(store, "team", ["anna", "bram"])
    assert rights.erase_learner(store, "anna") == 2
    assert store.events(learner="anna") == [] and members(store, "team") == ["bram"]
    assert rights.learners(store) == ["bram"] and store.count() == 1


def test_purge_deletes_only_events_past_retention(store):
    _check(store, "anna", "q1", "correct", NOW - timedelta(days=400))
    _check(store, "anna", "q2", "correct", NOW - timedelta(days=10))
    before = rights.cutoff(365)
    assert rights.count_expired(store, before) == 1
    assert rights.purge(store, before) == 1
    assert [e["question"] for e in store.events()] == ["tabellen/01-inlezen/q2"]


def test_cohort_membership(store):
    assert add_members(store, "workshop-maart", ["anna", "bram", "anna"]) == 2
    assert add_members(store, "workshop-maart", ["bram", "cor"]) == 1
    assert cohorts(store) == {"workshop-maart": 3}
    assert remove_members(store, "workshop-maart", ["cor"]) == 1
    assert members(store, "workshop-maart") == ["anna", "bram"]
    with pytest.raises(ProgressStoreError, match="geen geldige groepsnaam"):
        add_members(store, "'; drop table", ["x"])
