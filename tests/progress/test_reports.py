"""Reports from real events: one learner's view and the trainer's group view, on both backends."""

from __future__ import annotations

import pandas as pd
import pytest

from datavaardig.progress.cohorts import add_members
from datavaardig.progress.group_report import GroupReport
from datavaardig.progress.privacy import pseudonym
from datavaardig.progress.reports import CoursePlan, LessonPlan, learner_report
from datavaardig.progress.store import ProgressStore

KEY = b"test-key-0123456789abcdef"
PLAN = [
    CoursePlan(
        "tabellen",
        "Werken met tabellen",
        (
            LessonPlan("01-inlezen", "Inlezen", 45, ("q1", "q2")),
            LessonPlan("02-filteren", "Filteren", 50, ("q1", "q2", "q3")),
            LessonPlan("03-sorteren", "Sorteren", 50, ("q1",)),
        ),
    )
]


def ev(store, learner, lesson, q, interaction, outcome=None):
    store.record(
        learner=learner,
        course="tabellen",
        lesson=lesson,
        question=f"tabellen/{lesson}/{q}" if q else None,
        question_kind="equality" if q else None,
        interaction=interaction,
        outcome=outcome,
    )


@pytest.fixture
def store(db_url):
    with ProgressStore(db_url) as s:
        # anna: lesson 1 done; lesson 2 q1 right after a hint and a wrong try
        for q in ("q1", "q2"):
            ev(s, "anna", "01-inlezen", q, "check", "correct")
        ev(s, "anna", "02-filteren", "q1", "check", "incorrect")
        ev(s, "anna", "02-filteren", "q1", "hint")
        ev(s, "anna", "02-filteren", "q1", "check", "correct")
        # bram: stuck on lesson 1 q2, saw the solution
        ev(s, "bram", "01-inlezen", None, "lesson_opened")
        ev(s, "bram", "01-inlezen", "q1", "check", "correct")
        for _ in range(3):
            ev(s, "bram", "01-inlezen", "q2", "check", "incorrect")
        ev(s, "bram", "01-inlezen", "q2", "hint")
        ev(s, "bram", "01-inlezen", "q2", "hint")
        ev(s, "bram", "01-inlezen", "q2", "solution")
        ev(s, "bram", "01-inlezen", "q2", "check", "not_attempted")  # a placeholder is no attempt
        s.record_grade(learner="anna", course="opdrachten", assignment="opdracht-1", score=6, max_score=10)
        s.record_grade(learner="anna", course="opdrachten", assignment="opdracht-1", score=9, max_score=10)
        s.record_grade(learner="bram", course="opdrachten", assignment="opdracht-1", score=4, max_score=10)
        add_members(s, "workshop", ["bram"])
        yield s


def test_learner_report(store):
    report = learner_report(store, "anna", PLAN)
    l1, l2, l3 = report.courses[0].lessons
    assert (l1.status, l1.correct, l1.total) == ("klaar", 2, 2)
    assert (l2.status, l2.correct, l2.total, l2.hints) == ("bezig", 1, 3, 1)
    assert l2.questions[0].wrong == 1 and l3.status == "nog niet begonnen"
    assert report.next_lesson.slug == "02-filteren"
    assert [(g["assignment"], g["score"]) for g in report.grades] == [("opdracht-1", 9.0)]


def test_learner_report_for_a_newcomer_suggests_the_first_lesson(store):
    report = learner_report(store, "nieuw", PLAN)
    assert not report.started and report.next_lesson.slug == "01-inlezen"


def test_group_report_uses_pseudonyms_only(store):
    report = GroupReport.load(store, PLAN, key=KEY)
    assert report.learners() == sorted([pseudonym("anna", KEY), pseudonym("bram", KEY)])
    for frame in (report.lessons, report.questions, report.grades, report.lesson_status(), report.participants()):
        assert not frame.astype(str).isin(["anna", "bram"]).any().any()
        assert "learner" not in frame.columns


def test_completion_and_where_the_group_is_stuck(store):
    report = GroupReport.load(store, PLAN, key=KEY)
    completion = report.completion().set_index("les")
    assert completion.loc["01-inlezen", ["deelnemers", "klaar", "bezig"]].tolist() == [2, 1, 1]
    assert completion.loc["03-sorteren", "klaar"] == 0
    stuck = report.stuck_questions()
    first = stuck.iloc[0]
    assert (first["les"], first["vraag"], first["goed_pct"]) == ("01-inlezen", "q2", 50.0)
    assert first["foute_pogingen"] == 3 and first["hints"] == 2 and first["oplossing_bekeken"] == 1
    grades = report.grade_table().sort_values("punten")
    assert grades["cijfer_pct"].tolist() == [40.0, 90.0]  # the newest grade per learner


def test_group_filter(store):
    report = GroupReport.load(store, PLAN, cohort="workshop", key=KEY)
    assert report.learners() == [pseudonym("bram", KEY)]
    assert report.completion().set_index("les").loc["01-inlezen", "bezig"] == 1
    assert len(report.grade_table()) == 1


def test_exports_for_hr(store, tmp_path):
    report = GroupReport.load(store, PLAN, key=KEY)
    xlsx = report.export_excel(tmp_path / "groep.xlsx")
    sheets = pd.read_excel(xlsx, sheet_name=None)
    assert set(sheets) == {"Deelnemers", "Lessen", "Vragen", "Cijfers"}
    assert len(sheets["Deelnemers"]) == 2 and set(sheets["Deelnemers"]["deelnemer"]).isdisjoint({"anna", "bram"})
    csv_text = report.export_csv(tmp_path / "groep.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0] == "deelnemer;cursus;les;titel;vragen;goed;hints;status"
    assert "anna" not in csv_text and len(csv_text.splitlines()) == 1 + 2 * 3
