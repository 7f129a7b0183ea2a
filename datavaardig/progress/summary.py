"""The summary tables (revision 0003), kept exact beside the append-only events.

Reports read `progress_question_state` and `progress_latest_grades` instead of aggregating 1.5 million
events per request. Three writers keep them equal to a recomputation from the events:
- `apply` in ProgressStore.record_many, in the same transaction as the event insert: the batch is
  aggregated in Python per key, then one upsert per distinct key adds the counts
  (`checks = checks + excluded.checks`). An upsert with increments is atomic per row on SQLite and
  PostgreSQL, so concurrent writers lose no increment;
- `rebuild` for erasure and the retention purge: delete the learners' rows, recompute from the events;
- revision 0003's backfill, for stores written before it existed.
The tests (tests/support/summary_check.py) keep the reports' original event-based queries as the
reference the summary is compared with.
"""

from __future__ import annotations

from sqlalchemy import case, delete, func, literal, select
from sqlalchemy.dialects import postgresql, sqlite

from datavaardig.progress.models import (
    DONE_OUTCOMES,
    LESSON_LEVEL,
    WRONG_OUTCOMES,
    LatestGrade,
    ProgressEvent,
    ProgressQuestionState,
)

__all__ = [
    "apply",
    "CHUNK",
    "COUNTS",
    "EVENTS",
    "GRADE_KEY",
    "GRADES",
    "grades_from_events",
    "lock",
    "rebuild",
    "STATE",
    "STATE_KEY",
    "summarize",
    "summary_from_events",
]

EVENTS = ProgressEvent.__table__
STATE = ProgressQuestionState.__table__
GRADES = LatestGrade.__table__
STATE_KEY = ("learner", "course", "lesson", "question")
COUNTS = ("checks", "correct_checks", "wrong_checks", "hints", "solutions", "lessons_opened", "lessons_finished")
GRADE_KEY = ("learner", "course", "assignment")
# Rows per DELETE/INSERT … WHERE learner IN (…): below every driver's parameter limit.
CHUNK = 500


# -- on write ----------------------------------------------------------------------------------------
def summarize(events: list[dict], ids: list[int] | None = None) -> tuple[list[dict], list[dict]]:
    """A batch of events as summary rows: one per question-state key and one per graded assignment."""
    states: dict[tuple, dict] = {}
    grades: dict[tuple, dict] = {}
    for n, e in enumerate(events):
        interaction = e["interaction"]
        if interaction == "grade":
            # Events are inserted in list order, so the later one has the higher id: it is the newest.
            grades[(e["learner"], e["course"], e["lesson"])] = dict(
                learner=e["learner"],
                course=e["course"],
                assignment=e["lesson"],
                event_id=ids[n],
                score=e.get("score"),
                max_score=e.get("max_score"),
                occurred_at=e["occurred_at"],
            )
            continue
        question = e.get("question")
        key = (e["learner"], e["course"], e["lesson"], LESSON_LEVEL if question is None else question)
        row = states.get(key)
        if row is None:
            row = states[key] = dict(zip(STATE_KEY, key), **dict.fromkeys(COUNTS, 0), last_at=e["occurred_at"])
        elif e["occurred_at"] > row["last_at"]:
            row["last_at"] = e["occurred_at"]
        if interaction == "check":
            row["checks"] += 1
            outcome = e.get("outcome")
            if outcome in DONE_OUTCOMES:
                row["correct_checks"] += 1
            elif outcome in WRONG_OUTCOMES:
                row["wrong_checks"] += 1
        elif interaction == "hint":
            row["hints"] += 1
        elif interaction == "solution":
            row["solutions"] += 1
        elif interaction == "lesson_opened":
            row["lessons_opened"] += 1
        elif interaction == "lesson_finished":
            row["lessons_finished"] += 1
    # Sorted keys: concurrent PostgreSQL writers lock rows in the same order, so they cannot deadlock.
    return [states[k] for k in sorted(states)], [grades[k] for k in sorted(grades)]


