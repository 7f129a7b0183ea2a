"""Events that could not be stored yet, kept on the learner's own disk until the store takes them.

A check answers the learner at once, whatever the store does. When the store is busy beyond its retries,
down or being created by someone else, the event waits here: one small JSON file per event, written
atomically (a temporary name, then a rename), so two kernels of the same learner and a crash halfway
never leave half an event. The file name starts with the moment it was written, so delivery keeps the
learner's order. Each event carries its own id (`event_uid`): a delivery that is repeated (a kernel died
between the store's commit and removing the file) is refused by the store's unique index, so every event
is stored exactly once.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from datetime import datetime
from pathlib import Path

__all__ = ["Outbox", "outbox_folder"]

SUFFIX = ".json"


def outbox_folder(data_dir: Path, store_label: str) -> Path:
    """One folder per store (a learner may switch stores), under the learner's own data folder."""
    digest = hashlib.sha256(store_label.encode()).hexdigest()[:16]
    return data_dir / "wachtrij" / digest


def _encode(event: dict) -> str:
    return json.dumps({k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in event.items()})


def _decode(text: str) -> dict:
    event = json.loads(text)
    if isinstance(event.get("occurred_at"), str):
        event["occurred_at"] = datetime.fromisoformat(event["occurred_at"])
    return event


class Outbox:
    """A folder of events waiting for their store."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def put(self, events: list[dict]) -> None:
        """Keep `events` (each with an `event_uid`) until `take` hands them out and `remove` forgets them."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for event in events:
            name = f"{time.time_ns():020d}-{event['event_uid']}"
            temporary = self.folder / f".{name}.tmp"
            with open(temporary, "w", encoding="utf-8") as handle:
                handle.write(_encode(event))
                handle.flush()
                os.fsync(handle.fileno())  # on disk before the rename makes it visible
            os.replace(temporary, self.folder / (name + SUFFIX))

    def pending(self) -> bool:
        try:
            return any(entry.name.endswith(SUFFIX) for entry in os.scandir(self.folder))
        except FileNotFoundError:
            return False

    def take(self, limit: int = 500) -> list[tuple[Path, dict]]:
        """The oldest waiting events with their files; a file that is unreadable is set aside, not lost."""
        try:
            names = sorted(entry.name for entry in os.scandir(self.folder) if entry.name.endswith(SUFFIX))
        except FileNotFoundError:
            return []
        taken = []
        for name in names[:limit]:
            path = self.folder / name
            try:
                taken.append((path, _decode(path.read_text(encoding="utf-8"))))
            except FileNotFoundError:
                continue  # another kernel of this learner delivered it a moment ago
            except (ValueError, KeyError):
                path.rename(path.with_suffix(".onleesbaar"))  # kept for an administrator, never retried forever
        return taken

    def remove(self, paths: list[Path]) -> None:
        for path in paths:
            try:
                path.unlink()
            except FileNotFoundError:
                pass
