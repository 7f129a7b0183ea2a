"""`ProgressStore(db_url)`: append-only progress events in SQLite (WAL) or PostgreSQL.

The schema is brought to the newest Alembic revision on first use, in code (no alembic.ini from the
working directory), by one process at a time: a file lock beside a SQLite store, an advisory lock on
PostgreSQL; whoever gets the lock second finds the schema current and does nothing. A write that fails for
a passing reason (locked, busy, a deadlock victim) is tried again with backoff. Every event carries an id
of its writer's (`event_uid`), so a repeated delivery is stored once. Every database failure leaves as a
ProgressStoreError with a Dutch message.
"""

from __future__ import annotations

import contextlib
import random
import time
import uuid
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import create_engine, event, func, inspect, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from datavaardig import settings
from datavaardig.errors import DatavaardigError
from datavaardig.progress import summary
from datavaardig.progress.models import SCHEMA_REVISION, VERSION_TABLE, ProgressEvent

__all__ = [
    "DEFAULT_BUSY_TIMEOUT",
    "grade_event",
    "INTERACTIONS",
    "MIGRATIONS",
    "OUTCOMES",
    "ProgressStore",
    "ProgressStoreError",
    "StoreBusy",
    "StoreCorrupt",
    "StoreUnavailable",
]

# Lesson and grade events: issue 7 (progress tracking), revision 0002.
INTERACTIONS = ("check", "hint", "solution", "lesson_opened", "lesson_finished", "grade")
OUTCOMES = ("correct", "incorrect", "not_attempted", "error", "self_review")
DEFAULT_BUSY_TIMEOUT = 3.0  # seconds a writer waits for another one before giving up
# A write that fails for a passing reason is tried this often, waiting 0.05, 0.1, 0.2 … s (with jitter) in
# between: about 1.5 s in all on top of the busy timeouts, after which the caller keeps the event (outbox.py).
WRITE_ATTEMPTS = 6
# PostgreSQL advisory lock held while the schema is created or migrated (any constant shared by all writers).
SCHEMA_LOCK_KEY = 0x64766D67  # "dvmg"
MIGRATIONS = Path(__file__).with_name("migrations")


def grade_event(
    *, learner: str, course: str, assignment: str, score: float, max_score: float, occurred_at: datetime | None = None
) -> dict:
    """The progress event of one nbgrader grade: the assignment is the event's lesson; the newest grade counts."""
    return dict(
        learner=learner,
        course=course,
        lesson=assignment,
        interaction="grade",
        question=None,
        question_kind=None,
        outcome=None,
        hint_number=None,
        score=float(score),
        max_score=float(max_score),
        occurred_at=occurred_at or datetime.now(timezone.utc),
    )


class ProgressStoreError(DatavaardigError):
    """The progress store cannot be used; the message says which store and what to do."""


class StoreUnavailable(ProgressStoreError):
    """The store cannot be opened or written: missing folder, no permission, read-only, locked."""


class StoreBusy(StoreUnavailable):
    """A passing reason: another writer holds the store, or chose this transaction as a deadlock victim."""


class StoreCorrupt(ProgressStoreError):
    """The file exists but is not a (readable) progress store, or its schema is unknown."""


