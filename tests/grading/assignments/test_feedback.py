"""Dutch feedback per learner: visible tests and points, nothing of the hidden tests."""

from __future__ import annotations

import re

import pytest

from datavaardig.cli import main
from datavaardig.grading.assignments.course import graded_source_dir
from datavaardig.grading.assignments.feedback import hidden_lines
from datavaardig.grading.assignments.grader import grade
from tests.support import submissions

pytestmark = pytest.mark.slow
VARIANTS = [
    "goed",
    "fout1_verborgen",
    "fout2_grens",
    "fout2_kolommen",
    "deel3_fout",
    "half",
    "spiek_os_exit",
    "testcel_verwijderd",
    "notebook_ontbreekt",
]


def hidden_texts() -> list[str]:
    """Every non-empty line of every hidden-test block in the source notebook."""
    import nbformat

    nb = nbformat.read(str(graded_source_dir() / "tabellen" / "aardbevingen.ipynb"), as_version=4)
    lines = []
    for cell in nb.cells:
        source_lines = cell.source.splitlines()
        hidden = hidden_lines(cell.source)
        visible = {line.strip() for n, line in enumerate(source_lines, 1) if n not in hidden}
        lines += [source_lines[n - 1].strip() for n in sorted(hidden) if source_lines[n - 1].strip() not in visible]
    return [line for line in lines if line and not line.startswith("###")]


@pytest.fixture(scope="module")
def pages(tmp_path_factory, mirror):
    root = submissions.make_course(tmp_path_factory.mktemp("cursus"))
    submissions.write_all(root, VARIANTS)
    grade("tabellen", root, progress=False)
    assert main(["feedback", "tabellen", "--root", str(root)]) == 0
    return {v: (root / "feedback" / v / "tabellen" / "aardbevingen.html").read_text() for v in VARIANTS}


def test_hidden_lines_are_found():
    source = "a = 1\n### BEGIN HIDDEN TESTS\nassert a == 1\n### END HIDDEN TESTS\nb = 2"
    assert hidden_lines(source) == {2, 3, 4}
    assert len(hidden_texts()) >= 6


def test_feedback_never_shows_hidden_tests(pages):
    for variant, page in pages.items():
        assert "HIDDEN" not in page and "verborgen:" not in page, variant
        assert "Traceback" not in page and 'File "' not in page, variant
        for line in hidden_texts():
            assert line not in page, (variant, line)


def test_feedback_is_dutch_with_points_per_part(pages):
    page = pages["fout2_grens"]
    assert "<html lang='nl'>" in page and "Totaal: <strong>5 van 7 punten" in page
    for title in ("Opdracht 1 (1 punt)", "Opdracht 2 (2 punten)", "Opdracht 4 (1 punt)"):
        assert title in page
    assert page.count("Punten:") == 4


def test_visible_failure_shows_its_message_hidden_failure_does_not(pages):
    verdicts = lambda page: re.findall(r"<p class='(?:goed|fout)'>(.*?)</p>", page)
    assert "✘ Een verborgen test is niet gelukt. Kijk nog eens goed naar de opdracht." in verdicts(pages["fout2_grens"])
    assert "✘ AssertionError: Houd alle kolommen van de tabel." in verdicts(pages["fout2_kolommen"])
    assert "Een verborgen test is niet gelukt" in pages["fout1_verborgen"]
    assert "Gedeeltelijk goed" in pages["deel3_fout"]


def test_visible_tests_are_shown_as_released(pages):
    assert "assert aantal_bevingen &gt; 1000" in pages["goed"]
    assert pages["goed"].count("✔") == 4


def test_review_and_missing_work_are_explained(pages):
    assert "wordt nog door een docent bekeken" in pages["spiek_os_exit"]
    assert "kon niet worden uitgevoerd" in pages["spiek_os_exit"]
    assert re.search(r"0 van 7 punten", pages["notebook_ontbreekt"])
