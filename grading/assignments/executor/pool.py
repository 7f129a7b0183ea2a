"""The grader's side of fast execution: start one sandboxed fork per submission and drive its cells.

The forkserver imports `zygote` once; every submission is a fresh fork of it. The grader
sends one cell at a time and waits with a wall-clock watchdog; a hidden test's source is sent only
when that cell's turn comes, so it is never in the sandbox while earlier learner code runs. Each
request carries a fresh nonce: a reply with the wrong nonce, an oversized or malformed message, or
data arriving unasked is a tampering attempt and marks the submission for review.
"""

from __future__ import annotations

import io
import itertools
import json
import multiprocessing
import multiprocessing.context
import os
import secrets
import select
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from multiprocessing import context, forkserver, popen_forkserver, reduction, spawn, util

from datavaardig.grading.assignments.executor import worker as wire
from datavaardig.grading.assignments.executor.sandbox import Limits, SandboxPlan

__all__ = [
    "CellJob",
    "CellRun",
    "FIRST_UID",
    "NotebookRun",
    "run_notebook",
    "submission_uid",
    "UIDS_PER_GRADER",
    "warm_up",
    "ZYGOTE",
]

ZYGOTE = "datavaardig.grading.assignments.executor.zygote"
FIRST_UID = 200_000
UIDS_PER_GRADER = 256
_uids = itertools.count()


def submission_uid() -> int:
    """A uid no other live grading process hands out: submissions are cleaned up with `kill -9 -1`
    as their uid, so two graders (two trainers, or a rerun after a killed run) must never share one.
    The grader's pid makes the range its own; a uid comes back within it only after 256 submissions,
    long after that child and everything it started were reaped."""
    return FIRST_UID + os.getpid() * UIDS_PER_GRADER + next(_uids) % UIDS_PER_GRADER


@dataclass
class CellJob:
    source: str
    kind: str  # "code" (learner or locked set-up cell) or "test" (graded test cell)
    name: str = ""  # grade_id of a test cell


@dataclass
class CellRun:
    outputs: list[dict]
    execution_count: int | None
    status: str  # "ok", "error" or "not-run"
    ename: str | None = None
    line: int | None = None  # failing line of a test cell (to tell visible from hidden tests)


@dataclass
class NotebookRun:
    cells: list[CellRun]
    level: str = "?"
    problems: list[str] = field(default_factory=list)  # reasons this needs review (Dutch)


def _context():
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([ZYGOTE])
    return ctx


class _LeanPopen(popen_forkserver.Popen):
    """Forkserver start without re-importing the grader's main script in every child.

    multiprocessing tells each child to import the parent's `__main__` (pytest, the CLI script:
    seconds per submission); our target lives in an importable module, so the child needs none of it.
    Mirrors CPython 3.11's popen_forkserver.Popen._launch minus the main-module keys.
    """

    def _launch(self, process_obj):
        prep_data = spawn.get_preparation_data(process_obj._name)
        for key in ("init_main_from_path", "init_main_from_name"):
            prep_data.pop(key, None)
        buf = io.BytesIO()
        context.set_spawning_popen(self)
        try:
            reduction.dump(prep_data, buf)
            reduction.dump(process_obj, buf)
        finally:
            context.set_spawning_popen(None)
        self.sentinel, w = forkserver.connect_to_new_process(self._fds)
        _parent_w = os.dup(w)
        self.finalizer = util.Finalize(self, util.close_fds, (_parent_w, self.sentinel))
        with open(w, "wb", closefd=True) as f:
            f.write(buf.getbuffer())
        self.pid = forkserver.read_signed(self.sentinel)


class _SubmissionProcess(multiprocessing.context.ForkServerProcess):
    @staticmethod
    def _Popen(process_obj):
        return _LeanPopen(process_obj)


def warm_up() -> None:
    """Start the forkserver (imports pandas & co. once) before the clock of the first submission runs."""
    from multiprocessing import forkserver

    _context()
    forkserver.ensure_running()


def _reap(uid: int) -> None:
    """Kill whatever the submission's uid left behind (after the child itself died)."""
    if os.geteuid() == 0:
        subprocess.run(
            ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "kill", "-9", "-1"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )


class _Channel:
    def __init__(self, sock: socket.socket, limit: int):
        self.sock, self.limit = sock, limit
        self.fd = sock.fileno()

    def send(self, message: dict) -> None:
        wire.send(self.fd, message)

    def receive(self, timeout: float) -> dict | None:
        """A reply, or None on timeout; raises EOFError when the child is gone, ValueError on garbage."""
        deadline = time.monotonic() + max(timeout, 0)
        head = self._exact(4, deadline)
        size = int.from_bytes(head, "big")
        if size > self.limit:
            raise ValueError("bericht te groot")
        message = json.loads(self._exact(size, deadline))
        if not isinstance(message, dict):
            raise ValueError("onverwacht bericht")
        return message

    def pending(self) -> bool:
        return bool(select.select([self.fd], [], [], 0)[0]) and bool(self.sock.recv(1, socket.MSG_PEEK))

    def _exact(self, size: int, deadline: float) -> bytes:
        chunks, left = [], size
        while left:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self.fd], [], [], remaining)[0]:
                raise TimeoutError
            chunk = self.sock.recv(min(left, 1 << 20))
            if not chunk:
                raise EOFError
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)


