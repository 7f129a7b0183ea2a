"""Every dashboard loads through `datavaardig demo`, renders its widgets, reacts to a control, loads nothing
from the internet, and passes an axe-core audit without serious or critical violations."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

DASHBOARDS = ["aardbevingen-en-gaswinning", "gemeenten-in-cijfers", "het-weer-in-groningen"]
WIDGET_TIMEOUT = 120_000  # ms; a warm page needs far less, a cold fallback kernel more


def open_dashboard(page, demo, name):
    page.goto(demo["urls"][name], wait_until="domcontentloaded")
    page.wait_for_selector(".datavaardig-section img[alt]", timeout=WIDGET_TIMEOUT)
    page.wait_for_function("document.querySelectorAll('.datavaardig-section').length >= 3", timeout=WIDGET_TIMEOUT)


def first_image(page, within: str) -> str:
    return page.locator(f"{within} img[alt]").first.get_attribute("src")


def wait_for_change(page, selector: str, before: str):
    page.wait_for_function(
        "([sel, before]) => { const img = document.querySelector(sel); return img && img.src !== before; }",
        arg=[f"{selector} img[alt]", before],
        timeout=60_000,
    )


@pytest.mark.parametrize("name", DASHBOARDS)
def test_dashboard_loads_offline_and_renders(page, demo, name, artifacts):
    open_dashboard(page, demo, name)
    assert page.title()
    assert page.locator("h1").first.inner_text().strip()
    images = page.locator(".datavaardig-section img[alt]")
    assert images.count() >= 2
    for i in range(images.count()):
        assert len(images.nth(i).get_attribute("alt")) > 20  # a real description, not "figure"
    assert page.locator(".jp-OutputArea-output pre").filter(has_text="Traceback").count() == 0
    # Voila scrolls inside an app shell, so full_page alone sees one screen: grow the viewport instead.
    height = page.evaluate("Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))")
    page.set_viewport_size({"width": 1280, "height": min(int(height) + 40, 9000)})
    page.wait_for_timeout(500)
    page.screenshot(path=str(artifacts / f"dashboard-{name}.png"), full_page=True)
    assert page.outside_requests == [], f"requests outside 127.0.0.1: {page.outside_requests}"


def test_aardbevingen_map_reacts_to_its_checkbox(page, demo):
    open_dashboard(page, demo, "aardbevingen-en-gaswinning")
    before = first_image(page, ".datavaardig-map")
    page.get_by_label("Aardbevingen tonen").uncheck()
    wait_for_change(page, ".datavaardig-map", before)
    assert "aardbevingen met magnitude" not in page.locator(".datavaardig-map img[alt]").first.get_attribute("alt")


def test_gemeenten_map_follows_the_chosen_figure(page, demo):
    open_dashboard(page, demo, "gemeenten-in-cijfers")
    before_map = first_image(page, ".datavaardig-map")
    before_chart = first_image(page, ".datavaardig-chart-builder")
    page.get_by_label("Kleur gemeenten naar").select_option(label="Woningvoorraad (woningen)")
    wait_for_change(page, ".datavaardig-map", before_map)
    wait_for_change(page, ".datavaardig-chart-builder", before_chart)  # wired: the chart follows the map
    assert "woningvoorraad" in page.locator(".datavaardig-map img[alt]").first.get_attribute("alt").lower()


def test_weer_resampling_by_keyboard_changes_chart(page, demo):
    open_dashboard(page, demo, "het-weer-in-groningen")
    before = first_image(page, ".datavaardig-timeseries")
    button = page.locator(".datavaardig-timeseries button", has_text="Maand")
    button.focus()
    page.keyboard.press("Enter")
    wait_for_change(page, ".datavaardig-timeseries", before)
    assert "per maand" in page.locator(".datavaardig-timeseries img[alt]").first.get_attribute("alt")


def test_table_follows_sort_order(page, demo):
    open_dashboard(page, demo, "het-weer-in-groningen")
    table = page.locator(".datavaardig-table-explorer table.datavaardig-table")
    before = table.inner_text()
    page.locator(".datavaardig-table-explorer").get_by_label("Volgorde").select_option(label="oplopend (klein → groot)")
    page.wait_for_function(
        "([before]) => document.querySelector('table.datavaardig-table').innerText !== before",
        arg=[before],
        timeout=60_000,
    )
    assert 'sort_values("temp_max", ascending=True)' in page.locator(".datavaardig-table-explorer pre").inner_text()


@pytest.mark.parametrize("name", DASHBOARDS)
def test_axe_finds_no_serious_or_critical_violations(page, demo, name, artifacts):
    from axe_playwright_python.sync_playwright import Axe

    open_dashboard(page, demo, name)
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}},
    )
    bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    (artifacts / f"axe-{name}.txt").write_text(results.generate_report())
    assert not bad, "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}" for v in bad
    )


@pytest.mark.parametrize("name", DASHBOARDS)
def test_controls_are_readable_from_the_back_of_the_room(page, demo, name):
    """The template's projector sizes win over JupyterLab's theme, and every slider keeps a track to drag,
    whose readout stays inside the page."""
    open_dashboard(page, demo, name)
    sizes = page.evaluate("""() => [...document.querySelectorAll('.datavaardig-section .widget-label')]
        .filter(l => l.offsetParent && l.textContent.trim()).map(l => parseFloat(getComputedStyle(l).fontSize))""")
    assert sizes and min(sizes) >= 16, sizes
    sliders = page.evaluate("""() => [...document.querySelectorAll('.datavaardig-section .widget-hslider')].map(s => {
        const track = s.querySelector('.slider-container').getBoundingClientRect();
        const readout = s.querySelector('.widget-readout').getBoundingClientRect();
        const label = s.querySelector('.widget-label');
        return {label: label.textContent, track: track.width, clipped: label.scrollHeight > label.clientHeight + 1,
                readoutEnd: readout.right, pageEnd: document.documentElement.clientWidth}; })""")
    assert sliders
    for slider in sliders:
        assert slider["track"] >= 100, slider
        assert not slider["clipped"], slider
        assert slider["readoutEnd"] <= slider["pageEnd"], slider
