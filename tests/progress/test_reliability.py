"""Reliability: concurrent writers lose nothing, a killed writer leaves a consistent store, and a full disk
or a read-only store never breaks a learner's check. Real processes, real SQLite files, real PostgreSQL."""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest
from sqlalchemy import create_engine, func, make_url, select

from datavaardig.grading.selfcheck import EqualityQuestion, Outcome, bind, lesson_questions
from datavaardig.progress import tracking
from datavaardig.progress.store import ProgressStore
from datavaardig.progress.summary import STATE
from tests.support.summary_check import assert_summary_exact

# 100 transactions per writer, all writers at once: the contention is in the number of concurrent
# transactions, not in the size of each, so small batches keep the test sharp and quick.
WRITERS, EVENTS, BATCH = 8, 3_000, 30

WRITER = textwrap.dedent("""
    import sys
    from datavaardig.progress.store import ProgressStore
    url, writer, n, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    learner = sys.argv[5] if len(sys.argv) > 5 else writer  # a shared learner: all writers hit the same rows
    store = ProgressStore(url, busy_timeout=60)
    for start in range(0, n, batch):
        print("batch", start // batch, flush=True)
        store.record_many([dict(learner=learner, course="c", lesson="l", question=f"c/l/q{i % 150}",
                                interaction="check", outcome=("incorrect", "correct", "error")[i % 3],
                                hint_number=i)
                           for i in range(start, min(start + batch, n))])
    print("done", flush=True)
""")


def _writer(url, name, n, batch, *learner, **kw):
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, url, name, str(n), str(batch), *learner], stdout=subprocess.PIPE, text=True, **kw
    )


@pytest.mark.slow
def test_concurrent_writers_lose_no_event(db_url):
    ProgressStore(db_url).ensure_schema()  # the first-use migration race has its own test in tests/grading
    procs = [_writer(db_url, f"schrijver{w}", EVENTS, BATCH) for w in range(WRITERS)]
    for proc in procs:
        out, _ = proc.communicate(timeout=900)
        assert proc.returncode == 0 and out.rstrip().endswith("done")
    with ProgressStore(db_url) as store:
        assert store.count() == WRITERS * EVENTS
        for w in range(WRITERS):
            seq = sorted(e["hint_number"] for e in store.events(learner=f"schrijver{w}"))
            assert seq == list(range(EVENTS))
        assert_summary_exact(store)


@pytest.mark.slow
def test_concurrent_writers_on_the_same_summary_rows_lose_no_increment(db_url):
    """All writers add to the same 150 summary rows at once: the upserts with increments must add up."""
    n, batch = 1_000, 10
    ProgressStore(db_url).ensure_schema()
    procs = [_writer(db_url, f"schrijver{w}", n, batch, "samen") for w in range(WRITERS)]
    for proc in procs:
        out, _ = proc.communicate(timeout=900)
        assert proc.returncode == 0 and out.rstrip().endswith("done")
    with ProgressStore(db_url) as store:
        assert store.count() == WRITERS * n
        with store.engine.connect() as conn:
            totals = conn.execute(select(func.sum(STATE.c.checks), func.sum(STATE.c.wrong_checks), func.count())).one()
        assert tuple(totals) == (WRITERS * n, WRITERS * sum(i % 3 != 1 for i in range(n)), 150)
        assert_summary_exact(store)


@pytest.mark.slow
def test_writer_killed_mid_batch_leaves_a_consistent_store(db_url):
    big = 20_000  # a batch takes long enough to be caught half-way
    ProgressStore(db_url).ensure_schema()
    proc = _writer(db_url, "slachtoffer", 10 * big, big)
    assert proc.stdout.readline().strip() == "batch 0"
    assert proc.stdout.readline().strip() == "batch 1"  # batch 0 is committed, batch 1 is being written
    time.sleep(0.3)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with ProgressStore(db_url) as store:
        n = store.count()
        assert n >= big and n % big == 0, "a batch is stored completely or not at all"
        assert_summary_exact(store)  # and the summary with it
        store.record(learner="volgende", course="c", lesson="l", interaction="check", outcome="correct")
        assert store.count() == n + 1
    if db_url.startswith("sqlite"):
        with sqlite3.connect(make_url(db_url).database) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


