"""The graded assignments' visible and hidden tests judge like the self-checks: numpy/pandas numbers by value,
no order the question never asked for, charts as a reader sees them, and the Groningen field's own quakes.

Cheap on purpose: the source notebook's cells run in this process (no kernel, no sandbox), an answer cell
replaced by another correct way of writing it; the test cell must then give full points. The full grading
path (release, sandbox, nbgrader) is tests/grading/assignments/test_assignments_qa.py.
"""

from __future__ import annotations

import re

import nbformat
import pytest

from tests.support.paths import REPO

GRADED = REPO / "exercises" / "graded"
SOLUTION = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*\n?", re.M)

# (assignment notebook, answer cell grade_id, another correct answer, the test cell that must give full points)
EQUIVALENTS = [
    ("python/gemeenten_en_bevingen", "opdracht1_antwoord",
     'import numpy as np\ninwoners_provincie = np.int64(sum(inwoners.values()))\n'
     'zin = f"In de provincie Groningen wonen {inwoners_provincie} mensen."', "test_provincie"),
    ("python/gemeenten_en_bevingen", "opdracht1_antwoord",
     'inwoners_provincie = tabel["inwoners"].sum()\nzin = f"In de provincie Groningen wonen {inwoners_provincie} mensen."',
     "test_provincie"),
    ("python/gemeenten_en_bevingen", "opdracht2_antwoord",
     "kleine_gemeenten = {g for g, n in inwoners.items() if n < 30000}", "test_kleine_gemeenten"),
    ("tabellen/aardbevingen", "opdracht1_antwoord", 'aantal_bevingen = bevingen["tijdstip"].count()', "test_aantal"),
    ("tabellen/aardbevingen", "opdracht1_antwoord", 'aantal_bevingen = bevingen.describe()["magnitude"]["count"]',
     "test_aantal"),
    ("tabellen/aardbevingen", "opdracht2_antwoord",
     'zware_bevingen = bevingen[bevingen["magnitude"] >= 3.0][list(reversed(bevingen.columns))]',
     "test_zware_bevingen"),
    ("tabellen/aardbevingen", "opdracht4_antwoord",
     'import numpy as np\ngemiddelde_diepte = np.float32(bevingen["diepte_km"].mean())', "test_diepte"),
    ("visualiseren/grafieken", "opdracht1_antwoord",
     'nieuw_eerst = gas.sort_values("maand", ascending=False)\nfig, ax_gas = plt.subplots()\n'
     'ax_gas.plot(nieuw_eerst["maand"], nieuw_eerst["volume_mrd_m3"])\nfig.suptitle("Gaswinning per maand")\n'
     'ax_gas.set_xlabel("Maand")\nax_gas.set_ylabel("Gaswinning (mrd m³)")', "test_lijngrafiek"),
    ("visualiseren/grafieken", "opdracht2_antwoord",
     'grootste_eerst = groningen.sort_values("inwoners", ascending=False)\nfig, ax_gemeenten = plt.subplots()\n'
     'ax_gemeenten.barh(grootste_eerst["gemeente"], grootste_eerst["inwoners"])\nax_gemeenten.invert_yaxis()\n'
     'ax_gemeenten.set_title("Inwoners", loc="left")\nax_gemeenten.set_xlabel("Aantal inwoners")', "test_staafdiagram"),
    ("visualiseren/grafieken", "opdracht3_antwoord",
     'op_winning = jaren.sort_values("gaswinning_mrd_m3")\nfig, ax_spreiding = plt.subplots()\n'
     'ax_spreiding.scatter(op_winning["gaswinning_mrd_m3"], op_winning["bevingen_in_veld"])\n'
     'ax_spreiding.set_xlabel("Gaswinning (mrd m³)")\nax_spreiding.set_ylabel("Bevingen in het veld")', "test_spreiding"),
]  # fmt: skip

# The wrong answers these equivalents must not let through.
WRONG = [
    ("python/gemeenten_en_bevingen", "opdracht1_antwoord",
     'inwoners_provincie = True\nzin = "In de provincie Groningen wonen True mensen."', "test_provincie"),
    ("tabellen/aardbevingen", "opdracht1_antwoord", "aantal_bevingen = len(bevingen) + 0.5", "test_aantal"),
    ("visualiseren/grafieken", "opdracht2_antwoord",
     'grootste_eerst = groningen.sort_values("inwoners", ascending=False)\nfig, ax_gemeenten = plt.subplots()\n'
     'ax_gemeenten.barh(grootste_eerst["gemeente"], grootste_eerst["inwoners"])\n'
     'ax_gemeenten.set_title("Inwoners")\nax_gemeenten.set_xlabel("Aantal inwoners")', "test_staafdiagram"),
    ("visualiseren/grafieken", "opdracht3_antwoord",
     'fig, ax_spreiding = plt.subplots()\nax_spreiding.scatter(jaren["gaswinning_mrd_m3"], jaren["aantal_bevingen"])\n'
     'ax_spreiding.set_xlabel("Gaswinning (mrd m³)")\nax_spreiding.set_ylabel("Aantal bevingen")', "test_spreiding"),
]  # fmt: skip


def grade_id(cell) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def score(notebook: str, answer_id: str, answer: str, test_id: str) -> tuple[float, float]:
    """Run the notebook in this process with one answer replaced; the points its test cell gives."""
    import matplotlib

    matplotlib.use("Agg")
    nb = nbformat.read(GRADED / f"{notebook}.ipynb", as_version=4)
    namespace: dict = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if grade_id(cell) == test_id:
            points = float(cell.metadata["nbgrader"]["points"])
            namespace.pop("_punten", None)
            try:
                exec(compile(cell.source, test_id, "exec"), namespace)
            except AssertionError:
                return 0.0, points
            return float(namespace.get("_punten", points)), points
        source = answer if grade_id(cell) == answer_id else SOLUTION.sub("", cell.source)
        try:
            exec(compile(source, str(grade_id(cell)), "exec"), namespace)
        except AssertionError:
            pass  # an earlier test cell: its points are not what this case is about
    raise AssertionError(f"{test_id} not found in {notebook}")


@pytest.fixture(autouse=True)
def _close_figures(mirror):
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.mark.parametrize(("notebook", "answer_id", "answer", "test_id"), EQUIVALENTS, ids=lambda v: str(v)[:30])
def test_an_equivalent_answer_gets_full_points(notebook, answer_id, answer, test_id):
    got, points = score(notebook, answer_id, answer, test_id)
    assert got == points, f"{notebook} {test_id}: {got} of {points}"


@pytest.mark.parametrize(("notebook", "answer_id", "answer", "test_id"), WRONG, ids=lambda v: str(v)[:30])
def test_a_wrong_answer_still_loses_points(notebook, answer_id, answer, test_id):
    got, points = score(notebook, answer_id, answer, test_id)
    assert got < points, f"{notebook} {test_id}: a wrong answer got all {points} points"


def test_the_source_solutions_get_full_points():
    for notebook in ("python/gemeenten_en_bevingen", "tabellen/aardbevingen", "visualiseren/grafieken"):
        nb = nbformat.read(GRADED / f"{notebook}.ipynb", as_version=4)
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade") and not meta.get("solution"):
                assert score(notebook, "", "", meta["grade_id"])[0] == float(meta["points"]), (
                    notebook,
                    meta["grade_id"],
                )
