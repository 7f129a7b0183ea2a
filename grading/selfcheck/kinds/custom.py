"""CustomQuestion: `def test(self, zware_bevingen, df)` — parameter names are the learner's variables."""

from __future__ import annotations

import inspect
from typing import ClassVar

from datavaardig.grading.selfcheck.messages import msg
from datavaardig.grading.selfcheck.outcomes import Incorrect
from datavaardig.grading.selfcheck.question import Question, Verdict, learner_error

__all__ = ["CustomQuestion"]


class CustomQuestion(Question):
    kind: ClassVar[str] = "custom"

    def test(self, *args) -> None:
        """Return normally when the answer is right; `raise Incorrect("…")` when it is not."""
        raise NotImplementedError("A CustomQuestion needs a test(self, <learner variables>) method.")

    def variables(self) -> list[str]:
        return [name for name in inspect.signature(self.test).parameters]

    def evaluate(self) -> Verdict:
        values = [self.learner_value(name) for name in self.variables()]
        try:
            self.test(*values)
        except Incorrect as incorrect:
            return self.verdict_incorrect([str(incorrect) or msg("custom_incorrect")])
        except AssertionError as failed:  # a plain `assert` in a test reads as "not right yet"
            return self.verdict_incorrect([str(failed) or msg("custom_incorrect")])
        except Exception as error:
            return learner_error(error)
        return self.verdict_correct()
