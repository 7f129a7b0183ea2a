"""Alembic migrations build the schema from empty; the models and the migrations agree."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from datavaardig.progress import models
from datavaardig.progress.store import MIGRATIONS, ProgressStore


def script_directory() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config)


def test_schema_revision_constant_is_alembics_head():
    assert script_directory().get_current_head() == models.SCHEMA_REVISION


def test_migrations_ship_inside_the_package():
    assert (MIGRATIONS / "env.py").is_file() and (MIGRATIONS / "script.py.mako").is_file()
    assert any(MIGRATIONS.joinpath("versions").glob("0001_*.py"))


def test_upgrade_head_from_empty_matches_the_models(tmp_path):
    url = f"sqlite:///{tmp_path / 'leeg.sqlite'}"
    store = ProgressStore(url)
    assert store.revision() is None
    store.upgrade()
    assert store.revision() == models.SCHEMA_REVISION
    inspector = inspect(create_engine(url))
    for table in models.Base.metadata.sorted_tables:
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert columns == {c.name for c in table.columns}, table.name
        indexes = {i["name"] for i in inspector.get_indexes(table.name)}
        assert {i.name for i in table.indexes} <= indexes, table.name
    assert models.VERSION_TABLE in inspector.get_table_names()
    assert "alembic_version" not in inspector.get_table_names()  # nbgrader's name stays free


def test_every_column_has_a_comment():
    for table in models.Base.metadata.sorted_tables:
        for column in table.columns:
            assert column.comment, f"{table.name}.{column.name} has no comment"


def test_upgrade_runs_without_an_alembic_ini_in_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert not Path("alembic.ini").exists()
    store = ProgressStore(f"sqlite:///{tmp_path / 's.sqlite'}")
    store.record(learner="a", course="c", lesson="l", interaction="check", outcome="correct")
    assert store.count() == 1


def test_current_store_is_not_migrated_again(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 's.sqlite'}"
    ProgressStore(url).ensure_schema()

    def must_not_run(self):
        raise AssertionError("upgrade() ran on a store that is already current")

    monkeypatch.setattr(ProgressStore, "upgrade", must_not_run)
    store = ProgressStore(url)
    store.record(learner="a", course="c", lesson="l", interaction="solution")
    store.record(learner="a", course="c", lesson="l", interaction="solution")
    assert store.count() == 2


def test_migrated_file_is_plain_sqlite_readable_by_other_tools(tmp_path):
    path = tmp_path / "s.sqlite"
    ProgressStore(f"sqlite:///{path}").record(learner="a", course="c", lesson="l", interaction="hint", hint_number=1)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT learner, interaction, hint_number FROM progress_events").fetchall() == [
            ("a", "hint", 1)
        ]
