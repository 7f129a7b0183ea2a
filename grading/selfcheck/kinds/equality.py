"""EqualityQuestion: the learner's variable must equal an expected value, with explained differences.

What counts is declared on the class, so the question text and its check say the same thing: `ordered = True`
only when the question asks for an order, `decimals = 1` when it asks to round ("op één decimaal"),
`check_index` when row labels must (or must not) count. `mistakes` names known wrong answers and what causes
them, so a learner who made one hears the cause instead of a generic "klopt niet".
"""

from __future__ import annotations

from typing import ClassVar

from datavaardig.grading.selfcheck.compare.scalars import Rules, explain, same
from datavaardig.grading.selfcheck.question import Question, Verdict, call_class_value, class_value, learner_error

__all__ = ["EqualityQuestion"]

_UNSET = object()


class EqualityQuestion(Question):
    """Compare `var` with `expected` (a callable, computed once on first check, or a plain value)."""

    kind: ClassVar[str] = "equality"
    expected = None
    tolerance: ClassVar[float | None] = None  # absolute, for numbers and numeric columns
    rel_tolerance: ClassVar[float] = 1e-9
    decimals: ClassVar[int | None] = None  # the question asks to round to this many decimals
    ignore_case: ClassVar[bool] = False
    strip: ClassVar[bool] = True
    ordered: ClassVar[bool] = False  # True only when the question asks for an order
    key: ClassVar[str | list[str] | None] = None
    check_index: ClassVar[bool | None] = None  # None: labels count when they carry meaning
    check_dtype: ClassVar[bool] = True
    check_column_order: ClassVar[bool] = False
    check_name: ClassVar[bool] = False
    direction_hints: ClassVar[bool] = False  # "te groot"/"te klein" only where a direction helps
    # (callable giving a typical wrong answer, Dutch sentence naming its cause); checked after "not equal".
    mistakes: ClassVar[list | tuple] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._expected = _UNSET
        self._mistakes = None

    def rules(self) -> Rules:
        return Rules(
            tolerance=self.tolerance,
            rel_tolerance=self.rel_tolerance,
            decimals=self.decimals,
            ignore_case=self.ignore_case,
            strip=self.strip,
            ordered=self.ordered,
            key=self.key,
            check_index=self.check_index,
            check_dtype=self.check_dtype,
            check_column_order=self.check_column_order,
            check_name=self.check_name,
            direction_hints=self.direction_hints,
        )

    def expected_value(self):
        """The expected answer, computed once (loading a dataset is the slow part)."""
        if self._expected is _UNSET:
            raw = class_value(self, "expected")
            self._expected = call_class_value(self, "expected") if callable(raw) else raw
        return self._expected

    def known_mistakes(self) -> list[tuple[object, str]]:
        """(wrong value, cause) for each declared mistake, computed once like `expected`."""
        if self._mistakes is None:
            self._mistakes = [(value() if callable(value) else value, cause) for value, cause in self.mistakes]
        return self._mistakes

    def evaluate(self) -> Verdict:
        expected = self.expected_value()  # before the learner's value: a broken question is not their error
        actual = self.learner_value(self.var)
        rules = self.rules()
        try:
            differences = explain(actual, expected, rules)
        except Exception as error:  # e.g. a learner object whose == raises
            return learner_error(error)
        if not differences:
            return self.verdict_correct()
        # Outside the try above: computing a mistake is the question's work, so its failure is not the learner's.
        for wrong, cause in self.known_mistakes():
            if _same_quietly(actual, wrong, rules):
                return self.verdict_incorrect([cause])
        return self.verdict_incorrect(differences)


def _same_quietly(actual, wrong, rules: Rules) -> bool:
    try:
        return same(actual, wrong, rules)
    except Exception:  # the learner's object cannot be compared with this mistake: it is not this mistake
        return False
