"""`datavaardig grade NAME`: every submitted/<learner>/NAME, in parallel, sandboxed, into nbgrader's gradebook.

The main thread does all gradebook work (nbgrader's preprocessors, SQLite wants one writer); a thread
pool only waits on the sandboxed forks (executor/pool.py), so `workers` submissions run at once. Each
finished submission leaves a journal next to its autograded notebook; a rerun skips submissions whose
files have not changed since (a killed run resumes where it was), `force=True` regrades all.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import json
import logging
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from datavaardig import settings
from datavaardig.grading.assignments import course, steps
from datavaardig.grading.assignments.data import data_pack
from datavaardig.grading.assignments.executor import pool as executor
from datavaardig.grading.assignments.executor.sandbox import Limits

__all__ = [
    "fingerprint",
    "grade",
    "Grader",
    "GRADER_VERSION",
    "JOURNAL",
    "journal_path",
    "read_journal",
    "SubmissionResult",
]

JOURNAL = ".datavaardig-nakijken.json"
GRADER_VERSION = "1"
GRADED, NEEDS_REVIEW = "nagekeken", "controleren"
log = logging.getLogger(__name__)


@dataclass
class SubmissionResult:
    """One learner's result for one assignment."""

    student: str
    status: str  # GRADED or NEEDS_REVIEW
    score: float = 0.0
    max_score: float = 0.0
    late: bool = False
    reasons: list[str] = field(default_factory=list)
    sandbox: str = ""  # "volledig" or "beperkt"
    resumed: bool = False  # taken from an earlier (interrupted) run, not regraded

    @property
    def reason(self) -> str:
        return "; ".join(dict.fromkeys(self.reasons))


def fingerprint(folder: Path) -> str:
    digest = hashlib.sha256(GRADER_VERSION.encode())
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def journal_path(coursedir, assignment: str, student: str) -> Path:
    return Path(coursedir.format_path(coursedir.autograded_directory, student, assignment)) / JOURNAL


def read_journal(coursedir, assignment: str, student: str) -> dict | None:
    path = journal_path(coursedir, assignment, student)
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def _write_journal(coursedir, assignment: str, outcome: SubmissionResult, print_: str) -> None:
    path = journal_path(coursedir, assignment, outcome.student)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({**asdict(outcome), "fingerprint": print_}, indent=1))
    os.replace(tmp, path)  # written last: a journal means the gradebook already holds this grade


