"""Progress store at province scale: 500 learners x 150 questions x 20 events = 1.5 million events.

Measures on SQLite (the embedded default) and on a real PostgreSQL server started for the run:
ingest rate (bulk and one event per check, as a learner's kernel writes), the trainer's cohort
dashboard over the whole cohort (the headline; a 25-person workshop group as an extra row) and one
learner's "Mijn voortgang". Reports read the summary tables (revision 0003), which ingest keeps exact.
Prints a table with the targets; exit code 1 when a target is missed.

    .venv/bin/python benchmarks/progress.py [--learners 500] [--questions 150] [--events 20] [--no-postgres]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from datavaardig.progress.cohorts import add_members
from datavaardig.progress.group_report import GroupReport
from datavaardig.progress.reports import CoursePlan, LessonPlan, learner_report
from datavaardig.progress.store import ProgressStore
from tests.support.postgres import throwaway_postgres

TARGETS = {"cohort_ms": 300.0, "learner_ms": 50.0, "ingest_per_s": 5000.0}
KEY = b"benchmark-key-not-secret-0123456789"
QUESTIONS_PER_LESSON = 5
BATCH = 5000


def make_plan(questions: int) -> list[CoursePlan]:
    lessons = [
        LessonPlan(f"{i + 1:02d}-les", f"Les {i + 1}", 30, tuple(f"q{j + 1}" for j in range(QUESTIONS_PER_LESSON)))
        for i in range(questions // QUESTIONS_PER_LESSON)
    ]
    per_course = 6
    return [
        CoursePlan(f"cursus{c + 1}", f"Cursus {c + 1}", tuple(lessons[c * per_course : (c + 1) * per_course]))
        for c in range((len(lessons) + per_course - 1) // per_course)
    ]


def question_ids(plan):
    return [
        (c.id, lesson.slug, f"{c.id}/{lesson.slug}/{q}") for c in plan for lesson in c.lessons for q in lesson.questions
    ]


def events(learners: int, plan, per_question: int, seed: int = 7):
    """Per learner and question: hints, wrong checks, mostly a correct check at the end; a lesson open."""
    rng = random.Random(seed)
    start = datetime.now(timezone.utc) - timedelta(days=300)
    questions = question_ids(plan)
    for n in range(learners):
        learner = f"medewerker{n:04d}"
        for course, lesson, question in questions:
            when = start + timedelta(minutes=rng.randrange(300 * 24 * 60))
            solved = rng.random() < 0.8
            for k in range(per_question):
                if k == 0:
                    kind, outcome, hint = "lesson_opened", None, None
                elif k == per_question - 1 and solved:
                    kind, outcome, hint = "check", "correct", None
                elif rng.random() < 0.3:
                    kind, outcome, hint = "hint", None, rng.randint(1, 3)
                else:
                    kind, outcome, hint = (
                        "check",
                        rng.choice(("incorrect", "incorrect", "error", "not_attempted")),
                        None,
                    )
                yield dict(
                    learner=learner,
                    course=course,
                    lesson=lesson,
                    question=None if kind == "lesson_opened" else question,
                    question_kind=None if kind == "lesson_opened" else "equality",
                    interaction=kind,
                    outcome=outcome,
                    hint_number=hint,
                    occurred_at=when + timedelta(seconds=30 * k),
                )


def ingest(store: ProgressStore, rows) -> tuple[int, float]:
    total, began, batch = 0, time.perf_counter(), []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            store.record_many(batch)
            total += len(batch)
            batch = []
    if batch:
        store.record_many(batch)
        total += len(batch)
    return total, time.perf_counter() - began


def single_ingest(store: ProgressStore, n: int = 1000) -> float:
    """One transaction per event, as `q1.check()` writes: events per second."""
    began = time.perf_counter()
    for _ in range(n):
        store.record(
            learner="losse-schrijver",
            course="cursus1",
            lesson="01-les",
            question="cursus1/01-les/q1",
            question_kind="equality",
            interaction="check",
            outcome="incorrect",
        )
    return n / (time.perf_counter() - began)


def timed_ms(fn, repeat: int = 7) -> float:
    fn()  # warm caches and the connection pool: a dashboard refresh is never the first query
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples)


def dashboard(store, plan, cohort=None):
    report = GroupReport.load(store, plan, cohort=cohort, key=KEY)
    report.completion()
    report.stuck_questions()
    report.grade_table()


def run(label: str, url: str, args) -> dict:
    plan = make_plan(args.questions)
    store = ProgressStore(url)
    store.ensure_schema()
    total, seconds = ingest(store, events(args.learners, plan, args.events))
    add_members(
        store, "workshop", [f"medewerker{n:04d}" for n in range(0, args.learners, args.learners // 25 or 1)][:25]
    )
    # What autovacuum / a nightly job does on a live server: statistics, and on PostgreSQL the visibility
    # map that lets the covering index answer without reading the table (index-only scan).
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE" if store.engine.dialect.name == "postgresql" else "ANALYZE")
    result = {
        "backend": label,
        "events": total,
        "ingest_per_s": total / seconds,
        "single_per_s": single_ingest(store),
        "cohort_ms": timed_ms(lambda: dashboard(store, plan)),  # all learners: the target
        "group_ms": timed_ms(lambda: dashboard(store, plan, "workshop")),
        "learner_ms": timed_ms(lambda: learner_report(store, "medewerker0042", plan)),
    }
    store.close()
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=500)
    parser.add_argument("--questions", type=int, default=150)
    parser.add_argument("--events", type=int, default=20, help="events per learner and question")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="dv-bench-") as tmp:
        results.append(run("SQLite (WAL)", f"sqlite:///{Path(tmp) / 'voortgang.sqlite'}", args))
    if not args.no_postgres:
        with throwaway_postgres() as url:  # default durability settings: what a shared server runs
            results.append(run("PostgreSQL", url, args))
    header = (
        f"{'backend':<14}{'events':>11}{'ingest/s':>11}{'1-by-1/s':>10}"
        f"{'cohort(' + str(args.learners) + ') ms':>17}{'groep(25) ms':>14}{'leerling ms':>13}"
    )
    print(header)
    print("-" * len(header))
    missed = []
    for r in results:
        print(
            f"{r['backend']:<14}{r['events']:>11,}{r['ingest_per_s']:>11,.0f}{r['single_per_s']:>10,.0f}"
            f"{r['cohort_ms']:>17.1f}{r['group_ms']:>14.1f}{r['learner_ms']:>13.1f}"
        )
        for name, target in TARGETS.items():
            ok = r[name] >= target if name.endswith("_per_s") else r[name] <= target
            if not ok:
                missed.append(f"{r['backend']}: {name} = {r[name]:.1f} (target {target:g})")
    print(
        f"\ntargets: cohort dashboard (all {args.learners} learners) < {TARGETS['cohort_ms']:g} ms, learner view < "
        f"{TARGETS['learner_ms']:g} ms, bulk ingest >= {TARGETS['ingest_per_s']:,.0f} events/s"
    )
    print(
        "ratios to target: "
        + "; ".join(
            f"{r['backend']}: cohort dashboard {r['cohort_ms'] / TARGETS['cohort_ms']:.2f}, "
            f"learner {r['learner_ms'] / TARGETS['learner_ms']:.2f}, ingest {r['ingest_per_s'] / TARGETS['ingest_per_s']:.1f}x"
            for r in results
        )
    )
    for line in missed:
        print("MISSED", line)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
