"""What a check concluded: one of five outcomes plus the message the learner saw."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

__all__ = ["CheckResult", "DONE", "Incorrect", "Outcome"]


class Outcome(enum.Enum):
    CORRECT = "correct"
    INCORRECT = "incorrect"
    NOT_ATTEMPTED = "not_attempted"
    # The learner's value or function raised (or the check could not run): said kindly, never a traceback.
    ERROR = "error"
    # Free text that names what the question asks for: whether it is true only a reader can judge, so the
    # learner compares it with a model answer ("zelf nakijken"). Never "klopt"; counts as done.
    SELF_REVIEW = "self_review"


@dataclass(frozen=True)
class CheckResult:
    """The result of the last `check()`; `message` is the plain text the learner saw."""

    outcome: Outcome
    message: str
    details: tuple[str, ...] = field(default=())

    @property
    def correct(self) -> bool:
        return self.outcome is Outcome.CORRECT

    @property
    def done(self) -> bool:
        """Nothing left for the learner to do: right, or written and compared with the model answer."""
        return self.outcome in DONE


DONE = frozenset({Outcome.CORRECT, Outcome.SELF_REVIEW})


class Incorrect(Exception):
    """Raised inside `CustomQuestion.test` with a Dutch message saying what is not right yet."""
