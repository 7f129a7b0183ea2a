"""Compare the summary tables with a recomputation from the raw events (used by several test modules)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import case, func, select

from datavaardig.progress import summary as summary
from datavaardig.progress.group_report import GroupReport
from datavaardig.progress.reports import latest_grades_query, question_state_query

EVENTS = summary.EVENTS
_learner_filter = summary._learner_filter


# -- the reference: the reports' queries as they were before the summary tables existed ---------------------------------
def _flag(condition):
    return func.max(case((condition, 1), else_=0))


def recompute_question_state_query(learners=None):
    """reports.question_state_query computed from the raw events (tests compare the two)."""
    e = EVENTS.c
    checked = e.interaction == "check"
    query = (
        select(
            e.learner,
            e.course,
            e.lesson,
            e.question,
            _flag(checked & e.outcome.in_(("correct", "self_review"))).label("correct"),
            func.sum(case((checked & e.outcome.in_(("incorrect", "error")), 1), else_=0)).label("wrong"),
            func.sum(case((e.interaction == "hint", 1), else_=0)).label("hints"),
            _flag(e.interaction == "solution").label("solution"),
            _flag(e.interaction == "lesson_opened").label("opened"),
            _flag(e.interaction == "lesson_finished").label("finished"),
            func.max(e.occurred_at).label("last"),
        )
        .where(e.interaction != "grade")
        .group_by(e.learner, e.course, e.lesson, e.question)
    )
    return _learner_filter(query, e.learner, learners)


def recompute_latest_grades_query(learners=None):
    """reports.latest_grades_query computed from the raw events: the newest grade event per assignment."""
    e = EVENTS.c
    newest = _learner_filter(
        select(e.learner, e.course, e.lesson, func.max(e.id).label("id"))
        .where(e.interaction == "grade")
        .group_by(e.learner, e.course, e.lesson),
        e.learner,
        learners,
    ).subquery()
    return (
        select(e.learner, e.course, e.lesson.label("assignment"), e.score, e.max_score, e.occurred_at)
        .join(newest, e.id == newest.c.id)
        .order_by(e.course, e.lesson, e.learner)
    )


def group_report_from_states(states: pd.DataFrame, grades: pd.DataFrame, plan, cohort=None, key=None) -> GroupReport:
    """The trainer's report aggregated in pandas from question-state rows (recompute_question_state_query's
    columns): the reference GroupReport.load is compared with."""
    q = states[states["question"].notna()]
    active = (q["correct"] + q["wrong"] + q["hints"] + q["solution"]) > 0
    per_q = (
        q.assign(actief=active)
        .groupby(["learner", "course", "lesson"])
        .agg(goed=("correct", "sum"), hints=("hints", "sum"), actief=("actief", "max"), gezien=("question", "nunique"))
    )
    per_l = (
        states[states["question"].isna()]
        .groupby(["learner", "course", "lesson"])
        .agg(geopend=("opened", "max"), afgerond=("finished", "max"))
    )
    lessons = per_q.join(per_l, how="outer").reset_index()
    questions = (
        q[active]
        .groupby(["course", "lesson", "question"], sort=True)
        .agg(
            deelnemers=("learner", "nunique"),
            goed=("correct", "sum"),
            foute_pogingen=("wrong", "sum"),
            hints=("hints", "sum"),
            oplossing_bekeken=("solution", "sum"),
        )
        .reset_index()
    )
    return GroupReport._pseudonymised(lessons, questions, grades, plan, cohort, key)


def _sorted(rows):
    return sorted((tuple(r) for r in rows), key=lambda r: tuple("" if v is None else str(v) for v in r))


def summary_and_recomputation(store, learners=None):
    """(from the summary, from the events) for the report queries and for the summary table itself."""
    with store.engine.connect() as conn:

        def rows(query):
            return _sorted(conn.execute(query))

        return (
            (
                rows(question_state_query(learners)),
                rows(latest_grades_query(learners)),
                rows(select(summary.STATE)),
                rows(select(summary.GRADES)),
            ),
            (
                rows(recompute_question_state_query(learners)),
                rows(recompute_latest_grades_query(learners)),
                rows(summary.summary_from_events()),
                rows(summary.grades_from_events()),
            ),
        )


def assert_summary_exact(store, learners=None):
    from_summary, from_events = summary_and_recomputation(store, learners)
    names = ("question state", "latest grades", "progress_question_state", "progress_latest_grades")
    for name, got, expected in zip(names, from_summary, from_events):
        assert got == expected, f"{name}: summary differs from the events"
