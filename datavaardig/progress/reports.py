"""What the progress store means: per learner, lesson and question the state, and one learner's report.

The store holds raw events; every view (Mijn voortgang, the trainer dashboard, exports) starts from
the *question state* of each (learner, course, lesson, question), which the store keeps counted in a
summary table as events arrive (summary.py), so a report reads rows instead of counting events.
The course structure (which lessons and questions exist, in which order) comes from a `CoursePlan`
(`datavaardig.grading.selfcheck.plans.course_plans`), not from the events: a lesson nobody opened yet still shows.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy import case, func, select

from datavaardig import settings
from datavaardig.progress.models import LESSON_LEVEL, LatestGrade, ProgressQuestionState
from datavaardig.progress.store import ProgressStore

__all__ = [
    "build_lessons",
    "CoursePlan",
    "CourseProgress",
    "GRADES",
    "latest_grades_query",
    "learner_report",
    "LearnerReport",
    "LessonPlan",
    "LessonProgress",
    "my_report",
    "question_state_query",
    "QuestionProgress",
    "STATE",
    "suggest_next",
]

STATE = ProgressQuestionState.__table__
GRADES = LatestGrade.__table__


@dataclass(frozen=True)
class LessonPlan:
    slug: str  # e.g. 02-selecteren-en-filteren
    title: str
    minutes: int = 0
    questions: tuple[str, ...] = ()  # q1, q2, … in lesson order
    path: str = ""  # notebook path relative to courses/ (for links)


@dataclass(frozen=True)
class CoursePlan:
    id: str
    title: str
    lessons: tuple[LessonPlan, ...]


def _flag(count):
    return case((count > 0, 1), else_=0)


def question_state_query(learners=None):
    """One row per (learner, course, lesson, question); question NULL holds the lesson events.

    Read from the summary table (revision 0003): the same rows as
    an aggregation of the raw events gives (tests/support/summary_check.py compares them).
    """
    s = STATE.c
    query = select(
        s.learner,
        s.course,
        s.lesson,
        func.nullif(s.question, LESSON_LEVEL).label("question"),
        _flag(s.correct_checks).label("correct"),
        s.wrong_checks.label("wrong"),
        s.hints.label("hints"),
        _flag(s.solutions).label("solution"),
        _flag(s.lessons_opened).label("opened"),
        _flag(s.lessons_finished).label("finished"),
        s.last_at.label("last"),
    )
    if learners is not None:
        query = query.where(s.learner.in_(learners) if not isinstance(learners, str) else s.learner == learners)
    return query


@dataclass(frozen=True)
class QuestionProgress:
    name: str  # q1
    correct: bool = False  # done: checked correct, or free text compared with its model answer (self_review)
    wrong: int = 0  # checks that were not right yet (incorrect or an error)
    hints: int = 0
    solution: bool = False  # the learner looked at the solution

    @property
    def tried(self) -> bool:
        return self.correct or self.wrong > 0


@dataclass(frozen=True)
class LessonProgress:
    course: str
    slug: str
    title: str
    minutes: int
    path: str
    questions: tuple[QuestionProgress, ...]
    opened: bool = False
    finished: bool = False  # the learner marked it finished

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def correct(self) -> int:
        return sum(q.correct for q in self.questions)

    @property
    def hints(self) -> int:
        return sum(q.hints for q in self.questions)

    @property
    def done(self) -> bool:
        return self.finished or (self.total > 0 and self.correct == self.total)

    @property
    def started(self) -> bool:
        return self.opened or any(q.tried or q.hints or q.solution for q in self.questions)

    @property
    def status(self) -> str:
        return "klaar" if self.done else "bezig" if self.started else "nog niet begonnen"


@dataclass(frozen=True)
class CourseProgress:
    id: str
    title: str
    lessons: tuple[LessonProgress, ...]

    @property
    def done(self) -> int:
        return sum(lesson.done for lesson in self.lessons)


@dataclass(frozen=True)
class LearnerReport:
    learner: str
    courses: tuple[CourseProgress, ...]
    next_lesson: LessonProgress | None = None
    grades: tuple[dict, ...] = field(default=())  # newest grade per assignment

    @property
    def started(self) -> bool:
        return any(lesson.started for c in self.courses for lesson in c.lessons)


def suggest_next(courses: tuple[CourseProgress, ...]) -> LessonProgress | None:
    """Continue the first lesson in progress; else the next lesson of a course already begun; else the
    first lesson not done at all. Courses and lessons in their planned order."""
    lessons = [lesson for c in courses for lesson in c.lessons]
    for lesson in lessons:
        if lesson.started and not lesson.done:
            return lesson
    for course in courses:
        if any(lesson.started for lesson in course.lessons):
            for lesson in course.lessons:
                if not lesson.done:
                    return lesson
    return next((lesson for lesson in lessons if not lesson.done), None)


def build_lessons(plan: list[CoursePlan], rows: list[dict]) -> tuple[CourseProgress, ...]:
    """Merge one learner's question-state rows into the plan (events of unplanned questions are kept)."""
    by_lesson: dict[tuple[str, str], dict[str, dict]] = {}
    for row in rows:
        by_lesson.setdefault((row["course"], row["lesson"]), {})[row["question"]] = row
    courses = []
    for course in plan:
        lessons = []
        for lp in course.lessons:
            states = by_lesson.get((course.id, lp.slug), {})
            prefix = f"{course.id}/{lp.slug}/"
            seen = [q.removeprefix(prefix) for q in states if q and q.startswith(prefix)]
            names = list(lp.questions) + sorted((n for n in seen if n not in lp.questions), key=_natural)
            questions = []
            for name in names:
                s = states.get(prefix + name, {})
                questions.append(
                    QuestionProgress(
                        name,
                        bool(s.get("correct")),
                        int(s.get("wrong") or 0),
                        int(s.get("hints") or 0),
                        bool(s.get("solution")),
                    )
                )
            lesson_row = states.get(None, {})
            lessons.append(
                LessonProgress(
                    course.id,
                    lp.slug,
                    lp.title,
                    lp.minutes,
                    lp.path,
                    tuple(questions),
                    bool(lesson_row.get("opened")),
                    bool(lesson_row.get("finished")),
                )
            )
        courses.append(CourseProgress(course.id, course.title, tuple(lessons)))
    return tuple(courses)


