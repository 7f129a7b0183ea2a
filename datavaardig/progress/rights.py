"""A learner's rights and the retention period, on a ProgressStore: access, erasure, purge.

Events are append-only. The only deletions anywhere in datavaardig are here: erasure on a learner's
request (AVG art. 17) and the retention purge (data minimisation, art. 5). Both are single transactions,
so a crash leaves either all or none of the rows.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, func, select

from datavaardig.progress import summary
from datavaardig.progress.models import CohortMember, ProgressEvent
from datavaardig.progress.privacy import retention_days
from datavaardig.progress.store import ProgressStore

__all__ = [
    "count_expired",
    "count_learner",
    "cutoff",
    "erase_learner",
    "EVENTS",
    "export_text",
    "learner_data",
    "learners",
    "MEMBERS",
    "purge",
]

EVENTS = ProgressEvent.__table__
MEMBERS = CohortMember.__table__


def learners(store: ProgressStore) -> list[str]:
    """Every learner id with events or a group membership (candidates for re-identification)."""
    query = select(EVENTS.c.learner).union(select(MEMBERS.c.learner))
    with store.reading() as conn:
        return sorted(conn.execute(query).scalars())


def learner_data(store: ProgressStore, learner: str) -> dict:
    """Everything stored about one learner (right of access): events and group memberships."""
    with store.reading() as conn:
        groups = (
            conn.execute(select(MEMBERS).where(MEMBERS.c.learner == learner).order_by(MEMBERS.c.cohort))
            .mappings()
            .all()
        )
    return {
        "learner": learner,
        "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "store": store.label,
        "retention_days": retention_days(),
        "groups": [{"cohort": g["cohort"], "added_at": _iso(g["added_at"])} for g in groups],
        "events": [{k: _iso(v) for k, v in e.items()} for e in store.events(learner=learner)],
    }


def export_text(data: dict, fmt: str) -> str:
    """The access export as JSON (everything) or CSV (one row per event)."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    buffer = io.StringIO()
    columns = [c.name for c in EVENTS.columns]
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(data["events"])
    return buffer.getvalue()


def count_learner(store: ProgressStore, learner: str) -> int:
    with store.reading() as conn:
        return conn.execute(select(func.count()).select_from(EVENTS).where(EVENTS.c.learner == learner)).scalar_one()


def erase_learner(store: ProgressStore, learner: str) -> int:
    """Delete every event and group membership of `learner` (right to erasure); returns events deleted."""
    with store.writing() as conn:
        summary.lock(conn)
        deleted = conn.execute(delete(EVENTS).where(EVENTS.c.learner == learner)).rowcount
        # The summary rows are the learner's data too: nothing of them may remain.
        conn.execute(delete(summary.STATE).where(summary.STATE.c.learner == learner))
        conn.execute(delete(summary.GRADES).where(summary.GRADES.c.learner == learner))
        conn.execute(delete(MEMBERS).where(MEMBERS.c.learner == learner))
    return deleted


def cutoff(days: int | None = None, now: datetime | None = None) -> datetime:
    """Events that happened before this moment are past the retention period."""
    return (now or datetime.now(timezone.utc)) - timedelta(days=retention_days() if days is None else days)


def count_expired(store: ProgressStore, before: datetime) -> int:
    with store.reading() as conn:
        return conn.execute(select(func.count()).select_from(EVENTS).where(EVENTS.c.occurred_at < before)).scalar_one()


def purge(store: ProgressStore, before: datetime) -> int:
    """Delete events older than `before` (the retention period); returns how many. The summary rows of
    the learners concerned are recomputed from their remaining events in the same transaction."""
    expired = EVENTS.c.occurred_at < before
    with store.writing() as conn:
        summary.lock(conn)
        # SQLite: start with a write, so the transaction holds the write lock before it reads.
        conn.execute(
            delete(summary.STATE).where(summary.STATE.c.learner.in_(select(EVENTS.c.learner).where(expired).distinct()))
        )
        affected = conn.execute(select(EVENTS.c.learner).where(expired).distinct()).scalars().all()
        deleted = conn.execute(delete(EVENTS).where(expired)).rowcount
        summary.rebuild(conn, affected)
    return deleted


def _iso(value):
    return value.isoformat() if isinstance(value, datetime) else value
