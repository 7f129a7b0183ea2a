"""EqualityQuestion: the learner's variable must equal an expected value, with explained differences."""

from __future__ import annotations

from typing import ClassVar

from datavaardig.grading.selfcheck.compare.scalars import Rules, explain
from datavaardig.grading.selfcheck.question import Question, Verdict, call_class_value, class_value, learner_error

__all__ = ["EqualityQuestion"]

_UNSET = object()


class EqualityQuestion(Question):
    """Compare `var` with `expected` (a callable, computed once on first check, or a plain value)."""

    kind: ClassVar[str] = "equality"
    expected = None
    tolerance: ClassVar[float | None] = None  # absolute, for numbers and numeric columns
    rel_tolerance: ClassVar[float] = 1e-9
    ignore_case: ClassVar[bool] = False
    strip: ClassVar[bool] = True
    ordered: ClassVar[bool] = True
    key: ClassVar[str | list[str] | None] = None
    check_index: ClassVar[bool] = False
    check_order: ClassVar[bool] = True
    check_dtype: ClassVar[bool] = True
    check_column_order: ClassVar[bool] = False
    check_name: ClassVar[bool] = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._expected = _UNSET

    def rules(self) -> Rules:
        return Rules(
            tolerance=self.tolerance,
            rel_tolerance=self.rel_tolerance,
            ignore_case=self.ignore_case,
            strip=self.strip,
            ordered=self.ordered,
            key=self.key,
            check_index=self.check_index,
            check_order=self.check_order,
            check_dtype=self.check_dtype,
            check_column_order=self.check_column_order,
            check_name=self.check_name,
        )

    def expected_value(self):
        """The expected answer, computed once (loading a dataset is the slow part)."""
        if self._expected is _UNSET:
            raw = class_value(self, "expected")
            self._expected = call_class_value(self, "expected") if callable(raw) else raw
        return self._expected

    def evaluate(self) -> Verdict:
        expected = self.expected_value()  # before the learner's value: a broken question is not their error
        actual = self.learner_value(self.var)
        try:
            differences = explain(actual, expected, self.rules())
        except Exception as error:  # e.g. a learner object whose == raises
            return learner_error(error)
        return self.verdict_incorrect(differences) if differences else self.verdict_correct()
