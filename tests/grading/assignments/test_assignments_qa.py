"""QA for every graded assignment in exercises/graded/: one parametrized set of checks per folder.

A new assignment folder is picked up automatically. What each one must prove:
- the source is well formed (nbgrader metadata on every cell, no outputs, every test cell has a visible
  and a hidden part, every `load("…")` names a dataset the grader can hand to the sandbox);
- `assignment release` works and the learner version holds no solutions and no hidden tests;
- `datavaardig grade`: the source scores full points, the untouched release 0, both "nagekeken";
  a known wrong submission (KNOWN_WRONG below) loses exactly the points its author expects;
- the Dutch feedback never shows hidden-test source or assertion texts;
- real `nbgrader autograde` gives the same scores for those three submissions.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from datavaardig import catalog
from datavaardig.grading.assignments import course
from datavaardig.grading.assignments.data import LOAD_CALL
from datavaardig.grading.assignments.feedback import hidden_lines, write_feedback
from datavaardig.grading.assignments.grader import GRADED, grade
from datavaardig.grading.assignments.steps import open_gradebook
from tests.support import submissions

pytestmark = pytest.mark.slow
ASSIGNMENTS = course.assignment_names()
SOLUTION = re.compile(r"^\s*### BEGIN SOLUTION\s*$(.*?)^\s*### END SOLUTION\s*$", re.M | re.S)
STUB = "SCHRIJF HIER JE CODE"

# Per assignment: answers (grade_id → code) that pass the visible tests but not all hidden ones, the total
# score they must get, and the test cells that must lose points. Every new assignment adds one entry here.
KNOWN_WRONG = {
    "tabellen": (
        {
            "opdracht1_antwoord": submissions.ANSWERS["fout1_verborgen"][0]["opdracht1_antwoord"],
            "opdracht3_antwoord": submissions.ANSWERS["deel3_fout"][0]["opdracht3_antwoord"],
        },
        5,
        {"test_aantal", "test_per_jaar"},
    ),
    "python": (
        {
            "opdracht2_antwoord": "kleine_gemeenten = [g for g, n in inwoners.items() if n < 27000]",
            "opdracht3_antwoord": 'def categorie(magnitude):\n    if magnitude <= 2.0:\n        return "zwak"\n'
            '    if magnitude <= 3.0:\n        return "voelbaar"\n    return "zwaar"',
        },
        4,
        {"test_kleine_gemeenten", "test_categorie", "test_per_categorie"},
    ),
    "visualiseren": (
        {
            "opdracht1_antwoord": 'fig, ax_gas = plt.subplots()\nax_gas.plot(gas["maand"], gas["volume_nm3"])\n'
            'ax_gas.set_title("Gaswinning")\nax_gas.set_xlabel("Maand")\n'
            'ax_gas.set_ylabel("Gaswinning (m³)")',
            "opdracht2_antwoord": "fig, ax_gemeenten = plt.subplots()\n"
            'ax_gemeenten.barh(groningen["gemeente"], groningen["inwoners"])\n'
            'ax_gemeenten.set_title("Inwoners")\nax_gemeenten.set_xlabel("Inwoners")',
        },
        5,
        {"test_lijngrafiek", "test_staafdiagram"},
    ),
}


def sources(assignment: str) -> dict[str, nbformat.NotebookNode]:
    folder = course.graded_source_dir() / assignment
    return {p.stem: nbformat.read(str(p), as_version=4) for p in sorted(folder.glob("*.ipynb"))}


def nbgrader_meta(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def is_test(cell) -> bool:
    return cell.cell_type == "code" and nbgrader_meta(cell).get("grade") and not nbgrader_meta(cell).get("solution")


def secret_lines(nb) -> list[str]:
    """Lines of solution regions and hidden tests that appear nowhere else in the source notebook."""
    secret, public = set(), set()
    for cell in nb.cells:
        lines = cell.source.splitlines()
        hidden = hidden_lines(cell.source)
        for match in SOLUTION.finditer(cell.source):
            first = cell.source.count("\n", 0, match.start()) + 1
            hidden |= set(range(first, cell.source.count("\n", 0, match.end()) + 2))
        for number, line in enumerate(lines, 1):
            (secret if number in hidden else public).add(line.strip())
    public_text = "\n".join(public)  # a visible hint may quote part of a solution ("begin met def f(x):")
    return sorted(line for line in secret if len(line) >= 8 and not line.startswith("###") and line not in public_text)


def hidden_messages(nb) -> list[str]:
    """Static parts (≥ 8 characters) of the assertion messages of hidden tests."""
    found = set()
    for cell in filter(is_test, nb.cells):
        lines = cell.source.splitlines()
        code = "\n".join(
            lines[n - 1] for n in sorted(hidden_lines(cell.source)) if not lines[n - 1].strip().startswith("###")
        )
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Assert) and node.msg is not None:
                found.update(
                    c.value.strip()
                    for c in ast.walk(node.msg)
                    if isinstance(c, ast.Constant) and isinstance(c.value, str)
                )
    visible = _visible_tests(nb)
    return sorted(s for s in found if len(s) >= 8 and s not in visible)


def _visible_tests(nb) -> str:
    parts = []
    for cell in filter(is_test, nb.cells):
        hidden = hidden_lines(cell.source)
        parts += [line for n, line in enumerate(cell.source.splitlines(), 1) if n not in hidden]
    return "\n".join(parts)


def right_answers(nb) -> dict[str, str]:
    """grade_id → the solution cell's code without its markers: what a learner who gets it right writes."""
    return {
        nbgrader_meta(c)["grade_id"]: re.sub(r"^\s*### (BEGIN|END) SOLUTION\s*\n?", "", c.source, flags=re.M)
        for c in nb.cells
        if c.cell_type == "code" and nbgrader_meta(c).get("solution")
    }


