"""Compare the summary tables with a recomputation from the raw events (used by several test modules)."""
from __future__ import annotations

from sqlalchemy import select

from datavaardig.grading import progress_summary as summary
from datavaardig.grading.reports import latest_grades_query, question_state_query


def _sorted(rows):
    return sorted((tuple(r) for r in rows), key=lambda r: tuple("" if v is None else str(v) for v in r))


def summary_and_recomputation(store, learners=None):
    """(from the summary, from the events) for the report queries and for the summary table itself."""
    with store.engine.connect() as conn:
        def rows(query):
            return _sorted(conn.execute(query))
        return (
            (rows(question_state_query(learners)), rows(latest_grades_query(learners)),
             rows(select(summary.STATE)), rows(select(summary.GRADES))),
            (rows(summary.recompute_question_state_query(learners)),
             rows(summary.recompute_latest_grades_query(learners)),
             rows(summary.summary_from_events()), rows(summary.grades_from_events())),
        )


def assert_summary_exact(store, learners=None):
    from_summary, from_events = summary_and_recomputation(store, learners)
    names = ("question state", "latest grades", "progress_question_state", "progress_latest_grades")
    for name, got, expected in zip(names, from_summary, from_events):
        assert got == expected, f"{name}: summary differs from the events"
