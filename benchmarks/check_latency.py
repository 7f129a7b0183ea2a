"""Latency of `q.check()` including its progress-event write, on a fresh SQLite store.

Targets (issue 3): p50 < 10 ms, p99 < 50 ms. The first check in a kernel also imports SQLAlchemy
and migrates an empty store; it is reported on its own line, not mixed into the percentiles.

    .venv/bin/python benchmarks/check_latency.py [--repeat 500]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

TARGET_P50_MS, TARGET_P99_MS = 10.0, 50.0


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def scenarios():
    """(label, question, learner value) — a number, a 1,000-row table with one wrong row, a function."""
    import numpy as np
    import pandas as pd

    from datavaardig.grading.selfcheck import EqualityQuestion, FunctionQuestion, lesson_questions

    rng = np.random.default_rng(7)
    table = pd.DataFrame(
        {"plaats": [f"plaats-{i}" for i in range(1000)], "magnitude": rng.uniform(0.5, 3.6, 1000).round(2)}
    )
    wrong = table.copy()
    wrong.loc[500, "magnitude"] = 9.9

    class Aantal(EqualityQuestion):
        var = "aantal"
        expected = lambda: int((table["magnitude"] >= 3).sum())

    class Tabel(EqualityQuestion):
        var = "tabel"
        expected = lambda: table
        key = "plaats"

    class Klasse(FunctionQuestion):
        var = "klasse"
        cases = [(m,) for m in (0.8, 1.9, 2.5, 3.0, 3.4)]
        reference = staticmethod(lambda m: "zwaar" if m >= 3 else "licht")

    q1, q2, q3 = lesson_questions("benchmark", "01-latency", Aantal, Tabel, Klasse)
    return [
        ("getal (goed)", q1, "aantal", int((table["magnitude"] >= 3).sum())),
        ("tabel 1000 rijen (fout)", q2, "tabel", wrong),
        ("functie 5 gevallen (goed)", q3, "klasse", lambda m: "zwaar" if m >= 3 else "licht"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=500, help="checks per scenario (default 500)")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="dv-check-latency-"))
    os.environ["DATAVAARDIG_HOME"] = str(workdir)
    os.environ["DATAVAARDIG_DB"] = f"sqlite:///{workdir / 'voortgang.sqlite'}"
    os.environ.setdefault("DATAVAARDIG_LEARNER", "benchmark")

    import datavaardig as dv
    from datavaardig import settings
    from datavaardig.progress.tracking import store_for

    namespace: dict = {}
    dv.bind(namespace)
    cases = scenarios()
    sink = io.StringIO()

    label, question, var, value = cases[0]
    namespace[var] = value
    start = time.perf_counter()
    with contextlib.redirect_stdout(sink):
        question.check()  # imports SQLAlchemy and Alembic, creates and migrates the store
    first_ms = (time.perf_counter() - start) * 1000

    rows, all_samples = [], []
    for label, question, var, value in cases:
        namespace[var] = value
        samples = []
        with contextlib.redirect_stdout(sink):
            question.check()  # warm: expected value computed and cached
            for _ in range(args.repeat):
                start = time.perf_counter()
                question.check()
                samples.append((time.perf_counter() - start) * 1000)
                sink.seek(0), sink.truncate()
        rows.append((label, samples))
        all_samples += samples

    stored = store_for(settings.db_url()).count()
    expected_events = 1 + len(cases) * (args.repeat + 1)
    print(f"check() latency incl. progress-event write — SQLite (WAL) store, {args.repeat} checks per scenario")
    print(f"python {sys.version.split()[0]}, store {settings.db_url()}")
    print(f"first check in a fresh process (imports + migration): {first_ms:8.1f} ms (not in the percentiles)")
    print()
    print(f"{'scenario':30} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8} {'max ms':>8}")
    for label, samples in rows + [("all", all_samples)]:
        print(
            f"{label:30} {percentile(samples, 50):8.2f} {percentile(samples, 99):8.2f} "
            f"{statistics.fmean(samples):8.2f} {max(samples):8.2f}"
        )
    p50, p99 = percentile(all_samples, 50), percentile(all_samples, 99)
    print()
    print(
        f"p50 {p50:6.2f} ms  target < {TARGET_P50_MS:.0f} ms  ratio {p50 / TARGET_P50_MS:5.2f}  "
        f"{'OK' if p50 < TARGET_P50_MS else 'MISSED'}"
    )
    print(
        f"p99 {p99:6.2f} ms  target < {TARGET_P99_MS:.0f} ms  ratio {p99 / TARGET_P99_MS:5.2f}  "
        f"{'OK' if p99 < TARGET_P99_MS else 'MISSED'}"
    )
    print(f"events stored: {stored} of {expected_events} checks {'OK' if stored == expected_events else 'LOST'}")
    return 0 if stored == expected_events else 1


if __name__ == "__main__":
    sys.exit(main())
