"""Browser tests: `datavaardig demo` on a free 127.0.0.1 port, driven by Debian's Chromium via Playwright."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.support.paths import REPO
from tests.support.ports import free_port

ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
WARM_TIMEOUT = 420  # three dashboards warming on two shared cores


def start_demo(args: list[str], timeout: float = WARM_TIMEOUT):
    """Start `datavaardig demo …`; return (process, printed URLs) once it says the pools are warm."""
    cmd = [str(Path(sys.executable).parent / "datavaardig"), "demo", *args]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"}
    )
    urls, ready = [], threading.Event()

    def read():
        for line in proc.stdout:
            if line.strip().startswith("http://127.0.0.1"):
                urls.append(line.strip())
            if line.startswith("Klaar"):
                ready.set()
        ready.set()

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + timeout
    while not ready.wait(1):
        if time.monotonic() > deadline:
            stop(proc)
            raise AssertionError("datavaardig demo was not warm in time")
    time.sleep(0.5)  # the URL lines follow the "Klaar" line
    assert proc.poll() is None, "datavaardig demo stopped"
    return proc, urls


def stop(proc) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="session")
def demo(mirror):
    port = free_port()
    proc, urls = start_demo(["--port", str(port), "--pool-size", "2"])
    yield {"port": port, "urls": {u.rsplit("/", 1)[-1].removesuffix(".ipynb"): u for u in urls}}
    stop(proc)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    assert executable, "Chromium is missing: run `bash deploy/system-packages.sh` (as root)."
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A page that refuses (and records) every request to a host other than 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.outside_requests = []

    def guard(route):
        host = route.request.url.split("/")[2] if "://" in route.request.url else ""
        if route.request.url.startswith(("data:", "blob:")) or host.split(":")[0] == "127.0.0.1":
            route.continue_()
        else:
            page.outside_requests.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def demo_tools():
    """Start and stop extra `datavaardig demo` servers (tests with their own store or dashboard)."""
    from types import SimpleNamespace

    return SimpleNamespace(free_port=free_port, start=start_demo, stop=stop)
