"""Self-check questions for lessons, and the progress store behind them.

A lesson's exercise module declares question classes and ends with `lesson_questions(...)`; the
notebook binds its variables with `dv.bind(globals())` and calls `q1.check()`, `q1.hint()`,
`q1.solution()`. Importing this package loads neither pandas nor SQLAlchemy: those come when a
question about a table is checked or the first progress event is written.
"""
from __future__ import annotations

from .binder import bind
from .choice import ChoiceQuestion, ReflectionQuestion
from .custom import CustomQuestion
from .display import Feedback
from .equality import EqualityQuestion
from .figure import FigureQuestion
from .function import FunctionQuestion
from .lesson import lesson_questions
from .outcome import CheckResult, Incorrect, Outcome
from .placeholder import ____
from .question import Question

__all__ = [
    "EqualityQuestion", "FunctionQuestion", "FigureQuestion", "ChoiceQuestion", "ReflectionQuestion",
    "CustomQuestion", "Question", "Incorrect", "Outcome", "CheckResult", "Feedback", "lesson_questions",
    "bind", "____",
]
