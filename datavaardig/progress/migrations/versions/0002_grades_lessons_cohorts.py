"""Grades and lesson events on progress_events; trainers' groups (issue 7, progress tracking).

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02
"""

# Frozen copy of the schema at this revision: never import the live models here.
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INTERACTION_COMMENT = (
    "What the learner did: 'check', 'hint', 'solution', 'lesson_opened', 'lesson_finished' or 'grade'."
)


def upgrade() -> None:
    # add_column needs no table copy on SQLite, so a learner's big store upgrades in an instant.
    op.add_column(
        "progress_events",
        sa.Column(
            "score",
            sa.Float(),
            nullable=True,
            comment="For grades: points scored in the assignment (nbgrader); empty otherwise.",
        ),
    )
    op.add_column(
        "progress_events",
        sa.Column(
            "max_score",
            sa.Float(),
            nullable=True,
            comment="For grades: points possible in the assignment; empty otherwise.",
        ),
    )
    if op.get_bind().dialect.name != "sqlite":  # SQLite keeps no column comments
        op.alter_column(
            "progress_events",
            "interaction",
            existing_type=sa.String(30),
            existing_nullable=False,
            comment=INTERACTION_COMMENT,
        )
    op.create_table(
        "cohort_members",
        sa.Column(
            "cohort",
            sa.String(100),
            primary_key=True,
            comment="Group name chosen by the trainer, e.g. 'workshop-2025-03'.",
        ),
        sa.Column(
            "learner", sa.String(200), primary_key=True, comment="Learner identity, as in progress_events.learner."
        ),
        sa.Column(
            "added_at",
            sa.DateTime(timezone=True),
            nullable=False,
            comment="When the trainer added the learner to the group, in UTC.",
        ),
        comment="Which learners a trainer put in which group; erased with the learner's events.",
    )
    op.create_index("ix_cohort_members_learner", "cohort_members", ["learner"])
    # Covers reports.question_state_query: answered from the index alone, in GROUP BY order.
    op.create_index(
        "ix_progress_events_question_state",
        "progress_events",
        ["learner", "course", "lesson", "question", "interaction", "outcome", "occurred_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_progress_events_question_state", table_name="progress_events")
    op.drop_index("ix_cohort_members_learner", table_name="cohort_members")
    op.drop_table("cohort_members")
    with op.batch_alter_table("progress_events") as batch:
        batch.drop_column("max_score")
        batch.drop_column("score")
