"""`datavaardig grade` on ~40 generated submissions: scores, statuses, gradebook, resume, progress events."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from datavaardig.cli import main
from datavaardig.grading.assignments.grader import GRADED, JOURNAL, NEEDS_REVIEW, grade
from datavaardig.grading.assignments.steps import open_gradebook
from tests.support import submissions

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def graded(tmp_path_factory, mirror):
    root = submissions.make_course(tmp_path_factory.mktemp("cursus"))
    submissions.write_all(root)
    outcomes = {o.student: o for o in grade("tabellen", root, progress=False)}
    return root, outcomes


def test_every_submission_gets_a_grade_or_a_reason(graded):
    _root, outcomes = graded
    assert set(outcomes) == set(submissions.variants())
    for o in outcomes.values():
        assert o.status in (GRADED, NEEDS_REVIEW)
        assert o.max_score == 7 or o.status == NEEDS_REVIEW
        if o.status == NEEDS_REVIEW:
            assert o.reason, o.student


@pytest.mark.parametrize(
    "variant,score",
    [
        ("goed", 7),
        ("goed_anders", 7),
        ("fout1", 6),
        ("fout1_verborgen", 6),
        ("fout2_grens", 5),
        ("deel3_frame", 5),
        ("deel3_volgorde", 6),
        ("deel3_fout", 6),
        ("half", 3),
        ("syntaxfout", 5),
        ("test_leeg_gemaakt", 6),
        ("test_aangepast_goed", 7),
        ("alle_tests_weg", 5),
        ("magie", 7),
        ("print_en_plot", 7),
    ],
)
def test_scores_right_wrong_partial_and_tampered_tests(graded, variant, score):
    outcome = graded[1][variant]
    assert outcome.score == score and outcome.status == GRADED


@pytest.mark.parametrize(
    "variant,reason",
    [
        ("ongeldige_json", "onleesbaar"),
        ("notebook_ontbreekt", "niet ingeleverd"),
        ("testcel_verwijderd", "teruggezet"),
        ("testcel_dubbel", "dubbel"),
        ("testcel_gesplitst", "dubbel"),
        ("spiek_oneindige_lus", "limiet"),
        ("spiek_os_exit", "gestopt"),
        ("spiek_kernel_doden", "gestopt"),
        ("spiek_geheugen", "geheugen"),
        ("spiek_sys_exit_in_test", "stoppen"),
        ("grote_uitvoer", "uitvoer"),
    ],
)
def test_broken_submissions_need_review_with_a_reason(graded, variant, reason):
    outcome = graded[1][variant]
    assert outcome.status == NEEDS_REVIEW and reason in outcome.reason


def test_broken_structure_is_graded_as_far_as_possible(graded):
    outcomes = graded[1]
    assert outcomes["oud_nbformat"].score == 7
    assert outcomes["testcel_verwijderd"].score == 7  # the deleted test was put back and run
    assert outcomes["testcel_dubbel"].score == 7 and outcomes["testcel_gesplitst"].score == 7


def test_cheats_never_get_full_points(graded):
    for variant, outcome in graded[1].items():
        if variant.startswith("spiek_") and variant != "spiek_geheugen":  # that one answers q1 before hogging memory
            assert outcome.score < 7, variant


def test_gradebook_and_autograded_notebooks_are_nbgraders(graded):
    root, outcomes = graded
    with open_gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        sub = gb.find_submission("tabellen", "fout2_grens")
        assert sub.score == 5 and not sub.needs_manual_grade
        assert gb.find_submission("tabellen", "spiek_os_exit").needs_manual_grade
        grade_ = gb.find_grade("test_per_jaar", "aardbevingen", "tabellen", "deel3_frame")
        assert grade_.auto_score == 1  # only the 'same years' check passes for a DataFrame
    nb = nbformat.read(str(root / "autograded" / "goed" / "tabellen" / "aardbevingen.ipynb"), as_version=4)
    tests = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
    assert any("BEGIN HIDDEN TESTS" in c.source for c in tests)  # the grader's copy has the hidden tests
    assert (root / "autograded" / "goed" / "tabellen" / JOURNAL).exists()


def test_outputs_match_a_fresh_jupyter_kernel(graded):
    """The same notebook through nbclient + ipykernel gives the same outputs as our forked executor."""
    from nbclient import NotebookClient

    root, _ = graded
    ours = nbformat.read(str(root / "autograded" / "print_en_plot" / "tabellen" / "aardbevingen.ipynb"), as_version=4)
    theirs = nbformat.read(str(root / "autograded" / "print_en_plot" / "tabellen" / "aardbevingen.ipynb"), as_version=4)
    for cell in theirs.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    NotebookClient(
        theirs,
        timeout=60,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(root / "submitted" / "print_en_plot" / "tabellen")}},
    ).execute()

    def shape(nb):
        return [
            [
                (
                    o.output_type,
                    o.get("name"),
                    (o.get("text") or "").strip(),
                    sorted(o.get("data", {})),
                    str(o.get("data", {}).get("text/plain", ""))[:60],
                )
                for o in c.outputs
            ]
            for c in nb.cells
            if c.cell_type == "code"
        ]

    assert shape(ours) == shape(theirs)


def test_resume_skips_what_is_done(graded):
    root, outcomes = graded
    again = {o.student: o for o in grade("tabellen", root, progress=False)}
    assert all(o.resumed for o in again.values())
    assert {k: v.score for k, v in again.items()} == {k: v.score for k, v in outcomes.items()}


def test_progress_events_recorded(graded):
    from datavaardig.progress.store import ProgressStore

    store = ProgressStore()
    events = [e for e in store.events(lesson="tabellen") if e["interaction"] == "grade"]
    store.close()
    assert {e["learner"] for e in events} >= {"goed", "fout1"}
    assert any(e["learner"] == "half" and e["score"] == 3 and e["max_score"] == 7 for e in events)


def test_killed_run_resumes_without_regrading(tmp_path, mirror):
    root = submissions.make_course(tmp_path / "cursus")
    names = [f"leerling{i:02d}" for i in range(8)]
    for name in names:
        submissions.write(root, name, "goed")
    cmd = [str(Path(sys.executable).parent / "datavaardig"), "grade", "tabellen", "--root", str(root), "--workers", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    journals = lambda: sorted(root.glob(f"autograded/*/tabellen/{JOURNAL}"))
    deadline = time.monotonic() + 120
    while len(journals()) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = {p.parent.parent.name: p.stat().st_mtime_ns for p in journals()}
    assert 2 <= len(done_before) < len(names)
    outcomes = {o.student: o for o in grade("tabellen", root, progress=False)}
    assert {s for s, o in outcomes.items() if o.resumed} == set(done_before)
    assert all(o.score == 7 for o in outcomes.values()), {
        s: (o.score, o.status, o.reasons if hasattr(o, "reasons") else o, o.resumed) for s, o in outcomes.items()
    }
    for student, mtime in done_before.items():  # not regraded: the journal was not rewritten
        assert (root / "autograded" / student / "tabellen" / JOURNAL).stat().st_mtime_ns == mtime


def test_cli_prints_summary_table(tmp_path, mirror, capsys):
    root = submissions.make_course(tmp_path / "cursus")
    submissions.write(root, "bert", "goed")
    submissions.write(root, "carla", "ongeldige_json")
    assert main(["grade", "tabellen", "--root", str(root), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "bert" in out and "7/7" in out and "onleesbaar" in out
    assert "2 inleveringen: 1 nagekeken, 1 controleren, 0 te laat." in out
