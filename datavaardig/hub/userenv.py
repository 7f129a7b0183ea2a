"""The Python every person's server runs: this environment, reachable by all accounts.

A server runs as its person, so the interpreter, the packages, datavaardig and the lessons must be readable by
every account. Three cases, cheapest first:

1. all of it is reachable (`.venv` made from the system Python in a readable checkout, the normal production
   case): the servers run this very interpreter;
2. only the interpreter lives in a private folder (pyenv under /root, as on the CI machines): a small bridge in
   the shared folder, a venv of the system's Python of the same version whose only content is a `.pth` line
   pointing at this environment's packages, with Jupyter's data and config folders linked;
3. the packages or the checkout are private too (a checkout under a 0700 folder): a real environment in the
   shared folder, installed from `requirements.lock` with the same uv as `make setup` (from its cache), and
   datavaardig itself installed as a wheel, so the lessons ship inside it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import site
import stat
import subprocess
import sys
from pathlib import Path

from datavaardig import settings
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


def _package_dirs() -> list[Path]:
    """What a server imports or reads besides the interpreter: the packages, datavaardig, the lessons."""
    import datavaardig

    found = [Path(p) for p in site.getsitepackages()]
    found.append(Path(datavaardig.__file__).resolve().parent)
    found.append(settings.courses_dir())
    return found


def user_python(shared_dir: Path) -> str:
    """The interpreter for the servers (see the module's three cases); made once, again when the lock changes."""
    dirs = _package_dirs()
    packages_ok = all(reachable_by_all(p) for p in dirs)
    if packages_ok and reachable_by_all(Path(sys.executable)):
        return sys.executable
    base = _system_python()
    if base is None:
        raise UserEnvError(
            f"Geen Python {sys.version_info.major}.{sys.version_info.minor} die alle accounts kunnen starten: "
            "installeer het Debian-pakket python3 of maak .venv met /usr/bin/python3. / No Python every account can run."
        )
    if packages_ok:
        return _bridge(Path(shared_dir) / "python", base)
    return _full_environment(Path(shared_dir) / "python-env", base)


def _bridge(bridge: Path, base: Path) -> str:
    packages = [Path(p) for p in site.getsitepackages()]
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


def _full_environment(env: Path, base: Path) -> str:
    root = settings.repo_root()
    lock = root / "requirements.lock" if root else None
    uv = shutil.which("uv", path=os.path.dirname(sys.executable))
    if lock is None or not lock.is_file() or uv is None:
        raise UserEnvError(
            f"De Python-omgeving {sys.prefix} is niet leesbaar voor de cursisten en er is geen requirements.lock "
            "of uv om er een voor hen te maken (chmod o+rx op de mappen). / The environment is not readable by "
            "the learners' accounts."
        )
    stamp = hashlib.sha256(lock.read_bytes() + (root / "pyproject.toml").read_bytes()).hexdigest()
    mark = env / ".datavaardig-lock"
    python = env / "bin" / "python"
    if not (mark.is_file() and mark.read_text() == stamp):
        shutil.rmtree(env, ignore_errors=True)
        quiet = {"check": True, "capture_output": True}
        subprocess.run([str(base), "-m", "venv", "--without-pip", str(env)], **quiet)
        subprocess.run([uv, "pip", "sync", "--python", str(python), "--quiet", str(lock)], **quiet)
        # Not editable: the checkout is what the accounts cannot read; the wheel carries the lessons.
        subprocess.run([uv, "pip", "install", "--python", str(python), "--quiet", "--no-deps", str(root)], **quiet)
        for folder, dirs, files in os.walk(env):
            for name in [*dirs, *files]:
                path = os.path.join(folder, name)
                if not os.path.islink(path):
                    os.chmod(path, os.stat(path).st_mode | stat.S_IROTH | (stat.S_IXOTH if name in dirs else 0))
        mark.write_text(stamp)
    return str(python)
