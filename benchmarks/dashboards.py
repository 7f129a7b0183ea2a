"""Request → widgets visible in Chromium: `datavaardig demo` (warm kernel pool) versus plain `voila`.

Both serve the same dashboard notebook in one run; each is visited RUNS times from a fresh browser
context (empty cache, as a workshop visitor's first visit), and the median time from `page.goto` until
the first chart image of the widgets is decoded and visible is printed, with the ratio. Target (issue 6):
demo < 1.0 s and at least 4× faster than plain Voila.

"Visible" is checked inside the page on every animation frame: Playwright's `wait_for_selector` polls
from outside and noticed an element 40–140 ms late here (more on a busy page), which would blur both
numbers.

    .venv/bin/python benchmarks/dashboards.py [DASHBOARD] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from tests.support.ports import free_port

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
VISIBLE = ".datavaardig-section img[alt]"
# True once the first chart image is decoded, laid out with a size and not hidden.
IMAGE_VISIBLE = f"""() => {{
  const img = document.querySelector('{VISIBLE}');
  if (!img || !img.complete || !img.naturalWidth) return false;
  const box = img.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && img.checkVisibility();
}}"""
# Only this machine: plain Voila asks a CDN for icons. Every other host name fails to resolve at once, which
# keeps both runs offline and fair without Playwright's request interception (a round trip per request
# through the driver, which slowed the ~95 requests of a page by about 0.15 s).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def start(cmd: list[str], ready_line: str | None, url: str, timeout: float = 600) -> subprocess.Popen:
    """Start a server; ready when it prints `ready_line` (demo) or answers HTTP (plain voila)."""
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"}
    )
    ready = threading.Event()

    def read():
        for line in proc.stdout:
            if ready_line and line.startswith(ready_line):
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ready_line and ready.wait(0.5):
            return proc
        if not ready_line:
            try:
                urllib.request.urlopen(url.rsplit("/voila", 1)[0] + "/", timeout=2)
                return proc
            except OSError:
                time.sleep(0.5)
        if proc.poll() is not None:
            raise SystemExit(f"server stopped: {' '.join(cmd)}")
    stop(proc)
    raise SystemExit(f"server not ready in {timeout} s: {' '.join(cmd)}")


def stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()


def visit(browser, url: str, pause: float = 0.0) -> float:
    time.sleep(pause)  # the same quiet gap before every visit, for both servers
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    start_time = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_function(IMAGE_VISIBLE, polling="raf", timeout=180_000)
    elapsed = time.perf_counter() - start_time
    context.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dashboard", nargs="?", default="het-weer-in-groningen")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--pause",
        type=float,
        default=15.0,
        help="seconds between visits: time for the demo to refill its pool, as between "
        "visitors of a workshop (a room arriving at once needs --pool-size >= its size)",
    )
    args = parser.parse_args()
    os.environ.setdefault("DATAVAARDIG_DATA", str(REPO.parent / "shared" / "datasets" / "raw"))
    notebook = REPO / "widgets" / "dashboards" / f"{args.dashboard}.ipynb"
    from playwright.sync_api import sync_playwright

    demo_port, plain_port = free_port(), free_port()
    demo_url = f"http://127.0.0.1:{demo_port}/voila/render/{notebook.name}"
    plain_url = f"http://127.0.0.1:{plain_port}/voila/render/{notebook.name}"
    results = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium"), headless=True, args=CHROMIUM_ARGS)
        # One server at a time, so the two never compete for the CPU.
        demo = start(
            [str(BIN / "datavaardig"), "demo", args.dashboard, "--port", str(demo_port), "--pool-size", "2"],
            "Klaar",
            demo_url,
        )
        try:
            results["datavaardig demo"] = [visit(browser, demo_url, pause=args.pause) for _ in range(args.runs)]
        finally:
            stop(demo)
        plain = start(
            [str(BIN / "voila"), str(notebook.parent), "--no-browser", "--Voila.ip=127.0.0.1", f"--port={plain_port}"],
            None,
            plain_url,
        )
        try:
            visit(browser, plain_url)  # first visit warms disk caches and imports, as the demo's warm-up did
            results["plain voila"] = [visit(browser, plain_url, pause=args.pause) for _ in range(args.runs)]
        finally:
            stop(plain)
        browser.close()
    medians = {name: statistics.median(times) for name, times in results.items()}
    for name, times in results.items():
        print(f"{name:<18} median {medians[name]:.2f} s   runs: {', '.join(f'{t:.2f}' for t in times)}")
    ratio = medians["plain voila"] / medians["datavaardig demo"]
    print(f"ratio (plain / demo): {ratio:.1f}×   target: demo < 1.0 s and ≥ 4×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
