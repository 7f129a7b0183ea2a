"""The summary tables (revision 0003) equal a recomputation from the events, through every write path:
batches, single events, grades, erasure, the retention purge and the upgrade of an older store."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import pandas as pd
import pytest
from alembic import command
from alembic.config import Config

from datavaardig.progress import reports, summary
from datavaardig.progress import rights as rights
from datavaardig.progress.cohorts import add_members, members
from datavaardig.progress.group_report import GroupReport
from datavaardig.progress.models import SCHEMA_REVISION, ProgressEvent
from datavaardig.progress.reports import CoursePlan, LessonPlan, learner_report
from datavaardig.progress.store import MIGRATIONS, ProgressStore
from tests.support.summary_check import (
    assert_summary_exact,
    group_report_from_states,
    recompute_latest_grades_query,
    recompute_question_state_query,
)

STATE_COLUMNS = [
    "learner",
    "course",
    "lesson",
    "question",
    "correct",
    "wrong",
    "hints",
    "solution",
    "opened",
    "finished",
    "last",
]
GRADE_COLUMNS = ["learner", "course", "assignment", "score", "max_score", "occurred_at"]

KEY = b"test-key-0123456789abcdef"
NOW = datetime.now(timezone.utc)
LEARNERS = [f"deelnemer{n}" for n in range(7)]
LESSONS = [("tabellen", "01-inlezen"), ("tabellen", "02-filteren"), ("kaarten", "01-kaart")]
PLAN = [
    CoursePlan(
        "tabellen",
        "Tabellen",
        (
            LessonPlan("01-inlezen", "Inlezen", 30, ("q1", "q2", "q3")),
            LessonPlan("02-filteren", "Filteren", 30, ("q1", "q2")),
        ),
    ),
    CoursePlan("kaarten", "Kaarten", (LessonPlan("01-kaart", "Kaart", 30, ()),)),
]
INTERACTIONS = ["check"] * 6 + ["hint"] * 2 + ["solution", "lesson_opened", "lesson_finished", "grade"]


# Every outcome a check can have; "self_review" (free text, done) came after revision 0003's backfill.
OUTCOMES = ("correct", "incorrect", "incorrect", "error", "not_attempted", "self_review")


def random_events(rng: random.Random, n: int, outcomes: tuple[str, ...] = OUTCOMES) -> list[dict]:
    events = []
    for _ in range(n):
        course, lesson = rng.choice(LESSONS)
        interaction = rng.choice(INTERACTIONS)
        when = NOW - timedelta(days=rng.uniform(0, 800), microseconds=rng.randrange(10**6))
        row = dict(
            learner=rng.choice(LEARNERS),
            course=course,
            lesson=lesson,
            interaction=interaction,
            question=None,
            question_kind=None,
            outcome=None,
            hint_number=None,
            score=None,
            max_score=None,
            occurred_at=when,
        )
        if interaction == "grade":
            row.update(lesson=f"opdracht-{rng.randint(1, 2)}", score=float(rng.randint(0, 10)), max_score=10.0)
        elif interaction in ("check", "hint", "solution") and rng.random() < 0.9:  # a few lesson-level checks
            row.update(question=f"{course}/{lesson}/q{rng.randint(1, 4)}", question_kind="equality")
        if interaction == "check":
            row["outcome"] = rng.choice(outcomes)
        elif interaction == "hint":
            row["hint_number"] = rng.randint(1, 3)
        events.append(row)
    return events


def load_randomly(store: ProgressStore, rng: random.Random, n: int) -> None:
    """Batches of random size and single events, as imports and learners' kernels write them."""
    events = random_events(rng, n)
    while events:
        size = rng.choice((1, 1, 2, 7, 40))
        batch, events = events[:size], events[size:]
        if size == 1:
            e = batch[0]
            if e["interaction"] == "grade":
                store.record_grade(
                    learner=e["learner"],
                    course=e["course"],
                    assignment=e["lesson"],
                    score=e["score"],
                    max_score=e["max_score"],
                    occurred_at=e["occurred_at"],
                )
            else:
                store.record(**{k: v for k, v in e.items() if k not in ("score", "max_score")})
        else:
            store.record_many(batch)


def group_views(report: GroupReport) -> list[pd.DataFrame]:
    return [
        report.lesson_status(),
        report.completion(),
        report.stuck_questions(top=None),
        report.grade_table(),
        report.participants(),
    ]


def reference_group(store, learners=None) -> GroupReport:
    """The trainer's report computed in pandas from question states recomputed from the raw events."""
    with store.engine.connect() as conn:
        states = pd.DataFrame(
            [tuple(r) for r in conn.execute(recompute_question_state_query(learners))], columns=STATE_COLUMNS
        )
        grades = pd.DataFrame(
            [tuple(r) for r in conn.execute(recompute_latest_grades_query(learners))], columns=GRADE_COLUMNS
        )
    return group_report_from_states(states, grades, PLAN, key=KEY)


