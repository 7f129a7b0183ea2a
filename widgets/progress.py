""" "Mijn voortgang" (MyProgress: a learner's own) and "Groepsvoortgang" (GroupProgress: a trainer's group).

The widgets take reports (datavaardig.progress.reports, .group_report), never the store: the start page
builds the report with `my_progress()`, tests build one by hand. On the start page:

    from datavaardig.widgets.progress import my_progress
    my_progress()
"""

from __future__ import annotations

import html

import ipywidgets as W
import traitlets

from datavaardig.grading.selfcheck.plans import course_plans
from datavaardig.progress.reports import my_report
from datavaardig.progress.text import STATUS_SYMBOL, next_text
from datavaardig.widgets._render import figure_html
from datavaardig.widgets.style import OKABE_ITO, house_style

__all__ = ["GroupProgress", "MyProgress", "my_progress"]


def _chart(report) -> str:
    """Questions correct per lesson as horizontal bars (empty string when there are no questions)."""
    import matplotlib.pyplot as plt

    lessons = [lesson for c in report.courses for lesson in c.lessons if lesson.total]
    if not lessons:
        return ""
    with house_style():
        fig, ax = plt.subplots(figsize=(6.5, 0.45 * len(lessons) + 1.2))
        labels = [lesson.title for lesson in lessons][::-1]
        totals = [lesson.total for lesson in lessons][::-1]
        correct = [lesson.correct for lesson in lessons][::-1]
        ax.barh(labels, totals, color="#e6e6e6", label="vragen in de les")
        ax.barh(labels, correct, color=OKABE_ITO["blauw"], label="goed beantwoord")
        ax.set_xlabel("Aantal vragen")
        ax.set_title("Vragen goed per les")
        ax.legend(loc="lower right", frameon=False)
    alt = "Staafdiagram, vragen goed per les: " + "; ".join(
        f"{lesson.title} {lesson.correct} van {lesson.total}" for lesson in lessons
    )
    return figure_html(fig, alt)


class MyProgress(W.VBox):
    """A learner's progress: per course a table of lessons, the suggested next lesson and a chart.

    `value` is the LearnerReport shown; `summary` the numbers at the top (for tests and other widgets).
    """

    value = traitlets.Any(allow_none=True)
    summary = traitlets.Dict()

    def __init__(self, report=None, **kwargs):
        super().__init__(**kwargs)
        self._header = W.HTML()
        self._next = W.HTML()
        self._tables = W.HTML()
        self._chart = W.HTML()
        self.children = [self._header, self._next, self._tables, self._chart]
        self.add_class("datavaardig-my-progress")
        self.value = report

    @traitlets.observe("value")
    def _render(self, change) -> None:
        report = change["new"]
        if report is None:
            self.summary = {}
            self._header.value = self._next.value = self._tables.value = self._chart.value = ""
            return
        lessons = [lesson for c in report.courses for lesson in c.lessons]
        self.summary = {
            "lessons_done": sum(lesson.done for lesson in lessons),
            "lessons": len(lessons),
            "questions_correct": sum(lesson.correct for lesson in lessons),
            "questions": sum(lesson.total for lesson in lessons),
            "hints": sum(lesson.hints for lesson in lessons),
            "next_lesson": report.next_lesson.slug if report.next_lesson else None,
        }
        s = self.summary
        self._header.value = (
            f"<h2>Mijn voortgang</h2><p>{s['lessons_done']} van {s['lessons']} lessen klaar, "
            f"{s['questions_correct']} van {s['questions']} vragen goed, {s['hints']} hints gebruikt.</p>"
        )
        nxt = report.next_lesson
        link = f' <a href="{html.escape(nxt.path, quote=True)}">Open de les</a>' if nxt is not None and nxt.path else ""
        self._next.value = f"<p><strong>{html.escape(next_text(report))}</strong>{link}</p>"
        self._tables.value = "".join(self._course_table(c) for c in report.courses) + self._grades(report)
        self._chart.value = _chart(report)

    @staticmethod
    def _course_table(course) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(lesson.title)}</td><td>{STATUS_SYMBOL[lesson.status]} {lesson.status}</td>"
            f"<td>{lesson.correct} / {lesson.total}</td><td>{lesson.hints}</td></tr>"
            for lesson in course.lessons
        )
        return (
            f"<h3>{html.escape(course.title)}</h3><table><caption>{course.done} van {len(course.lessons)} "
            f"lessen klaar</caption><thead><tr><th scope='col'>Les</th><th scope='col'>Status</th>"
            f"<th scope='col'>Vragen goed</th><th scope='col'>Hints</th></tr></thead><tbody>{rows}</tbody></table>"
        )

    @staticmethod
    def _grades(report) -> str:
        if not report.grades:
            return ""
        rows = "".join(
            f"<tr><td>{html.escape(g['assignment'])}</td><td>{g['score']:g} / {g['max_score']:g}</td></tr>"
            for g in report.grades
        )
        return (
            "<h3>Nagekeken opdrachten</h3><table><thead><tr><th scope='col'>Opdracht</th>"
            f"<th scope='col'>Punten</th></tr></thead><tbody>{rows}</tbody></table>"
        )


def my_progress() -> MyProgress:
    """ "Mijn voortgang" of whoever runs the notebook, from the configured store (the start page's cell)."""
    return MyProgress(my_report(course_plans()))


# -- the trainer's view (dashboard "Groepsvoortgang") --------------------------------------------------


