"""The progress store's tables (SQLAlchemy 2 declarative). Changed only through an Alembic migration.

Events are append-only: a row is never updated; only retention and erasure (issue 7) delete rows.
Two summary tables (revision 0003) hold what the reports need, kept exact by the single write path
(ProgressStore.record_many, same transaction) and by erasure and purge (rights.py).
No answer contents are stored: what was checked and how it went, never what the learner wrote.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import BigInteger, DateTime, Float, Index, Integer, String, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "Base",
    "CohortMember",
    "DONE_OUTCOMES",
    "LatestGrade",
    "LESSON_LEVEL",
    "ProgressEvent",
    "ProgressQuestionState",
    "SCHEMA_REVISION",
    "UTCDateTime",
    "VERSION_TABLE",
    "WRONG_OUTCOMES",
]

# Check outcomes as reports count them. Free text that names what its question asks is "self_review" (the
# learner compares it with a model answer): the question is done, though no check can call it correct.
DONE_OUTCOMES = ("correct", "self_review")
WRONG_OUTCOMES = ("incorrect", "error")

# The newest migration in datavaardig/progress/migrations/versions; a test keeps it equal to Alembic's head, so a
# new kernel can tell "schema is current" with one SELECT instead of importing Alembic.
SCHEMA_REVISION = "0004"
VERSION_TABLE = "datavaardig_alembic_version"  # own name: nbgrader's gradebook uses alembic_version


class UTCDateTime(TypeDecorator):
    """Aware UTC datetimes in and out; SQLite keeps no zone, so store naive UTC and re-attach it."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("Progress events need an aware (UTC) timestamp.")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


class Base(DeclarativeBase):
    pass


class ProgressEvent(Base):
    """One thing a learner did: a self-check, a hint or a solution request (later: lesson events)."""

    __tablename__ = "progress_events"
    __table_args__ = (
        # A learner's own view ("Mijn voortgang") and erasure select by learner first.
        Index("ix_progress_events_learner_course", "learner", "course", "lesson"),
        # The trainer's cohort view groups by course, lesson and question.
        Index("ix_progress_events_course_lesson_question", "course", "lesson", "question"),
        Index("ix_progress_events_occurred_at", "occurred_at"),
        # Revision 0002: covers the reports' question-state aggregate (reports.py), so SQLite and
        # PostgreSQL answer it from the index alone, already in GROUP BY order (5x faster, benchmarks/progress.py).
        Index(
            "ix_progress_events_question_state",
            "learner",
            "course",
            "lesson",
            "question",
            "interaction",
            "outcome",
            "occurred_at",
        ),
        # Revision 0004: a repeated delivery of the same event (the local queue, a lost acknowledgement) is refused.
        Index("ux_progress_events_event_uid", "event_uid", unique=True),
        {"comment": "Append-only log of learner interactions with self-checks; no answer contents."},
    )

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"),
        primary_key=True,
        autoincrement=True,
        comment="Surrogate key; also the order in which events were stored.",
    )
    occurred_at: Mapped[datetime] = mapped_column(
        UTCDateTime, nullable=False, comment="When the learner acted, in UTC."
    )
    learner: Mapped[str] = mapped_column(
        String(200),
        nullable=False,
        comment="Learner identity: DATAVAARDIG_LEARNER, else JUPYTERHUB_USER, else the OS account.",
    )
    course: Mapped[str] = mapped_column(String(100), nullable=False, comment="Course slug, e.g. 'tabellen'.")
    lesson: Mapped[str] = mapped_column(
        String(200), nullable=False, comment="Lesson slug within the course, e.g. '02-selecteren-en-filteren'."
    )
    question: Mapped[str | None] = mapped_column(
        String(300), nullable=True, comment="Question id 'course/lesson/qN'; empty for lesson-level events."
    )
    question_kind: Mapped[str | None] = mapped_column(
        String(30), nullable=True, comment="Kind of question: equality, function, figure, choice, ..."
    )
    interaction: Mapped[str] = mapped_column(
        String(30),
        nullable=False,
        comment="What the learner did: 'check', 'hint', 'solution', 'lesson_opened', 'lesson_finished' or 'grade'.",
    )
    outcome: Mapped[str | None] = mapped_column(
        String(20),
        nullable=True,
        comment="For checks: 'correct', 'incorrect', 'not_attempted', 'error' or 'self_review'; empty otherwise.",
    )
    hint_number: Mapped[int | None] = mapped_column(
        Integer, nullable=True, comment="For hints: which hint was shown (1-based); empty when none was."
    )
    # Added in revision 0002 (issue 7): nbgrader grades as events; lesson = the assignment.
    score: Mapped[float | None] = mapped_column(
        Float, nullable=True, comment="For grades: points scored in the assignment (nbgrader); empty otherwise."
    )
    max_score: Mapped[float | None] = mapped_column(
        Float, nullable=True, comment="For grades: points possible in the assignment; empty otherwise."
    )

    # Added in revision 0004 (issue 19): idempotent delivery.
    event_uid: Mapped[str | None] = mapped_column(
        String(36),
        nullable=True,
        comment="Id the writer gave the event (UUID), so a repeated delivery is stored once; "
        "empty for events stored before revision 0004.",
    )

    def as_dict(self) -> dict:
        return {column.name: getattr(self, column.name) for column in self.__table__.columns}


