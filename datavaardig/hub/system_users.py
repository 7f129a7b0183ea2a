"""Each person's Linux account, created on first sign-in (as The Littlest JupyterHub does).

A hub name (an e-mail address from Entra ID, or a demo name) becomes a Linux name with the deployment's prefix:
`dv-cursist1`, or `dv-j-jansen-3f2a9c1` when the name had to be changed to fit Linux's rules (the hash keeps
two different people from ever sharing an account). The home is 0700: nobody else reads it.
"""

from __future__ import annotations

import hashlib
import os
import pwd
import re
import signal
import subprocess
import time
from pathlib import Path

__all__ = ["ensure_user", "linux_name", "processes_of", "remove_user", "users_with_prefix"]

MAX_NAME = 32  # useradd's limit


def linux_name(hub_name: str, prefix: str) -> str:
    clean = re.sub(r"[^a-z0-9]+", "-", hub_name.lower().split("@")[0]).strip("-") or "gebruiker"
    name = f"{prefix}{clean}"
    if clean != hub_name or len(name) > MAX_NAME:
        digest = hashlib.sha256(hub_name.encode()).hexdigest()[:7]
        name = f"{name[: MAX_NAME - 8].rstrip('-')}-{digest}"
    return name


def ensure_user(name: str, home_base: Path) -> pwd.struct_passwd:
    """The account `name`, created if missing (own group, bash, home under `home_base`); home forced to 0700."""
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        home_base.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "useradd",
                "--create-home",
                "--home-dir",
                str(home_base / name),
                "--shell",
                "/bin/bash",
                "--user-group",
                "--no-log-init",
                name,
            ],
            check=True,
            capture_output=True,
        )
        entry = pwd.getpwnam(name)
    # Also for an account that existed already: a home others can read would leak work and progress.
    os.chmod(entry.pw_dir, 0o700)
    return entry


def users_with_prefix(prefix: str) -> list[str]:
    return sorted(p.pw_name for p in pwd.getpwall() if p.pw_name.startswith(prefix))


def processes_of(uid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def remove_user(name: str, timeout: float = 10.0) -> None:
    """End the account's processes (by pid), then delete the account and its home."""
    try:
        uid = pwd.getpwnam(name).pw_uid
    except KeyError:
        return
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in processes_of(uid):
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + timeout
        while processes_of(uid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if not processes_of(uid):
            break
    subprocess.run(["userdel", "--remove", name], capture_output=True)