def _not_run(reason: str) -> CellRun:
    # An error output, so nbgrader's determine_grade gives a test cell that never ran 0 points, not full.
    out = {"output_type": "error", "ename": "NietUitgevoerd", "evalue": reason, "traceback": [reason]}
    return CellRun([out], None, "not-run", "NietUitgevoerd")


def run_notebook(
    cells: list[CellJob], workdir: str, datahome: str, hide: tuple[str, ...], limits: Limits = Limits()
) -> NotebookRun:
    """Execute `cells` in a fresh sandboxed fork; never raises for anything the learner's code does."""
    uid = submission_uid()
    plan = SandboxPlan(workdir=workdir, datahome=datahome, uid=uid, limits=limits, hide=hide)
    parent, child = socket.socketpair()
    _context()
    process = _SubmissionProcess(target=_child_main, args=(child, plan), daemon=True)
    process.start()
    child.close()
    channel = _Channel(parent, wire.MAX_MESSAGE)
    run = NotebookRun(cells=[])
    clean = False
    try:
        ready = channel.receive(30.0)
        if not ready.get("ready"):
            raise RuntimeError(ready.get("error", "sandbox niet gestart"))
        run.level = ready.get("level", "?")
        notebook_deadline = time.monotonic() + limits.notebook_wall
        for job in cells:
            nonce = secrets.token_hex(8)
            channel.send({"op": "run", "kind": job.kind, "source": job.source, "name": job.name, "nonce": nonce})
            timeout = min(limits.cell_wall, notebook_deadline - time.monotonic())
            reply = channel.receive(timeout)
            if reply.get("nonce") != nonce:
                raise PermissionError("antwoord hoort niet bij deze cel")
            run.cells.append(
                CellRun(
                    reply.get("outputs") or [],
                    reply.get("execution_count"),
                    reply.get("status", "error"),
                    reply.get("ename"),
                    reply.get("line"),
                )
            )
            if reply.get("ename") == "MemoryError":
                run.problems.append("geheugenlimiet bereikt in een cel")
            if reply.get("truncated"):
                run.problems.append("te veel uitvoer: uitvoer ingekort")
            if job.kind == "test" and reply.get("extra_threads", 0) > 0:
                run.problems.append("achtergrond-threads actief tijdens een test")
            if job.kind == "test" and reply.get("ename") in ("SystemExit", "KeyboardInterrupt"):
                run.problems.append("code probeerde te stoppen tijdens een test")
        if channel.pending():
            raise PermissionError("ongevraagde berichten van de cursuscode")
        channel.send({"op": "stop"})
        process.join(5)
        clean = process.exitcode == 0
    except TimeoutError:
        run.problems.append(f"tijdslimiet: cel {len(run.cells) + 1} liep langer dan toegestaan")
    except EOFError:
        process.join(2)
        run.problems.append(_death_reason(process.exitcode, len(run.cells) + 1))
    except PermissionError as exc:
        run.problems.append(f"manipulatie vermoed: {exc}")
    except (ValueError, RuntimeError) as exc:
        run.problems.append(f"uitvoering mislukt: {exc}")
    finally:
        if process.is_alive():
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except OSError:
                process.kill()
            process.join(5)
        parent.close()
        if not clean:
            _reap(uid)
    reason = run.problems[-1] if run.problems else ""
    while len(run.cells) < len(cells):
        run.cells.append(_not_run(f"Niet uitgevoerd: {reason}"))
    return run


def _death_reason(exitcode: int | None, cell: int) -> str:
    if exitcode is not None and exitcode < 0:
        sig = -exitcode
        if sig == signal.SIGXCPU:
            return f"CPU-tijdlimiet bereikt in cel {cell}"
        name = signal.Signals(sig).name if sig in signal.valid_signals() else str(sig)
        return f"uitvoering gestopt in cel {cell} (signaal {name}: gestopt, geheugen op of zelf beëindigd)"
    return f"uitvoering gestopt in cel {cell} (exitcode {exitcode}: os._exit of vastgelopen)"


def _child_main(sock: socket.socket, plan: SandboxPlan) -> None:
    fd = os.dup(sock.fileno())
    sock.detach()
    wire.serve(fd, plan)
