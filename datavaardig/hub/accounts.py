"""Local accounts for the demo and the tests: names, trainer or not, and scrypt password hashes in one file.

The province signs in with Entra ID; these accounts exist so that a trainer can try everything on one machine
without an Azure tenant. Passwords are generated, shown once, and only their hashes are kept.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

__all__ = ["create_accounts", "load_accounts", "verify"]

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def _hash(password: str, salt: bytes) -> str:
    return hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT).hex()


def create_accounts(path: Path, accounts: list[tuple[str, bool]]) -> dict[str, str]:
    """Write `path` with a fresh password per account; returns name → password (to print once)."""
    passwords, stored = {}, {}
    for name, trainer in accounts:
        password = secrets.token_urlsafe(9)
        salt = secrets.token_bytes(16)
        passwords[name] = password
        stored[name] = {"salt": salt.hex(), "hash": _hash(password, salt), "trainer": trainer}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(stored, out, indent=1)
    return passwords


def load_accounts(path: Path) -> dict[str, dict]:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def verify(path: Path, name: str, password: str) -> dict | None:
    """The account record when the password is right, else None (same work either way)."""
    account = load_accounts(path).get(name)
    salt = bytes.fromhex(account["salt"]) if account else b"\0" * 16
    digest = _hash(password or "", salt)
    if account and hmac.compare_digest(digest, account["hash"]):
        return account
    return None
