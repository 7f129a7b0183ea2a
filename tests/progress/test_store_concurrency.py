"""The first minute of a workshop: many learners press check at the same instant on a store nobody has used yet.

Each round starts LEARNERS real processes on a new, empty store; a barrier releases them together, so they all
create (or find) the schema at once and write their events through the same path a learner's check takes
(`tracking`). Every event must be stored exactly once and no learner may be told that progress was not saved.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import uuid

import pytest
import sqlalchemy as sa

from datavaardig.progress import tracking
from datavaardig.progress.store import ProgressStore

LEARNERS, EVENTS = 16, 10
# The race is in the first moment of a new store, so many short rounds catch it better than a few long ones.
ROUNDS = {"sqlite": 10, "postgresql": 5}
NOT_SAVED = "niet opgeslagen"


def _learner(url: str, name: str, barrier, results) -> None:
    """One learner's kernel: wait for the others, then check EVENTS questions."""
    os.environ["DATAVAARDIG_DB"] = url
    os.environ["DATAVAARDIG_LEARNER"] = name
    os.environ["DATAVAARDIG_HOME"] = os.path.join(os.environ["ROUND_HOME"], name)  # own queue, as on a hub
    warnings: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            warnings.append(record.getMessage())

    logging.getLogger("datavaardig").addHandler(Collect(level=logging.WARNING))
    tracking.reset()
    barrier.wait()
    for i in range(EVENTS):
        tracking.record_lesson_event("cursus", f"les-{i:02d}", "lesson_opened")
    tracking.flush()  # what the next check of a kernel would do: deliver anything that had to wait
    results.put((name, [w for w in warnings if NOT_SAVED in w]))


def _round(url: str, home) -> list:
    ctx = multiprocessing.get_context("fork")  # a warm fork per learner: all of them ready in milliseconds
    barrier, results = ctx.Barrier(LEARNERS), ctx.Queue()
    os.environ["ROUND_HOME"] = str(home)
    procs = [ctx.Process(target=_learner, args=(url, f"leerling{n:02d}", barrier, results)) for n in range(LEARNERS)]
    for proc in procs:
        proc.start()
    reports = [results.get(timeout=300) for _ in procs]
    for proc in procs:
        proc.join(60)
        assert proc.exitcode == 0
    return reports


def _fresh_url(db_url_factory, round_no: int) -> str:
    return db_url_factory(f"r{round_no}_{uuid.uuid4().hex[:8]}")


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_many_learners_start_at_once_on_a_new_store(backend, tmp_path, request):
    if backend == "sqlite":

        def new_url(name):
            return f"sqlite:///{tmp_path / name / 'voortgang.sqlite'}"

    else:
        server = request.getfixturevalue("postgres_url")
        admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")

        def new_url(name):
            with admin.connect() as conn:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
            return server.rsplit("/", 1)[0] + "/" + name

    for round_no in range(ROUNDS[backend]):
        url = _fresh_url(new_url, round_no)
        reports = _round(url, tmp_path / f"home{round_no}")
        told = {name: lines for name, lines in reports if lines}
        assert told == {}, f"round {round_no}: learners were told their progress was not saved: {told}"
        with ProgressStore(url) as store:
            events = store.events()
        per_learner = {}
        for event in events:
            per_learner.setdefault(event["learner"], []).append(event["lesson"])
        assert len(events) == LEARNERS * EVENTS, f"round {round_no}: {LEARNERS * EVENTS - len(events)} events lost"
        assert all(sorted(lessons) == [f"les-{i:02d}" for i in range(EVENTS)] for lessons in per_learner.values())
        assert len(per_learner) == LEARNERS
