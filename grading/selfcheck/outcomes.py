"""What a check concluded: one of four outcomes plus the message the learner saw."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

__all__ = ["CheckResult", "Incorrect", "Outcome"]


class Outcome(enum.Enum):
    CORRECT = "correct"
    INCORRECT = "incorrect"
    NOT_ATTEMPTED = "not_attempted"
    # The learner's value or function raised (or the check could not run): said kindly, never a traceback.
    ERROR = "error"


@dataclass(frozen=True)
class CheckResult:
    """The result of the last `check()`; `message` is the plain text the learner saw."""

    outcome: Outcome
    message: str
    details: tuple[str, ...] = field(default=())

    @property
    def correct(self) -> bool:
        return self.outcome is Outcome.CORRECT


class Incorrect(Exception):
    """Raised inside `CustomQuestion.test` with a Dutch message saying what is not right yet."""
