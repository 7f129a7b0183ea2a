"""The nbgrader course root: where learner submissions and the gradebook live (outside the repository).

nbgrader only reads settings from `nbgrader_config.py` in the course root, so `course init` writes
everything there; every datavaardig command loads that file, so nbgrader's own tools and ours agree.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import os
import sys
from importlib.resources import files
from pathlib import Path

from datavaardig import settings
from datavaardig.errors import DatavaardigError

__all__ = [
    "api",
    "assignment_names",
    "AssignmentError",
    "check_assignment",
    "CONFIG_NAME",
    "config_text",
    "COURSE_ID",
    "course_root",
    "coursedir",
    "ensure_tools_on_path",
    "graded_source_dir",
    "init_course",
    "load_config",
    "release_assignment",
    "submitted_students",
]

CONFIG_NAME = "nbgrader_config.py"
COURSE_ID = "datavaardig"


class AssignmentError(DatavaardigError):
    """The course root or an assignment is missing or not usable."""


def graded_source_dir() -> Path:
    """`exercises/graded` (package data of datavaardig.exercises): one folder per assignment with the nbgrader
    source notebooks, in a checkout and in an installed wheel alike."""
    return Path(str(files("datavaardig.exercises") / "graded")).resolve()


def ensure_tools_on_path() -> None:
    """nbgrader's gradebook runs the `alembic` command: our environment's bin folder must be on PATH."""
    bin_dir = str(Path(sys.executable).parent)
    parts = os.environ.get("PATH", "").split(os.pathsep)
    if bin_dir not in parts:
        os.environ["PATH"] = os.pathsep.join([bin_dir, *parts])


def config_text(root: Path, source: Path) -> str:
    return f"""# Written by `datavaardig course init`. nbgrader reads its settings only from this file.
c = get_config()  # noqa: F821
c.CourseDirectory.root = {str(root)!r}
c.CourseDirectory.course_id = {COURSE_ID!r}
# The source notebooks (with solutions and hidden tests) stay in the datavaardig repository.
c.CourseDirectory.source_directory = {str(source)!r}
c.CourseDirectory.db_url = {f"sqlite:///{root / 'gradebook.db'}"!r}
c.ClearSolutions.code_stub = {{"python": "# SCHRIJF HIER JE CODE\\nraise NotImplementedError()"}}
c.ClearSolutions.text_stub = "SCHRIJF HIER JE ANTWOORD"
c.Exchange.root = {str(root / "exchange")!r}
c.ExecutePreprocessor.timeout = 30
"""


def init_course(root: Path | None = None, *, force: bool = False) -> Path:
    """Create (or refresh) the course root with its nbgrader_config.py; returns the root."""
    root = Path(root or settings.course_root()).expanduser().resolve()
    source = graded_source_dir()
    repo = source.parent.parent
    if root == repo or repo in root.parents:
        raise AssignmentError(
            f"De cursusmap {root} ligt in de repository. Kies een map erbuiten (--root of "
            "DATAVAARDIG_COURSE_ROOT): daar komen inleveringen en cijfers van cursisten."
        )
    for sub in ("submitted", "autograded", "feedback", "release", "exchange"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    config = root / CONFIG_NAME
    text = config_text(root, source)
    if force or not config.exists() or config.read_text() != text:
        config.write_text(text)
    return root


def course_root(root: Path | None = None) -> Path:
    """The initialised course root, or a clear error saying how to make one."""
    root = Path(root or settings.course_root()).expanduser().resolve()
    if not (root / CONFIG_NAME).is_file():
        raise AssignmentError(
            f"Geen nbgrader-cursus in {root}. Maak er een met `datavaardig course init` "
            "(of zet DATAVAARDIG_COURSE_ROOT naar een bestaande cursusmap)."
        )
    return root


def load_config(root: Path):
    """The traitlets Config of the course (nbgrader_config.py in the root)."""
    from traitlets.config.loader import PyFileConfigLoader

    return PyFileConfigLoader(CONFIG_NAME, path=str(root)).load_config()


def coursedir(root: Path):
    from nbgrader.coursedir import CourseDirectory

    return CourseDirectory(config=load_config(root))


def submitted_students(coursedir, assignment: str) -> list[str]:
    """The learners with a submitted/<learner>/<assignment> folder, sorted."""
    pattern = Path(coursedir.format_path(coursedir.submitted_directory, "*", assignment))
    return sorted(p.parent.name for p in pattern.parent.parent.glob(f"*/{assignment}") if p.is_dir())


def api(root: Path):
    """nbgrader's Python API on this course root (same settings as the `nbgrader` command)."""
    ensure_tools_on_path()
    from nbgrader.apps import NbGraderAPI

    config = load_config(root)
    # nbgrader's apps log to stderr at INFO; a trainer sees our summary instead.
    logging.getLogger("NbGraderAPI").setLevel(logging.WARNING)
    return NbGraderAPI(coursedir=coursedir(root), config=config)


def assignment_names() -> list[str]:
    return sorted(p.name for p in graded_source_dir().iterdir() if p.is_dir() and any(p.glob("*.ipynb")))


def check_assignment(name: str) -> None:
    if name not in assignment_names():
        known = ", ".join(assignment_names()) or "geen"
        raise AssignmentError(f"Onbekende opdracht '{name}'. Bestaande opdrachten: {known}.")


def release_assignment(root: Path, name: str, *, due: dt.datetime | None = None) -> Path:
    """nbgrader generate_assignment: the learner version in release/NAME (no solutions, no hidden tests)."""
    check_assignment(name)
    from nbgrader.api import Gradebook

    nbg = api(root)
    with contextlib.redirect_stdout(io.StringIO()):
        result = nbg.generate_assignment(name, force=True, create=True)
    if not result.get("success"):
        raise AssignmentError(
            f"nbgrader kon de opdracht '{name}' niet aanmaken:\n{result.get('log') or result.get('error')}"
        )
    if due is not None:
        with Gradebook(nbg.coursedir.db_url, COURSE_ID) as gb:
            gb.update_or_create_assignment(name, duedate=due)
    return Path(nbg.coursedir.format_path(nbg.coursedir.release_directory, ".", name)).resolve()
