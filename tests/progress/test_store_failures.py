"""A missing, locked, read-only or broken store never breaks the learner's check, and loses nothing: the
events wait in the learner's outbox (a store that needs someone to act is logged once)."""

from __future__ import annotations

import logging
import sqlite3

import pytest

from datavaardig.errors import DatavaardigError
from datavaardig.grading.selfcheck import EqualityQuestion, Outcome, lesson_questions
from datavaardig.progress import tracking
from datavaardig.progress.store import ProgressStore, ProgressStoreError, StoreCorrupt, StoreUnavailable


class Aantal(EqualityQuestion):
    var = "aantal"
    expected = 23
    hints = ["Tel de rijen."]
    solution = "aantal = len(df)"


def check_everything(ns, capsys, caplog):
    """Check, hint and solution all still show their feedback; return the logged warnings."""
    (q1,) = lesson_questions("tabellen", "02-les", Aantal)
    ns["aantal"] = 23
    with caplog.at_level(logging.WARNING, logger="datavaardig"):
        q1.check()
        q1.hint()
        q1.solution()
    printed = capsys.readouterr().out
    assert q1.last_result.outcome is Outcome.CORRECT
    assert "Goed zo!" in printed and "Tel de rijen" in printed and "aantal = len(df)" in printed
    return [r for r in caplog.records if r.levelno == logging.WARNING]


def use(monkeypatch, url: str) -> None:
    monkeypatch.setenv("DATAVAARDIG_DB", url)
    tracking.reset()


def waiting(home) -> int:
    """Events kept in the learner's outbox (DATAVAARDIG_HOME is the test's own folder)."""
    return len(list((home / "data" / "wachtrij").glob("*/*.json")))


@pytest.fixture(autouse=True)
def own_home(tmp_path, monkeypatch):
    monkeypatch.setenv("DATAVAARDIG_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_broken_file(ns, tmp_path, monkeypatch, capsys, caplog, own_home):
    broken = tmp_path / "kapot.sqlite"
    broken.write_bytes(b"dit is geen database\n" * 200)
    use(monkeypatch, f"sqlite:///{broken}")
    warnings = check_everything(ns, capsys, caplog)
    assert len(warnings) == 1 and "bewaard" in warnings[0].getMessage()  # once, not per cell
    assert "beschadigd" in warnings[0].getMessage()
    assert waiting(own_home) == 3  # check, hint, solution


def test_read_only_store(ns, tmp_path, monkeypatch, capsys, caplog, own_home):
    path = tmp_path / "alleen-lezen.sqlite"
    sqlite3.connect(path).close()
    # Root ignores file modes, so open read-only through SQLite itself.
    use(monkeypatch, f"sqlite:///file:{path}?mode=ro&uri=true")
    warnings = check_everything(ns, capsys, caplog)
    assert warnings and "alleen-lezen" in warnings[0].getMessage()
    assert waiting(own_home) == 3


def test_locked_store(ns, store_url, monkeypatch, capsys, caplog, own_home):
    """Busy beyond the retries: nothing to tell the learner, the events wait and arrive once, in order."""
    ProgressStore(store_url).ensure_schema()
    use(monkeypatch, store_url + "?timeout=0.2")
    holder = sqlite3.connect(store_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        warnings = check_everything(ns, capsys, caplog)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert warnings == [] and waiting(own_home) == 3
    tracking.flush()
    tracking.flush()
    assert waiting(own_home) == 0
    with ProgressStore(store_url) as store:
        assert [e["interaction"] for e in store.events()] == ["check", "hint", "solution"]


def test_missing_folder_that_cannot_be_made(ns, tmp_path, monkeypatch, capsys, caplog, own_home):
    blocker = tmp_path / "een-bestand"
    blocker.write_text("geen map")
    use(monkeypatch, f"sqlite:///{blocker / 'sub' / 'voortgang.sqlite'}")
    warnings = check_everything(ns, capsys, caplog)
    assert warnings and "map" in warnings[0].getMessage()
    assert waiting(own_home) == 3


def test_nothing_to_keep_it_in_says_not_saved(ns, tmp_path, monkeypatch, capsys, caplog, own_home):
    """Store and outbox both unusable: only then is the learner told progress was not saved."""
    blocker = tmp_path / "een-bestand"
    blocker.write_text("geen map")
    own_home.write_text("geen map")  # the learner's data folder cannot be made either
    use(monkeypatch, f"sqlite:///{blocker / 'sub' / 'voortgang.sqlite'}")
    warnings = check_everything(ns, capsys, caplog)
    assert len(warnings) == 1 and "niet opgeslagen" in warnings[0].getMessage()


def test_unreachable_server(ns, monkeypatch, capsys, caplog, own_home):
    use(monkeypatch, "postgresql+psycopg://leerling:geheim@127.0.0.1:9/voortgang?connect_timeout=1")
    warnings = check_everything(ns, capsys, caplog)
    assert warnings and "geheim" not in warnings[0].getMessage()  # passwords never reach a log
    assert waiting(own_home) == 3
    assert not any("geheim" in p.read_text() for p in (own_home / "data" / "wachtrij").glob("*/*.json"))


def test_store_raises_domain_errors(tmp_path):
    broken = tmp_path / "kapot.sqlite"
    broken.write_bytes(b"x" * 4096)
    with pytest.raises(StoreCorrupt) as corrupt:
        ProgressStore(f"sqlite:///{broken}").record(learner="a", course="c", lesson="l", interaction="check")
    assert isinstance(corrupt.value, DatavaardigError) and str(broken) in str(corrupt.value)
    path = tmp_path / "ro.sqlite"
    sqlite3.connect(path).close()
    with pytest.raises(StoreUnavailable):
        ProgressStore(f"sqlite:///file:{path}?mode=ro&uri=true").record(
            learner="a", course="c", lesson="l", interaction="hint"
        )
    assert issubclass(StoreUnavailable, ProgressStoreError)


def test_programming_mistakes_are_not_swallowed_by_the_store(tmp_path):
    store = ProgressStore(f"sqlite:///{tmp_path / 's.sqlite'}")
    with pytest.raises(ValueError):
        store.record(learner="a", course="c", lesson="l", interaction="gokken")
