"""Running a notebook in a real kernel for a test, without the TCP port race.

jupyter_client picks five free TCP ports and lets go of them before the kernel binds them; with two xdist
workers (and servers of other tests) starting kernels at the same moment, another process sometimes takes
one in between and the kernel dies with "Address already in use". A kernel on Unix sockets in a folder of
its own cannot collide.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from jupyter_client import KernelManager
from nbclient import NotebookClient

__all__ = ["execute_notebook"]


def execute_notebook(nb, cwd: Path | str | None = None, *, timeout: int = 120, **options):
    """Run every cell of `nb` in a fresh python3 kernel (working directory `cwd`); raises on a failing cell."""
    sockets = tempfile.mkdtemp(prefix="dvk-")  # short: a Unix socket path has at most 107 characters
    try:
        km = KernelManager(kernel_name="python3", transport="ipc", ip=str(Path(sockets) / "k"))
        resources = {"metadata": {"path": str(cwd)}} if cwd else {}
        NotebookClient(nb, km=km, timeout=timeout, kernel_name="python3", resources=resources, **options).execute()
        return nb
    finally:
        shutil.rmtree(sockets, ignore_errors=True)
