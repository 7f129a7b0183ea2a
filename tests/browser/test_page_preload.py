"""The dashboard page announces every script it needs in its <head> (and nothing it doesn't), so Chromium
fetches them at once; the recorded list still matches what Voila's front end asks for."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from datavaardig.widgets import preload
from tests.support import preload_recorder

pytestmark = pytest.mark.slow

RECORD_AGAIN = "record it again: make preload"


def test_recorded_list_is_what_the_page_asks_for_without_it(mirror, page):
    needed = preload_recorder.record(page=page)  # what `make preload` runs: demo --no-preload, one page
    listed = preload.read_manifest()["scripts"]
    assert set(needed) - set(listed) == set(), f"scripts missing from voila/preload.json; {RECORD_AGAIN}"
    assert set(listed) - set(needed) == set(), f"voila/preload.json lists scripts nobody needs; {RECORD_AGAIN}"


def test_page_preloads_each_script_once_and_uses_every_preload(page, demo):
    warnings, requested = [], []
    page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    page.on("request", lambda r: requested.append(r.url) if r.resource_type == "script" else None)
    url = demo["urls"]["het-weer-in-groningen"]
    page.goto(url)
    page.wait_for_selector(".datavaardig-section img[alt]", timeout=120_000)
    page.wait_for_load_state("networkidle")
    head = page.evaluate(
        "[...document.querySelectorAll('head link[rel=preload]')]"
        ".map(l => [l.getAttribute('href'), l.getAttribute('as')])"
    )
    listed = preload.scripts()
    assert listed, "the demo found no usable preload list"
    assert head == [["/" + path, "script"] for path in listed]
    origin = "/".join(url.split("/")[:3])
    assert set(preload_recorder.page_scripts(requested, origin)) == set(listed)
    twice = [u for u, n in Counter(requested).items() if n > 1]
    assert twice == [], f"fetched twice (a preload that did not match the later request): {twice}"
    page.wait_for_timeout(4000)  # Chromium warns a few seconds after load about preloads nobody used
    unused = [w for w in warnings if re.search(r"preload", w, re.I)]
    assert unused == [], unused
