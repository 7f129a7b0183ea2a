"""Where datavaardig keeps things and who the learner is, all overridable by environment variables.

Every setting is read when asked (not at import), so tests and notebooks can change the environment.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

__all__ = [
    "APP",
    "WORKSPACE_NAME",
    "cache_dir",
    "course_root",
    "courses_dir",
    "data_dir",
    "data_mirror",
    "db_url",
    "home",
    "language",
    "learner",
    "repo_root",
    "workspace_dir",
]

APP = "datavaardig"
# Not "datavaardig": a folder of that name in the home would shadow the package for code started there.
WORKSPACE_NAME = "datavaardig-lessen"


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


def home() -> Path | None:
    """`DATAVAARDIG_HOME` puts cache and learner data under one folder (tests, shared machines)."""
    return _env_path("DATAVAARDIG_HOME")


def _user_dir(kind: str) -> Path:
    """platformdirs' user cache or data folder. On Linux (laptops via WSL, the hub) the XDG rule is read
    directly: importing platformdirs costs a new kernel ~40 ms before its first `load`."""
    if sys.platform.startswith("linux"):
        variable, default = {"cache": ("XDG_CACHE_HOME", ".cache"), "data": ("XDG_DATA_HOME", ".local/share")}[kind]
        base = os.environ.get(variable, "").strip()
        return (Path(base) if base and Path(base).is_absolute() else Path.home() / default) / APP
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP) if kind == "cache" else platformdirs.user_data_dir(APP))


def cache_dir() -> Path:
    """Prepared parquet tables and downloaded raw files: safe to delete, rebuilt on demand.

    `DATAVAARDIG_CACHE` names one folder for everyone on a hub: prepared once, read by every learner.
    """
    shared = _env_path("DATAVAARDIG_CACHE")
    if shared:
        return shared
    base = home()
    return base / "cache" if base else _user_dir("cache")


def data_dir() -> Path:
    """The learner's own data (progress store): kept, never in the repository."""
    base = home()
    return base / "data" if base else _user_dir("data")


def data_mirror() -> Path | None:
    """A folder laid out like the raw-data mirror (`<folder>/<file>`), named by `DATAVAARDIG_DATA`."""
    return _env_path("DATAVAARDIG_DATA")


def db_url() -> str:
    """SQLAlchemy URL of the progress store; SQLite in the learner's data folder by default."""
    url = os.environ.get("DATAVAARDIG_DB", "").strip()
    return url or f"sqlite:///{data_dir() / 'voortgang.sqlite'}"


def learner() -> str:
    """Who is learning: explicit setting, else the JupyterHub user, else the OS account."""
    for name in ("DATAVAARDIG_LEARNER", "JUPYTERHUB_USER"):
        value = os.environ.get(name, "").strip()
        if value:
            return value
    return getpass.getuser()


def language() -> str:
    """Language of learner-facing messages: `nl` (default) or `en`."""
    value = os.environ.get("DATAVAARDIG_LANG", "nl").strip().lower()
    return value if value in ("nl", "en") else "nl"


def repo_root() -> Path | None:
    """The checkout that holds courses/ (None for a bare wheel install without `DATAVAARDIG_ROOT`)."""
    explicit = _env_path("DATAVAARDIG_ROOT")
    if explicit:
        return explicit
    candidate = Path(__file__).resolve().parent.parent
    return candidate if (candidate / "courses").is_dir() else None


def courses_dir() -> Path:
    """The course source: `DATAVAARDIG_ROOT/courses`, the checkout's courses/, or the copy in the wheel.

    Learners never work in this folder (a course update would meet their edits): `datavaardig start` and
    the hub copy the lessons into the learner's own workspace.
    """
    root = repo_root()
    if root is not None:
        return root / "courses"
    shipped = Path(__file__).resolve().parent / "_courses"
    if (shipped / "index.ipynb").is_file():
        return shipped
    raise FileNotFoundError(
        "De map courses/ is niet gevonden. Start datavaardig vanuit de repository "
        "of zet DATAVAARDIG_ROOT naar de map van de repository."
    )


def workspace_dir() -> Path:
    """The learner's own copy of the lessons, where they work: `DATAVAARDIG_WORKSPACE`, else
    `~/datavaardig-lessen` (under `DATAVAARDIG_HOME` when that is set). Course updates are merged into it,
    never over it."""
    explicit = _env_path("DATAVAARDIG_WORKSPACE")
    if explicit:
        return explicit
    base = home()
    return (base if base else Path.home()) / WORKSPACE_NAME


def course_root() -> Path:
    """The nbgrader course root: learner submissions and the gradebook, so outside the repository."""
    return _env_path("DATAVAARDIG_COURSE_ROOT") or data_dir() / "nbgrader"
