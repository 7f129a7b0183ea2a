"""The hub in Chromium, as a learner and as a trainer: sign in through the form, JupyterLab in Dutch, the
lesson in the own workspace with a check that answers, and nbgrader's authoring tools for trainers only."""

from __future__ import annotations

import nbformat
import pytest

from tests.support.paths import COURSES

pytestmark = pytest.mark.slow

LESSON = "python/01-notebooks-en-cellen.ipynb"
SPAWN_MS = 300_000  # a first sign-in creates the account and starts the server on two busy cores


def sign_in(page, hub, name: str) -> None:
    page.goto(f"{hub.url}/hub/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", hub.passwords[name])
    page.click("#login_submit")
    page.wait_for_url(f"**/user/{name}/lab/**", timeout=SPAWN_MS)
    page.wait_for_selector(".lm-MenuBar-itemLabel", timeout=120_000)


def menus(page) -> list[str]:
    return [label.inner_text() for label in page.query_selector_all(".lm-MenuBar-itemLabel")]


def side_tabs(page) -> list[str]:
    return [label.inner_text() for label in page.query_selector_all(".lm-TabBar-tabLabel")]


def run_the_first_check(page) -> str:
    """Run the lesson's set-up cell, answer exercise 1 and check it, as a learner does with Shift+Enter."""
    # Connected to its kernel: the status bar says so ("Inactief"); before that, Shift+Enter can be lost.
    page.locator(".jp-StatusBar-Widget", has_text="| Inactief").first.wait_for(timeout=120_000)
    setup = page.locator(".jp-CodeCell", has_text="dv.bind(globals())").first.element_handle()
    setup.query_selector(".cm-content").click()
    page.keyboard.press("Shift+Enter")
    page.wait_for_function(
        "cell => /\\[\\d+\\]/.test(cell.querySelector('.jp-InputPrompt').textContent)", arg=setup, timeout=120_000
    )
    # Found by its check call, not its answer: an earlier run may have answered it already.
    exercise = page.locator(".jp-CodeCell", has_text="q1.check()").first.element_handle()
    exercise.query_selector(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text('antwoord_toetsen = "b"\nq1.check()')
    page.keyboard.press("Shift+Enter")
    exercise.wait_for_selector(".jp-OutputArea-output:has-text('Goed zo')", timeout=120_000)
    return exercise.query_selector(".jp-OutputArea-output").inner_text()


def test_a_learner_signs_in_to_a_dutch_jupyterlab_and_checks_an_answer_in_the_own_workspace(hub, page, artifacts):
    sign_in(page, hub, "cursist1")
    assert page.url.endswith("/user/cursist1/lab/tree/index.ipynb")  # the start page of the own workspace
    labels = menus(page)
    assert {"Bestand", "Bewerk", "Weergave", "Uitvoeren", "Instellingen"} <= set(labels), labels
    assert "Nbgrader" not in labels and "Create Assignment" not in side_tabs(page)
    page.goto(f"{hub.url}/user/cursist1/lab/tree/{LESSON}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
    shown = run_the_first_check(page)
    assert "Goed zo!" in shown and "Shift+Enter" in shown
    page.screenshot(path=str(artifacts / "hub-cursist.png"))
    # No "Jupyter news" question, and nothing fetched from outside the machine (news, update checks).
    assert not page.query_selector(".jp-toast-message:has-text('news'), .jp-toast-message:has-text('nieuws')")
    assert page.outside_requests == []
    # Saved, the answer is in the learner's own home; the course source in the repository is untouched.
    page.keyboard.press("Control+s")
    saved = hub.home("cursist1") / "datavaardig-lessen" / LESSON
    page.wait_for_function("() => !document.querySelector('.jp-mod-dirty')", timeout=60_000)
    answer = 'antwoord_toetsen = "b"'
    assert any(answer in cell.source for cell in nbformat.read(saved, as_version=4).cells)
    assert not any(answer in cell.source for cell in nbformat.read(COURSES / LESSON, as_version=4).cells)


def test_a_learner_cannot_reach_the_hubs_admin_page(hub, page):
    sign_in(page, hub, "cursist1")
    response = page.goto(f"{hub.url}/hub/admin")
    assert response.status == 403


def test_a_trainer_gets_the_authoring_tools_in_dutch(hub, page, artifacts):
    sign_in(page, hub, "trainer")
    labels = menus(page)
    assert "Bestand" in labels and "Nbgrader" in labels, labels
    assert "Create Assignment" in side_tabs(page)
    response = page.goto(f"{hub.url}/hub/admin")
    assert response.status == 200
    page.goto(f"{hub.url}/user/trainer/formgrader")
    page.wait_for_load_state("domcontentloaded")
    assert "formgrader" in page.url
    page.screenshot(path=str(artifacts / "hub-trainer.png"))
