"""What one person's server may use: memory and CPU through cgroups (v1), processes and open files through
rlimits.

JupyterHub's LocalProcessSpawner sets no limits; systemd (which The Littlest JupyterHub uses for them) is not
on every machine. So each person gets `/sys/fs/cgroup/{memory,cpu}/datavaardig/<account>/` and their server
joins it before it drops to their account; the kernels it starts inherit the group, so one learner's runaway
DataFrame is killed inside their own limit instead of taking the machine. Where cgroup v1 is not mounted
(a cgroup v2-only system, or a container without the controllers) only the rlimits apply, and the hub says so
in its log. RLIMIT_NPROC counts every process of the account, which stops a fork bomb at the learner.
"""

from __future__ import annotations

import os
import resource
from collections.abc import Callable
from pathlib import Path

from datavaardig.hub.config import Limits

__all__ = ["CGROUP_ROOT", "GROUP", "cgroup_paths", "preexec_fn", "prepare_cgroups", "remove_cgroups"]

CGROUP_ROOT = Path("/sys/fs/cgroup")
GROUP = "datavaardig"
PERIOD_US = 100_000


def cgroup_paths(account: str, root: Path = CGROUP_ROOT) -> dict[str, Path]:
    return {c: root / c / GROUP / account for c in ("memory", "cpu") if (root / c / "tasks").exists()}


def prepare_cgroups(account: str, limits: Limits, root: Path = CGROUP_ROOT) -> list[Path]:
    """Create (or update) the account's groups; returns the `cgroup.procs` files the server must join."""
    procs = []
    for controller, folder in cgroup_paths(account, root).items():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if controller == "memory":
                (folder / "memory.limit_in_bytes").write_text(str(limits.memory_mb * 2**20))
            else:
                (folder / "cpu.cfs_period_us").write_text(str(PERIOD_US))
                (folder / "cpu.cfs_quota_us").write_text(str(int(limits.cpus * PERIOD_US)))
        except OSError:
            continue  # not allowed here (a container): rlimits still apply
        procs.append(folder / "cgroup.procs")
    return procs


def remove_cgroups(account: str, root: Path = CGROUP_ROOT) -> None:
    for folder in cgroup_paths(account, root).values():
        try:
            folder.rmdir()  # only succeeds when no process is left in it
        except OSError:
            pass


def preexec_fn(
    uid: int, gid: int, groups: list[int], home: str, limits: Limits, procs: list[Path]
) -> Callable[[], None]:
    """Runs in the forked child before exec: join the groups, set the rlimits, then become the person.

    Order matters: joining a cgroup and raising limits need root, so both happen before setuid.
    """
    proc_files = [str(p) for p in procs]

    def run() -> None:
        pid = str(os.getpid())
        for path in proc_files:
            with open(path, "w") as out:
                out.write(pid)
        resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes, limits.processes))
        resource.setrlimit(resource.RLIMIT_NOFILE, (limits.open_files, limits.open_files))
        os.setgid(gid)
        os.setgroups(groups)
        os.setuid(uid)
        try:
            os.chdir(home)
        except OSError:
            pass

    return run
