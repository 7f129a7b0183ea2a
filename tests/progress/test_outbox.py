"""Exactly once: an event delivered twice is stored once (and counted once), and the learner's outbox keeps
events in order, survives a broken file and forgets only what the store has."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import func, select

from datavaardig.progress.outbox import Outbox
from datavaardig.progress.store import ProgressStore
from datavaardig.progress.summary import STATE
from tests.support.summary_check import assert_summary_exact


def event(n: int, uid: str | None = None) -> dict:
    row = dict(
        learner="anna",
        course="c",
        lesson="l",
        question="c/l/q1",
        interaction="check",
        outcome="correct",
        occurred_at=datetime(2026, 3, 1, 9, n, tzinfo=timezone.utc),
    )
    if uid:
        row["event_uid"] = uid
    return row


def test_a_repeated_delivery_is_stored_and_counted_once(db_url):
    with ProgressStore(db_url) as store:
        assert store.record_many([event(1, "uid-1"), event(2, "uid-2")]) == 2
        assert store.record_many([event(1, "uid-1"), event(3, "uid-3")]) == 1  # uid-1 arrived already
        assert store.record_many([event(1, "uid-1")]) == 0
        assert store.count() == 3
        with store.reading() as conn:
            assert conn.execute(select(func.sum(STATE.c.checks))).scalar() == 3
        assert_summary_exact(store)


def test_events_without_an_id_get_one_each(db_url):
    with ProgressStore(db_url) as store:
        same = event(1)
        assert store.record_many([same, same]) == 2  # the same dict twice is two events, as before
        uids = {e["event_uid"] for e in store.events()}
        assert len(uids) == 2 and None not in uids
        assert "event_uid" not in same  # the caller's dict is left alone


def test_outbox_keeps_order_and_forgets_only_what_was_removed(tmp_path):
    outbox = Outbox(tmp_path / "wachtrij")
    assert not outbox.pending() and outbox.take() == []
    outbox.put([event(n, f"uid-{n}") for n in range(5)])
    assert outbox.pending()
    taken = outbox.take(limit=3)
    assert [e["event_uid"] for _p, e in taken] == ["uid-0", "uid-1", "uid-2"]
    assert taken[0][1]["occurred_at"] == datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)  # a datetime again
    outbox.remove([p for p, _e in taken])
    assert [e["event_uid"] for _p, e in outbox.take()] == ["uid-3", "uid-4"]
    assert not list((tmp_path / "wachtrij").glob(".*.tmp"))  # no half-written file is left


def test_a_broken_file_is_set_aside_not_retried_forever(tmp_path):
    outbox = Outbox(tmp_path / "wachtrij")
    outbox.put([event(1, "uid-1")])
    (tmp_path / "wachtrij" / "00000000000000000000-kapot.json").write_text("{niet af")
    assert [e["event_uid"] for _p, e in outbox.take()] == ["uid-1"]
    assert (tmp_path / "wachtrij" / "00000000000000000000-kapot.onleesbaar").is_file()
