"""The base of every question kind: `check()`, `hint()`, `solution()`, `last_result`, one event each.

A question is a class whose attributes are the question (CONTRIBUTING.md, "Questions as data"). A kind
implements `evaluate()`, which returns a Verdict or raises `Stop` with one; everything learner-facing
goes through messages.msg, and nothing here ever formats the expected value.
"""

from __future__ import annotations

import inspect
import logging
from dataclasses import dataclass
from typing import ClassVar

from datavaardig.grading.selfcheck import binder
from datavaardig.grading.selfcheck.display import Feedback, show_feedback
from datavaardig.grading.selfcheck.explain_errors import explain
from datavaardig.grading.selfcheck.messages import msg
from datavaardig.grading.selfcheck.outcomes import DONE, CheckResult, Outcome
from datavaardig.grading.selfcheck.placeholder import ____, contains_placeholder
from datavaardig.progress.tracking import record_event, record_lesson_event

logger = logging.getLogger("datavaardig.grading")

SYMBOLS = {
    Outcome.CORRECT: "✅",
    Outcome.INCORRECT: "❌",
    Outcome.NOT_ATTEMPTED: "✏️",
    Outcome.ERROR: "⚠️",
    Outcome.SELF_REVIEW: "🔍",
}


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    paragraphs: tuple[str, ...]
    details: tuple[str, ...] = ()
    quote: str | None = None  # shown as a quotation under the message: a model answer to compare with


class Stop(Exception):
    """Ends an evaluation early with a verdict (e.g. the variable still holds `____`)."""

    def __init__(self, verdict: Verdict):
        super().__init__(verdict.outcome.value)
        self.verdict = verdict


def class_value(question, name: str):
    """A class attribute as written, without binding: `expected = lambda: …` must not receive self."""
    raw = inspect.getattr_static(question, name, None)
    if isinstance(raw, (staticmethod, classmethod)):
        raw = raw.__get__(None, type(question))
    return raw


def call_class_value(question, name: str, *args):
    """Call a callable attribute; one written as `def f(self, …)` gets the question as self."""
    function = class_value(question, name)
    params = list(inspect.signature(function).parameters)
    if params and params[0] == "self":
        return function(question, *args)
    return function(*args)


