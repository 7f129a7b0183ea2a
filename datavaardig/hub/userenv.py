"""The Python every person's server runs: this environment, reachable by all accounts.

A server runs as its person, so the interpreter and the packages must be readable by every account. An
environment made from a Python that lives in a private folder (pyenv under /root, as on the CI machines) is
not: then this builds a small bridge in the shared folder, a venv of the system's Python of the same version
whose only content is a `.pth` line pointing at this environment's packages, with Jupyter's data and config
folders linked, so the servers run exactly the locked packages without a second install. A machine set up
from the system Python (the normal production case) needs no bridge.
"""

from __future__ import annotations

import os
import shutil
import site
import stat
import subprocess
import sys
from pathlib import Path

from datavaardig.errors import DatavaardigError

__all__ = ["UserEnvError", "reachable_by_all", "user_python"]

BRIDGE_MARK = "datavaardig-hub.pth"


class UserEnvError(DatavaardigError):
    """No Python that every account can run."""


def reachable_by_all(path: Path) -> bool:
    """Every folder on the way can be entered, and the file read, by an account that is not its owner."""
    path = Path(path).resolve()
    for folder in path.parents:
        if not folder.stat().st_mode & stat.S_IXOTH:
            return False
    return bool(path.stat().st_mode & stat.S_IROTH)


def _system_python() -> Path | None:
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for folder in ("/usr/bin", "/usr/local/bin"):
        candidate = Path(folder) / version
        if candidate.is_file() and reachable_by_all(candidate):
            return candidate
    return None


def user_python(shared_dir: Path) -> str:
    """The interpreter for the servers: this one when everyone can run it, else the bridge (made once)."""
    packages = [Path(p) for p in site.getsitepackages()]
    if reachable_by_all(Path(sys.executable)) and all(reachable_by_all(p) for p in packages):
        return sys.executable
    if not all(reachable_by_all(p) for p in packages):
        raise UserEnvError(
            f"De Python-omgeving {sys.prefix} is niet leesbaar voor de cursisten (chmod o+rx op de mappen). / "
            f"The environment {sys.prefix} is not readable by the learners' accounts."
        )
    base = _system_python()
    if base is None:
        raise UserEnvError(
            f"Geen Python {sys.version_info.major}.{sys.version_info.minor} die alle accounts kunnen starten: "
            f"installeer het Debian-pakket python3 of maak .venv met /usr/bin/python3. / No Python every account can run."
        )
    bridge = Path(shared_dir) / "python"
    mark = bridge / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages" / BRIDGE_MARK
    wanted = "".join(f"import site; site.addsitedir({str(p)!r})\n" for p in packages)
    if not (mark.is_file() and mark.read_text() == wanted):
        shutil.rmtree(bridge, ignore_errors=True)
        subprocess.run([str(base), "-m", "venv", "--without-pip", str(bridge)], check=True, capture_output=True)
        mark.write_text(wanted)
        # Jupyter looks for JupyterLab's files and the extensions' config under sys.prefix.
        for part in ("share/jupyter", "etc/jupyter"):
            source = Path(sys.prefix) / part
            if source.is_dir():
                (bridge / part).parent.mkdir(parents=True, exist_ok=True)
                os.symlink(source, bridge / part)
    return str(bridge / "bin" / "python")
