"""Records one progress event per check, hint and solution, and never lets tracking break a cell.

Stores are cached per database URL for the life of the kernel, so a check costs one INSERT, not an
engine, a schema check and a migration.
"""

from __future__ import annotations

import logging

from datavaardig import settings

__all__ = ["record_event", "record_lesson_event", "reset", "store_for"]

logger = logging.getLogger("datavaardig.progress.tracking")

_stores: dict = {}
_warned: set[tuple[str, str]] = set()


def store_for(url: str):
    store = _stores.get(url)
    if store is None:
        from datavaardig.progress.store import ProgressStore  # SQLAlchemy only once a learner actually checks something

        store = _stores[url] = ProgressStore(url)
    return store


def record_event(question, interaction: str, *, outcome: str | None = None, hint_number: int | None = None) -> None:
    _record(
        dict(
            course=question.course,
            lesson=question.lesson,
            question=question.id,
            question_kind=question.kind,
            interaction=interaction,
            outcome=outcome,
            hint_number=hint_number,
        )
    )


def record_lesson_event(course: str, lesson: str, interaction: str) -> None:
    """`lesson_opened` (the notebook bound its questions) or `lesson_finished` (all its questions correct)."""
    _record(dict(course=course, lesson=lesson, interaction=interaction))


def _record(event: dict) -> None:
    url = "?"
    try:
        url = settings.db_url()
        store_for(url).record(learner=settings.learner(), **event)
    except Exception as error:  # anything: a learner's cell must never fail because tracking did
        # Warn once per store and kind of failure; repeating it under every check would drown the lesson.
        key = (url, type(error).__name__)
        level = logging.DEBUG if key in _warned else logging.WARNING
        _warned.add(key)
        logger.log(level, "Je voortgang is niet opgeslagen; je controle werkt gewoon. %s", error)


def reset() -> None:
    """Close and forget cached stores (tests, or after changing DATAVAARDIG_DB in a kernel)."""
    for store in _stores.values():
        store.close()
    _stores.clear()
    _warned.clear()