class ProgressStore:
    def __init__(self, db_url: str | URL | None = None, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT):
        self.url = make_url(db_url or settings.db_url())
        self.label = self.url.render_as_string(hide_password=True)
        self.engine = self._create_engine(busy_timeout)
        self._schema_ready = False

    # -- connection --------------------------------------------------------------------------------
    def _create_engine(self, busy_timeout: float) -> Engine:
        if self.url.get_backend_name() != "sqlite":
            return create_engine(self.url, pool_pre_ping=True)
        connect_args = {}
        if "timeout" not in self.url.query:
            connect_args["timeout"] = busy_timeout  # sqlite3's busy handler, in seconds
        database = self.url.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            try:
                Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreUnavailable(
                    f"Voortgangsopslag {self.label}: de map kan niet worden gemaakt ({error}). "
                    "Controleer DATAVAARDIG_DB of DATAVAARDIG_HOME."
                ) from error
        engine = create_engine(self.url, connect_args=connect_args)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def _translated(self):
        try:
            yield
        except SQLAlchemyError as error:
            raise _domain_error(self.label, error) from error

    # -- for the modules that read and change the store (reports, cohorts, rights) ---------------
    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection on a store whose schema is current; a database failure leaves as ProgressStoreError."""
        self.ensure_schema()
        with self._translated(), self.engine.connect() as conn:
            yield conn

    @contextlib.contextmanager
    def writing(self) -> Iterator[Connection]:
        """One transaction (committed when the block ends without an error) on a current schema."""
        self.ensure_schema()
        with self._translated(), self.engine.begin() as conn:
            yield conn

    # -- schema ------------------------------------------------------------------------------------
    def revision(self) -> str | None:
        """The schema revision the database is at (None for an empty database)."""
        with self._translated(), self.engine.connect() as conn:
            return _revision_in(conn)

    def upgrade(self) -> None:
        """Bring the schema to the newest migration (alembic upgrade head), in code, one process at a time.

        Whoever waited for the lock looks again before migrating: in a workshop's first second fifteen
        kernels find the schema made by the sixteenth, with one SELECT each instead of an Alembic run."""
        try:
            with self._migration_file_lock(), self._translated(), self.engine.begin() as conn:
                if conn.dialect.name == "postgresql":
                    # Held until this transaction ends, so the version read below is the final one.
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
                if _revision_in(conn) != SCHEMA_REVISION:
                    _alembic_upgrade(conn, self.url)
        except _alembic_error() as error:  # e.g. a store written by a newer datavaardig
            raise StoreCorrupt(
                f"Voortgangsopslag {self.label}: onbekende schemaversie ({error}). "
                "Werk datavaardig bij of gebruik een andere opslag (DATAVAARDIG_DB)."
            ) from error
        self._schema_ready = True

    @contextlib.contextmanager
    def _migration_file_lock(self):
        """SQLite creates tables outside a transaction (pysqlite commits DDL at once), so two processes
        migrating a new file race table by table. A lock file beside the store makes them take turns."""
        database = self.url.database or ""
        if (
            self.url.get_backend_name() != "sqlite"
            or not database
            or database == ":memory:"
            or database.startswith("file:")
        ):
            yield
            return
        import fcntl  # the progress store runs on Linux (laptops via `make start`, the hub, Kubernetes)

        path = Path(database).expanduser().with_name(Path(database).name + ".schema-lock")
        try:
            handle = open(path, "a")
        except OSError:  # a read-only folder: nobody can migrate here, and the upgrade says why
            yield
            return
        with handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _revision_now(self) -> str | None:
        try:
            return self.revision()
        except ProgressStoreError:
            return None

    def ensure_schema(self) -> None:
        """Upgrade only when needed: one cheap SELECT per store object, not a migration per event."""
        if self._schema_ready:
            return
        if self._revision_now() == SCHEMA_REVISION:
            self._schema_ready = True
            return
        self._with_retries(self.upgrade)

    def _with_retries(self, action):
        """Run `action`; a passing failure (StoreBusy) is tried again after a growing, jittered pause."""
        for attempt in range(WRITE_ATTEMPTS):
            try:
                return action()
            except StoreBusy:
                if attempt == WRITE_ATTEMPTS - 1:
                    raise
                time.sleep(0.05 * 2**attempt * random.uniform(0.5, 1.5))
        raise AssertionError("unreachable")

    # -- events ------------------------------------------------------------------------------------
    def record(
        self,
        *,
        learner: str,
        course: str,
        lesson: str,
        interaction: str,
        question: str | None = None,
        question_kind: str | None = None,
        outcome: str | None = None,
        hint_number: int | None = None,
        occurred_at: datetime | None = None,
    ) -> None:
        """Append one event. Only who, where, what and how it went: never the learner's answer."""
        self.record_many(
            [
                dict(
                    learner=learner,
                    course=course,
                    lesson=lesson,
                    interaction=interaction,
                    question=question,
                    question_kind=question_kind,
                    outcome=outcome,
                    hint_number=hint_number,
                    occurred_at=occurred_at or datetime.now(timezone.utc),
                )
            ]
        )

    def record_grade(
        self,
        *,
        learner: str,
        course: str,
        assignment: str,
        score: float,
        max_score: float,
        occurred_at: datetime | None = None,
    ) -> None:
        """Append one nbgrader grade (issue 7); a batch of grades goes through `grade_event` + `record_many`."""
        self.record_many(
            [
                grade_event(
                    learner=learner,
                    course=course,
                    assignment=assignment,
                    score=score,
                    max_score=max_score,
                    occurred_at=occurred_at,
                )
            ]
        )

    def record_many(self, events: list[dict]) -> int:
        """Append events in one transaction: the only path that writes events, so it also keeps the summary
        tables (summary.py) exact. An event whose `event_uid` the store already holds is skipped (a repeated
        delivery); events without one get a fresh id. Returns how many events were new."""
        events = [dict(row) for row in events]  # the caller's dicts stay as they were (one may appear twice)
        for row in events:
            if row["interaction"] not in INTERACTIONS:
                raise ValueError(f"Unknown interaction {row['interaction']!r}; expected one of {INTERACTIONS}.")
            if row.get("outcome") is not None and row["outcome"] not in OUTCOMES:
                raise ValueError(f"Unknown outcome {row['outcome']!r}; expected one of {OUTCOMES}.")
            if row.get("question") == "":
                raise ValueError("Empty question id; use question=None for lesson-level events.")
            row.setdefault("occurred_at", datetime.now(timezone.utc))
            if not row.get("event_uid"):
                row["event_uid"] = uuid.uuid4().hex
        if not events:
            return 0
        self.ensure_schema()
        return self._with_retries(lambda: self._insert_events(events))

    def _insert_events(self, events: list[dict]) -> int:
        with self._translated(), self.engine.begin() as conn:
            insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
            statement = (
                insert(EVENTS)
                .on_conflict_do_nothing(index_elements=["event_uid"])
                .returning(EVENTS.c.id, EVENTS.c.event_uid)
            )
            ids = {uid: id_ for id_, uid in conn.execute(statement, [_columns(row) for row in events])}
            new = [row for row in events if row["event_uid"] in ids]
            # The summary tables change in the same transaction: a report never sees one without the other.
            # Only the events stored now count: a repeated one was counted when it arrived the first time.
            summary.apply(conn, *summary.summarize(new, [ids[row["event_uid"]] for row in new]))
            return len(new)

    def events(self, *, learner: str | None = None, course: str | None = None, lesson: str | None = None) -> list[dict]:
        """Events in the order they were stored, optionally for one learner, course or lesson."""
        self.ensure_schema()
        query = select(ProgressEvent.__table__).order_by(ProgressEvent.id)
        for column, value in (("learner", learner), ("course", course), ("lesson", lesson)):
            if value is not None:
                query = query.where(getattr(ProgressEvent, column) == value)
        with self._translated(), self.engine.connect() as conn:
            return [self._row(row) for row in conn.execute(query).mappings()]

    def count(self) -> int:
        self.ensure_schema()
        with self._translated(), self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(ProgressEvent.__table__)).scalar_one()

    @staticmethod
    def _row(row) -> dict:
        result = dict(row)
        when = result["occurred_at"]
        if isinstance(when, datetime):  # Core selects skip the type's result processing on some drivers
            result["occurred_at"] = when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when
        return result