class Aantal(EqualityQuestion):
    var = "aantal"
    expected = 23
    hints = ["Tel de rijen."]
    solution = "aantal = len(df)"


FULL_DISK = textwrap.dedent("""
    import os, resource, signal, sys
    from datavaardig.grading.selfcheck import EqualityQuestion, bind, lesson_questions
    from datavaardig.progress.store import ProgressStore

    class Aantal(EqualityQuestion):
        var = "aantal"
        expected = 23
        hints = ["Tel de rijen."]

    path = sys.argv[1]
    store = ProgressStore("sqlite:///" + path)
    store.record_many([dict(learner="vol", course="c", lesson="l", interaction="hint")] * 50)
    store.close()
    # No byte more fits: every file write beyond the current size fails (EFBIG) as on a full disk.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limit = os.path.getsize(path)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    (q1,) = lesson_questions("tabellen", "02-les", Aantal)
    bind({"aantal": 23})
    for _ in range(200):  # enough events to outgrow any free space in the file and its WAL
        q1.check()
    q1.hint()
    print("UITKOMST", q1.last_result.outcome.value)
""")

DELIVER = "from datavaardig.progress import tracking; tracking.flush()"


@pytest.mark.slow
def test_full_disk_never_breaks_a_check(tmp_path):
    """The store's file cannot grow: every check still answers, and what the store could not take waits in the
    learner's outbox (small files elsewhere) and arrives, exactly once, when the store has room again."""
    path = tmp_path / "vol.sqlite"
    env = {**os.environ, "DATAVAARDIG_DB": f"sqlite:///{path}", "DATAVAARDIG_HOME": str(tmp_path / "home")}
    proc = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(path)], capture_output=True, text=True, timeout=300, env=env
    )
    assert proc.returncode == 0, proc.stderr
    assert "Goed zo!" in proc.stdout and "Tel de rijen" in proc.stdout
    assert proc.stdout.rstrip().endswith("UITKOMST correct")
    recorded = 200 + 1  # the checks and the hint (the bound namespace holds no question: no lesson events)
    waiting = list((tmp_path / "home" / "data" / "wachtrij").glob("*/*.json"))
    with ProgressStore(f"sqlite:///{path}") as store:  # the store is still readable afterwards
        assert waiting and store.count() - 50 + len(waiting) == recorded
    deliver = subprocess.run([sys.executable, "-c", DELIVER], capture_output=True, text=True, timeout=120, env=env)
    assert deliver.returncode == 0, deliver.stderr
    with ProgressStore(f"sqlite:///{path}") as store:
        assert store.count() - 50 == recorded
    assert not list((tmp_path / "home" / "data" / "wachtrij").glob("*/*.json"))


def test_read_only_postgres_never_breaks_a_check(postgres_url, monkeypatch, capsys, caplog, tmp_path):
    """A store that refuses writes: the check answers, the events wait and arrive once it takes them again."""
    monkeypatch.setenv("DATAVAARDIG_HOME", str(tmp_path))
    database = f"alleen_lezen_{os.getpid()}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{database}"')
    writable = postgres_url.rsplit("/", 1)[0] + "/" + database
    ProgressStore(writable).ensure_schema()
    read_only = writable + "?options=-c%20default_transaction_read_only%3Don"
    monkeypatch.setenv("DATAVAARDIG_DB", read_only)
    tracking.reset()
    (q1,) = lesson_questions("tabellen", "02-les", Aantal)
    bind({"aantal": 23})
    with caplog.at_level(logging.INFO, logger="datavaardig"):
        q1.check()
        q1.hint()
    assert q1.last_result.outcome is Outcome.CORRECT
    out = capsys.readouterr().out
    assert "Goed zo!" in out and "Tel de rijen" in out
    assert not any("niet opgeslagen" in r.getMessage() for r in caplog.records)  # kept, so nothing to alarm
    assert any("bewaard" in r.getMessage() for r in caplog.records)
    with ProgressStore(writable) as store:
        assert store.count() == 0
    monkeypatch.setenv("DATAVAARDIG_DB", writable)
    tracking.flush()
    tracking.flush()  # twice: nothing is stored twice
    tracking.reset()
    with ProgressStore(writable) as store:
        kinds = sorted(e["interaction"] for e in store.events())
    assert kinds == ["check", "hint"]
