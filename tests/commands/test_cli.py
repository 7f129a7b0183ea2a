"""The `datavaardig` command line as a person types it: real processes, real JupyterLab."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from datavaardig import catalog
from tests.support.paths import REPO
from tests.support.ports import free_port

CLI = [sys.executable, "-m", "datavaardig"]


def run(*args, env=None, check=True):
    out = subprocess.run(CLI + list(args), capture_output=True, text=True, env=env, cwd=REPO)
    if check:
        assert out.returncode == 0, out.stderr
    return out


def test_help_is_english_and_lists_commands():
    out = run("--help").stdout
    assert "start" in out and "data" in out
    assert "Open JupyterLab" in out


def test_data_list_shows_every_dataset(mirror):
    out = run("data", "list").stdout
    for id_ in catalog.load_catalog():
        assert id_ in out


def test_data_info_describes_source_licence_and_columns(mirror):
    out = run("data", "info", "aardbevingen").stdout
    for text in ("KNMI", "CC BY 4.0", "Bron: KNMI", "in_groningenveld", "sha256", "Kolommen"):
        assert text in out


def test_unknown_dataset_is_a_dutch_error_not_a_traceback(mirror):
    out = run("data", "info", "bevingen", check=False)
    assert out.returncode == 1
    assert "Onbekende dataset 'bevingen'" in out.stderr and "Traceback" not in out.stderr


def test_verify_reports_a_damaged_file_and_fails(tmp_path, mirror):
    copy = tmp_path / "mirror"
    shutil.copytree(mirror / "gaswinning_en_bevingen_per_jaar", copy / "gaswinning_en_bevingen_per_jaar")
    target = copy / "gaswinning_en_bevingen_per_jaar" / "gegevens-geaggregeerd-per-jaar.csv"
    os.chmod(target, 0o644)
    target.write_text(target.read_text().replace("1986", "1896"))
    env = dict(os.environ, DATAVAARDIG_DATA=str(copy), DATAVAARDIG_HOME=str(tmp_path / "home"))
    out = run("data", "verify", "gaswinning_per_jaar", env=env, check=False)
    assert out.returncode == 1
    assert "FOUT" in out.stderr and "gewijzigd" in out.stderr


def test_verify_and_prepare_all_from_the_mirror(mirror, tmp_path):
    env = dict(os.environ, DATAVAARDIG_HOME=str(tmp_path / "home"))
    verify = run("data", "verify", env=env).stdout
    assert verify.count("OK") == sum(len(d.raw) for d in catalog.load_catalog().values())
    prepare = run("data", "prepare", env=env)
    assert "Klaar:" in prepare.stdout
    tables = list((tmp_path / "home" / "cache" / "tables").glob("*.parquet"))
    assert {p.stem for p in tables} == set(catalog.load_catalog())


@pytest.mark.slow
def test_start_serves_the_course_start_page_on_loopback(mirror, tmp_path):
    port = free_port()
    env = dict(
        os.environ,
        JUPYTER_TOKEN="dvtest",
        JUPYTER_CONFIG_DIR=str(tmp_path / "jcfg"),
        JUPYTER_RUNTIME_DIR=str(tmp_path / "jrt"),
        DATAVAARDIG_HOME=str(tmp_path / "home"),
        DATAVAARDIG_CACHE=str(os.environ["DATAVAARDIG_HOME"]) + "/cache",  # the session's prepared tables
    )
    proc = subprocess.Popen(
        CLI + ["start", "--no-browser", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )

    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/contents/index.ipynb?token=dvtest") as r:
                    assert r.status == 200
                    break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, proc.stdout.read()
                assert time.monotonic() < deadline, "JupyterLab did not come up"
                time.sleep(0.5)
        # The default URL is the start page.
        with urllib.request.urlopen(f"{base}/?token=dvtest") as r:
            assert r.url.startswith(f"{base}/lab/tree/index.ipynb")
        # It serves the learner's own copy of the lessons (never the course source), only on 127.0.0.1.
        with urllib.request.urlopen(f"{base}/api/contents/tabellen?token=dvtest") as r:
            listing = json.loads(r.read())
        names = {item["name"] for item in listing["content"]}
        assert "01-inlezen-en-bekijken.ipynb" in names and "course.yml" not in names
        workspace = tmp_path / "home" / "datavaardig-lessen"
        assert (workspace / "tabellen" / "01-inlezen-en-bekijken.ipynb").is_file()
        request = urllib.request.Request(
            f"{base}/api/contents/tabellen/notities.txt?token=dvtest",
            data=json.dumps({"type": "file", "format": "text", "content": "mijn notities"}).encode(),
            method="PUT",
        )
        with urllib.request.urlopen(request) as r:
            assert r.status == 201
        assert (workspace / "tabellen" / "notities.txt").read_text() == "mijn notities"
        assert not (REPO / "courses" / "tabellen" / "notities.txt").exists()
        # In Dutch, without the "Jupyter news" question and without nbgrader's authoring tools.
        with urllib.request.urlopen(
            f"{base}/lab/api/settings/@jupyterlab/translation-extension:plugin?token=dvtest"
        ) as r:
            assert json.loads(r.read())["schema"]["properties"]["locale"]["default"] == "nl_NL"
        with urllib.request.urlopen(f"{base}/lab?token=dvtest") as r:
            page = r.read().decode()
        assert "@jupyter/nbgrader:create-assignment" in page.split("disabledExtensions", 1)[1][:600]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
