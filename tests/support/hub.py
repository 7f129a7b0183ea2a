"""A real `datavaardig hub` on 127.0.0.1 for tests and benchmarks: demo accounts, real Linux accounts with a
prefix of their own (`dvt-`), homes and state in a throwaway folder, everything removed afterwards.

Needs root (the hub creates Linux accounts) and configurable-http-proxy (deploy/system-packages.sh).
Accounts and cgroups left by an aborted earlier run are removed before a new hub starts.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from datavaardig.hub import limits, system_users
from tests.support.ports import free_port

__all__ = ["PREFIX", "HubProcess", "clean_accounts"]

PREFIX = "dvt-"  # never the demo's dv-: a test run must not touch a demo's accounts
CLI = str(Path(sys.executable).parent / "datavaardig")


def clean_accounts(prefix: str = PREFIX) -> None:
    """Remove every account (and its processes and cgroups) with the test prefix."""
    for name in system_users.users_with_prefix(prefix):
        system_users.remove_user(name)
        limits.remove_cgroups(name)
    for controller in ("memory", "cpu"):
        folder = limits.CGROUP_ROOT / controller / limits.GROUP
        for leftover in [*(folder.glob(f"{prefix}*") if folder.is_dir() else ()), folder]:
            try:
                leftover.rmdir()  # the parent last, and only when no other hub's group is left in it
            except OSError:
                pass


class HubProcess:
    """One hub: `start()`, `stop()`, `restart()` keep the same state folder, ports and accounts."""

    def __init__(
        self,
        accounts: list[dict] | None = None,
        memory: str = "1G",
        prefix: str = PREFIX,
        extra: dict | None = None,
    ):
        self.base = Path(tempfile.mkdtemp(prefix="dv-hub-"))
        os.chmod(self.base, 0o755)  # the homes below it must be reachable for their accounts
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.prefix = prefix
        self.log_path = self.base / "hub.log"
        config = {
            "demo": True,
            "listen": {"ip": "127.0.0.1", "port": self.port},
            "internal_ports": {"hub": free_port(), "proxy_api": free_port()},
            "state_dir": str(self.base / "state"),
            "shared_dir": str(self.base / "gedeeld"),
            "users": {"prefix": prefix, "home_base": str(self.base / "home")},
            "limits": {"memory": memory, "cpu": 1.0},
            "idle_culler": {"timeout_minutes": 60},
        }
        if os.environ.get("DATAVAARDIG_DATA"):
            config["data_mirror"] = os.environ["DATAVAARDIG_DATA"]
        if accounts:
            config["demo_accounts"] = accounts
        config.update(extra or {})
        self.config = config
        self.config_path = self.base / "hub.yaml"
        self.config_path.write_text(yaml.safe_dump(config), encoding="utf-8")
        self.env: dict[str, str] = {}  # extra environment for the hub (e.g. a client secret)
        self.proc: subprocess.Popen | None = None
        self.passwords: dict[str, str] = {}

    def reconfigure(self, **changes) -> None:
        """Change the deployment file before `start` (a production-like hub instead of the demo)."""
        self.config.update(changes)
        self.config_path.write_text(yaml.safe_dump(self.config), encoding="utf-8")

    @property
    def home_base(self) -> Path:
        return self.base / "home"

    def home(self, hub_name: str) -> Path:
        return self.home_base / system_users.linux_name(hub_name, self.prefix)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def start(self, timeout: float = 300) -> HubProcess:
        offset = len(self.log())
        out = open(self.log_path, "a", encoding="utf-8")  # servers inherit it: a file outlives the hub
        env = {**os.environ, "PYTHONUNBUFFERED": "1", **self.env}
        self.proc = subprocess.Popen(
            [CLI, "hub", "--config", str(self.config_path)], stdout=out, stderr=subprocess.STDOUT, env=env
        )
        out.close()
        deadline = time.monotonic() + timeout
        while "JupyterHub is now running" not in self.log()[offset:]:
            if self.proc.poll() is not None:
                raise RuntimeError(f"datavaardig hub stopped ({self.proc.returncode}):\n{self.log()[-3000:]}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"datavaardig hub did not come up in {timeout}s:\n{self.log()[-3000:]}")
            time.sleep(0.3)
        found = dict(re.findall(r"^  (\S+)\s+\S+\s+wachtwoord: (\S+)$", self.log(), re.M))
        self.passwords.update(found)
        return self

    def stop(self, timeout: float = 60) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def restart(self) -> HubProcess:
        self.stop()
        return self.start()

    def close(self) -> None:
        """Stop the hub, then every server (they outlive the hub by design), accounts, cgroups and files."""
        self.stop()
        clean_accounts(self.prefix)
        shutil.rmtree(self.base, ignore_errors=True)
