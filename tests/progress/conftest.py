"""Stores for the progress tests: SQLite (the embedded default) and a real, throwaway PostgreSQL server."""

from __future__ import annotations

import pytest

from tests.support.postgres import throwaway_postgres


@pytest.fixture(scope="session")
def postgres_url():
    """A real PostgreSQL server on 127.0.0.1 for the whole session (Debian binaries; fsync off: tests only)."""
    with throwaway_postgres({"fsync": "off", "synchronous_commit": "off"}) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """One fresh, empty store URL per test, on each backend; PostgreSQL gets its own database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'voortgang.sqlite'}"
        return
    import sqlalchemy as sa

    server = request.getfixturevalue("postgres_url")
    name = f"t_{abs(hash(request.node.nodeid)) % 10**10}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield server.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()
