"""Confine one submission's process before any learner code runs (Linux; fully when run as root).

As root the child gets its own network namespace (no network, not even loopback), its own mount
namespace (a private /tmp holding only its working folder and the read-only data it needs; the course
root, the source notebooks with hidden tests and the progress store hidden under empty mounts), a uid
of its own (so it cannot signal the grader or another learner's process, nor write where it may not),
no_new_privs, and resource limits. Without root only the limits and the working folder apply
(level "beperkt"); the grader reports the level it got.
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
from dataclasses import dataclass, field

__all__ = [
    "CLONE_NEWNET",
    "CLONE_NEWNS",
    "DATAHOME",
    "enter",
    "Limits",
    "PR_SET_NO_NEW_PRIVS",
    "PR_SET_PDEATHSIG",
    "SandboxPlan",
    "set_cell_cpu",
    "WORKDIR",
]

CLONE_NEWNS = 0x00020000
CLONE_NEWNET = 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 1, 2, 4, 32, 4096, 16384, 1 << 18
PR_SET_NO_NEW_PRIVS = 38
PR_SET_PDEATHSIG = 1

WORKDIR = "/tmp/werk"  # what the learner's code sees as its folder
DATAHOME = "/tmp/data"  # DATAVAARDIG_HOME inside the sandbox (read-only prepared tables)


@dataclass(frozen=True)
class Limits:
    """Per-submission limits; times in seconds, sizes in MiB or bytes."""

    cell_wall: float = 30.0  # a cell running longer is stopped (infinite loops, sleeps)
    cell_cpu: int = 20  # CPU seconds per cell (RLIMIT_CPU soft limit, raised per cell)
    notebook_wall: float = 120.0  # the whole notebook
    notebook_cpu: int = 90  # hard RLIMIT_CPU for the whole process
    memory_mb: int = 1536  # address space on top of what the pre-imported libraries take
    output_bytes: int = 100_000  # text output kept per cell; the rest is cut off with a note
    tmp_mb: int = 64  # private /tmp (tmpfs) size
    max_file_mb: int = 64  # largest file the learner's code may write


@dataclass(frozen=True)
class SandboxPlan:
    workdir: str  # this submission's private copy (made by the grader)
    datahome: str  # DATAVAARDIG_HOME with the tables the assignment loads
    uid: int  # a uid used by this submission only
    limits: Limits = field(default_factory=Limits)
    hide: tuple[str, ...] = ()  # folders that must look empty (course root, sources, progress store)


_libc = ctypes.CDLL(None, use_errno=True)


def _check(result: int, what: str) -> None:
    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{what}: {os.strerror(errno)}")


def _mount(source: str | None, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    enc = lambda s: s.encode() if s is not None else None
    _check(_libc.mount(enc(source), enc(target), enc(fstype), flags, enc(data)), f"mount {target}")


def _isolate_filesystem(plan: SandboxPlan) -> None:
    _check(_libc.unshare(CLONE_NEWNS | CLONE_NEWNET), "unshare")
    _mount(None, "/", None, MS_REC | MS_PRIVATE)  # our mounts never leak back to the host
    # Open the folders before /tmp is covered: afterwards they are reachable only through these fds.
    work_fd = os.open(plan.workdir, os.O_RDONLY | os.O_DIRECTORY)
    data_fd = os.open(plan.datahome, os.O_RDONLY | os.O_DIRECTORY)
    _expose_python()
    for path in plan.hide:
        if os.path.isdir(path):
            _mount("tmpfs", path, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV, "size=4k,mode=0555")
    # A checkout or environment under /tmp (CI clones anywhere) would vanish with the private /tmp:
    # keep fds to it now, bind it back read-only below. Recursive binds keep the hiding mounts above.
    code_fds = {path: os.open(path, os.O_RDONLY | os.O_DIRECTORY) for path in _code_under_tmp()}
    for shared_tmp in ("/dev/shm", "/var/tmp"):
        if os.path.isdir(shared_tmp):
            _mount("tmpfs", shared_tmp, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0755")
    _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, f"size={plan.limits.tmp_mb}m,mode=1777")
    for path in (WORKDIR, DATAHOME, "/tmp/home"):
        os.mkdir(path, 0o755)
    for path, fd in code_fds.items():
        os.makedirs(path, exist_ok=True)
        _mount(f"/proc/self/fd/{fd}", path, None, MS_BIND | MS_REC)
        _mount(None, path, None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)
        os.close(fd)
    _mount(f"/proc/self/fd/{work_fd}", WORKDIR, None, MS_BIND)
    _mount(f"/proc/self/fd/{data_fd}", DATAHOME, None, MS_BIND)
    _mount(None, DATAHOME, None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)
    os.close(work_fd)
    os.close(data_fd)
    os.chown("/tmp/home", plan.uid, plan.uid)


def _code_folders() -> set[str]:
    """Where the interpreter, its packages and datavaardig's own (editable) packages are read from."""
    import sys

    import datavaardig

    folders = [sys.base_prefix, sys.prefix, *sys.path]
    for name in ("datavaardig", "datavaardig.grading", "datavaardig.widgets", "datavaardig.exercises"):
        module = sys.modules.get(name)
        folders += list(getattr(module, "__path__", []))
    folders += list(datavaardig.__path__)
    return {os.path.realpath(p) for p in folders if p and os.path.isdir(p)}


