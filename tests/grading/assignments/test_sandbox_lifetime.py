"""A sandboxed submission never outlives its grader, and no two live graders hand out the same uid
(submissions are cleaned up with `kill -9 -1` as their uid, so a shared uid lets one kill the other)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

UIDS = "from datavaardig.grading.assignments.executor.pool import submission_uid; print([submission_uid() for _ in range(300)])"


def test_two_grader_processes_never_share_a_submission_uid():
    first, second = (
        json.loads(subprocess.run([sys.executable, "-c", UIDS], capture_output=True, text=True, check=True).stdout)
        for _ in range(2)
    )
    assert not set(first) & set(second)
    assert len(set(first[:256])) == 256  # within one grader, reuse only after 256 submissions


ORPHAN = """
import os, sys, time
from datavaardig.grading.assignments.executor.sandbox import Limits, SandboxPlan, enter
work, data = sys.argv[1], sys.argv[2]
child = os.fork()
if child == 0:
    enter(SandboxPlan(workdir=work, datahome=data, uid=200_000 + os.getpid() * 256, limits=Limits(), hide=()))
    time.sleep(60)
    os._exit(0)
print(child, flush=True)
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text().split("State:")[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def test_submission_dies_with_its_killed_grader(tmp_path):
    work, data = tmp_path / "werk", tmp_path / "data"
    work.mkdir()
    data.mkdir()
    grader = subprocess.Popen([sys.executable, "-c", ORPHAN, str(work), str(data)], stdout=subprocess.PIPE, text=True)
    child = int(grader.stdout.readline())
    time.sleep(1.0)  # let the child finish entering its sandbox
    assert _alive(child)
    os.kill(grader.pid, signal.SIGKILL)
    grader.wait()
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    alive = _alive(child)
    if alive:
        os.kill(child, signal.SIGKILL)
    assert not alive, "the sandboxed submission outlived its grader"
