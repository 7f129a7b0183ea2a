"""`lesson_questions(course, lesson, *classes)`: one lesson's questions as q1, q2, … with stable ids."""
from __future__ import annotations

from .question import Question


def lesson_questions(course: str, lesson: str, *classes: type[Question]) -> tuple[Question, ...]:
    """Instantiate the lesson's question classes in order; q1 is the first class.

    Ids ("course/lesson/qN") are what progress events and reports refer to, so the order of a
    lesson's questions must stay stable once learners have used it.
    """
    for cls in classes:
        if not (isinstance(cls, type) and issubclass(cls, Question)):
            raise TypeError(f"lesson_questions expects question classes, got {cls!r}.")
    return tuple(cls(course, lesson, number) for number, cls in enumerate(classes, start=1))