def _code_under_tmp() -> list[str]:
    """The top-most code folders inside /tmp, nested ones left out (their parent's bind covers them)."""
    inside = sorted(p for p in _code_folders() if p.startswith("/tmp/"))
    return [p for p in inside if not any(p != q and p.startswith(q + os.sep) for q in inside)]


def _closed_folders(path: str) -> list[str]:
    """Every folder on `path`, itself included, that others may not enter (e.g. /root, a 0700 mktemp folder)."""
    parts = os.path.abspath(path).split(os.sep)[1:]
    folders = [os.sep + os.path.join(*parts[:i]) for i in range(1, len(parts) + 1)]
    return [f for f in folders if not os.stat(f).st_mode & 0o001]


def _expose_python() -> None:
    """The interpreter's and datavaardig's own files must stay readable after dropping root, even below a
    folder others may not enter (a checkout under /root, or in `mktemp -d`).

    Each closed folder on the way is covered by an empty tmpfs (hiding the rest of, e.g., root's home) and
    the code folders below it are bound back, read-only. Shallow first, so that a closed folder inside a
    code folder that was just bound back (say a 0700 folder holding the environment, below the working
    directory on sys.path) is covered in turn, and the code below it bound back after that.
    """
    wanted = _code_folders()
    closed = {c for p in wanted for c in _closed_folders(p)}
    # A code folder that is closed itself stays unreadable whatever we bind: only what lies below it counts.
    back = {p for p in wanted if p not in closed and any(p.startswith(c + os.sep) for c in closed)}
    fds = {p: os.open(p, os.O_RDONLY | os.O_DIRECTORY) for p in back}  # before any tmpfs hides them
    depth = lambda p: p.count(os.sep)
    for _, is_code, path in sorted([(depth(c), 0, c) for c in closed] + [(depth(p), 1, p) for p in back]):
        os.makedirs(path, exist_ok=True)
        if not is_code:
            _mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=0755")
            continue
        _mount(f"/proc/self/fd/{fds[path]}", path, None, MS_BIND | MS_REC)
        _mount(None, path, None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)
        os.close(fds[path])


def _set_limits(limits: Limits) -> None:
    with open("/proc/self/statm") as fh:
        baseline = int(fh.read().split()[0]) * resource.getpagesize()
    memory = baseline + limits.memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    used = int(sum(os.times()[:2])) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (used + limits.cell_cpu, used + limits.notebook_cpu))
    size = limits.max_file_mb * 2**20
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))


def _environment(workdir: str, datahome: str, home: str) -> None:
    for name in list(os.environ):
        # Nothing of the grader's own set-up (course root, progress store, tokens) reaches the learner.
        if name.startswith(("DATAVAARDIG_", "JUPYTERHUB_", "JPY_")) or "TOKEN" in name or "SECRET" in name:
            del os.environ[name]
    os.environ.update(
        {
            "HOME": home,
            "TMPDIR": "/tmp",
            "DATAVAARDIG_HOME": datahome,
            "MPLCONFIGDIR": os.path.join(home, ".matplotlib"),
            "NBGRADER_EXECUTION": "autograde",
        }
    )
    os.chdir(workdir)


def enter(plan: SandboxPlan) -> str:
    """Confine the current process; returns the level reached: "volledig" or "beperkt"."""
    parent = os.getppid()
    os.setsid()  # own process group: the grader can kill everything the learner's code started
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):  # raw writes to stdout/stderr go nowhere; cell output is captured in Python
        os.dup2(devnull, fd)
    level = "beperkt"
    if os.geteuid() == 0:
        os.chown(plan.workdir, plan.uid, plan.uid)
        for dirpath, dirnames, filenames in os.walk(plan.workdir):
            for name in dirnames + filenames:
                os.lchown(os.path.join(dirpath, name), plan.uid, plan.uid)
        _isolate_filesystem(plan)
        _environment(WORKDIR, DATAHOME, "/tmp/home")
        _set_limits(plan.limits)
        resource.setrlimit(resource.RLIMIT_NPROC, (64, 64))
        os.setgroups([])
        os.setresgid(plan.uid, plan.uid, plan.uid)
        os.setresuid(plan.uid, plan.uid, plan.uid)
        level = "volledig"
    else:
        _environment(plan.workdir, plan.datahome, plan.workdir)
        _set_limits(plan.limits)
    _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    # Out of the grader's process group, a submission would outlive a killed grading run (and keep its
    # uid busy). Die with the parent instead; set after setresuid, which clears this setting.
    _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    return level


def set_cell_cpu(limits: Limits) -> None:
    """Give the next cell `cell_cpu` seconds of CPU (never beyond the notebook's hard limit)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    used = int(sum(os.times()[:2])) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (min(used + limits.cell_cpu, hard), hard))
