"""The trainer's "Groepsvoortgang" dashboard in the browser, on a store with real events: pseudonyms only,
the group filter works, nothing from the internet, and no serious or critical axe violations."""

from __future__ import annotations

import os

import pytest

from datavaardig.progress.cohorts import add_members
from datavaardig.progress.store import ProgressStore

pytestmark = pytest.mark.slow

WIDGET_TIMEOUT = 120_000  # ms
LEARNERS = ["anna.devries", "bert.jansen", "carla.smit"]
LESSON = "01-inlezen-en-bekijken"


def seed(url: str) -> None:
    store = ProgressStore(url)
    events = []
    for n, learner in enumerate(LEARNERS):
        events.append(dict(learner=learner, course="tabellen", lesson=LESSON, interaction="lesson_opened"))
        for q in range(1, 4):
            question = f"tabellen/{LESSON}/q{q}"
            events.append(
                dict(
                    learner=learner,
                    course="tabellen",
                    lesson=LESSON,
                    question=question,
                    interaction="check",
                    outcome="incorrect",
                )
            )
            if q <= n + 1:  # anna gets one right, bert two, carla all three
                events.append(
                    dict(
                        learner=learner,
                        course="tabellen",
                        lesson=LESSON,
                        question=question,
                        interaction="check",
                        outcome="correct",
                    )
                )
            else:
                events.append(
                    dict(
                        learner=learner,
                        course="tabellen",
                        lesson=LESSON,
                        question=question,
                        interaction="hint",
                        hint_number=1,
                    )
                )
        store.record_grade(learner=learner, course="tabellen", assignment="tabellen", score=3 + n, max_score=7)
    store.record_many(events)
    add_members(store, "ochtend", LEARNERS[:2])
    store.close()


@pytest.fixture(scope="module")
def group_demo(tmp_path_factory, mirror, demo_tools):
    url = f"sqlite:///{tmp_path_factory.mktemp('groep') / 'voortgang.sqlite'}"
    seed(url)
    old = os.environ.get("DATAVAARDIG_DB")
    os.environ["DATAVAARDIG_DB"] = url  # the demo's kernels inherit it
    try:
        port = demo_tools.free_port()
        proc, urls = demo_tools.start(["groepsvoortgang", "--port", str(port), "--pool-size", "1"])
    finally:
        if old is None:
            os.environ.pop("DATAVAARDIG_DB", None)
        else:
            os.environ["DATAVAARDIG_DB"] = old
    yield next(u for u in urls if u.endswith("groepsvoortgang.ipynb"))
    demo_tools.stop(proc)


def open_report(page, url):
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector(".datavaardig-group-progress table", timeout=WIDGET_TIMEOUT)


def test_shows_the_group_under_pseudonyms_and_filters_by_group(page, group_demo, artifacts):
    open_report(page, group_demo)
    report = page.locator(".datavaardig-group-progress")
    assert "3 deelnemers" in report.inner_text()
    body = page.locator("body").inner_text()
    assert not [name for name in LEARNERS if name in body], "real names on the trainer's dashboard"
    assert "Waar loopt de groep vast?" in body
    page.get_by_label("Groep").select_option(label="ochtend (2)")
    page.wait_for_function(
        "() => document.querySelector('.datavaardig-group-progress').innerText.includes('2 deelnemers')",
        timeout=60_000,
    )
    assert "groep 'ochtend'" in report.inner_text()
    page.get_by_text("Bijgewerkt om").wait_for(timeout=60_000)
    page.screenshot(path=str(artifacts / "dashboard-groepsvoortgang.png"), full_page=True)
    assert page.outside_requests == [], f"requests outside 127.0.0.1: {page.outside_requests}"


def test_axe_finds_no_serious_or_critical_violations(page, group_demo, artifacts):
    from axe_playwright_python.sync_playwright import Axe

    open_report(page, group_demo)
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}},
    )
    bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    (artifacts / "axe-groepsvoortgang.txt").write_text(results.generate_report())
    assert not bad, "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}" for v in bad
    )
