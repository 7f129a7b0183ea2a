"""A learner's report as plain text: `datavaardig progress` in a terminal, and the lines the widget reuses."""

from __future__ import annotations

from datavaardig.progress.reports import LearnerReport, LessonProgress

__all__ = ["STATUS_SYMBOL", "lesson_line", "next_text", "report_text"]

STATUS_SYMBOL = {"klaar": "✅", "bezig": "⏳", "nog niet begonnen": "○"}


def lesson_line(lesson: LessonProgress) -> str:
    questions = f"{lesson.correct} van {lesson.total} vragen goed" if lesson.total else "geen vragen"
    hints = f", {lesson.hints} hint{'s' if lesson.hints != 1 else ''}" if lesson.hints else ""
    return f"{STATUS_SYMBOL[lesson.status]} {lesson.title}: {lesson.status}, {questions}{hints}"


def report_text(report: LearnerReport) -> str:
    """The same overview as plain text (`datavaardig progress` in the terminal)."""
    lines = [f"Mijn voortgang ({report.learner})", ""]
    if not report.started:
        lines += ["Je hebt nog geen vragen gecontroleerd. Begin met een les en gebruik q1.check().", ""]
    for course in report.courses:
        lines.append(f"{course.title}: {course.done} van {len(course.lessons)} lessen klaar")
        lines += [f"  {lesson_line(lesson)}" for lesson in course.lessons]
        lines.append("")
    if report.grades:
        lines.append("Nagekeken opdrachten:")
        lines += [f"  {g['assignment']}: {g['score']:g} van {g['max_score']:g} punten" for g in report.grades]
        lines.append("")
    lines.append(next_text(report))
    return "\n".join(lines)


def next_text(report: LearnerReport) -> str:
    nxt = report.next_lesson
    if nxt is None:
        return "Alle lessen zijn klaar. Goed gedaan!"
    verb = "Ga verder met" if nxt.started else "Volgende les:"
    return f"{verb} '{nxt.title}' ({nxt.minutes} min)."
