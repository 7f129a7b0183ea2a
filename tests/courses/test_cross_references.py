"""Every reference a lesson makes to another lesson or course is true.

"Hoe dat werkt, leer je in les 4 van de cursus *Werken met tabellen in pandas*" must point at a course and lesson
that exist and that do teach what the sentence names (the code in backticks, or the topic in brackets after the
reference); "zie les 2" points back at a lesson the learner has done, never forward.
"""

from __future__ import annotations

import re

import pytest

from datavaardig.courses import load_courses
from tests.support.coursefiles import COURSES, read, rel

ALL = sorted(load_courses(COURSES), key=lambda course: course.order)
BY_TITLE = {course.title: course for course in ALL}
LESSONS = [(course, lesson) for course in ALL for lesson in course.lessons]

# "les 4 van de cursus *X*", "les 1 en 2 van de cursus *X*", "les 3 van deze cursus", "in de cursus *X*"
OTHER = re.compile(
    r"les (?P<numbers>\d+(?: en \d+)?) van (?:de cursus \*(?P<course>[^*]+)\*|(?P<this>deze cursus))"
    r"|(?:in|van|uit) de cursus \*(?P<course_only>[^*]+)\*"
    r"|de cursus over (?P<vague>\w+)"
)
BACK = re.compile(r"\bzie les (\d+)\b(?! van)")
SAME = re.compile(r"\b(?:in|uit) les (\d+)\b(?! (?:en \d+ )?van)")
TERM = re.compile(r"`[^`]*?([A-Za-z_]\w*)[^`]*`")
TOPIC = re.compile(r"\s*\(([a-z]+)\)")


def sentences(markdown: str) -> list[str]:
    text = re.sub(r"[ \t]*\n(?!\n)", " ", markdown)
    return [s for s in re.split(r"(?<=[.!?])\s+|\n\n+", text) if s.strip()]


def source_of(lessons) -> str:
    return "\n".join(cell.source for lesson in lessons for cell in read(lesson.path).cells)


def references():
    found = []
    for course, lesson in LESSONS:
        for cell in read(lesson.path).cells[1:]:  # the first cell names its own course
            if cell.cell_type != "markdown":
                continue
            for sentence in sentences(cell.source):
                if OTHER.search(sentence) or BACK.search(sentence) or SAME.search(sentence):
                    found.append(pytest.param(course, lesson, sentence, id=f"{rel(lesson.path)}: {sentence[:40]}"))
    return found


REFERENCES = references()


def test_the_lessons_refer_to_each_other():
    assert len(REFERENCES) >= 8


@pytest.mark.parametrize(("course", "lesson", "sentence"), REFERENCES)
def test_a_reference_points_at_what_exists_and_teaches_it(course, lesson, sentence):
    for match in OTHER.finditer(sentence):
        assert not match.group("vague"), "name the course by its title, in italics, so the learner can find it"
        title = match.group("course") or match.group("course_only")
        target = course if match.group("this") else BY_TITLE.get(" ".join(title.split()))
        assert target is not None, f"no course titled {title!r}"
        numbers = [int(n) for n in re.findall(r"\d+", match.group("numbers") or "")]
        assert all(1 <= n <= len(target.lessons) for n in numbers), f"{target.title} has no lesson {numbers}"
        taught = source_of([target.lessons[n - 1] for n in numbers] if numbers else target.lessons)
        # What the sentence says is taught there: its code in backticks, or the topic in brackets after the reference.
        named = {term for term in TERM.findall(sentence) if len(term) > 2 and term not in ("df", "ax")}
        topic = TOPIC.match(sentence, match.end())
        named |= {topic.group(1)[:8]} if topic else set()
        for term in named:
            assert re.search(rf"\b{re.escape(term)}", taught), f"{term!r} is not taught where the lesson says"
    for number in BACK.findall(sentence):
        assert int(number) < lesson.number, "'zie les N' points back at a lesson done before, never forward"
    for number in SAME.findall(sentence):
        assert 1 <= int(number) <= len(course.lessons), f"{course.title} has no lesson {number}"


def test_the_check_catches_a_promise_nobody_keeps():
    """The test can fail: a lesson promising `.resample` from the tables course is caught."""
    sentence = "`.resample(...)` telt per maand op; dat leer je in les 4 van de cursus *Werken met tabellen in pandas*."
    course, lesson = LESSONS[-1]
    with pytest.raises(AssertionError, match="resample"):
        test_a_reference_points_at_what_exists_and_teaches_it(course, lesson, sentence)
    with pytest.raises(AssertionError, match="title"):
        test_a_reference_points_at_what_exists_and_teaches_it(course, lesson, "Dat leer je in de cursus over tabellen.")
    with pytest.raises(AssertionError, match="forward"):
        test_a_reference_points_at_what_exists_and_teaches_it(course, course.lessons[0], "zie les 4")
