"""Progress events: one append-only row per check, hint or solution request.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

# Frozen copy of the schema at this revision: never import the live models here.
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "progress_events",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            primary_key=True,
            autoincrement=True,
            comment="Surrogate key; also the order in which events were stored.",
        ),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False, comment="When the learner acted, in UTC."),
        sa.Column(
            "learner",
            sa.String(200),
            nullable=False,
            comment="Learner identity: DATAVAARDIG_LEARNER, else JUPYTERHUB_USER, else the OS account.",
        ),
        sa.Column("course", sa.String(100), nullable=False, comment="Course slug, e.g. 'tabellen'."),
        sa.Column(
            "lesson",
            sa.String(200),
            nullable=False,
            comment="Lesson slug within the course, e.g. '02-selecteren-en-filteren'.",
        ),
        sa.Column(
            "question",
            sa.String(300),
            nullable=True,
            comment="Question id 'course/lesson/qN'; empty for lesson-level events.",
        ),
        sa.Column(
            "question_kind",
            sa.String(30),
            nullable=True,
            comment="Kind of question: equality, function, figure, choice, ...",
        ),
        sa.Column(
            "interaction", sa.String(30), nullable=False, comment="What the learner did: 'check', 'hint' or 'solution'."
        ),
        sa.Column(
            "outcome",
            sa.String(20),
            nullable=True,
            comment="For checks: 'correct', 'incorrect', 'not_attempted' or 'error'; empty otherwise.",
        ),
        sa.Column(
            "hint_number",
            sa.Integer(),
            nullable=True,
            comment="For hints: which hint was shown (1-based); empty when none was.",
        ),
        comment="Append-only log of learner interactions with self-checks; no answer contents.",
    )
    op.create_index("ix_progress_events_learner_course", "progress_events", ["learner", "course", "lesson"])
    op.create_index("ix_progress_events_course_lesson_question", "progress_events", ["course", "lesson", "question"])
    op.create_index("ix_progress_events_occurred_at", "progress_events", ["occurred_at"])


def downgrade() -> None:
    op.drop_table("progress_events")
