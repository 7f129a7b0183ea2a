"""The progress plan of the courses: which lessons, in which order, with which questions.

The progress store knows events, not courses; a report needs the plan to show a lesson nobody opened yet.
The plan joins the two things only the checking engine can read together: course.yml (datavaardig.courses)
and the questions each lesson's exercise module hands out.
"""

from __future__ import annotations

import logging

from datavaardig import courses as course_lib
from datavaardig.grading.selfcheck.lesson import lesson_question_infos
from datavaardig.progress.reports import CoursePlan, LessonPlan

__all__ = ["course_plans"]

log = logging.getLogger(__name__)


def course_plans(courses: list[course_lib.Course] | None = None) -> list[CoursePlan]:
    """The plan of the courses in `courses/`; a lesson whose exercise module cannot be imported still shows,
    with the questions the events name."""
    courses = course_lib.load_courses() if courses is None else courses
    plans = []
    for course in courses:
        lessons = []
        for lesson in course.lessons:
            try:
                names = tuple(q.name for q in lesson_question_infos(lesson))
            except Exception as error:  # a module still being written must not hide the learner's progress
                log.warning("Vragen van les %s/%s niet te laden: %s", course.id, lesson.slug, error)
                names = ()
            lessons.append(
                LessonPlan(lesson.slug, lesson.title, lesson.minutes, names, f"{course.path.name}/{lesson.file}")
            )
        plans.append(CoursePlan(course.id, course.title, tuple(lessons)))
    return plans