def assert_reports_identical(store, monkeypatch):
    """Every report computed from the summary equals the same report computed from the raw events."""
    assert_summary_exact(store)
    assert_summary_exact(store, LEARNERS[:3])
    new_learner = {name: learner_report(store, name, PLAN) for name in LEARNERS}
    with monkeypatch.context() as m:
        m.setattr(reports, "question_state_query", recompute_question_state_query)
        m.setattr(reports, "latest_grades_query", recompute_latest_grades_query)
        assert {name: learner_report(store, name, PLAN) for name in LEARNERS} == new_learner
    new_group = [GroupReport.load(store, PLAN, key=KEY), GroupReport.load(store, PLAN, cohort="groep", key=KEY)]
    old_group = [reference_group(store), reference_group(store, members(store, "groep"))]
    for new, old in zip(new_group, old_group):
        assert new.learners() == old.learners()
        for got, expected in zip(group_views(new), group_views(old)):
            pd.testing.assert_frame_equal(got, expected, check_dtype=not expected.empty)


@pytest.mark.parametrize("seed", [1, 2])
def test_reports_from_the_summary_equal_reports_from_the_events(db_url, monkeypatch, seed):
    rng = random.Random(seed)
    with ProgressStore(db_url) as store:
        add_members(store, "groep", LEARNERS[1:4])
        load_randomly(store, rng, 600)
        assert store.count() == 600
        assert_reports_identical(store, monkeypatch)

        rights.erase_learner(store, LEARNERS[1])
        assert_reports_identical(store, monkeypatch)

        assert rights.purge(store, rights.cutoff(365)) > 0
        assert_reports_identical(store, monkeypatch)
        load_randomly(store, rng, 150)  # life goes on after a purge: increments start from recomputed rows
        assert_reports_identical(store, monkeypatch)

        assert rights.purge(store, NOW + timedelta(days=1)) > 0  # everything expired
        assert store.count() == 0
        assert_reports_identical(store, monkeypatch)


def test_summary_counts_of_a_known_history(db_url):
    with ProgressStore(db_url) as store:
        for outcome in ("incorrect", "error", "not_attempted", "correct", "correct"):
            store.record(
                learner="anna", course="c", lesson="l", question="c/l/q1", interaction="check", outcome=outcome
            )
        # Free text compared with its model answer: done (reports show it finished), never wrong.
        store.record(
            learner="anna", course="c", lesson="l", question="c/l/q2", interaction="check", outcome="self_review"
        )
        store.record_many(
            [
                dict(learner="anna", course="c", lesson="l", interaction="hint", question="c/l/q1", hint_number=n)
                for n in (1, 2)
            ]
            + [
                dict(
                    learner="anna", course="c", lesson="l", interaction="lesson_opened", question=None, hint_number=None
                )
            ]
        )
        store.record_grade(learner="anna", course="c", assignment="a1", score=4, max_score=10)
        store.record_grade(
            learner="anna", course="c", assignment="a1", score=8, max_score=10, occurred_at=NOW - timedelta(days=3)
        )  # stored later, so it counts, though older
        with store.engine.connect() as conn:
            rows = {r.question: r for r in conn.execute(summary.STATE.select())}
            grade = conn.execute(summary.GRADES.select()).one()
        q1 = rows["c/l/q1"]
        assert (q1.checks, q1.correct_checks, q1.wrong_checks, q1.hints, q1.solutions) == (5, 2, 2, 2, 0)
        assert (rows["c/l/q2"].checks, rows["c/l/q2"].correct_checks, rows["c/l/q2"].wrong_checks) == (1, 1, 0)
        assert rows[""].lessons_opened == 1 and rows[""].checks == 0
        assert (grade.assignment, grade.score) == ("a1", 8.0)
        assert_summary_exact(store)


def test_an_empty_question_id_is_refused(db_url):
    with ProgressStore(db_url) as store, pytest.raises(ValueError, match="question=None"):
        store.record(learner="a", course="c", lesson="l", question="", interaction="check", outcome="correct")


def test_upgrading_an_older_store_backfills_the_summary(db_url, monkeypatch):
    """A store at revision 0002 with events gets summary tables that match them (revision 0003)."""
    rng = random.Random(3)
    store = ProgressStore(db_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
        # A store at 0002 was written before free text could be "self_review".
        older = tuple(o for o in OUTCOMES if o != "self_review")
        conn.execute(ProgressEvent.__table__.insert(), random_events(rng, 400, older))
    assert store.revision() == "0002"
    store.ensure_schema()
    assert store.revision() == SCHEMA_REVISION and store.count() == 400
    add_members(store, "groep", LEARNERS[1:4])
    assert_reports_identical(store, monkeypatch)
    store.close()