def latest_grades_query(learners=None):
    """The newest grade per (learner, course, assignment), from the summary table (revision 0003)."""
    g = GRADES.c
    query = select(g.learner, g.course, g.assignment, g.score, g.max_score, g.occurred_at).order_by(
        g.course, g.assignment, g.learner
    )
    if learners is not None:
        query = query.where(g.learner.in_(learners) if not isinstance(learners, str) else g.learner == learners)
    return query


def learner_report(store: ProgressStore, learner: str, plan: list[CoursePlan]) -> LearnerReport:
    """Everything "Mijn voortgang" shows for one learner: two primary-key range reads of the summary."""
    with store.reading() as conn:
        rows = [dict(r) for r in conn.execute(question_state_query(learner)).mappings()]
        grades = tuple(dict(r) for r in conn.execute(latest_grades_query(learner)).mappings())
    courses = build_lessons(plan, rows)
    return LearnerReport(learner, courses, suggest_next(courses), grades)


def _natural(name: str):
    digits = "".join(ch for ch in name if ch.isdigit())
    return (int(digits) if digits else 0, name)


def my_report(plan: list[CoursePlan]) -> LearnerReport:
    """The current learner's report from the configured store, for the start page. A store that cannot
    be read gives an empty report (logged): the start page must always open."""
    learner = settings.learner()
    try:
        with ProgressStore(settings.db_url()) as store:
            return learner_report(store, learner, plan)
    except Exception as error:  # the start page shows "no progress yet" rather than a traceback
        logging.getLogger(__name__).warning("Je voortgang kon niet worden gelezen: %s", error)
        courses = build_lessons(plan, [])
        return LearnerReport(learner, courses, suggest_next(courses))