def submit_wrong(root: Path, assignment: str, student: str) -> None:
    folder = root / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    for name, nb in sources(assignment).items():
        answers = {**right_answers(nb), **KNOWN_WRONG[assignment][0]}
        released = submissions.filled(root / "release" / assignment / f"{name}.ipynb", answers)
        (folder / f"{name}.ipynb").write_text(nbformat.writes(released))


def part_scores(root: Path, assignment: str, student: str) -> dict[str, tuple[float, float]]:
    with open_gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        submission = gb.find_submission(assignment, student)
        return {g.name: (float(g.score), float(g.max_score)) for nb in submission.notebooks for g in nb.grades}


@pytest.fixture(scope="module", params=ASSIGNMENTS)
def graded(request, tmp_path_factory, mirror):
    """One course root per assignment: released, three submissions graded, feedback written."""
    assignment = request.param
    root = submissions.make_course(tmp_path_factory.mktemp(f"qa-{assignment}"), assignment)
    submissions.submit_source(root, "docent", assignment)
    submissions.submit_release(root, "niemand", assignment)
    if assignment in KNOWN_WRONG:
        submit_wrong(root, assignment, "fout")
    outcomes = {o.student: o for o in grade(assignment, root, progress=False)}
    write_feedback(assignment, root)
    return assignment, root, outcomes


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_source_notebooks_are_well_formed(assignment):
    known = set(catalog.load_catalog())
    assert sources(assignment), f"{assignment}: geen notebooks"
    for name, nb in sources(assignment).items():
        nbformat.validate(nb)
        ids = [nbgrader_meta(c).get("grade_id") for c in nb.cells]
        assert None not in ids and len(ids) == len(set(ids)), f"{name}: every cell needs its own grade_id"
        assert all(nbgrader_meta(c).get("schema_version") == 3 for c in nb.cells), name
        assert all(
            not c.get("outputs") and c.get("execution_count") is None for c in nb.cells if c.cell_type == "code"
        ), f"{name}: committed with outputs"
        tests = [c for c in nb.cells if is_test(c)]
        assert tests and all(nbgrader_meta(c).get("points", 0) > 0 for c in tests), name
        for cell in tests:
            hidden = hidden_lines(cell.source)
            visible = [
                line
                for n, line in enumerate(cell.source.splitlines(), 1)
                if n not in hidden and line.strip() and not line.strip().startswith("#")
            ]
            assert hidden and visible, f"{name}/{nbgrader_meta(cell)['grade_id']}: needs a visible and a hidden part"
        loaded = {d for c in nb.cells for d in LOAD_CALL.findall(c.source)}
        assert loaded <= known, f"{name}: unknown datasets {loaded - known} (the sandbox would lack them)"
    assert assignment in KNOWN_WRONG, f"add a known wrong submission for '{assignment}' to KNOWN_WRONG"


