"""Trainers' groups (a workshop, a team): who is in which group, so dashboards can filter per group.

Membership is its own small table rather than a column on every event: a learner joins a group after
having started alone, and a trainer fixes a mistyped list without touching the append-only events.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

from sqlalchemy import delete, func, select

from datavaardig.progress.models import CohortMember
from datavaardig.progress.store import ProgressStore, ProgressStoreError

__all__ = ["add_members", "COHORT_NAME", "cohorts", "MEMBERS", "members", "remove_members"]

MEMBERS = CohortMember.__table__
COHORT_NAME = re.compile(r"^[\w][\w .-]{0,99}$")


def _check_name(cohort: str) -> str:
    cohort = cohort.strip()
    if not COHORT_NAME.match(cohort):
        raise ProgressStoreError(
            f"'{cohort}' is geen geldige groepsnaam: gebruik letters, cijfers, spatie, "
            "punt, streepje of liggend streepje (hoogstens 100 tekens)."
        )
    return cohort


def add_members(store: ProgressStore, cohort: str, learners: list[str]) -> int:
    """Put learners in a group; learners already in it are left as they are. Returns how many were new."""
    cohort = _check_name(cohort)
    wanted = sorted({name.strip() for name in learners if name.strip()})
    with store.writing() as conn:
        present = set(conn.execute(select(MEMBERS.c.learner).where(MEMBERS.c.cohort == cohort)).scalars())
        new = [name for name in wanted if name not in present]
        if new:
            now = datetime.now(timezone.utc)
            conn.execute(MEMBERS.insert(), [{"cohort": cohort, "learner": n, "added_at": now} for n in new])
    return len(new)


def remove_members(store: ProgressStore, cohort: str, learners: list[str]) -> int:
    with store.writing() as conn:
        return conn.execute(delete(MEMBERS).where(MEMBERS.c.cohort == cohort, MEMBERS.c.learner.in_(learners))).rowcount


def cohorts(store: ProgressStore) -> dict[str, int]:
    """Group name → number of members, sorted by name."""
    query = select(MEMBERS.c.cohort, func.count()).group_by(MEMBERS.c.cohort).order_by(MEMBERS.c.cohort)
    with store.reading() as conn:
        return {name: n for name, n in conn.execute(query)}


def members(store: ProgressStore, cohort: str) -> list[str]:
    query = select(MEMBERS.c.learner).where(MEMBERS.c.cohort == cohort).order_by(MEMBERS.c.learner)
    with store.reading() as conn:
        return list(conn.execute(query).scalars())