class CohortMember(Base):
    """A learner in a trainer's group (workshop, team): the dashboards filter per group (revision 0002)."""

    __tablename__ = "cohort_members"
    __table_args__ = (
        # Erasure and a learner's export look members up by learner.
        Index("ix_cohort_members_learner", "learner"),
        {"comment": "Which learners a trainer put in which group; erased with the learner's events."},
    )

    cohort: Mapped[str] = mapped_column(
        String(100), primary_key=True, comment="Group name chosen by the trainer, e.g. 'workshop-2025-03'."
    )
    learner: Mapped[str] = mapped_column(
        String(200), primary_key=True, comment="Learner identity, as in progress_events.learner."
    )
    added_at: Mapped[datetime] = mapped_column(
        UTCDateTime, nullable=False, comment="When the trainer added the learner to the group, in UTC."
    )


# Lesson-level rows (lesson opened/finished, or a check without a question) have question NULL in
# progress_events; a primary key column cannot be NULL, so the summary keys them as ''.
LESSON_LEVEL = ""


class ProgressQuestionState(Base):
    """Per (learner, course, lesson, question): the counts the reports need (revision 0003).

    Derived from progress_events, never a source of truth: `summary.rebuild` recomputes it.
    """

    __tablename__ = "progress_question_state"
    __table_args__ = {
        "comment": "Summary of progress_events per learner and question, for fast reports; no answer contents."
    }

    learner: Mapped[str] = mapped_column(
        String(200), primary_key=True, comment="Learner identity, as in progress_events.learner."
    )
    course: Mapped[str] = mapped_column(String(100), primary_key=True, comment="Course slug, as in progress_events.")
    lesson: Mapped[str] = mapped_column(String(200), primary_key=True, comment="Lesson slug, as in progress_events.")
    question: Mapped[str] = mapped_column(
        String(300),
        primary_key=True,
        comment="Question id 'course/lesson/qN'; '' for lesson-level events (question NULL in progress_events).",
    )
    checks: Mapped[int] = mapped_column(Integer, nullable=False, default=0, comment="Number of check events.")
    correct_checks: Mapped[int] = mapped_column(
        Integer, nullable=False, default=0, comment="Checks that made the question done: 'correct' or 'self_review'."
    )
    wrong_checks: Mapped[int] = mapped_column(
        Integer, nullable=False, default=0, comment="Checks with outcome 'incorrect' or 'error' (not yet right)."
    )
    hints: Mapped[int] = mapped_column(Integer, nullable=False, default=0, comment="Number of hint events.")
    solutions: Mapped[int] = mapped_column(
        Integer, nullable=False, default=0, comment="Number of times the solution was shown."
    )
    lessons_opened: Mapped[int] = mapped_column(
        Integer, nullable=False, default=0, comment="Number of lesson_opened events."
    )
    lessons_finished: Mapped[int] = mapped_column(
        Integer, nullable=False, default=0, comment="Number of lesson_finished events."
    )
    last_at: Mapped[datetime] = mapped_column(
        UTCDateTime, nullable=False, comment="Newest occurred_at of the summarised events, in UTC."
    )


class LatestGrade(Base):
    """The newest nbgrader grade per learner and assignment (revision 0003): the highest event id wins."""

    __tablename__ = "progress_latest_grades"
    __table_args__ = {"comment": "Newest grade event per learner and assignment, for fast reports."}

    learner: Mapped[str] = mapped_column(
        String(200), primary_key=True, comment="Learner identity, as in progress_events.learner."
    )
    course: Mapped[str] = mapped_column(String(100), primary_key=True, comment="Course slug, as in progress_events.")
    assignment: Mapped[str] = mapped_column(
        String(200), primary_key=True, comment="The assignment (progress_events.lesson of the grade event)."
    )
    event_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"),
        nullable=False,
        comment="progress_events.id of the newest grade event; a newer one replaces this row.",
    )
    score: Mapped[float | None] = mapped_column(Float, nullable=True, comment="Points scored (nbgrader).")
    max_score: Mapped[float | None] = mapped_column(Float, nullable=True, comment="Points possible.")
    occurred_at: Mapped[datetime] = mapped_column(
        UTCDateTime, nullable=False, comment="When the grade was given, in UTC."
    )
