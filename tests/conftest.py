"""Shared test set-up: an isolated datavaardig home per test session, the real raw data mirror, and a fresh
progress store and bound notebook namespace for the tests that check questions (self-check and progress)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from xdist.scheduler import LoadScopeScheduling

from tests.support.paths import REPO

BIN = Path(sys.executable).parent


@pytest.fixture(scope="session", autouse=True)
def isolated_home(tmp_path_factory):
    """Cache, progress store and nbgrader course root of the tests never touch the user's own."""
    home = tmp_path_factory.mktemp("dvhome")
    old = {k: os.environ.get(k) for k in ("DATAVAARDIG_HOME", "DATAVAARDIG_LEARNER", "DATAVAARDIG_DB")}
    os.environ["DATAVAARDIG_HOME"] = str(home)
    os.environ["DATAVAARDIG_LEARNER"] = "testleerling"
    os.environ.pop("DATAVAARDIG_DB", None)
    # nbgrader's gradebook calls `alembic` from PATH: the environment's bin folder must be on it.
    os.environ["PATH"] = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"
    yield home
    for key, value in old.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session")
def mirror() -> Path:
    """The raw-data mirror; without it (and without internet) the data tests cannot run."""
    value = os.environ.get("DATAVAARDIG_DATA")
    if not value:
        candidate = REPO.parent / "shared" / "datasets" / "raw"
        if candidate.is_dir():
            os.environ["DATAVAARDIG_DATA"] = str(candidate)
            value = str(candidate)
    assert value, "Set DATAVAARDIG_DATA to the raw-data mirror (see README)."
    return Path(value)


@pytest.fixture(scope="session")
def hub(mirror):
    """One real `datavaardig hub --demo` for the whole session (tests/hub and the hub's browser tests): demo
    accounts as real Linux accounts (`dvt-…`), removed again afterwards, with a previous run's leftovers."""
    from tests.support.hub import HubProcess, clean_accounts

    assert os.geteuid() == 0, "the hub tests create Linux accounts: run them as root (CI does)"
    assert shutil.which("configurable-http-proxy"), "run `bash deploy/system-packages.sh` (as root) first"
    # Under pytest-xdist each worker has its own hub: its own account prefix, so no worker removes another's.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    prefix = f"dvt{worker}-" if worker else "dvt-"
    clean_accounts(prefix)
    process = HubProcess(prefix=prefix)
    try:
        yield process.start()
    finally:
        process.close()


@pytest.fixture
def store_url(tmp_path, monkeypatch):
    """Every test writes its progress events to its own fresh SQLite store."""
    from datavaardig.progress import tracking

    url = f"sqlite:///{tmp_path / 'voortgang.sqlite'}"
    monkeypatch.setenv("DATAVAARDIG_DB", url)
    tracking.reset()
    yield url
    tracking.reset()


@pytest.fixture
def ns(store_url):
    """The learner's notebook namespace, bound as `dv.bind(globals())` would."""
    from datavaardig.grading.selfcheck import binder

    namespace: dict = {}
    binder.set_namespace(namespace)
    yield namespace
    binder.unbind()


# Modules whose tests share nothing expensive: each test is its own unit of work (a kernel per lesson).
INDEPENDENT_MODULES = {
    "tests/courses/test_lessons_execute.py",
    "tests/widgets/test_dashboards_run.py",
    "tests/progress/test_reliability.py",
    "tests/progress/test_store_concurrency.py",
}


class _WorkUnits(LoadScopeScheduling):
    """How `make test` (`-n auto`) shares the tests between two workers.

    A module is one unit, so a module-scoped set-up (a graded course, a released assignment) is built once;
    the browser tests are one unit, so one warm `datavaardig demo` and one Chromium serve them all; the
    modules above are split test by test. (xdist's own `loadgroup` marks do not reach its scheduler under
    pytest 9, hence this scheduler.)
    """

    def _split_scope(self, nodeid: str) -> str:
        module = nodeid.split("::", 1)[0]
        if module.startswith("tests/browser/"):
            return "tests/browser"
        return nodeid if module in INDEPENDENT_MODULES else module


def pytest_xdist_make_scheduler(config, log):
    return _WorkUnits(config, log)
