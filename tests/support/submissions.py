"""Learner submissions for the `tabellen` assignment, made in code at test time (nothing committed).

`variants()` names ~40 kinds of submission: right, wrong, partial, tampered test cells, structurally
broken files, and cheating attempts (the sandbox threats). `write(root, student, variant)` puts one in
`submitted/<student>/tabellen/` like `nbgrader collect` would.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import nbformat

ASSIGNMENT, NOTEBOOK = "tabellen", "aardbevingen"

RIGHT = {
    "opdracht1_antwoord": "aantal_bevingen = len(bevingen)\naantal_bevingen",
    "opdracht2_antwoord": 'zware_bevingen = bevingen[bevingen["magnitude"] >= 3.0]',
    "opdracht3_antwoord": 'bevingen_per_jaar = bevingen.groupby(bevingen["tijdstip"].dt.year).size()',
    "opdracht4_antwoord": 'gemiddelde_diepte = bevingen["diepte_km"].mean()',
}

# name → (answers that differ from RIGHT, kind); kind says what parity expects.
ANSWERS = {
    "goed": ({}, "right"),
    "goed_anders": (
        {
            "opdracht1_antwoord": "aantal_bevingen = bevingen.shape[0]",
            "opdracht3_antwoord": 'bevingen_per_jaar = bevingen["tijdstip"].dt.year.value_counts().sort_index()',
        },
        "right",
    ),
    "fout1": ({"opdracht1_antwoord": "aantal_bevingen = 12"}, "wrong"),
    "fout1_verborgen": ({"opdracht1_antwoord": "aantal_bevingen = len(bevingen) - 1"}, "wrong"),
    "fout2_grens": ({"opdracht2_antwoord": 'zware_bevingen = bevingen[bevingen["magnitude"] > 3.0]'}, "wrong"),
    "fout2_kolommen": (
        {"opdracht2_antwoord": 'zware_bevingen = bevingen[bevingen["magnitude"] >= 3.0][["magnitude"]]'},
        "wrong",
    ),
    "deel3_frame": (
        {"opdracht3_antwoord": 'bevingen_per_jaar = bevingen.groupby(bevingen["tijdstip"].dt.year).size().to_frame()'},
        "partial",
    ),
    "deel3_volgorde": (
        {"opdracht3_antwoord": 'bevingen_per_jaar = bevingen["tijdstip"].dt.year.value_counts()'},
        "partial",
    ),
    "deel3_fout": (
        {"opdracht3_antwoord": 'bevingen_per_jaar = bevingen.groupby(bevingen["tijdstip"].dt.year).size() * 2'},
        "partial",
    ),
    "fout4_int": ({"opdracht4_antwoord": 'gemiddelde_diepte = int(bevingen["diepte_km"].mean())'}, "wrong"),
    "fout4_mediaan": ({"opdracht4_antwoord": 'gemiddelde_diepte = float(bevingen["diepte_km"].median())'}, "wrong"),
    "half": ({"opdracht3_antwoord": "", "opdracht4_antwoord": ""}, "partial"),
    "fouten_overal": ({k: f"{v}\nraise ValueError('oeps')" for k, v in RIGHT.items()}, "wrong"),
    "print_en_plot": (
        {
            "opdracht4_antwoord": 'import matplotlib.pyplot as plt\nbevingen["diepte_km"].plot()\n'
            'print("klaar")\ngemiddelde_diepte = bevingen["diepte_km"].mean()'
        },
        "right",
    ),
    "waarschuwing": (
        {"opdracht1_antwoord": 'import warnings\nwarnings.warn("let op")\naantal_bevingen = len(bevingen)'},
        "right",
    ),
    "syntaxfout": ({"opdracht2_antwoord": "zware_bevingen = bevingen[bevingen['magnitude'] >= 3.0"}, "wrong"),
    "magie": ({"opdracht1_antwoord": "%time aantal_bevingen = len(bevingen)"}, "right"),
    "grote_uitvoer": ({"opdracht1_antwoord": "print('x' * 300_000)\naantal_bevingen = len(bevingen)"}, "review"),
}

# Test cells edited by the learner: nbgrader restores them from the gradebook (same score as RIGHT/WRONG).
TAMPERED_TESTS = {
    "test_leeg_gemaakt": ({"test_aantal": "pass"}, {"opdracht1_antwoord": "aantal_bevingen = 3"}, "wrong"),
    "test_aangepast_goed": ({"test_diepte": "assert True"}, {}, "right"),
    "alle_tests_weg": (
        {k: "# weg" for k in ("test_aantal", "test_zware_bevingen", "test_per_jaar", "test_diepte")},
        {"opdracht2_antwoord": "zware_bevingen = bevingen"},
        "wrong",
    ),
}

# Attempts to change the own score or reach outside the sandbox. nbgrader (no sandbox) is fooled by
# several; datavaardig must not give them full points.
CHEATS = {
    "len_vervangen": "aantal_bevingen = 5\nimport builtins\nbuiltins.isinstance = lambda *a: True\n"
    "class Groot(int):\n    def __gt__(self, o): return True\n"
    "len = lambda o: 5",
    "assert_uitgeschakeld": "aantal_bevingen = 5\nimport builtins\nclass Stil(Exception): pass\n"
    "builtins.AssertionError = Stil\nAssertionError = Stil",
    "isclose_vervangen": "gemiddelde_diepte = 1.0\nimport math\nmath.isclose = lambda *a, **k: True",
    "sys_exit_in_test": "import sys\nclass Uit(int):\n    def __gt__(self, o): sys.exit(0)\naantal_bevingen = Uit(5)",
    "os_exit": "aantal_bevingen = len(bevingen)\nimport os\nos._exit(0)",
    "kernel_doden": "aantal_bevingen = len(bevingen)\nimport os, signal\nos.kill(os.getpid(), signal.SIGKILL)",
    "nep_uitvoer": 'aantal_bevingen = 5\nprint("Alle tests geslaagd: 7/7 punten")',
    "oneindige_lus": "aantal_bevingen = len(bevingen)\nwhile True:\n    pass",
    "geheugen": "aantal_bevingen = len(bevingen)\nblok = bytearray(8 * 2**30)",
    "trace_hook": "aantal_bevingen = 5\nimport sys\ndef _t(frame, event, arg):\n"
    "    frame.f_globals['aantal_bevingen'] = 1959\n    return None\nsys.settrace(_t)",
}

# Two answers wrong or partial at once: more right/wrong/partial mixes for the parity test.
MIXES = [
    ("fout1", "fout2_grens"),
    ("fout1", "deel3_frame"),
    ("fout2_kolommen", "deel3_volgorde"),
    ("fout1_verborgen", "fout4_int"),
    ("deel3_fout", "fout4_mediaan"),
    ("syntaxfout", "fout1"),
    ("fout2_grens", "fout4_int"),
    ("deel3_volgorde", "fout4_mediaan"),
    ("goed_anders", "fout2_kolommen"),
    ("fout1", "half"),
]
for _a, _b in MIXES:
    ANSWERS[f"mix_{_a}+{_b}"] = ({**ANSWERS[_a][0], **ANSWERS[_b][0]}, "wrong")

BROKEN = (
    "ongeldige_json",
    "oud_nbformat",
    "testcel_verwijderd",
    "testcel_dubbel",
    "testcel_gesplitst",
    "notebook_ontbreekt",
)


def variants() -> list[str]:
    return [*ANSWERS, *TAMPERED_TESTS, *(f"spiek_{k}" for k in CHEATS), *BROKEN]


def kind(variant: str) -> str:
    """right / wrong / partial / review (no parity expected) for the tests."""
    if variant in ANSWERS:
        return ANSWERS[variant][1]
    if variant in TAMPERED_TESTS:
        return TAMPERED_TESTS[variant][2]
    if variant.startswith("spiek_"):
        return "cheat"
    return "broken"


def _grade_id(cell) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def filled(release: Path, answers: dict[str, str], tests: dict[str, str] | None = None):
    nb = nbformat.read(str(release), as_version=4)
    for cell in nb.cells:
        gid = _grade_id(cell)
        if gid in answers:
            cell.source = answers[gid]
        if tests and gid in tests:
            cell.source = tests[gid]
    return nb


def build(release: Path, variant: str):
    """The notebook (or raw text for unreadable files) of `variant`."""
    if variant in ANSWERS:
        return filled(release, {**RIGHT, **ANSWERS[variant][0]})
    if variant in TAMPERED_TESTS:
        tests, answers, _ = TAMPERED_TESTS[variant]
        return filled(release, {**RIGHT, **answers}, tests)
    if variant.startswith("spiek_"):
        return filled(release, {**RIGHT, "opdracht1_antwoord": CHEATS[variant.removeprefix("spiek_")]})
    nb = filled(release, RIGHT)
    ids = [_grade_id(c) for c in nb.cells]
    if variant == "ongeldige_json":
        return nbformat.writes(nb)[:-200]
    if variant == "oud_nbformat":
        data = json.loads(nbformat.writes(nb))
        data["nbformat_minor"] = 2
        for cell in data["cells"]:
            cell.pop("id", None)
        return json.dumps(data)
    if variant == "testcel_verwijderd":
        del nb.cells[ids.index("test_zware_bevingen")]
    elif variant == "testcel_dubbel":
        i = ids.index("test_aantal")
        nb.cells.insert(i + 1, copy.deepcopy(nb.cells[i]))
        nb.cells[i + 1]["id"] = "kopie"
    elif variant == "testcel_gesplitst":
        i = ids.index("test_diepte")
        first, second = copy.deepcopy(nb.cells[i]), copy.deepcopy(nb.cells[i])
        lines = nb.cells[i].source.splitlines()
        first.source, second.source = "\n".join(lines[:2]), "\n".join(lines[2:])
        second["id"] = "tweede-helft"
        nb.cells[i : i + 1] = [first, second]
    return nb


def write(root: Path, student: str, variant: str, *, timestamp: str | None = None) -> Path:
    release = root / "release" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
    folder = root / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    if timestamp:
        (folder / "timestamp.txt").write_text(timestamp)
    if variant == "notebook_ontbreekt":
        (folder / "aantekeningen.txt").write_text("Ik kwam er niet uit.")
        return folder
    content = build(release, variant)
    target = folder / f"{NOTEBOOK}.ipynb"
    target.write_text(content if isinstance(content, str) else nbformat.writes(content))
    return folder


def write_all(root: Path, variants_: list[str] | None = None, *, late: tuple[str, ...] = ()) -> dict[str, str]:
    """Every variant as its own student (student id = variant); returns student → variant."""
    made = {}
    for variant in variants_ or variants():
        stamp = "2030-01-01 12:00:00" if variant in late else None
        write(root, variant, variant, timestamp=stamp)
        made[variant] = variant
    return made


def make_course(root: Path, assignment: str = ASSIGNMENT) -> Path:
    """A fresh course root with the assignment released (what a trainer does first)."""
    from datavaardig.grading.assignments import course

    root = course.init_course(root)
    course.release_assignment(root, assignment)
    return root


def submit_source(root: Path, student: str, assignment: str = ASSIGNMENT) -> None:
    """The trainer's source notebooks themselves (solutions and hidden tests in place) as a submission."""
    from datavaardig.grading.assignments.course import graded_source_dir

    folder = root / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    for notebook in (graded_source_dir() / assignment).glob("*.ipynb"):
        (folder / notebook.name).write_bytes(notebook.read_bytes())


def submit_release(root: Path, student: str, assignment: str = ASSIGNMENT) -> None:
    """The released notebooks untouched: what a learner who did nothing hands in."""
    folder = root / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    for notebook in (root / "release" / assignment).glob("*.ipynb"):
        (folder / notebook.name).write_bytes(notebook.read_bytes())
