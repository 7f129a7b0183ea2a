"""The scripts a dashboard page needs, announced in its <head> so the browser fetches them at once.

Voila's front end is about 90 webpack chunks that only ask for each other once evaluated: without help
the browser discovers them in ten rounds, one after the other. `voila/preload.json` lists them (every
dashboard needs the same ones); the `datavaardig` template turns the list into `<link rel="preload">`
tags, which fetches them all in parallel and puts the page on screen about 0.2 s sooner.

The list is tied to the installed front-end packages. When their versions differ from the recorded
ones the list is not used (the page is correct, only slower) and the browser test
`tests/browser/test_page_preload.py` fails until someone records it again:

    make preload      # = python -m tests.support.preload_recorder; needs Chromium and Playwright (test extras)
"""

from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files
from pathlib import Path

__all__ = ["FRONT_END_PACKAGES", "MANIFEST", "front_end_versions", "read_manifest", "scripts"]

MANIFEST = Path(str(files("datavaardig.widgets") / "voila" / "preload.json"))
# The packages whose built JavaScript the page loads (their chunk names change with their versions).
FRONT_END_PACKAGES = ("voila", "jupyterlab_widgets", "jupyterlab_pygments")


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
