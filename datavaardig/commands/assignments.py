"""`datavaardig course|assignment|grade|feedback|export`: graded assignments on top of nbgrader."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from datavaardig.errors import DatavaardigError

__all__ = [
    "cmd_assignment_release",
    "cmd_course_init",
    "cmd_export",
    "cmd_feedback",
    "cmd_grade",
    "register",
    "summary_table",
]


def cmd_course_init(args) -> int:
    from datavaardig.grading.assignments.course import init_course

    root = init_course(args.root, force=args.force)
    print(f"Cursusmap klaar: {root}\nnbgrader-instellingen: {root / 'nbgrader_config.py'}")
    return 0


def _parse_due(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        due = dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise DatavaardigError(f"Ongeldige deadline '{text}': gebruik bijvoorbeeld 2025-03-01T17:00.") from exc
    return due.astimezone(dt.timezone.utc).replace(tzinfo=None) if due.tzinfo else due


def cmd_assignment_release(args) -> int:
    from datavaardig.grading.assignments.course import course_root, release_assignment

    path = release_assignment(course_root(args.root), args.name, due=_parse_due(args.due))
    print(f"Cursistenversie van '{args.name}' (zonder oplossingen en verborgen tests): {path}")
    return 0


def summary_table(outcomes) -> str:
    rows = [("Cursist", "Score", "Status", "Te laat", "Reden")]
    for o in outcomes:
        status = o.status + (" (eerder)" if o.resumed else "")
        rows.append((o.student, f"{o.score:g}/{o.max_score:g}", status, "ja" if o.late else "", o.reason))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join(r[i].ljust(widths[i]) for i in range(4)) + "  " + r[4] for r in rows]
    graded = sum(o.status == "nagekeken" for o in outcomes)
    review = len(outcomes) - graded
    late = sum(o.late for o in outcomes)
    lines.append(f"\n{len(outcomes)} inleveringen: {graded} nagekeken, {review} controleren, {late} te laat.")
    return "\n".join(lines)


def cmd_grade(args) -> int:
    from datavaardig.grading.assignments.grader import grade

    outcomes = grade(args.name, args.root, workers=args.workers, force=args.force, progress=not args.quiet)
    if not outcomes:
        print(f"Geen inleveringen gevonden voor '{args.name}' (submitted/<cursist>/{args.name}/).")
        return 0
    levels = {o.sandbox for o in outcomes if o.sandbox}
    if "beperkt" in levels:
        print("Let op: zonder root-rechten is de afscherming beperkt (alleen tijd- en geheugenlimieten).")
    print(summary_table(outcomes))
    return 0


def cmd_feedback(args) -> int:
    from datavaardig.grading.assignments.feedback import write_feedback

    paths = write_feedback(args.name, args.root)
    print(f"{len(paths)} feedbackbestanden geschreven" + (f", bijvoorbeeld {paths[0]}" if paths else "."))
    return 0


def cmd_export(args) -> int:
    from datavaardig.grading.assignments.export import export

    path = export(args.name, args.root, fmt=args.format, output=args.output)
    print(f"Cijfers geëxporteerd naar {path}")
    return 0


def register(subparsers) -> None:
    root_help = "nbgrader course root (default: DATAVAARDIG_COURSE_ROOT or the data folder)"

    course = subparsers.add_parser("course", help="Set up the nbgrader course root.")
    sub = course.add_subparsers(dest="course_command", metavar="ACTION", required=True)
    p = sub.add_parser("init", help="Create the course root with nbgrader_config.py wired to exercises/graded.")
    p.add_argument("--root", type=Path, help=root_help)
    p.add_argument("--force", action="store_true", help="rewrite nbgrader_config.py")
    p.set_defaults(func=cmd_course_init)

    assignment = subparsers.add_parser("assignment", help="Release graded assignments to learners.")
    sub = assignment.add_subparsers(dest="assignment_command", metavar="ACTION", required=True)
    p = sub.add_parser("release", help="nbgrader generate_assignment: learner version without solutions/hidden tests.")
    p.add_argument("name", help="assignment (a folder in exercises/graded)")
    p.add_argument("--due", help="deadline, ISO format (e.g. 2025-03-01T17:00)")
    p.add_argument("--root", type=Path, help=root_help)
    p.set_defaults(func=cmd_assignment_release)

    p = subparsers.add_parser("grade", help="Autograde every submission of an assignment, sandboxed and in parallel.")
    p.add_argument("name", help="assignment name")
    p.add_argument("--workers", type=int, default=None, help="submissions at once (default: number of cores)")
    p.add_argument("--force", action="store_true", help="regrade submissions already graded")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--root", type=Path, help=root_help)
    p.set_defaults(func=cmd_grade)

    p = subparsers.add_parser("feedback", help="Dutch HTML feedback per learner (no hidden tests).")
    p.add_argument("name", help="assignment name")
    p.add_argument("--root", type=Path, help=root_help)
    p.set_defaults(func=cmd_feedback)

    p = subparsers.add_parser("export", help="Export scores (learner, score, max, status, reason, late).")
    p.add_argument("name", help="assignment name")
    p.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    p.add_argument("--output", type=Path, help="file to write (default: in the course root)")
    p.add_argument("--root", type=Path, help=root_help)
    p.set_defaults(func=cmd_export)
