"""The child side of fast autograding: one forked interpreter per submission, cells run like a kernel.

The forkserver (see zygote.py) has pandas, matplotlib's inline backend, IPython and datavaardig
imported and an InteractiveShell built; each submission is a fresh fork of it, confined by `sandbox`,
that runs the cells the grader sends it one at a time over a socket. Learner cells run through
IPython (magics, `display`, last-expression results, as in ipykernel); test cells run through our own
exec after `guard` restored what learner code may have patched, and their verdict comes from
the exception this code caught, never from printed text.

Wire format (both ways): 4-byte big-endian length + JSON. JSON, never pickle: the grader must not
unpickle what a learner's process wrote.
"""

from __future__ import annotations

import ast
import json
import os
import struct
import sys
import traceback

from datavaardig.grading.assignments.executor import sandbox

__all__ = ["CellOutputs", "CellStream", "MAX_MESSAGE", "receive", "run_learner_cell", "run_test_cell", "send", "serve"]

MAX_MESSAGE = 8 * 2**20
_pack, _unpack, _write, _read = struct.pack, struct.unpack, os.write, os.read  # pristine references
_dumps, _loads, _format_exc = json.dumps, json.loads, traceback.format_exception
_BaseException, _isinstance, _type, _repr = BaseException, isinstance, type, repr


def send(fd: int, message: dict) -> None:
    data = _dumps(message, default=str).encode()
    view = memoryview(_pack("!I", len(data)) + data)
    while view:
        view = view[_write(fd, view) :]


def receive(fd: int) -> dict | None:
    head = _read_exact(fd, 4)
    if head is None:
        return None
    (size,) = _unpack("!I", head)
    if size > MAX_MESSAGE:
        raise ValueError("message too large")
    body = _read_exact(fd, size)
    return None if body is None else _loads(body)


def _read_exact(fd: int, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = _read(fd, left)
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


class CellOutputs:
    """Collects one cell's outputs in nbformat v4 shape, merging consecutive writes to one stream."""

    def __init__(self, limit: int):
        self.items: list[dict] = []
        self.limit, self.used, self.truncated = limit, 0, False

    def stream(self, name: str, text: str) -> None:
        if self.truncated:
            return
        if self.used + len(text) >= self.limit:
            text = text[: self.limit - self.used] + "\n[uitvoer ingekort: te veel tekst]\n"
            self.truncated = True
        self.used += len(text)
        last = self.items[-1] if self.items else None
        if last and last["output_type"] == "stream" and last["name"] == name:
            last["text"] += text
        else:
            self.items.append({"output_type": "stream", "name": name, "text": text})

    def rich(self, output_type: str, data: dict, metadata: dict | None = None, count: int | None = None) -> None:
        size = sum(len(v) if _isinstance(v, str) else len(_dumps(v)) for v in data.values())
        if self.used + size > self.limit * 20:  # images may be larger than text, but not unbounded
            self.truncated = True
            data = {"text/plain": "[uitvoer weggelaten: te groot]"}
        self.used += min(size, self.limit)
        item = {"output_type": output_type, "data": data, "metadata": metadata or {}}
        if output_type == "execute_result":
            item["execution_count"] = count
        self.items.append(item)

    def error(self, ename: str, evalue: str, tb: list[str]) -> None:
        self.items.append({"output_type": "error", "ename": ename, "evalue": evalue, "traceback": tb})


class CellStream:
    """sys.stdout / sys.stderr during a cell (like ipykernel's OutStream)."""

    encoding, errors = "utf-8", "strict"

    def __init__(self, shell, name: str):
        self.shell, self.name = shell, name

    def write(self, text) -> int:
        self.shell.cell_outputs.stream(self.name, str(text))
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def readable(self) -> bool:
        return False

    def writable(self) -> bool:
        return True


def run_learner_cell(shell, source: str) -> dict:
    """A learner (or locked setup) cell, through IPython exactly as a kernel would run it."""
    result = shell.run_cell(source, store_history=True)
    failed = result.error_before_exec or result.error_in_exec
    return {"status": "error" if failed else "ok", "ename": _type(failed).__name__ if failed else None}


def run_test_cell(shell, guard, source: str, name: str) -> dict:
    """A trainer's test cell: restored environment, our own exec, verdict from the caught exception."""
    guard.restore()
    _install_streams(shell)
    namespace = shell.user_ns
    shadowed = guard.shadowed_builtins(namespace)
    for key in shadowed:
        del namespace[key]
    namespace["__builtins__"] = guard.builtins_module
    count = shell.execution_count
    shell.execution_count += 1
    outputs, filename = shell.cell_outputs, f"<testcel {name}>"
    status, ename, line = "ok", None, None
    try:
        code = shell.pristine_transform(source)
        tree = ast.parse(code, filename)
        last = tree.body.pop() if tree.body and _isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, filename, "exec"), namespace)
        if last is not None:
            value = eval(compile(ast.Expression(last.value), filename, "eval"), namespace)
            if value is not None:
                text = _repr(value) if _type(value) in (int, float, bool) else shell.pristine_pretty(value)
                outputs.rich("execute_result", {"text/plain": text}, count=count)
    except _BaseException as exc:  # SystemExit and KeyboardInterrupt too: a test that did not finish failed
        status, ename = "error", _type(exc).__name__
        tb, line = exc.__traceback__, None
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == filename:
                line = tb.tb_lineno
            tb = tb.tb_next
        outputs.error(ename, str(exc), _format_exc(_type(exc), exc, exc.__traceback__.tb_next))
    finally:
        namespace.update(shadowed)
    return {"status": status, "ename": ename, "line": line}


def _install_streams(shell) -> None:
    sys.stdout, sys.stderr = CellStream(shell, "stdout"), CellStream(shell, "stderr")


def serve(fd: int, plan: sandbox.SandboxPlan) -> None:
    """Entry point in the forked child: confine, say ready, run cells until told to stop."""
    from datavaardig.grading.assignments.executor import zygote

    shell, guard = zygote.SHELL, zygote.GUARD
    try:
        level = sandbox.enter(plan)
    except OSError as exc:
        send(fd, {"ready": False, "error": f"sandbox: {exc}"})
        os._exit(3)
    send(fd, {"ready": True, "level": level})
    while True:
        request = receive(fd)
        if request is None or request.get("op") != "run":
            break
        sandbox.set_cell_cpu(plan.limits)
        shell.cell_outputs = CellOutputs(plan.limits.output_bytes)
        _install_streams(shell)
        count = shell.execution_count
        if request["kind"] == "test":
            reply = run_test_cell(shell, guard, request["source"], request["name"])
        else:
            reply = run_learner_cell(shell, request["source"])
        guard.restore()  # learner code must not have replaced what we use to answer
        _install_streams(shell)
        reply.update(
            nonce=request["nonce"],
            outputs=shell.cell_outputs.items,
            execution_count=count,
            truncated=shell.cell_outputs.truncated,
            extra_threads=guard.extra_threads(),
        )
        send(fd, reply)
    if level == "volledig":
        try:
            os.kill(-1, 9)  # every process this unique uid started (the caller itself is spared)
        except OSError:
            pass
    os._exit(0)
