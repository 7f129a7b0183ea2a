"""Alembic migrations of the progress store; run in code by ProgressStore, never from a cwd alembic.ini."""