def _table(frame, caption: str) -> str:
    """A DataFrame as an accessible HTML table (caption, column headers with scope)."""
    head = "".join(f"<th scope='col'>{html.escape(str(c).replace('_', ' '))}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>"
        for row in frame.itertuples(index=False)
    )
    return (
        f"<table><caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _completion_chart(completion) -> str:
    import matplotlib.pyplot as plt

    if completion.empty:
        return ""
    with house_style():
        fig, ax = plt.subplots(figsize=(7, 0.4 * len(completion) + 1.2))
        labels = completion["titel"].tolist()[::-1]
        n = completion["deelnemers"].clip(lower=1).tolist()[::-1]
        done = [100 * k / m for k, m in zip(completion["klaar"].tolist()[::-1], n)]
        busy = [100 * k / m for k, m in zip(completion["bezig"].tolist()[::-1], n)]
        ax.barh(labels, done, color=OKABE_ITO["blauw"], label="klaar")
        ax.barh(labels, busy, left=done, color=OKABE_ITO["oranje"], label="bezig")
        ax.set_xlim(0, 100)
        ax.set_xlabel("Deelnemers (%)")
        ax.set_title("Voortgang per les")
        ax.legend(loc="lower right", frameon=False)
    alt = "Staafdiagram, deelnemers klaar per les: " + "; ".join(
        f"{t} {p:.0f}% klaar" for t, p in zip(completion["titel"], completion["klaar_pct"])
    )
    return figure_html(fig, alt)


def _grades_chart(grades) -> str:
    import matplotlib.pyplot as plt

    if grades.empty:
        return "<p>Nog geen nagekeken opdrachten.</p>"
    assignments = sorted(grades["opdracht"].unique())
    with house_style():
        fig, ax = plt.subplots(figsize=(7, 3.2))
        data = [grades.loc[grades["opdracht"] == a, "cijfer_pct"].dropna().tolist() for a in assignments]
        ax.boxplot(data, orientation="horizontal", tick_labels=assignments)
        ax.set_xlim(0, 100)
        ax.set_xlabel("Score (% van het maximum)")
        ax.set_title("Scores per opdracht")
    alt = "Boxplot van de scores per opdracht: " + "; ".join(
        f"{a}: mediaan {grades.loc[grades['opdracht'] == a, 'cijfer_pct'].median():.0f}%" for a in assignments
    )
    return figure_html(fig, alt)


class GroupProgress(W.VBox):
    """A group's progress for the trainer: completion per lesson, stuck questions, grades, downloads.

    `value` is a `GroupReport` (pseudonymised); the dashboard reloads it for refresh and group choice.
    `summary` holds the headline numbers (for tests).
    """

    value = traitlets.Any(allow_none=True)
    summary = traitlets.Dict()

    def __init__(self, report=None, **kwargs):
        super().__init__(**kwargs)
        self._parts = {name: W.HTML() for name in ("header", "lessons", "stuck", "grades", "export")}
        self.children = list(self._parts.values())
        self.add_class("datavaardig-group-progress")
        self.value = report

    @traitlets.observe("value")
    def _render(self, change) -> None:
        report = change["new"]
        if report is None:
            self.summary = {}
            for part in self._parts.values():
                part.value = ""
            return
        completion, stuck, grades = report.completion(), report.stuck_questions(), report.grade_table()
        who = f"groep '{report.cohort}'" if report.cohort else "alle deelnemers"
        self.summary = {
            "learners": len(report.learners()),
            "lessons": len(completion),
            "stuck": stuck[["les", "vraag"]].apply("/".join, axis=1).tolist() if not stuck.empty else [],
            "assignments": sorted(grades["opdracht"].unique()) if not grades.empty else [],
        }
        p = self._parts
        p[
            "header"
        ].value = (
            f"<p>{len(report.learners())} deelnemers ({html.escape(who)}). Namen zijn vervangen door pseudoniemen.</p>"
        )
        p["lessons"].value = (
            "<h2>Voortgang per les</h2>"
            + _completion_chart(completion)
            + _table(
                completion[["titel", "deelnemers", "bezig", "klaar", "klaar_pct"]],
                "Aantal deelnemers per les dat bezig of klaar is",
            )
        )
        p["stuck"].value = (
            "<h2>Waar loopt de groep vast?</h2><p>Vragen met het laagste percentage goed; "
            "bij gelijkspel die met de meeste hints.</p>"
            + (
                _table(stuck, "Vragen waar de groep het moeilijkst mee heeft")
                if not stuck.empty
                else "<p>Nog geen vragen geprobeerd.</p>"
            )
        )
        p["grades"].value = "<h2>Nagekeken opdrachten</h2>" + _grades_chart(grades)
        p["export"].value = "<h2>Downloaden voor HR</h2><p>" + _download_links(report) + "</p>"


def _download_links(report) -> str:
    import base64
    import tempfile
    from pathlib import Path

    # Data links: the download works in Voila without giving the browser access to the server's files.
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = report.export_excel(Path(tmp) / "groepsvoortgang.xlsx").read_bytes()
        csv = report.export_csv(Path(tmp) / "groepsvoortgang.csv").read_bytes()
    xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return (
        f'<a download="groepsvoortgang.xlsx" href="data:{xlsx_type};base64,{base64.b64encode(xlsx).decode()}">'
        "Excel-bestand (.xlsx)</a> · "
        f'<a download="groepsvoortgang.csv" href="data:text/csv;base64,{base64.b64encode(csv).decode()}">'
        "CSV-bestand (.csv)</a>"
    )
