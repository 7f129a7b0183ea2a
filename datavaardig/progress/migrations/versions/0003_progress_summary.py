"""Summary tables for fast reports: question state and newest grade, backfilled from the events.

Revision ID: 0003
Revises: 0002
Create Date: 2025-01-03
"""

# Frozen copy of the schema at this revision: never import the live models here.
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

COUNTS = [
    ("checks", "Number of check events."),
    ("correct_checks", "Checks with outcome 'correct'."),
    ("wrong_checks", "Checks with outcome 'incorrect' or 'error' (not yet right)."),
    ("hints", "Number of hint events."),
    ("solutions", "Number of times the solution was shown."),
    ("lessons_opened", "Number of lesson_opened events."),
    ("lessons_finished", "Number of lesson_finished events."),
]

# The same aggregate as datavaardig.progress.summary.summary_from_events, frozen as SQL that SQLite and PostgreSQL share.
BACKFILL_STATE = """
INSERT INTO progress_question_state (learner, course, lesson, question, checks, correct_checks, wrong_checks,
                                     hints, solutions, lessons_opened, lessons_finished, last_at)
SELECT learner, course, lesson, COALESCE(question, ''),
       SUM(CASE WHEN interaction = 'check' THEN 1 ELSE 0 END),
       SUM(CASE WHEN interaction = 'check' AND outcome = 'correct' THEN 1 ELSE 0 END),
       SUM(CASE WHEN interaction = 'check' AND outcome IN ('incorrect', 'error') THEN 1 ELSE 0 END),
       SUM(CASE WHEN interaction = 'hint' THEN 1 ELSE 0 END),
       SUM(CASE WHEN interaction = 'solution' THEN 1 ELSE 0 END),
       SUM(CASE WHEN interaction = 'lesson_opened' THEN 1 ELSE 0 END),
       SUM(CASE WHEN interaction = 'lesson_finished' THEN 1 ELSE 0 END),
       MAX(occurred_at)
FROM progress_events
WHERE interaction <> 'grade'
GROUP BY learner, course, lesson, COALESCE(question, '')
"""

BACKFILL_GRADES = """
INSERT INTO progress_latest_grades (learner, course, assignment, event_id, score, max_score, occurred_at)
SELECT e.learner, e.course, e.lesson, e.id, e.score, e.max_score, e.occurred_at
FROM progress_events e
JOIN (SELECT MAX(id) AS id FROM progress_events WHERE interaction = 'grade'
      GROUP BY learner, course, lesson) newest ON newest.id = e.id
"""


def upgrade() -> None:
    op.create_table(
        "progress_question_state",
        sa.Column(
            "learner", sa.String(200), primary_key=True, comment="Learner identity, as in progress_events.learner."
        ),
        sa.Column("course", sa.String(100), primary_key=True, comment="Course slug, as in progress_events."),
        sa.Column("lesson", sa.String(200), primary_key=True, comment="Lesson slug, as in progress_events."),
        sa.Column(
            "question",
            sa.String(300),
            primary_key=True,
            comment="Question id 'course/lesson/qN'; '' for lesson-level events (question NULL in progress_events).",
        ),
        *[sa.Column(name, sa.Integer(), nullable=False, comment=comment) for name, comment in COUNTS],
        sa.Column(
            "last_at",
            sa.DateTime(timezone=True),
            nullable=False,
            comment="Newest occurred_at of the summarised events, in UTC.",
        ),
        comment="Summary of progress_events per learner and question, for fast reports; no answer contents.",
    )
    op.create_table(
        "progress_latest_grades",
        sa.Column(
            "learner", sa.String(200), primary_key=True, comment="Learner identity, as in progress_events.learner."
        ),
        sa.Column("course", sa.String(100), primary_key=True, comment="Course slug, as in progress_events."),
        sa.Column(
            "assignment",
            sa.String(200),
            primary_key=True,
            comment="The assignment (progress_events.lesson of the grade event).",
        ),
        sa.Column(
            "event_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
            comment="progress_events.id of the newest grade event; a newer one replaces this row.",
        ),
        sa.Column("score", sa.Float(), nullable=True, comment="Points scored (nbgrader)."),
        sa.Column("max_score", sa.Float(), nullable=True, comment="Points possible."),
        sa.Column(
            "occurred_at", sa.DateTime(timezone=True), nullable=False, comment="When the grade was given, in UTC."
        ),
        comment="Newest grade event per learner and assignment, for fast reports.",
    )
    # Stores written before this revision: the summary starts equal to their events.
    op.execute(BACKFILL_STATE)
    op.execute(BACKFILL_GRADES)


def downgrade() -> None:
    op.drop_table("progress_latest_grades")
    op.drop_table("progress_question_state")