class Grader:
    def __init__(self, assignment: str, root: Path | None = None, *, limits: Limits = Limits()):
        course.ensure_tools_on_path()
        course.check_assignment(assignment)
        self.assignment, self.limits = assignment, limits
        self.root = course.course_root(root)
        config = course.load_config(self.root)
        self.coursedir = course.coursedir(self.root)
        self.pipeline = steps.Steps(config, self.coursedir.db_url)
        self.gb = steps.open_gradebook(self.coursedir.db_url)
        try:
            self.notebooks = [nb.name for nb in self.gb.find_assignment(assignment).notebooks]
        except Exception as exc:
            raise course.AssignmentError(
                f"Opdracht '{assignment}' staat nog niet in het cijferboek. "
                f"Voer eerst `datavaardig assignment release {assignment}` uit."
            ) from exc
        release = Path(self.coursedir.format_path(self.coursedir.release_directory, ".", assignment))
        self.reference = {
            name: steps.nbformat.read(str(release / f"{name}.ipynb"), as_version=4) for name in self.notebooks
        }
        self.source = Path(self.coursedir.format_path(self.coursedir.source_directory, ".", assignment)).resolve()

    def students(self) -> list[str]:
        return course.submitted_students(self.coursedir, self.assignment)

    def submitted(self, student: str) -> Path:
        return Path(self.coursedir.format_path(self.coursedir.submitted_directory, student, self.assignment))

    # -- one submission, main thread --------------------------------------------------------------
    def prepare(self, student: str, workdir: Path):
        """Gradebook entries, sanitized notebooks and cell jobs; returns (outcome, jobs per notebook)."""
        outcome = SubmissionResult(student, GRADED)
        started = steps.start_submission(self.gb, self.coursedir, self.assignment, student)
        outcome.late = (started["late_seconds"] or 0) > 0
        shutil.copytree(self.submitted(student), workdir)
        for filename in self.source.rglob("*"):
            if filename.is_file() and filename.suffix != ".ipynb":
                target = workdir / filename.relative_to(self.source)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(filename, target)
        prepared = {}
        for name in self.notebooks:
            path = self.submitted(student) / f"{name}.ipynb"
            if not path.exists():
                steps.zero_missing_notebook(self.gb, self.assignment, student, name)
                outcome.reasons.append(f"notebook {name}.ipynb niet ingeleverd")
                continue
            try:
                nb = steps.read_submission(path)
            except steps.NotebookUnreadable as exc:
                outcome.reasons.append(f"{name}.ipynb: {exc}")
                steps.mark_needs_review(self.gb, self.assignment, student, name)
                continue
            if steps.drop_duplicate_cells(nb):
                outcome.reasons.append(
                    f"{name}.ipynb: een beoordeelde cel staat er dubbel in (gekopieerd of gesplitst)"
                )
            resources = self.pipeline.resources(student, self.assignment, name)
            nb, resources = self.pipeline.run_sanitize(nb, resources)
            restored = steps.restore_missing_tests(nb, self.reference[name], self.gb, name, self.assignment)
            if restored:
                outcome.reasons.append(f"{name}.ipynb: verwijderde testcel(len) teruggezet: {', '.join(restored)}")
            jobs = []
            for cell in nb.cells:
                if cell.cell_type != "code":
                    continue
                meta = cell.metadata.get("nbgrader", {})
                is_test = meta.get("grade") and not meta.get("solution")
                jobs.append(executor.CellJob(cell.source, "test" if is_test else "code", meta.get("grade_id", "")))
            prepared[name] = (nb, resources, jobs)
        self.gb.db.commit()
        return outcome, prepared

    def finish(self, outcome: SubmissionResult, prepared: dict, runs: dict) -> SubmissionResult:
        for name, (nb, resources, _jobs) in prepared.items():
            run = runs[name]
            outcome.sandbox = run.level
            outcome.reasons.extend(run.problems)
            code_cells = [c for c in nb.cells if c.cell_type == "code"]
            for cell, result in zip(code_cells, run.cells):
                cell.outputs = [steps.nbformat.from_dict(o) for o in result.outputs]
                cell.execution_count = result.execution_count
                if result.line is not None:
                    cell.metadata.setdefault("datavaardig", {})["failed_line"] = result.line
            nb, resources = self.pipeline.run_finish(nb, resources)
            steps.write_autograded(self.coursedir, nb, self.assignment, outcome.student, name)
            if run.problems:
                steps.mark_needs_review(self.gb, self.assignment, outcome.student, name)
        submission = self.gb.find_submission(self.assignment, outcome.student)
        outcome.score, outcome.max_score = float(submission.score), float(submission.max_score)
        self.gb.db.commit()
        if outcome.reasons:
            outcome.status = NEEDS_REVIEW
        return outcome

    # -- the batch ----------------------------------------------------------------------------------
    def grade(
        self,
        *,
        workers: int | None = None,
        force: bool = False,
        progress: bool = True,
        students: list[str] | None = None,
    ) -> list[SubmissionResult]:
        from tqdm import tqdm

        workers = max(1, workers or os.cpu_count() or 1)
        todo, outcomes = [], []
        for student in students or self.students():
            print_ = fingerprint(self.submitted(student))
            journal = read_journal(self.coursedir, self.assignment, student)
            if not force and journal and journal.get("fingerprint") == print_:
                known = {k: v for k, v in journal.items() if k in SubmissionResult.__dataclass_fields__}
                outcomes.append(SubmissionResult(**{**known, "resumed": True}))
            else:
                todo.append((student, print_))
        if not todo:
            return outcomes
        executor.warm_up()
        _remove_stale_workdirs()
        base = Path(tempfile.mkdtemp(prefix=f"datavaardig-nakijken-{os.getpid()}-"))
        try:
            datahome = data_pack(self.source, base / "data")
            hide = tuple(str(p) for p in {self.root, self.source.parent, settings.data_dir(), base} if Path(p).exists())
            bar = tqdm(total=len(todo), desc=f"Nakijken {self.assignment}", unit="inlevering", disable=not progress)
            with cf.ThreadPoolExecutor(workers) as pool:
                pending: dict[cf.Future, tuple] = {}
                queue = list(enumerate(todo))
                while queue or pending:
                    while queue and len(pending) < workers * 2:
                        index, (student, print_) = queue.pop(0)
                        pending.update(self._submit(pool, index, student, print_, base, datahome, hide, outcomes, bar))
                    if not pending:
                        continue
                    done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                    for future in done:
                        outcome, prepared, print_ = pending.pop(future)
                        outcomes.append(self._finish_safely(outcome, prepared, future, print_))
                        bar.update()
            bar.close()
        finally:
            shutil.rmtree(base, ignore_errors=True)
        self._record_progress([o for o in outcomes if not o.resumed])
        return sorted(outcomes, key=lambda o: o.student)

    def _submit(self, pool, index, student, print_, base, datahome, hide, outcomes, bar) -> dict:
        workdir = base / "werk" / str(index)
        try:
            outcome, prepared = self.prepare(student, workdir)
        except Exception as exc:  # never abort the batch: this learner needs a trainer's look
            log.exception("preparing %s failed", student)
            self.gb.db.rollback()
            outcome = SubmissionResult(student, NEEDS_REVIEW, reasons=[f"interne fout bij voorbereiden: {exc}"])
            _write_journal(self.coursedir, self.assignment, outcome, print_)
            outcomes.append(outcome)
            bar.update()
            return {}

        def execute():
            runs = {
                name: executor.run_notebook(jobs, str(workdir), str(datahome), hide, self.limits)
                for name, (_nb, _res, jobs) in prepared.items()
            }
            shutil.rmtree(workdir, ignore_errors=True)
            return runs

        return {pool.submit(execute): (outcome, prepared, print_)}

    def _finish_safely(
        self, outcome: SubmissionResult, prepared: dict, future: cf.Future, print_: str
    ) -> SubmissionResult:
        try:
            outcome = self.finish(outcome, prepared, future.result())
        except Exception as exc:
            log.exception("finishing %s failed", outcome.student)
            self.gb.db.rollback()
            outcome.status = NEEDS_REVIEW
            outcome.reasons.append(f"interne fout bij nakijken: {exc}")
        _write_journal(self.coursedir, self.assignment, outcome, print_)
        return outcome

    def _record_progress(self, outcomes: list[SubmissionResult]) -> None:
        """Each new grade is one progress event; a store problem is reported, never fatal for grading."""
        if not outcomes:
            return
        try:
            from datetime import datetime, timezone

            from datavaardig.progress.store import ProgressStore, grade_event

            now = datetime.now(timezone.utc)
            # A graded assignment is named after its course (exercises/graded/<course>).
            rows = [
                grade_event(
                    learner=o.student,
                    course=self.assignment,
                    assignment=self.assignment,
                    score=o.score,
                    max_score=o.max_score,
                    occurred_at=now,
                )
                for o in outcomes
            ]
            store = ProgressStore()
            try:
                store.record_many(rows)
            finally:
                store.close()
        except Exception as exc:  # grades are safe in the gradebook already
            log.warning("Cijfers niet in de voortgangsopslag gezet: %s", exc)

    def close(self) -> None:
        self.gb.close()


def _remove_stale_workdirs() -> None:
    """Copies of submissions left in the temp folder by a killed run (its pid is in the name)."""
    for folder in Path(tempfile.gettempdir()).glob("datavaardig-nakijken-*-*"):
        pid = folder.name.split("-")[2]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            shutil.rmtree(folder, ignore_errors=True)


def grade(assignment: str, root: Path | None = None, **kwargs) -> list[SubmissionResult]:
    limits = kwargs.pop("limits", Limits())
    grader = Grader(assignment, root, limits=limits)
    try:
        return grader.grade(**kwargs)
    finally:
        grader.close()
