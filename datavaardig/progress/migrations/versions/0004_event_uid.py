"""An id per event chosen by its writer, so an event delivered twice is stored once.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

A learner's kernel that cannot reach the store keeps the event in a local queue and delivers it later; a
delivery whose acknowledgement was lost is repeated. The writer's id (a UUID) makes the repeat a no-op:
the unique index refuses it and the insert skips it. Events stored before this revision keep an empty id
(a unique index allows any number of NULLs on SQLite and PostgreSQL).
"""

# Frozen copy of the schema at this revision: never import the live models here.
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "progress_events",
        sa.Column(
            "event_uid",
            sa.String(36),
            nullable=True,
            comment="Id the writer gave the event (UUID), so a repeated delivery is stored once; "
            "empty for events stored before revision 0004.",
        ),
    )
    op.create_index("ux_progress_events_event_uid", "progress_events", ["event_uid"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_progress_events_event_uid", table_name="progress_events")
    with op.batch_alter_table("progress_events") as batch:
        batch.drop_column("event_uid")
