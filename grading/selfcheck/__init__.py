"""Self-check questions for lessons: what an exercise module declares and a learner calls.

A lesson's exercise module declares question classes and ends with `lesson_questions(...)`; the
notebook binds its variables with `dv.bind(globals())` and calls `q1.check()`, `q1.hint()`,
`q1.solution()`. Importing this package loads neither pandas nor SQLAlchemy: those come when a
question about a table is checked or the first progress event is written.

Where things are: `question.py` (check, hint, solution, one event each), `kinds/` (one module per kind
of question), `compare/` (explained differences: scalars, tables, figures), `messages.py` (every
sentence a learner reads), `binder.py` (the learner's variables), `lesson.py` (binding a lesson).
"""

from __future__ import annotations

from datavaardig.grading.selfcheck.display import Feedback
from datavaardig.grading.selfcheck.kinds.choice import ChoiceQuestion, ReflectionQuestion
from datavaardig.grading.selfcheck.kinds.custom import CustomQuestion
from datavaardig.grading.selfcheck.kinds.equality import EqualityQuestion
from datavaardig.grading.selfcheck.kinds.figure import FigureQuestion
from datavaardig.grading.selfcheck.kinds.function import FunctionQuestion
from datavaardig.grading.selfcheck.lesson import bind, lesson_questions
from datavaardig.grading.selfcheck.outcomes import CheckResult, Incorrect, Outcome
from datavaardig.grading.selfcheck.placeholder import ____
from datavaardig.grading.selfcheck.question import Question

__all__ = [
    "EqualityQuestion",
    "FunctionQuestion",
    "FigureQuestion",
    "ChoiceQuestion",
    "ReflectionQuestion",
    "CustomQuestion",
    "Question",
    "Incorrect",
    "Outcome",
    "CheckResult",
    "Feedback",
    "lesson_questions",
    "bind",
    "____",
]
