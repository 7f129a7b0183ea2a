"""The throwaway PostgreSQL server is real: it answers SQL on 127.0.0.1 and keeps what is written."""

from __future__ import annotations

import sqlalchemy as sa


def test_postgres_fixture_is_a_real_server_on_loopback(postgres_url):
    assert postgres_url.startswith("postgresql+psycopg://") and "@127.0.0.1:" in postgres_url
    engine = sa.create_engine(postgres_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE probe (n integer)")
        conn.exec_driver_sql("INSERT INTO probe VALUES (41), (1)")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT sum(n) FROM probe").scalar() == 42
        assert conn.exec_driver_sql("SHOW server_version").scalar().split(".")[0].isdigit()
    engine.dispose()
