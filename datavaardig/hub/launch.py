"""Getting a hub going: the state folder, the demo accounts, the shared dataset cache, then JupyterHub.

`prepare(settings)` does everything that needs root once per start and writes `jupyterhub_config.py` into the
state folder (it only calls `datavaardig.hub.jhconfig.configure`); `exec_hub` then replaces this process with
JupyterHub, so a service manager's stop signal reaches it directly.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from datavaardig.errors import DatavaardigError
from datavaardig.hub import accounts, userenv
from datavaardig.hub.config import HubSettings

__all__ = ["HubStartError", "Prepared", "exec_hub", "hub_argv", "prepare"]

CONFIG_PY = """# Written by `datavaardig hub` at every start: edit the deployment file, not this one.
from pathlib import Path

from datavaardig.hub.config import HubSettings
from datavaardig.hub.jhconfig import configure

configure(c, HubSettings.from_json(Path({settings!r}).read_text()))
"""


class HubStartError(DatavaardigError):
    """The machine is not ready for a hub (not root, no proxy installed)."""


@dataclass(frozen=True)
class Prepared:
    config_py: Path
    new_passwords: dict[str, str]  # only on the first demo start: shown once, never stored


def _check_machine() -> None:
    if os.geteuid() != 0:
        raise HubStartError(
            "De hub moet als root draaien: hij maakt voor ieder persoon een eigen Linux-account aan. / "
            "The hub must run as root: it creates a Linux account for each person."
        )
    if not shutil.which("configurable-http-proxy"):
        raise HubStartError(
            "configurable-http-proxy ontbreekt: voer `bash deploy/system-packages.sh` uit (als root). / "
            "configurable-http-proxy is missing: run `bash deploy/system-packages.sh` as root."
        )


def prepare(settings: HubSettings) -> Prepared:
    _check_machine()
    state = settings.state_dir
    state.mkdir(parents=True, exist_ok=True)
    os.chmod(state, 0o700)  # the hub's database and secrets: root only
    if settings.demo and not settings.cookie_secret_file.exists():
        fd = os.open(settings.cookie_secret_file, os.O_WRONLY | os.O_CREAT, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_hex(32))
    passwords = {}
    if settings.demo and not settings.accounts_file.exists():
        passwords = accounts.create_accounts(
            settings.accounts_file, [(a.name, a.trainer) for a in settings.demo_accounts]
        )
    _prepare_shared(settings)
    settings = replace(settings, user_python=userenv.user_python(settings.shared_dir))
    settings_file = state / "settings.json"
    fd = os.open(settings_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # holds the client secret
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(settings.to_json())
    config_py = state / "jupyterhub_config.py"
    config_py.write_text(CONFIG_PY.format(settings=str(settings_file)), encoding="utf-8")
    return Prepared(config_py, passwords)


def _prepare_shared(settings: HubSettings) -> None:
    """One dataset cache for everyone, readable by every account, prepared before the first learner comes."""
    shared = settings.shared_dir
    shared.mkdir(parents=True, exist_ok=True)
    for folder in (shared, *shared.parents):
        if folder == Path("/"):
            break
        if not folder.stat().st_mode & 0o001:
            raise HubStartError(
                f"{folder} is niet toegankelijk voor de cursisten (chmod o+x) / not reachable for the learners"
            )
    if settings.data_mirror:
        os.environ["DATAVAARDIG_DATA"] = str(settings.data_mirror)
    os.environ["DATAVAARDIG_CACHE"] = str(settings.dataset_cache)
    if settings.prepare_data:
        from datavaardig import catalog
        from datavaardig.loader import build_stale

        failed = build_stale(list(catalog.load_catalog()), desc="Datasets voor iedereen voorbereiden")
        if failed:
            print(f"Let op: {failed} dataset(s) staan niet klaar; de lessen daarmee werken nog niet.", file=sys.stderr)
    _readable_by_all(settings.dataset_cache)
    os.chmod(shared, 0o755)


def _readable_by_all(folder: Path) -> None:
    """Folders 0755 and files 0644 below `folder`; symlinks are left alone (chmod would follow them)."""
    if not folder.is_dir():
        return
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = os.path.join(root, name)
            if not os.path.islink(path):
                os.chmod(path, 0o755 if name in dirs else 0o644)
    os.chmod(folder, 0o755)


def hub_argv(prepared: Prepared) -> list[str]:
    return [sys.executable, "-m", "jupyterhub", "-f", str(prepared.config_py)]


def exec_hub(settings: HubSettings, prepared: Prepared) -> None:
    env = dict(os.environ)
    # The hub's own environment reaches the proxy and the services; the learners' servers get theirs from
    # the spawner (env_keep), so nothing of root's environment leaks into a learner's session.
    env["PATH"] = os.pathsep.join([os.path.dirname(sys.executable), env.get("PATH", "")])
    os.chdir(settings.state_dir)
    argv = hub_argv(prepared)
    os.execve(argv[0], argv, env)
