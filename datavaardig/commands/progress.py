"""`datavaardig progress …`: a learner's own overview, and the privacy tools for trainers and administrators.

datavaardig progress                         my progress (Mijn voortgang) in the terminal
datavaardig progress export --learner X      everything stored about X (right of access), JSON or CSV
datavaardig progress erase --learner X       delete everything about X (right to erasure), after confirming
datavaardig progress purge [--older-than N]  delete events past the retention period
datavaardig progress reidentify PSEUDONYM    which learner a pseudonym belongs to (needs the admin key)
datavaardig progress group add|remove|list   trainers' groups for the dashboard filter
datavaardig progress report --excel F.xlsx   the group report for HR (pseudonyms)
"""

from __future__ import annotations

import sys
from pathlib import Path

from datavaardig import settings

__all__ = ["cmd_erase", "cmd_export", "cmd_group", "cmd_purge", "cmd_reidentify", "cmd_report", "cmd_show", "register"]


def _store(args):
    from datavaardig.progress.store import ProgressStore

    return ProgressStore(args.db or settings.db_url())


def cmd_show(args) -> int:
    from datavaardig.grading.selfcheck.plans import course_plans
    from datavaardig.progress.reports import learner_report
    from datavaardig.progress.text import report_text

    learner = args.learner or settings.learner()
    with _store(args) as store:
        report = learner_report(store, learner, course_plans())
    print(report_text(report))
    return 0


def cmd_export(args) -> int:
    from datavaardig.progress.rights import export_text, learner_data

    with _store(args) as store:
        text = export_text(learner_data(store, args.learner), args.format)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Alle gegevens over '{args.learner}' staan in {args.output}.", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _confirm(question: str, assume_yes: bool) -> bool:
    if assume_yes:
        return True
    if not sys.stdin.isatty():
        print("Niets gedaan: bevestig met --yes (er is geen terminal om het te vragen).", file=sys.stderr)
        return False
    return input(f"{question} Typ 'ja' om door te gaan: ").strip().lower() == "ja"


def cmd_erase(args) -> int:
    from datavaardig.progress.rights import count_learner, erase_learner

    with _store(args) as store:
        n = count_learner(store, args.learner)
        if not _confirm(
            f"Alle {n} gebeurtenissen en groepslidmaatschappen van '{args.learner}' in {store.label} "
            "worden definitief verwijderd.",
            args.yes,
        ):
            return 1
        deleted = erase_learner(store, args.learner)
    print(f"Verwijderd: {deleted} gebeurtenissen van '{args.learner}'.")
    return 0


def cmd_purge(args) -> int:
    from datavaardig.progress.privacy import retention_days
    from datavaardig.progress.rights import count_expired, cutoff, purge

    days = args.older_than or retention_days()
    before = cutoff(days)
    with _store(args) as store:
        if args.dry_run:
            print(
                f"{count_expired(store, before)} gebeurtenissen zijn ouder dan {days} dagen "
                f"(van vóór {before:%Y-%m-%d}); er is niets verwijderd (--dry-run)."
            )
            return 0
        deleted = purge(store, before)
    print(f"Verwijderd: {deleted} gebeurtenissen ouder dan {days} dagen (van vóór {before:%Y-%m-%d}).")
    return 0


def cmd_reidentify(args) -> int:
    from datavaardig.progress.privacy import reidentify
    from datavaardig.progress.rights import learners

    if args.candidates:
        candidates = [line.strip() for line in Path(args.candidates).read_text(encoding="utf-8").splitlines()]
    else:
        with _store(args) as store:
            candidates = learners(store)
    print(reidentify(args.pseudonym, [c for c in candidates if c]))
    return 0


def cmd_group(args) -> int:
    from datavaardig.progress import cohorts as groups
    from datavaardig.progress.store import ProgressStoreError

    if args.action != "list" and not (args.group and args.learners):
        raise ProgressStoreError(
            f"Geef een groep en minstens één deelnemer: datavaardig progress group {args.action} GROEP NAAM [NAAM …]"
        )
    with _store(args) as store:
        if args.action == "list":
            for name, n in groups.cohorts(store).items():
                print(f"{name}\t{n} deelnemers")
        elif args.action == "add":
            print(f"{groups.add_members(store, args.group, args.learners)} deelnemers toegevoegd aan '{args.group}'.")
        else:
            print(f"{groups.remove_members(store, args.group, args.learners)} deelnemers uit '{args.group}' gehaald.")
    return 0


def cmd_report(args) -> int:
    from datavaardig.grading.selfcheck.plans import course_plans
    from datavaardig.progress.group_report import GroupReport

    with _store(args) as store:
        report = GroupReport.load(store, course_plans(), cohort=args.group)
    if args.excel:
        print(f"Geschreven: {report.export_excel(args.excel)}")
    if args.csv:
        print(f"Geschreven: {report.export_csv(args.csv)}")
    if not (args.excel or args.csv):
        print(report.completion().to_string(index=False))
    return 0


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "progress",
        help="my progress; privacy tools for trainers and administrators",
        description=__doc__.split("\n\n")[0],
    )
    parser.add_argument("--db", help="SQLAlchemy URL of the progress store (default: DATAVAARDIG_DB or the local file)")
    parser.add_argument("--learner", help="whose progress to show (default: you)")
    parser.set_defaults(func=cmd_show)
    sub = parser.add_subparsers(dest="progress_command", metavar="ACTION")

    p = sub.add_parser("export", help="everything stored about one learner (right of access)")
    p.add_argument("--learner", required=True)
    p.add_argument("--format", choices=["json", "csv"], default="json")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("erase", help="delete everything stored about one learner (right to erasure)")
    p.add_argument("--learner", required=True)
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_erase)

    p = sub.add_parser("purge", help="delete events older than the retention period (DATAVAARDIG_RETENTION_DAYS)")
    p.add_argument("--older-than", type=int, metavar="DAYS", help="override the retention period")
    p.add_argument("--dry-run", action="store_true", help="only count what would be deleted")
    p.set_defaults(func=cmd_purge)

    p = sub.add_parser("reidentify", help="the learner behind a pseudonym (needs the administrator's key)")
    p.add_argument("pseudonym")
    p.add_argument("--candidates", help="file with one learner id per line (default: every learner in the store)")
    p.set_defaults(func=cmd_reidentify)

    p = sub.add_parser("group", help="trainers' groups: list, add or remove learners")
    p.add_argument("action", choices=["list", "add", "remove"])
    p.add_argument("group", nargs="?")
    p.add_argument("learners", nargs="*")
    p.set_defaults(func=cmd_group)

    p = sub.add_parser("report", help="group report with pseudonyms (CSV/Excel for HR)")
    p.add_argument("--group", help="only this group (see `progress group list`)")
    p.add_argument("--excel", help="write an Excel workbook here")
    p.add_argument("--csv", help="write a CSV (per participant and lesson) here")
    p.set_defaults(func=cmd_report)