def test_release_has_no_solutions_or_hidden_tests(graded):
    assignment, root, _ = graded
    for name, source in sources(assignment).items():
        released = nbformat.read(str(root / "release" / assignment / f"{name}.ipynb"), as_version=4)
        text = "\n".join(c.source for c in released.cells)
        assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
        for line in secret_lines(source):
            assert line not in text, (name, line)
        solutions = [c for c in source.cells if c.cell_type == "code" and nbgrader_meta(c).get("solution")]
        assert text.count(STUB) == len(solutions) > 0
        points = [sum(nbgrader_meta(c).get("points", 0) for c in nb.cells if is_test(c)) for nb in (source, released)]
        assert points[0] == points[1] > 0


def test_source_full_points_release_zero(graded):
    assignment, root, outcomes = graded
    total = sum(
        nbgrader_meta(c).get("points", 0) for nb in sources(assignment).values() for c in nb.cells if is_test(c)
    )
    assert (outcomes["docent"].score, outcomes["docent"].max_score) == (total, total)
    assert (outcomes["niemand"].score, outcomes["niemand"].max_score) == (0, total)
    for student in ("docent", "niemand"):
        assert outcomes[student].status == GRADED and not outcomes[student].reasons, outcomes[student]


def test_known_wrong_submission_loses_the_expected_points(graded):
    assignment, root, outcomes = graded
    _answers, score, losing = KNOWN_WRONG[assignment]
    assert outcomes["fout"].status == GRADED and outcomes["fout"].score == score
    scores = part_scores(root, assignment, "fout")
    assert {part for part, (got, most) in scores.items() if got < most} == losing


def test_feedback_is_dutch_and_hides_hidden_tests(graded):
    assignment, root, _ = graded
    for name, source in sources(assignment).items():
        secrets = secret_lines(source) + hidden_messages(source)
        assert secrets
        for student in ("docent", "niemand", "fout"):
            page = (root / "feedback" / student / assignment / f"{name}.html").read_text(encoding="utf-8")
            assert "lang='nl'" in page and "Feedback: opdracht" in page and "Punten:" in page
            assert "HIDDEN" not in page and "verborgen:" not in page and "Traceback" not in page
            for secret in secrets:
                assert secret not in page, (student, secret)
        wrong = (root / "feedback" / "fout" / assignment / f"{name}.html").read_text(encoding="utf-8")
        assert "Een verborgen test is niet gelukt" in wrong or "Gedeeltelijk goed" in wrong


def test_nbgrader_autograde_gives_the_same_scores(graded, tmp_path):
    assignment, root, outcomes = graded
    theirs = submissions.make_course(tmp_path / "nbgrader", assignment)
    shutil.copytree(root / "submitted", theirs / "submitted", dirs_exist_ok=True)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    run = subprocess.run(
        ["nbgrader", "autograde", assignment, "--force"],
        cwd=theirs,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    for student in outcomes:
        assert part_scores(theirs, assignment, student) == part_scores(root, assignment, student), student
