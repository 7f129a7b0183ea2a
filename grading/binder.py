"""Where questions read the learner's variables: the namespace the notebook hands over with `bind`.

Explicit on purpose: a check never walks call frames, so what it reads is exactly what the learner
sees in their notebook (`globals()`), and tests can bind any dict.
"""
from __future__ import annotations

from collections.abc import MutableMapping

_namespace: MutableMapping | None = None

MISSING = object()


def bind(namespace: MutableMapping) -> None:
    """Let every question read the learner's variables from `namespace` (call `dv.bind(globals())`)."""
    global _namespace
    if not isinstance(namespace, MutableMapping):
        raise TypeError(
            "dv.bind verwacht de variabelen van je notebook: schrijf `dv.bind(globals())`."
        )
    _namespace = namespace
    for course, lesson in _lessons_in(namespace):
        from .tracking import record_lesson_event

        record_lesson_event(course, lesson, "lesson_opened")


def _lessons_in(namespace: MutableMapping) -> list[tuple[str, str]]:
    """The lessons whose questions the notebook imported, in the order they appear."""
    from .question import Question  # the binder is imported by questions, not the other way round

    seen: dict[tuple[str, str], None] = {}
    for value in list(namespace.values()):
        if isinstance(value, Question):
            seen.setdefault((value.course, value.lesson), None)
    return list(seen)


def lesson_complete(course: str, lesson: str) -> bool:
    """Every question of this lesson that the notebook holds has been checked correct."""
    from .outcome import Outcome
    from .question import Question

    questions = [v for v in (_namespace or {}).values()
                 if isinstance(v, Question) and (v.course, v.lesson) == (course, lesson)]
    return bool(questions) and all(
        q.last_result is not None and q.last_result.outcome is Outcome.CORRECT for q in questions)


def unbind() -> None:
    """Forget the bound namespace (tests)."""
    global _namespace
    _namespace = None


def bound_namespace() -> MutableMapping | None:
    return _namespace


def lookup(name: str):
    """The learner's value for `name`, or MISSING when the notebook has no such variable."""
    if _namespace is None:
        return MISSING
    return _namespace.get(name, MISSING)
