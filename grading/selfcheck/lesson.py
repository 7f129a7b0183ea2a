"""A lesson's questions: made from its exercise module (`lesson_questions`), bound to the notebook (`bind`),
and described for course listings and progress plans (`question_infos`)."""

from __future__ import annotations

import importlib
import re
from collections.abc import MutableMapping
from dataclasses import dataclass
from types import ModuleType

from datavaardig.courses import Lesson
from datavaardig.grading.selfcheck import binder, error_display
from datavaardig.grading.selfcheck.question import Question
from datavaardig.progress.tracking import record_lesson_event

__all__ = ["QuestionInfo", "bind", "lesson_module", "lesson_question_infos", "lesson_questions", "question_infos"]


def lesson_questions(course: str, lesson: str, *classes: type[Question]) -> tuple[Question, ...]:
    """Instantiate the lesson's question classes in order; q1 is the first class.

    Ids ("course/lesson/qN") are what progress events and reports refer to, so the order of a
    lesson's questions must stay stable once learners have used it.
    """
    for cls in classes:
        if not (isinstance(cls, type) and issubclass(cls, Question)):
            raise TypeError(f"lesson_questions expects question classes, got {cls!r}.")
    return tuple(cls(course, lesson, number) for number, cls in enumerate(classes, start=1))


def bind(namespace: MutableMapping) -> None:
    """Let every question read the learner's variables from `namespace` (`dv.bind(globals())`), explain
    beginners' errors in Dutch under the cells of this kernel, and record that the notebook's lessons were
    opened."""
    binder.set_namespace(namespace)
    error_display.install()
    for course, lesson in _lessons_in(namespace):
        record_lesson_event(course, lesson, "lesson_opened")


def _lessons_in(namespace: MutableMapping) -> list[tuple[str, str]]:
    """The lessons whose questions the notebook imported, in the order they appear."""
    seen: dict[tuple[str, str], None] = {}
    for value in list(namespace.values()):
        if isinstance(value, Question):
            seen.setdefault((value.course, value.lesson), None)
    return list(seen)


@dataclass(frozen=True)
class QuestionInfo:
    """A question as a course listing shows it."""

    name: str  # the name the learner types: q1, q2, …
    id: str  # the id progress events carry: <course>/<lesson>/qN
    cls: str  # the question's class name in the exercise module
    kind: str  # equality | function | figure | choice | reflection | custom
    variables: tuple[str, ...]  # the learner variables (or function / figure) the check reads
    prompt: str  # the question text (the class docstring)


def _variables(question: Question) -> tuple[str, ...]:
    # A custom question reads the parameters of its test(); every other kind reads one `var`.
    if hasattr(question, "variables"):
        return tuple(question.variables())
    return (question.var,) if question.var else ()


def question_infos(module) -> list[QuestionInfo]:
    """The questions a lesson module hands the learner (`q1, q2, …` in `__all__`), in number order."""
    names = [n for n in getattr(module, "__all__", vars(module)) if re.fullmatch(r"q\d+", n)]
    infos = []
    for name in sorted(names, key=lambda n: int(n[1:])):
        question = getattr(module, name)
        if not isinstance(question, Question):
            continue
        infos.append(
            QuestionInfo(
                name=name,
                id=question.id,
                cls=type(question).__name__,
                kind=question.kind,
                variables=_variables(question),
                prompt=" ".join(question.text.split()),
            )
        )
    return infos


def lesson_module(lesson: Lesson) -> ModuleType:
    """The lesson's exercise module (course.yml names it), imported."""
    return importlib.import_module(lesson.exercises)


def lesson_question_infos(lesson: Lesson) -> list[QuestionInfo]:
    """The questions of one lesson of a course, in number order."""
    return question_infos(lesson_module(lesson))
