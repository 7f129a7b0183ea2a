"""Each dashboard notebook runs top to bottom in a real kernel without errors, and keeps its shape."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from datavaardig.widgets.demo import DemoError, dashboards, find_dashboard

NAMES = ["aardbevingen-en-gaswinning", "gemeenten-in-cijfers", "het-weer-in-groningen"]


def test_every_dashboard_has_presenter_notes_and_no_outputs():
    found = dashboards()
    assert set(NAMES) <= set(found)
    for name, path in found.items():
        assert path.with_suffix(".md").is_file(), f"workshop notes missing for {name}"
        nb = nbformat.read(path, as_version=4)
        assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
        assert nb.cells[-1].source.strip() == "dashboard()"
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_find_dashboard_by_part_of_the_name():
    assert find_dashboard("weer").stem == "het-weer-in-groningen"
    with pytest.raises(DemoError, match="Kies uit"):
        find_dashboard("verkeer")


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_dashboard_runs_headless(name, mirror):
    nb = nbformat.read(dashboards()[name], as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3").execute()
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors, errors[0]["evalue"] if errors else ""
    last = nb.cells[-1].outputs[0]
    assert "application/vnd.jupyter.widget-view+json" in last["data"]
