"""The spawner: each person's server as their own Linux account, with limits, in their own workspace.

JupyterHub's LocalProcessSpawner does the starting, stopping and finding a server again after a hub restart
(by pid); this subclass creates the account on first sign-in, puts the server in the account's cgroups with
rlimits, and tells it its role: `DATAVAARDIG_ROLE=trainer` for members of the trainers group (the hub group
that Entra ID's trainers group, or the demo's trainer account, is synced to).
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Dict, Float, Integer, Unicode, default

from datavaardig import settings
from datavaardig.hub import limits as limits_
from datavaardig.hub import profiles, system_users
from datavaardig.hub.config import Limits

__all__ = ["WorkspaceSpawner"]

# useradd locks /etc/passwd: twenty first sign-ins at once must create their accounts one after another.
_ACCOUNTS = asyncio.Lock()
_STARTING: dict[int, asyncio.Semaphore] = {}


def _starting(limit: int) -> asyncio.Semaphore:
    return _STARTING.setdefault(limit, asyncio.Semaphore(limit))


class WorkspaceSpawner(LocalProcessSpawner):
    user_prefix = Unicode("dv-", help="prefix of the Linux accounts").tag(config=True)
    home_base = Unicode("/home", help="folder the homes are made in").tag(config=True)
    trainers_group = Unicode("trainers", help="hub group whose members get the trainer's JupyterLab").tag(config=True)
    memory_limit_mb = Integer(2048).tag(config=True)
    cpus = Float(1.0).tag(config=True)
    max_processes = Integer(256).tag(config=True)
    max_open_files = Integer(4096).tag(config=True)
    extra_env = Dict(help="environment for every server (shared dataset cache, data mirror)").tag(config=True)
    concurrent_starts = Integer(
        help="servers starting at the same moment; the others wait their turn (default: one per core)"
    ).tag(config=True)

    @default("concurrent_starts")
    def _concurrent_starts_default(self):
        return max(1, os.cpu_count() or 1)

    @default("cmd")
    def _cmd_default(self):
        return [sys.executable, "-m", "datavaardig.hub.singleuser"]

    @property
    def account(self) -> str:
        return system_users.linux_name(self.user.name, self.user_prefix)

    @property
    def role(self) -> str:
        names = {group.name for group in self.user.groups}
        return profiles.TRAINER if self.trainers_group in names else profiles.LEARNER

    @property
    def limits(self) -> Limits:
        return Limits(self.memory_limit_mb, self.cpus, self.max_processes, self.max_open_files)

    async def start(self):
        async with _ACCOUNTS:
            entry = await asyncio.to_thread(system_users.ensure_user, self.account, Path(self.home_base))
        self._entry = entry
        self._procs = await asyncio.to_thread(limits_.prepare_cgroups, self.account, self.limits)
        if not self._procs:
            self.log.warning(
                "No cgroup v1 for %s: memory and CPU are not limited, only processes and files", self.account
            )
        self.notebook_dir = str(Path(entry.pw_dir) / settings.WORKSPACE_NAME)
        # A server's start is ~8 s of CPU. Twenty at once on two cores all finish after minutes (and near the
        # hub's timeout); a few at a time, the first arrivals work within seconds and nobody waits longer.
        async with _starting(self.concurrent_starts):
            ip, port = await super().start()
            await self._listening(ip, port)
        return ip, port

    async def _listening(self, ip: str, port: int) -> None:
        """Until the server accepts connections (it binds its port once its extensions are loaded)."""
        while self.proc is not None and self.proc.poll() is None:
            try:
                _reader, writer = await asyncio.open_connection(ip, port)
            except OSError:
                await asyncio.sleep(0.2)
                continue
            writer.close()
            return
        # It stopped: the hub's own check reports that, with the server's exit status.

    async def stop(self, now=False):
        await super().stop(now=now)
        limits_.remove_cgroups(self.account)  # empty now; a left-over group would keep its old limits

    def make_preexec_fn(self, name):
        entry = self._entry
        groups = os.getgrouplist(entry.pw_name, entry.pw_gid)
        return limits_.preexec_fn(entry.pw_uid, entry.pw_gid, groups, entry.pw_dir, self.limits, self._procs)

    def user_env(self, env):
        entry = getattr(self, "_entry", None) or system_users.ensure_user(self.account, Path(self.home_base))
        env.update(
            USER=entry.pw_name,
            LOGNAME=entry.pw_name,
            HOME=entry.pw_dir,
            SHELL=entry.pw_shell or "/bin/bash",
            PATH=os.pathsep.join([os.path.dirname(self.cmd[0]), "/usr/local/bin", "/usr/bin", "/bin"]),
            DATAVAARDIG_ROLE=self.role,
            DATAVAARDIG_WORKSPACE=str(Path(entry.pw_dir) / settings.WORKSPACE_NAME),
            # Jupyter's runtime files in the private home, not in a /tmp that every account can list.
            JUPYTER_RUNTIME_DIR=str(Path(entry.pw_dir) / ".local/share/jupyter/runtime"),
            **self.extra_env,
        )
        env["MEM_LIMIT"] = str(self.memory_limit_mb * 2**20)  # jupyter-resource-usage and friends read this
        env["CPU_LIMIT"] = str(self.cpus)
        return env

    async def move_certs(self, paths):  # internal TLS is off: the hub and the servers talk on loopback
        return paths