def _revision_in(conn: Connection) -> str | None:
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def _alembic_upgrade(conn: Connection, url: URL) -> None:
    # Alembic is imported only when a store really needs migrating (a new kernel must stay quick).
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.render_as_string(False).replace("%", "%%"))
    config.attributes["connection"] = conn
    command.upgrade(config, "head")


def _alembic_error() -> type[Exception]:
    from alembic.util import CommandError

    return CommandError


EVENTS = ProgressEvent.__table__
_COLUMNS = tuple(column.name for column in EVENTS.columns if column.name != "id")


def _columns(row: dict) -> dict:
    """Every column once (a multi-row INSERT needs the same keys in each row)."""
    return {name: row.get(name) for name in _COLUMNS}


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """WAL lets a dashboard read while a learner writes; NORMAL sync is safe in WAL and much faster."""
    cursor = dbapi_connection.cursor()
    try:
        for pragma in ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"):
            try:
                cursor.execute(pragma)
            except Exception:  # read-only or damaged file: the statement that follows reports it properly
                break
    finally:
        cursor.close()


def _domain_error(label: str, error: SQLAlchemyError) -> ProgressStoreError:
    detail = str(getattr(error, "orig", None) or error).splitlines()[0]
    lowered = detail.lower()
    if "locked" in lowered or "busy" in lowered or "deadlock" in lowered or "could not serialize" in lowered:
        return StoreBusy(
            f"Voortgangsopslag {label} is bezet door een ander proces ({detail}). Probeer het zo nog eens."
        )
    if "readonly" in lowered or "read-only" in lowered or "read only" in lowered:
        return StoreUnavailable(
            f"Voortgangsopslag {label} is alleen-lezen ({detail}). "
            "Geef schrijfrechten of kies een andere opslag met DATAVAARDIG_DB."
        )
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return StoreCorrupt(
            f"Voortgangsopslag {label} is beschadigd ({detail}). Zet het bestand opzij; "
            "bij de volgende controle begint datavaardig een nieuwe opslag."
        )
    if "unable to open" in lowered or "could not connect" in lowered or "connection refused" in lowered:
        return StoreUnavailable(
            f"Voortgangsopslag {label} kan niet worden geopend ({detail}). Controleer DATAVAARDIG_DB."
        )
    return ProgressStoreError(f"Voortgangsopslag {label}: {detail}")
