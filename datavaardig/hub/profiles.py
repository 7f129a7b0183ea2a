"""JupyterLab per role: Dutch for everyone, nbgrader's authoring tools for trainers only.

The settings live in `datavaardig/hub/jupyter/<role>/` (shipped in the wheel): `overrides.json` sets the
Dutch language pack as the default locale and turns the "Jupyter news" prompt off, `page_config.json` hides
front-end plugins, `jupyter_server_config.json` switches nbgrader's server pages on or off. Hiding is for
clarity, not security: a learner's server runs as the learner, who could switch a plugin back on; what keeps
grades and other learners' work away is the file system (each home is 0700, the course root the trainer's).
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["LEARNER", "ROLES", "TRAINER", "profile_dir", "server_args", "server_env"]

LEARNER = "learner"
TRAINER = "trainer"
ROLES = (LEARNER, TRAINER)
_HERE = Path(__file__).resolve().parent / "jupyter"


def profile_dir(role: str) -> Path:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}: one of {ROLES}")
    return _HERE / role


def server_args(role: str) -> list[str]:
    """Command-line options for a Jupyter server with this role's JupyterLab."""
    # The app settings folder is where JupyterLab reads overrides.json and page_config.json from.
    return [f"--LabApp.app_settings_dir={profile_dir(role)}"]


def server_env(role: str, environ: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for the server: the role's config folder first on the Jupyter config path."""
    env = dict(os.environ if environ is None else environ)
    rest = env.get("JUPYTER_CONFIG_PATH", "")
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(p for p in (str(profile_dir(role)), rest) if p)
    env["DATAVAARDIG_ROLE"] = role
    return env
