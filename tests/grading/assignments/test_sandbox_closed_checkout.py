"""Grading still reads datavaardig's own code when it lies below a folder others may not enter.

A fresh clone in `mktemp -d` (mode 0700) once scored every submission a silent 0: the sandboxed learner
could not read `datavaardig/…` there. A second shape of the same problem: the grader's working directory
(on the sandbox's sys.path) above a closed folder that holds the code. The sandbox bound the working
directory back but left the closed folder inside it closed. This installs the project as a wheel in such a
place and runs a learner cell through the real sandbox that imports and reads from it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from tests.support.paths import REPO as REPO_PATH

pytestmark = pytest.mark.slow
needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="namespaces and uid switching need root (CI runs as root)")
REPO = str(REPO_PATH)

LEARNER_CELL = textwrap.dedent("""
    import importlib.resources, datavaardig.widgets.timeseries as ts
    catalog = importlib.resources.files('datavaardig._catalog').joinpath('catalog.yml').read_text()
    print('GELEZEN', ts.__file__, 'aardbevingen' in catalog)
""")

RUNNER = textwrap.dedent("""
    import json, sys
    from datavaardig.grading.assignments.executor.pool import CellJob, run_notebook
    from datavaardig.grading.assignments.executor.sandbox import Limits
    work, data = sys.argv[1], sys.argv[2]
    limits = Limits(cell_wall=30, notebook_wall=60)
    run = run_notebook([CellJob(sys.stdin.read(), "code", "t0")], work, data, (), limits)
    print(json.dumps(run.cells[0].outputs))
""")


@needs_root
def test_learner_code_reads_datavaardig_installed_below_a_closed_folder(tmp_path):
    closed = tmp_path / "dicht"
    closed.mkdir(mode=0o700)
    os.chmod(closed, 0o700)
    dist, site = tmp_path / "dist", closed / "site"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), REPO],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    wheel = next(dist.glob("datavaardig-*.whl"))
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    # pip --target moves folders out of a private (0700) temporary folder; a checkout's are world-readable.
    subprocess.run(["chmod", "-R", "go+rX", str(site)], check=True)
    work, data = tmp_path / "werk", tmp_path / "data"
    work.mkdir()
    data.mkdir()
    # PYTHONPATH comes before the editable install, so grader and learner both use the copy below `dicht`.
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, str(work), str(data)],
        input=LEARNER_CELL,
        text=True,
        capture_output=True,
        timeout=300,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(site)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    outputs = json.loads(done.stdout.strip().splitlines()[-1])
    printed = "".join(o.get("text", "") + o.get("evalue", "") + "".join(o.get("traceback", [])) for o in outputs)
    assert f"GELEZEN {site}" in printed and printed.strip().endswith("True"), printed