class Question:
    kind: ClassVar[str] = "question"
    var: ClassVar[str | None] = None
    hints: ClassVar[list[str] | tuple[str, ...]] = ()
    solution_code: ClassVar[str | None] = None
    setup: ClassVar[str | None] = None  # code the lesson ran before this question (CI proofs)
    # CI proofs, written per question (tests/courses/test_question_proofs.py): other correct answers that
    # must pass, and plausible wrong answers that must fail. A wrong answer is code, or (code, words its
    # message must contain): the cause the message must point at.
    alternatives: ClassVar[list[str] | tuple[str, ...]] = ()
    wrong: ClassVar[list[str | tuple[str, str]] | tuple] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # `solution = "code"` in a question class would hide the solution() method: keep it as data.
        code = cls.__dict__.get("solution")
        if isinstance(code, str):
            cls.solution_code = code
            delattr(cls, "solution")

    def __init__(self, course: str = "", lesson: str = "", number: int | None = None):
        self.course, self.lesson, self.number = course, lesson, number
        self.name = type(self).__name__
        label = f"q{number}" if number is not None else self.name
        self.id = "/".join(part for part in (course, lesson, label) if part)
        self.qname = f"q{number}" if number is not None else "q"
        self.last_result: CheckResult | None = None
        self._hints_shown = 0

    @property
    def text(self) -> str:
        """The question in the learner's words (the class docstring)."""
        return inspect.cleandoc(type(self).__doc__ or "")

    def __repr__(self) -> str:
        return f"<{self.name} {self.id} ({self.kind})>"

    # -- the three things a learner does -----------------------------------------------------------
    def check(self) -> None:
        verdict = self._safe_evaluate()
        # Finishing a lesson is the check that makes its last question done, counted once.
        was_complete = lesson_complete(self.course, self.lesson)
        feedback = Feedback(verdict.paragraphs, verdict.details, quote=verdict.quote, symbol=SYMBOLS[verdict.outcome])
        self.last_result = CheckResult(verdict.outcome, feedback.text(), verdict.details)
        show_feedback(feedback)  # first, so a slow store never delays what the learner sees
        record_event(self, "check", outcome=verdict.outcome.value)
        if verdict.outcome in DONE and not was_complete and lesson_complete(self.course, self.lesson):
            record_lesson_event(self.course, self.lesson, "lesson_finished")

    def hint(self, n: int | None = None) -> None:
        total = len(self.hints)
        shown = None
        if total == 0:
            line = msg("hint_none")
        elif n is None and self._hints_shown >= total:
            line = msg("hint_no_more", total=total, qname=self.qname)
        else:
            wanted = self._hints_shown + 1 if n is None else n
            if isinstance(wanted, int) and 1 <= wanted <= total:
                shown = self._hints_shown = wanted
                line = msg("hint", n=wanted, total=total, hint=self.hints[wanted - 1])
            else:
                line = msg("hint_out_of_range", n=wanted, total=total)
        paragraphs = ((msg("question", text=self.text),) if self.text else ()) + (line,)
        show_feedback(Feedback(paragraphs, symbol="💡"))
        record_event(self, "hint", hint_number=shown)

    def solution(self) -> None:
        if self.solution_code:
            show_feedback(Feedback((msg("solution"),), code=self.solution_code, symbol="📖"))
        else:
            show_feedback(Feedback((msg("solution_none"),), symbol="📖"))
        record_event(self, "solution")

    # -- for kinds ---------------------------------------------------------------------------------
    def evaluate(self) -> Verdict:
        raise NotImplementedError

    def _safe_evaluate(self) -> Verdict:
        try:
            return self.evaluate()
        except Stop as stop:
            return stop.verdict
        except Exception as error:  # a bug in the question or the engine: kind words, details in the log
            logger.warning("Check %s could not run: %r", self.id, error, exc_info=logger.isEnabledFor(10))
            return Verdict(Outcome.ERROR, (msg("error_internal", error=type(error).__name__),))

    def learner_value(self, name: str):
        """The learner's variable, or Stop(not attempted) when it is missing or still `____`."""
        if binder.bound_namespace() is None:
            raise Stop(Verdict(Outcome.NOT_ATTEMPTED, (msg("not_bound"),)))
        value = binder.lookup(name)
        if value is binder.MISSING:
            raise Stop(Verdict(Outcome.NOT_ATTEMPTED, (msg("not_attempted_missing", var=name),)))
        if contains_placeholder(value):
            raise Stop(not_attempted())
        return value

    def verdict_correct(self, *paragraphs: str, details: tuple[str, ...] = ()) -> Verdict:
        return Verdict(Outcome.CORRECT, paragraphs or (msg("correct"),), tuple(details))

    def verdict_incorrect(self, details) -> Verdict:
        return Verdict(Outcome.INCORRECT, (msg("incorrect", qname=self.qname),), tuple(details))


def lesson_complete(course: str, lesson: str) -> bool:
    """Every question of this lesson that the bound notebook holds has been checked done (correct, or free
    text compared with its model answer)."""
    questions = [
        v
        for v in (binder.bound_namespace() or {}).values()
        if isinstance(v, Question) and (v.course, v.lesson) == (course, lesson)
    ]
    return bool(questions) and all(q.last_result is not None and q.last_result.done for q in questions)


def not_attempted() -> Verdict:
    return Verdict(Outcome.NOT_ATTEMPTED, (msg("not_attempted_placeholder"),))


def learner_error(error: BaseException, key: str = "error_learner", **fields) -> Verdict:
    """The learner's code raised: name the exception kindly, with the first line of its message, and explain
    it in Dutch with the fix when it is a mistake beginners make."""
    text = str(error).strip().splitlines()[0][:120] if str(error).strip() else ""
    name = type(error).__name__ + (f": {text}" if text else "")
    paragraphs = [msg(key, error=name.replace("`", "'"), **fields)]
    explanation = explain(error, binder.bound_namespace())
    if explanation:
        paragraphs.append(explanation)
    return Verdict(Outcome.ERROR, tuple(paragraphs))


__all__ = [
    "Question",
    "Verdict",
    "Stop",
    "call_class_value",
    "class_value",
    "lesson_complete",
    "not_attempted",
    "learner_error",
    "____",
]
