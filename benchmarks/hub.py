"""Benchmark: a workshop arrives at the hub. N learners sign in at once, each gets a server, opens a lesson and
runs 10 checks. Reports spawn time (p50/p95), memory per person's server, failed sign-ins (must be 0) and
failed checks (must be 0).

Runs a real `datavaardig hub` on 127.0.0.1 with N demo accounts as real Linux accounts (removed after).
Needs root and configurable-http-proxy (deploy/system-packages.sh).

    DATAVAARDIG_DATA=/path/to/raw .venv/bin/python -m benchmarks.hub [--learners 20]
"""

from __future__ import annotations

import argparse
import os
import pwd
import statistics
import sys
import threading
import time
from dataclasses import dataclass

from datavaardig.hub import system_users
from tests.support.hub import HubProcess, clean_accounts
from tests.support.hubclient import HubUser, SignInFailed

LESSON = "python/01-notebooks-en-cellen.ipynb"
SETUP = "import datavaardig as dv\nfrom datavaardig.exercises.python_01 import *\ndv.bind(globals())"
ANSWERS = ["b", "a", "c", "b", "d", "b", "a", "b", "c", "b"]  # right and wrong, as a workshop goes


@dataclass
class Visit:
    name: str
    signed_in: bool = False
    spawn_s: float | None = None
    checks_ok: int = 0
    error: str | None = None


def visit(hub: HubProcess, name: str, start: threading.Event, result: Visit) -> None:
    start.wait()
    try:
        person = HubUser(hub.url, name, hub.passwords[name]).sign_in()
        result.signed_in = True
        result.spawn_s = person.start_server()
        kernel = person.open_notebook(LESSON)
        out = person.run(kernel, SETUP)
        assert out.error is None, out.error
        for answer in ANSWERS:
            out = person.run(kernel, f'antwoord_toetsen = "{answer}"\nq1.check()')
            # Every check answers in Markdown; the right answer says so.
            if out.error is None and out.markdown and (answer != "b" or "Goed zo" in out.text):
                result.checks_ok += 1
    except SignInFailed as exc:
        result.error = str(exc)
    except Exception as exc:  # a benchmark reports every failure instead of stopping at the first
        result.error = f"{type(exc).__name__}: {exc}"


def rss_mb(account: str) -> float:
    """Resident memory of every process of the account (server, kernels), in MB."""
    try:
        uid = pwd.getpwnam(account).pw_uid
    except KeyError:
        return 0.0
    total = 0
    for pid in system_users.processes_of(uid):
        try:
            for line in open(f"/proc/{pid}/status"):
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=20)
    args = parser.parse_args()
    if os.geteuid() != 0:
        print("Run as root: the hub creates a Linux account per learner.", file=sys.stderr)
        return 2
    names = [f"cursist{i:02d}" for i in range(1, args.learners + 1)]
    clean_accounts()
    hub = HubProcess(accounts=[{"name": n} for n in names] + [{"name": "trainer", "trainer": True}], memory="2G")
    try:
        began = time.perf_counter()
        hub.start()
        print(f"hub up in {time.perf_counter() - began:.1f} s on {os.cpu_count()} cores; {args.learners} learners")
        start = threading.Event()
        results = [Visit(n) for n in names]
        threads = [threading.Thread(target=visit, args=(hub, n, start, r)) for n, r in zip(names, results)]
        for thread in threads:
            thread.start()
        began = time.perf_counter()
        start.set()  # everybody presses "sign in" at the same moment
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - began
        memory = [rss_mb(system_users.linux_name(n, hub.prefix)) for n in names]
        spawns = [r.spawn_s for r in results if r.spawn_s is not None]
        failed_logins = sum(not r.signed_in for r in results)
        checks = sum(r.checks_ok for r in results)
        print(f"all learners done in {wall:.1f} s")
        if spawns:
            print(
                f"spawn time: p50 {percentile(spawns, 0.5):.1f} s, p95 {percentile(spawns, 0.95):.1f} s, "
                f"max {max(spawns):.1f} s ({len(spawns)} servers)"
            )
        used = [m for m in memory if m]
        if used:
            print(
                f"memory per server (server + lesson kernel, RSS): median {statistics.median(used):.0f} MB, "
                f"max {max(used):.0f} MB, all {sum(used) / 1024:.1f} GB"
            )
        print(f"failed sign-ins: {failed_logins} (must be 0)")
        print(f"checks answered right: {checks} of {len(names) * len(ANSWERS)}")
        for r in results:
            if r.error:
                print(f"  {r.name}: {r.error}")
        return 0 if failed_logins == 0 and checks == len(names) * len(ANSWERS) else 1
    finally:
        hub.close()


if __name__ == "__main__":
    sys.exit(main())
