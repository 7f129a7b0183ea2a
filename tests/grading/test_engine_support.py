"""Shared helpers for the self-check engine tests (imported by test_engine_*.py, test_store_*.py)."""
from __future__ import annotations

import pytest

from datavaardig.grading import binder, tracking


@pytest.fixture
def store_url(tmp_path, monkeypatch):
    """Every test writes its progress events to its own fresh SQLite store."""
    url = f"sqlite:///{tmp_path / 'voortgang.sqlite'}"
    monkeypatch.setenv("DATAVAARDIG_DB", url)
    tracking.reset()
    yield url
    tracking.reset()


@pytest.fixture
def ns(store_url):
    """The learner's notebook namespace, bound as `dv.bind(globals())` would."""
    namespace: dict = {}
    binder.bind(namespace)
    yield namespace
    binder.unbind()


def run(question, capsys):
    """Check a question the way a learner does; return the result and exactly what was printed."""
    assert question.check() is None  # a notebook would echo a return value a second time
    printed = capsys.readouterr().out
    assert printed.strip() == question.last_result.message.strip()
    return question.last_result, printed
