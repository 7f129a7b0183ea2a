"""Records one progress event per check, hint and solution, and never lets tracking break a cell.

Stores are cached per database URL for the life of the kernel, so a check costs one INSERT, not an
engine, a schema check and a migration. An event the store cannot take now (busy beyond its retries,
down, being created) waits in the learner's outbox (outbox.py) and is delivered, exactly once, with a
later event of the same kernel or by `flush()`. Only an event that cannot even be kept is reported.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timezone

from datavaardig import settings
from datavaardig.progress.outbox import Outbox, outbox_folder

__all__ = ["flush", "record_event", "record_lesson_event", "reset", "store_for"]

logger = logging.getLogger("datavaardig.progress.tracking")

_stores: dict = {}
_outboxes: dict[str, Outbox] = {}
_maybe_waiting: set[str] = set()  # store URLs whose outbox may hold events (checked once per kernel, then on demand)
_checked: set[str] = set()
_warned: set[tuple[str, str]] = set()


def store_for(url: str):
    store = _stores.get(url)
    if store is None:
        from datavaardig.progress.store import ProgressStore  # SQLAlchemy only once a learner actually checks something

        store = _stores[url] = ProgressStore(url)
    return store


def _outbox_for(url: str) -> Outbox:
    outbox = _outboxes.get(url)
    if outbox is None:
        from sqlalchemy.engine import make_url

        # The store itself (backend, host, port, database), not how one connects to it: a read-only or a
        # differently tuned connection to the same store shares its outbox. Never the password.
        parts = make_url(url)
        label = f"{parts.get_backend_name()}://{parts.host or ''}:{parts.port or ''}/{parts.database or ''}"
        outbox = _outboxes[url] = Outbox(outbox_folder(settings.data_dir(), label))
    return outbox


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
        # The id and the moment are fixed now, so a delivery from the outbox later is the same event.
        event.update(learner=settings.learner(), occurred_at=datetime.now(timezone.utc), event_uid=uuid.uuid4().hex)
    except Exception as error:  # a learner's cell must never fail because tracking did
        _lost(url, error)
        return
    if url not in _checked:  # a new kernel: events a previous one had to keep go first
        _checked.add(url)
        _maybe_waiting.add(url)
    try:
        if url in _maybe_waiting:
            _deliver_waiting(url)
        store_for(url).record_many([event])
    except Exception as error:  # store down, busy beyond its retries, full disk …: keep the event
        _keep(url, event, error)


def _keep(url: str, event: dict, reason: Exception) -> None:
    from datavaardig.progress.store import StoreBusy

    try:
        _outbox_for(url).put([event])
    except Exception as error:  # not even the learner's own disk takes it: only now is it lost
        _lost(url, error)
        return
    _maybe_waiting.add(url)
    # A busy store (a workshop's first minute) is nothing to mention; a store that is broken, read-only or
    # unreachable needs someone to act, so say it once, without alarming: nothing is lost.
    key = (url, type(reason).__name__)
    level = logging.INFO if isinstance(reason, StoreBusy) or key in _warned else logging.WARNING
    _warned.add(key)
    logger.log(level, "Je voortgang is bewaard op deze computer en wordt later opgeslagen. %s", reason)


def _deliver_waiting(url: str) -> None:
    """Hand the outbox's events to the store, oldest first; each file goes once the store has its event."""
    outbox = _outbox_for(url)
    store = store_for(url)
    while True:
        batch = outbox.take()
        if not batch:
            _maybe_waiting.discard(url)
            return
        store.record_many([event for _path, event in batch])  # a repeated event is skipped by its id
        outbox.remove([path for path, _event in batch])


def flush() -> None:
    """Deliver what this kernel's learner has waiting, for every store used (the end of a session, tests)."""
    for url in list(_maybe_waiting | {settings.db_url()}):
        try:
            _deliver_waiting(url)
        except Exception as error:  # still waiting; the next check tries again
            logger.info("Voortgang wacht nog op de opslag (%s).", error)


def _lost(url: str, error: Exception) -> None:
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
    _outboxes.clear()
    _maybe_waiting.clear()
    _checked.clear()
    _warned.clear()
