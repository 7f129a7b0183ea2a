"""A throwaway PostgreSQL server for tests and benchmarks: Debian's own binaries, a temp folder, 127.0.0.1.

The shared progress store runs on PostgreSQL in production; tests and `benchmarks/progress.py` must prove
the same code on a real server, not a mock. This starts one with `initdb` + `pg_ctl` on a free loopback
port and removes it afterwards. As root the server runs as the `postgres` OS account (PostgreSQL refuses
to run as root). Needs the Debian package `postgresql` (see deploy/system-packages.sh).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from datavaardig.errors import DatavaardigError
from tests.support.ports import free_port

USER = "datavaardig"
DATABASE = "voortgang"


class PostgresUnavailable(DatavaardigError):
    """No PostgreSQL binaries, or the server did not start."""


def bin_dir() -> Path:
    """The newest installed `/usr/lib/postgresql/<major>/bin` (or `DATAVAARDIG_PG_BIN`)."""
    explicit = os.environ.get("DATAVAARDIG_PG_BIN", "").strip()
    if explicit:
        return Path(explicit)
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"), key=lambda p: int(Path(p).parts[-3]))
    if not found:
        raise PostgresUnavailable(
            "PostgreSQL is not installed: run `bash deploy/system-packages.sh` as root "
            "(installs the Debian package postgresql)."
        )
    return Path(found[-1]).parent


def _as_server_user(cmd: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; elsewhere the current user owns the cluster.
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def _run(cmd: list[str], what: str) -> None:
    proc = subprocess.run(_as_server_user(cmd), capture_output=True, text=True)
    if proc.returncode != 0:
        raise PostgresUnavailable(f"{what} failed ({proc.returncode}): {proc.stderr.strip() or proc.stdout.strip()}")


@contextlib.contextmanager
def throwaway_postgres(settings: dict[str, str] | None = None) -> Iterator[str]:
    """Yield a SQLAlchemy URL `postgresql+psycopg://datavaardig@127.0.0.1:PORT/voortgang`; stop and remove after.

    `settings` are extra server settings (`-c name=value`), e.g. `{"fsync": "off"}` for fast tests.
    """
    bins = bin_dir()
    # Directly under the system temp dir: pytest's tmp folders are 0700 root and the postgres account
    # could not enter them.
    folder = Path(tempfile.mkdtemp(prefix="dv-pg-"))
    data = folder / "data"
    try:
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres", "postgres")
        _run(
            [
                str(bins / "initdb"),
                "-D",
                str(data),
                "-U",
                USER,
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
            "initdb",
        )
        options = {
            "listen_addresses": "127.0.0.1",
            "unix_socket_directories": str(folder),
            "max_connections": "100",
            **(settings or {}),
        }
        url = None
        for _attempt in range(5):  # a free port can be taken between probing and binding: try another
            port = free_port()
            opts = " ".join(f"-c {k}={v}" for k, v in options.items()) + f" -p {port}"
            proc = subprocess.run(
                _as_server_user(
                    [
                        str(bins / "pg_ctl"),
                        "-D",
                        str(data),
                        "-l",
                        str(folder / "server.log"),
                        "-o",
                        opts,
                        "-w",
                        "-t",
                        "60",
                        "start",
                    ]
                ),
                capture_output=True,
                text=True,
            )
            if proc.returncode == 0:
                url = f"postgresql+psycopg://{USER}@127.0.0.1:{port}/{DATABASE}"
                break
            time.sleep(0.2)
        if url is None:
            log = (
                (folder / "server.log").read_text(errors="replace")[-2000:] if (folder / "server.log").exists() else ""
            )
            raise PostgresUnavailable(f"PostgreSQL did not start: {proc.stderr.strip()}\n{log}")
        try:
            _run([str(bins / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", USER, DATABASE], "createdb")
            yield url
        finally:
            subprocess.run(
                _as_server_user([str(bins / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
                capture_output=True,
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
