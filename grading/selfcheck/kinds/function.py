"""FunctionQuestion: the learner writes a function; it is called on `cases` and compared with `reference`.

The first failing input is named with what the learner's function returned, never what it should
have returned.
"""

from __future__ import annotations

import copy
from typing import ClassVar

from datavaardig.grading.selfcheck.compare.scalars import explain
from datavaardig.grading.selfcheck.kinds.equality import EqualityQuestion
from datavaardig.grading.selfcheck.messages import msg
from datavaardig.grading.selfcheck.outcomes import Outcome
from datavaardig.grading.selfcheck.placeholder import contains_placeholder
from datavaardig.grading.selfcheck.question import (
    Stop,
    Verdict,
    call_class_value,
    class_value,
    learner_error,
    not_attempted,
)
from datavaardig.grading.selfcheck.values import describe, type_name

__all__ = ["FunctionQuestion"]


class FunctionQuestion(EqualityQuestion):
    kind: ClassVar[str] = "function"
    cases = ()  # argument tuples, or a callable returning them (e.g. when they need a dataset)
    reference = None  # the correct function, written without self

    def case_list(self) -> list[tuple]:
        raw = class_value(self, "cases")
        cases = call_class_value(self, "cases") if callable(raw) else raw
        return [case if isinstance(case, tuple) else (case,) for case in cases]

    def evaluate(self) -> Verdict:
        cases = self.case_list()
        expected = [call_class_value(self, "reference", *copy.deepcopy(case)) for case in cases]
        function = self.learner_value(self.var)
        if not callable(function):
            line = msg("function_not_callable", var=self.var, actual_type=type_name(function))
            raise Stop(self.verdict_incorrect([line]))
        rules = self.rules()
        for case, wanted in zip(cases, expected):
            call = _call_text(self.var, case)
            try:
                returned = function(*copy.deepcopy(case))  # a copy: the learner's function may change its input
            except Exception as error:
                return learner_error(error, "function_error", call=call)
            if contains_placeholder(returned):
                return not_attempted()
            try:
                differences = explain(returned, wanted, rules)
            except Exception as error:
                return learner_error(error)
            if differences:
                repeated = msg("text_wrong", actual=describe(returned))  # already said by the first line
                differences = [line for line in differences if line != repeated]
                key = "function_none" if returned is None and wanted is not None else "function_wrong"
                return self.verdict_incorrect([msg(key, call=call, actual=describe(returned)), *differences])
        return Verdict(Outcome.CORRECT, (msg("function_correct", count=len(cases)),))


def _call_text(name: str, case: tuple) -> str:
    return f"{name}({', '.join(describe(arg) for arg in case)})"