def _dialect_insert(conn):
    name = conn.dialect.name
    if name == "postgresql":
        return postgresql.insert, func.greatest
    if name == "sqlite":
        return sqlite.insert, func.max  # SQLite's two-argument max() is its greatest()
    raise NotImplementedError(f"The progress store supports SQLite and PostgreSQL, not {name}.")


def apply(conn, states: list[dict], grades: list[dict]) -> None:
    """Add a summarised batch to the summary tables (inside the caller's transaction)."""
    insert, greatest = _dialect_insert(conn)
    if states:
        stmt = insert(STATE)
        set_ = {name: STATE.c[name] + stmt.excluded[name] for name in COUNTS}
        set_["last_at"] = greatest(STATE.c.last_at, stmt.excluded.last_at)
        conn.execute(stmt.on_conflict_do_update(index_elements=list(STATE_KEY), set_=set_), states)
    if grades:
        stmt = insert(GRADES)
        set_ = {name: stmt.excluded[name] for name in ("event_id", "score", "max_score", "occurred_at")}
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=list(GRADE_KEY), set_=set_, where=GRADES.c.event_id < stmt.excluded.event_id
            ),
            grades,
        )


# -- erasure and purge ---------------------------------------------------------------------------------
def lock(conn) -> None:
    """Before deleting events: make PostgreSQL writers that have not yet updated the summary wait for
    this transaction (SQLite already runs one writer at a time). Without it a writer could add to a
    summary row that a recomputation then replaces, or the other way round."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"LOCK TABLE {STATE.name}, {GRADES.name} IN SHARE ROW EXCLUSIVE MODE")


def rebuild(conn, learners) -> None:
    """Replace the summary rows of `learners` by a recomputation from their remaining events."""
    learners = sorted(set(learners))
    for start in range(0, len(learners), CHUNK):
        chunk = learners[start : start + CHUNK]
        conn.execute(delete(STATE).where(STATE.c.learner.in_(chunk)))
        conn.execute(delete(GRADES).where(GRADES.c.learner.in_(chunk)))
        conn.execute(STATE.insert().from_select([*STATE_KEY, *COUNTS, "last_at"], summary_from_events(chunk)))
        conn.execute(
            GRADES.insert().from_select(
                [*GRADE_KEY, "event_id", "score", "max_score", "occurred_at"], grades_from_events(chunk)
            )
        )


def _count(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _learner_filter(query, column, learners):
    if learners is None:
        return query
    return query.where(column == learners if isinstance(learners, str) else column.in_(learners))


def summary_from_events(learners=None):
    """The progress_question_state rows recomputed from progress_events (same columns, same order)."""
    e = EVENTS.c
    checked = e.interaction == "check"
    question = func.coalesce(e.question, literal(LESSON_LEVEL))
    query = (
        select(
            e.learner,
            e.course,
            e.lesson,
            question.label("question"),
            _count(checked),
            _count(checked & e.outcome.in_(DONE_OUTCOMES)),
            _count(checked & e.outcome.in_(WRONG_OUTCOMES)),
            _count(e.interaction == "hint"),
            _count(e.interaction == "solution"),
            _count(e.interaction == "lesson_opened"),
            _count(e.interaction == "lesson_finished"),
            func.max(e.occurred_at),
        )
        .where(e.interaction != "grade")
        .group_by(e.learner, e.course, e.lesson, question)
    )
    return _learner_filter(query, e.learner, learners)


def grades_from_events(learners=None):
    """The progress_latest_grades rows recomputed from progress_events."""
    e = EVENTS.c
    newest = _learner_filter(
        select(func.max(e.id).label("id")).where(e.interaction == "grade").group_by(e.learner, e.course, e.lesson),
        e.learner,
        learners,
    ).subquery()
    return select(e.learner, e.course, e.lesson, e.id, e.score, e.max_score, e.occurred_at).join(
        newest, e.id == newest.c.id
    )
