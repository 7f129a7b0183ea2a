"""Privacy by design (AVG/GDPR): pseudonyms for trainer views, the administrator's key, the retention period.

Trainers see *pseudonyms*, not names: a keyed HMAC-SHA256 of the learner id. Without the key a pseudonym
cannot be turned back into a person (the learner ids of a province are a small, guessable set, so a plain
hash would be no protection at all); with the key, the administrator re-identifies by recomputing the
pseudonym of each candidate id. The key comes from `DATAVAARDIG_PSEUDONYM_KEY` (a shared store: every
trainer's machine must use the same key) or else from a key file in the administrator's data folder,
created once with permissions 0600.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from datavaardig import settings
from datavaardig.errors import DatavaardigError

__all__ = [
    "DEFAULT_RETENTION_DAYS",
    "DIGITS",
    "KEY_ENV",
    "KEY_FILE",
    "key_path",
    "PREFIX",
    "PrivacyError",
    "pseudonym",
    "pseudonym_key",
    "reidentify",
    "retention_days",
    "RETENTION_ENV",
]

KEY_ENV = "DATAVAARDIG_PSEUDONYM_KEY"
KEY_FILE = "pseudoniem-sleutel.txt"
RETENTION_ENV = "DATAVAARDIG_RETENTION_DAYS"
DEFAULT_RETENTION_DAYS = 365
PREFIX = "ps-"
# 12 hex digits = 48 bits: collisions are negligible for thousands of learners, and short enough to read aloud.
DIGITS = 12


class PrivacyError(DatavaardigError):
    """A missing or unsafe key, a bad retention setting, or a pseudonym that cannot be re-identified."""


def key_path() -> Path:
    return settings.data_dir() / KEY_FILE


def pseudonym_key(create: bool = True) -> bytes:
    """The administrator's secret key: the environment variable, else the key file (made when missing)."""
    value = os.environ.get(KEY_ENV, "").strip()
    if value:
        if len(value) < 16:
            raise PrivacyError(
                f"{KEY_ENV} is te kort: gebruik minstens 16 tekens (bijv. `python -c "
                '"import secrets; print(secrets.token_hex(32))"`).'
            )
        return value.encode()
    path = key_path()
    if path.exists():
        if path.stat().st_mode & 0o077:
            raise PrivacyError(f"De sleutel {path} is leesbaar voor anderen. Maak hem privé: chmod 600 {path}")
        return path.read_text(encoding="ascii").strip().encode()
    if not create:
        raise PrivacyError(f"Geen pseudoniem-sleutel: zet {KEY_ENV} of bewaar de sleutel in {path}.")
    path.parent.mkdir(parents=True, exist_ok=True)
    # O_EXCL: two processes creating the key at once must not end up with different keys.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return pseudonym_key(create=False)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(secrets.token_hex(32) + "\n")
    return pseudonym_key(create=False)


def pseudonym(learner: str, key: bytes | None = None) -> str:
    """The learner's stable pseudonym, e.g. `ps-3f9a2c7e1b04`; the same key always gives the same one."""
    key = pseudonym_key() if key is None else key
    digest = hmac.new(key, learner.encode("utf-8"), hashlib.sha256).hexdigest()
    return PREFIX + digest[:DIGITS]


def reidentify(pseudo: str, candidates: Iterable[str], key: bytes | None = None) -> str:
    """The one candidate learner id whose pseudonym is `pseudo` (needs the administrator's key)."""
    if not pseudo.startswith(PREFIX) or len(pseudo) != len(PREFIX) + DIGITS:
        raise PrivacyError(f"'{pseudo}' is geen pseudoniem; die zien eruit als {PREFIX}{'0' * DIGITS}.")
    key = pseudonym_key(create=False) if key is None else key
    matches = sorted({c for c in candidates if hmac.compare_digest(pseudonym(c, key), pseudo)})
    if not matches:
        raise PrivacyError(
            f"Geen deelnemer met pseudoniem {pseudo} gevonden. Is dit de juiste sleutel en de juiste voortgangsopslag?"
        )
    if len(matches) > 1:  # 48 bits make this practically impossible; say so rather than guess
        raise PrivacyError(f"Pseudoniem {pseudo} past bij meerdere deelnemers: {', '.join(matches)}.")
    return matches[0]


def retention_days() -> int:
    """How long progress events are kept (`DATAVAARDIG_RETENTION_DAYS`, default 365)."""
    value = os.environ.get(RETENTION_ENV, "").strip()
    if not value:
        return DEFAULT_RETENTION_DAYS
    try:
        days = int(value)
    except ValueError:
        days = 0
    if days < 1:
        raise PrivacyError(f"{RETENTION_ENV}='{value}' is geen geldig aantal dagen; gebruik een heel getal ≥ 1.")
    return days
