"""Checking a question the way a learner does, for the self-check and progress tests."""

from __future__ import annotations

__all__ = ["run"]


def run(question, capsys):
    """Check a question the way a learner does; return the result and exactly what was printed."""
    assert question.check() is None  # a notebook would echo a return value a second time
    printed = capsys.readouterr().out
    assert printed.strip() == question.last_result.message.strip()
    return question.last_result, printed
