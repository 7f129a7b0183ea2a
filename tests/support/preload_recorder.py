"""Record which scripts a dashboard page needs (`make preload`): the tool half of datavaardig.widgets.preload.

Starts `datavaardig demo --no-preload`, opens one dashboard in Debian's Chromium through Playwright and
writes what the page requested to `widgets/voila/preload.json`. Test and maintainer tooling: it never ships.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from datavaardig.widgets.preload import MANIFEST, front_end_versions
from tests.support.ports import free_port

# The template's own static files are already in the page's <head> (with a content hash).
OWN_STATIC = "voila/templates/"


def page_scripts(requested_urls: list[str], origin: str) -> list[str]:
    """Server-relative paths of the scripts a page asked for, in request order, without the template's own."""
    paths = []
    for url in requested_urls:
        if url.startswith(origin + "/"):
            path = url[len(origin) + 1 :]
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


def record(dashboard: str = "het-weer-in-groningen", page=None) -> list[str]:
    """Start `datavaardig demo --no-preload`, open one dashboard in Chromium, return the scripts it needed.

    `page`: a Playwright page to use (a test's, whose browser is already running); else Chromium is started.
    """
    port = free_port()
    cmd = [
        str(Path(sys.executable).parent / "datavaardig"),
        "demo",
        dashboard,
        "--port",
        str(port),
        "--pool-size",
        "1",
        "--no-preload",
    ]
    server = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"}
    )
    try:
        for line in server.stdout:
            if line.strip().startswith("http://127.0.0.1"):
                url = line.strip()
                break
        else:
            raise RuntimeError(f"datavaardig demo {dashboard} startte niet.")
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
    chromium = shutil.which("chromium")
    if not chromium:
        raise RuntimeError("Chromium ontbreekt: voer `bash deploy/system-packages.sh` uit (als root).")
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
