"""The trainer's view of a group: completion per lesson, where the group is stuck, grades, exports.

Trainers see pseudonyms, never learner ids (see privacy.py): `GroupReport.load` replaces the ids as
soon as the rows leave the database, so no table, chart or export of this module can show a name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd
from sqlalchemy import case, func, select

from datavaardig.progress.models import LESSON_LEVEL, CohortMember
from datavaardig.progress.privacy import pseudonym, pseudonym_key
from datavaardig.progress.reports import STATE, CoursePlan, latest_grades_query
from datavaardig.progress.store import ProgressStore

__all__ = [
    "GRADE_COLUMNS",
    "GroupReport",
    "LESSON_COLUMNS",
    "lesson_summary_query",
    "MEMBERS",
    "QUESTION_COLUMNS",
    "question_summary_query",
]

MEMBERS = CohortMember.__table__
LESSON_COLUMNS = ["learner", "course", "lesson", "goed", "hints", "actief", "gezien", "geopend", "afgerond"]
QUESTION_COLUMNS = [
    "course",
    "lesson",
    "question",
    "deelnemers",
    "goed",
    "foute_pogingen",
    "hints",
    "oplossing_bekeken",
]
GRADE_COLUMNS = ["learner", "course", "assignment", "score", "max_score", "occurred_at"]


def _when(condition, value=1):
    return case((condition, value), else_=0)


def _tried(s):
    """A question somebody worked on: checked (right or wrong), asked a hint or the solution."""
    return (s.correct_checks > 0) | (s.wrong_checks > 0) | (s.hints > 0) | (s.solutions > 0)


def lesson_summary_query(learners=None):
    """Per (learner, course, lesson): what the status table needs, counted by the database from the
    summary table (a 500-learner cohort is 15,000 rows instead of 90,000 question states)."""
    s = STATE.c
    asked = s.question != LESSON_LEVEL
    active = _tried(s)
    query = select(
        s.learner,
        s.course,
        s.lesson,
        func.sum(_when(asked & (s.correct_checks > 0))),
        func.sum(_when(asked, s.hints)),
        func.max(_when(asked & active)),
        func.sum(_when(asked)),
        func.max(_when(~asked & (s.lessons_opened > 0))),
        func.max(_when(~asked & (s.lessons_finished > 0))),
    ).group_by(s.learner, s.course, s.lesson)
    return query if learners is None else query.where(s.learner.in_(learners))


def question_summary_query(learners=None):
    """Per question somebody tried (checked, asked a hint or the solution): the 'where stuck' counts."""
    s = STATE.c
    tried = _tried(s)
    query = (
        select(
            s.course,
            s.lesson,
            s.question,
            func.count(),
            func.sum(_when(s.correct_checks > 0)),
            func.sum(s.wrong_checks),
            func.sum(s.hints),
            func.sum(_when(s.solutions > 0)),
        )
        .where((s.question != LESSON_LEVEL) & tried)
        .group_by(s.course, s.lesson, s.question)
    )
    return query if learners is None else query.where(s.learner.in_(learners))


@dataclass(frozen=True)
class GroupReport:
    """The rows every trainer view is computed from, pseudonymised: per participant and lesson, per
    question and the newest grades."""

    lessons: pd.DataFrame  # one row per (deelnemer, course, lesson) with any event
    questions: pd.DataFrame  # one row per (course, lesson, question) somebody tried; no participant in it
    grades: pd.DataFrame  # one row per (deelnemer, course, assignment): newest grade
    plan: tuple[CoursePlan, ...]
    cohort: str | None = None

    @classmethod
    def load(
        cls, store: ProgressStore, plan: list[CoursePlan], cohort: str | None = None, key: bytes | None = None
    ) -> GroupReport:
        learners = None
        if cohort:
            learners = select(MEMBERS.c.learner).where(MEMBERS.c.cohort == cohort).scalar_subquery()
        with store.reading() as conn:
            lessons = pd.DataFrame(_plain(conn.execute(lesson_summary_query(learners))), columns=LESSON_COLUMNS)
            questions = pd.DataFrame(_plain(conn.execute(question_summary_query(learners))), columns=QUESTION_COLUMNS)
            grades = pd.DataFrame(_plain(conn.execute(latest_grades_query(learners))), columns=GRADE_COLUMNS)
        # The order a pandas groupby gives: the views sort stably from it.
        questions = questions.sort_values(["course", "lesson", "question"], kind="stable", ignore_index=True)
        return cls._pseudonymised(lessons, questions, grades, plan, cohort, key)

    @classmethod
    def _pseudonymised(cls, lessons, questions, grades, plan, cohort, key) -> GroupReport:
        key = pseudonym_key() if key is None else key
        # One HMAC per learner, not per row.
        for frame in (lessons, grades):
            names = {name: pseudonym(name, key) for name in frame["learner"].unique()}
            frame.insert(0, "deelnemer", frame.pop("learner").map(names).astype("str"))
        return cls(lessons, questions, grades, tuple(plan), cohort)

    # -- views -------------------------------------------------------------------------------------
    @cached_property
    def _learners(self) -> list[str]:
        return sorted(set(self.lessons["deelnemer"].unique()) | set(self.grades["deelnemer"].unique()))

    def learners(self) -> list[str]:
        """The participants' pseudonyms, sorted."""
        return list(self._learners)

    @cached_property
    def _lesson_status(self) -> pd.DataFrame:
        # Vectorised: one Python loop per planned lesson, never per learner (500 learners in < 0.1 s).
        grid = pd.DataFrame(
            [(c.id, lesson.slug, lesson.title, len(lesson.questions)) for c in self.plan for lesson in c.lessons],
            columns=["cursus", "les", "titel", "vragen"],
        )
        people = pd.DataFrame({"deelnemer": pd.Series(self.learners(), dtype="str")})  # typed even when empty
        grid = people.merge(grid, how="cross")
        both = self.lessons.rename(columns={"course": "cursus", "lesson": "les"})
        grid = grid.merge(both, on=["deelnemer", "cursus", "les"], how="left")
        for column in ("goed", "hints", "actief", "gezien", "geopend", "afgerond"):
            grid[column] = grid[column].fillna(0).astype("int64")
        # A lesson without a known question list counts the questions the learner met.
        grid["vragen"] = grid["vragen"].where(grid["vragen"] > 0, grid["gezien"])
        done = (grid["afgerond"] > 0) | ((grid["vragen"] > 0) & (grid["goed"] >= grid["vragen"]))
        busy = (grid["geopend"] > 0) | (grid["actief"] > 0)
        grid["status"] = "nog niet begonnen"
        grid.loc[busy, "status"] = "bezig"
        grid.loc[done, "status"] = "klaar"
        return grid[["deelnemer", "cursus", "les", "titel", "vragen", "goed", "hints", "status"]]

    def lesson_status(self) -> pd.DataFrame:
        """Per participant and planned lesson: questions correct, hints, status (klaar/bezig/…)."""
        return self._lesson_status.copy()

    def completion(self) -> pd.DataFrame:
        """Per planned lesson: how many participants started it and finished it."""
        status = self._lesson_status
        n = len(self.learners())
        counts = pd.crosstab([status["cursus"], status["les"]], status["status"])
        rows = []
        for course in self.plan:
            for lesson in course.lessons:
                row = counts.loc[(course.id, lesson.slug)] if (course.id, lesson.slug) in counts.index else {}
                done, busy = int(row.get("klaar", 0)), int(row.get("bezig", 0))
                rows.append(
                    {
                        "cursus": course.id,
                        "les": lesson.slug,
                        "titel": lesson.title,
                        "deelnemers": n,
                        "bezig": busy,
                        "klaar": done,
                        "klaar_pct": round(100 * done / n, 1) if n else 0.0,
                    }
                )
        return pd.DataFrame(rows, columns=["cursus", "les", "titel", "deelnemers", "bezig", "klaar", "klaar_pct"])

    def stuck_questions(self, top: int | None = 10) -> pd.DataFrame:
        """Questions where the group is stuck: few participants right, many wrong tries or hints."""
        table = self.questions.copy()
        table["goed_pct"] = (100 * table["goed"] / table["deelnemers"]).round(1)
        table["hints_per_deelnemer"] = (table["hints"] / table["deelnemers"]).round(2)
        table = table.sort_values(
            ["goed_pct", "hints_per_deelnemer", "foute_pogingen"], ascending=[True, False, False], kind="stable"
        )
        table = table.rename(columns={"course": "cursus", "lesson": "les", "question": "vraag"})
        table["vraag"] = table["vraag"].str.rsplit("/", n=1).str[-1]
        return (table.head(top) if top else table).reset_index(drop=True)

    def grade_table(self) -> pd.DataFrame:
        g = self.grades.rename(
            columns={
                "course": "cursus",
                "assignment": "opdracht",
                "score": "punten",
                "max_score": "max_punten",
                "occurred_at": "nagekeken_op",
            }
        )
        g["cijfer_pct"] = (100 * g["punten"] / g["max_punten"]).round(1)
        return g

    def participants(self) -> pd.DataFrame:
        """Per participant: lessons done, questions correct, hints; the HR-friendly overview."""
        status = self.lesson_status()
        if status.empty:
            return pd.DataFrame(columns=["deelnemer", "lessen_klaar", "lessen_totaal", "vragen_goed", "hints"])
        return (
            status.groupby("deelnemer")
            .agg(
                lessen_klaar=("status", lambda s: int((s == "klaar").sum())),
                lessen_totaal=("les", "count"),
                vragen_goed=("goed", "sum"),
                hints=("hints", "sum"),
            )
            .reset_index()
        )

    # -- exports -----------------------------------------------------------------------------------
    def export_excel(self, path: str | Path) -> Path:
        """One workbook for HR: participants, lessons, questions and grades on their own sheets."""
        path = Path(path)
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            self.participants().to_excel(writer, sheet_name="Deelnemers", index=False)
            self.completion().to_excel(writer, sheet_name="Lessen", index=False)
            self.stuck_questions(top=None).to_excel(writer, sheet_name="Vragen", index=False)
            grades = self.grade_table()
            grades["nagekeken_op"] = grades["nagekeken_op"].astype(str)  # Excel has no time zones
            grades.to_excel(writer, sheet_name="Cijfers", index=False)
        return path

    def export_csv(self, path: str | Path) -> Path:
        """Per participant and lesson (semicolon-separated, decimal comma: opens in Dutch Excel)."""
        path = Path(path)
        self.lesson_status().to_csv(path, index=False, sep=";", decimal=",", encoding="utf-8-sig")
        return path


def _plain(result) -> list[tuple]:
    # Plain tuples: pandas probes each SQLAlchemy Row for attributes, which costs more than the query.
    return [tuple(row) for row in result]
