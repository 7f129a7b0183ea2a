"""The scripts a dashboard page needs, announced in its <head> so the browser fetches them at once.

Voila's front end is about 90 webpack chunks that only ask for each other once evaluated: without help
the browser discovers them in ten rounds, one after the other. `voila/preload.json` lists them (every
dashboard needs the same ones); the `datavaardig` template turns the list into `<link rel="preload">`
tags, which fetches them all in parallel and puts the page on screen about 0.2 s sooner.

The list is tied to the installed front-end packages. When their versions differ from the recorded
ones the list is not used (the page is correct, only slower) and the browser test
`tests/browser/test_page_preload.py` fails until someone records it again:

    make preload      # = python -m datavaardig.widgets.preload; needs Chromium and Playwright (test extras)
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files
from pathlib import Path

from ..errors import DatavaardigError

MANIFEST = Path(str(files("datavaardig.widgets") / "voila" / "preload.json"))
# The packages whose built JavaScript the page loads (their chunk names change with their versions).
FRONT_END_PACKAGES = ("voila", "jupyterlab_widgets", "jupyterlab_pygments")
# The template's own static files are already in the page's <head> (with a content hash).
OWN_STATIC = "voila/templates/"


def front_end_versions() -> dict[str, str]:
    found = {}
    for package in FRONT_END_PACKAGES:
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "missing"
    return found


def read_manifest(path: Path = MANIFEST) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def scripts(path: Path = MANIFEST) -> list[str]:
    """Paths under the server root to preload; empty when the list is missing or belongs to other versions."""
    manifest = read_manifest(path)
    if manifest.get("versions") != front_end_versions():
        return []
    return list(manifest.get("scripts", []))


def page_scripts(requested_urls: list[str], origin: str) -> list[str]:
    """Server-relative paths of the scripts a page asked for, in request order, without the template's own."""
    paths = []
    for url in requested_urls:
        if url.startswith(origin + "/"):
            path = url[len(origin) + 1:]
            if not path.startswith(OWN_STATIC) and path not in paths:
                paths.append(path)
    return paths


def record_scripts(page, url: str, ready_selector: str = ".jupyter-widgets") -> list[str]:
    """Open `url` in a Playwright page and return the scripts it requested until its widgets were up."""
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url) if r.resource_type == "script" else None)
    page.goto(url)
    page.wait_for_selector(ready_selector, timeout=120_000)
    page.wait_for_load_state("networkidle")
    origin = "/".join(url.split("/")[:3])
    return page_scripts(requested, origin)


def write_manifest(found: list[str], path: Path = MANIFEST) -> None:
    manifest = {"versions": front_end_versions(), "scripts": found}
    path.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def record(dashboard: str = "het-weer-in-groningen", page=None) -> list[str]:
    """Start `datavaardig demo --no-preload`, open one dashboard in Chromium, return the scripts it needed.

    `page`: a Playwright page to use (a test's, whose browser is already running); else Chromium is started.
    """
    port = _free_port()
    cmd = [str(Path(sys.executable).parent / "datavaardig"), "demo", dashboard, "--port", str(port),
           "--pool-size", "1", "--no-preload"]
    server = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                              env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        for line in server.stdout:
            if line.strip().startswith("http://127.0.0.1"):
                url = line.strip()
                break
        else:
            raise DatavaardigError(f"datavaardig demo {dashboard} startte niet.")
        if page is not None:
            return record_scripts(page, url)
        return _in_own_chromium(url)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()


def _in_own_chromium(url: str) -> list[str]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise DatavaardigError("Playwright ontbreekt: installeer de test-extra's (make setup).") from exc
    chromium = shutil.which("chromium")
    if not chromium:
        raise DatavaardigError("Chromium ontbreekt: voer `bash deploy/system-packages.sh` uit (als root).")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        try:
            return record_scripts(browser.new_page(), url)
        finally:
            browser.close()


def main() -> int:
    found = record()
    write_manifest(found)
    print(f"{len(found)} scripts written to {MANIFEST} for {front_end_versions()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
