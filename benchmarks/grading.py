"""Benchmark: `nbgrader autograde` vs `datavaardig grade` on 40 submissions, then 1,000 with datavaardig.

Prints both times, the speed-up (target ≥ 10× on the 2-core machine) and whether the scores agree,
then the time for 1,000 submissions (target < 3 min). Both tools run as a trainer runs them: as
commands, start-up included, on their own copies of the same submissions.

    DATAVAARDIG_DATA=/path/to/raw .venv/bin/python benchmarks/grading.py [--skip-1000]
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.support import submissions

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# Cheap and representative: right, wrong, partial, tampered tests, old format (no 30 s loops, no 8 GiB).
MIX = [
    "goed",
    "goed_anders",
    "fout1",
    "fout1_verborgen",
    "fout2_grens",
    "fout2_kolommen",
    "deel3_frame",
    "deel3_volgorde",
    "deel3_fout",
    "fout4_int",
    "half",
    "print_en_plot",
    "test_leeg_gemaakt",
    "oud_nbformat",
    "mix_fout1+fout2_grens",
    "mix_deel3_fout+fout4_mediaan",
    "spiek_len_vervangen",
    "spiek_nep_uitvoer",
]


def course(base: Path, name: str, count: int) -> Path:
    root = submissions.make_course(base / name)
    for i, variant in zip(range(count), itertools.cycle(MIX)):
        submissions.write(root, f"cursist{i:04d}", variant)
    return root


def timed(cmd: list[str], cwd: Path, *, check: bool = True) -> float:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, check=check, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def scores(root: Path) -> dict[str, float]:
    from datavaardig.grading.assignments.steps import open_gradebook

    with open_gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        return {s.student.id: float(s.score) for s in gb.find_assignment("tabellen").submissions}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-1000", action="store_true", help="only the 40-submission comparison")
    args = parser.parse_args()
    os.environ.setdefault("DATAVAARDIG_DATA", str(REPO.parent / "shared" / "datasets" / "raw"))
    base = Path(tempfile.mkdtemp(prefix="dv-bench-"))
    os.environ.setdefault("DATAVAARDIG_HOME", str(base / "home"))
    try:
        theirs_root, ours_root = course(base, "nbgrader", 40), course(base, "datavaardig", 40)
        # nbgrader exits 1 when it could not grade some submission; those are left out of the comparison.
        nbgrader_time = timed(["nbgrader", "autograde", "tabellen", "--force"], theirs_root, check=False)
        ours_time = timed(
            [str(BIN / "datavaardig"), "grade", "tabellen", "--quiet", "--root", str(ours_root)], ours_root
        )
        theirs = {
            s: v
            for s, v in scores(theirs_root).items()
            if (theirs_root / "autograded" / s / "tabellen" / "aardbevingen.ipynb").exists()
        }
        ours = scores(ours_root)
        same = theirs == {s: ours[s] for s in theirs}
        print(f"nbgrader graded {len(theirs)} of 40; datavaardig graded {len(ours)} of 40")
        print(f"40 submissions  nbgrader autograde: {nbgrader_time:7.1f} s")
        print(f"40 submissions  datavaardig grade:  {ours_time:7.1f} s")
        print(f"speed-up: {nbgrader_time / ours_time:.1f}x (target >= 10x)   same scores: {'yes' if same else 'NO'}")
        if not args.skip_1000:
            big = course(base, "duizend", 1000)
            big_time = timed([str(BIN / "datavaardig"), "grade", "tabellen", "--quiet", "--root", str(big)], big)
            print(
                f"1000 submissions datavaardig grade: {big_time:7.1f} s (target < 180 s), "
                f"{1000 / big_time:.1f} per second, workers = {os.cpu_count()}"
            )
        return 0 if same else 1
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
