"""A lesson is 'opened' when its notebook binds its questions and 'finished' when all are correct, once."""

from __future__ import annotations

import datavaardig as dv
from datavaardig.grading.selfcheck import EqualityQuestion, ____, binder, lesson_questions
from datavaardig.progress.store import ProgressStore


class Eerste(EqualityQuestion):
    """Hoeveel gemeenten telt de provincie Groningen?"""

    var = "aantal"
    expected = 10
    hints = ["Tel ze."]


class Tweede(EqualityQuestion):
    """Welke gemeente heeft de meeste inwoners?"""

    var = "grootste"
    expected = "Groningen"
    hints = ["Sorteer."]


def lesson_events(url):
    return [
        (e["lesson"], e["interaction"]) for e in ProgressStore(url).events() if e["interaction"].startswith("lesson_")
    ]


def test_bind_opens_and_last_correct_check_finishes_the_lesson_once(store_url, capsys):
    q1, q2 = lesson_questions("proef", "01-tellen", Eerste, Tweede)
    notebook = {"q1": q1, "q2": q2, "aantal": ____, "grootste": ____}
    try:
        dv.bind(notebook)
        assert lesson_events(store_url) == [("01-tellen", "lesson_opened")]
        notebook["aantal"] = 10
        q1.check()
        assert lesson_events(store_url) == [("01-tellen", "lesson_opened")]  # one of two correct
        notebook["grootste"] = "Groningen"
        q2.check()
        q2.check()  # checking again does not finish it twice
        notebook["aantal"] = 11
        q1.check()
        notebook["aantal"] = 10
        q1.check()  # complete again after a relapse: still counted once per run of the lesson? yes, again
    finally:
        binder.unbind()
        capsys.readouterr()
    assert lesson_events(store_url) == [
        ("01-tellen", "lesson_opened"),
        ("01-tellen", "lesson_finished"),
        ("01-tellen", "lesson_finished"),
    ]


def test_binding_a_namespace_without_questions_records_nothing(store_url):
    try:
        dv.bind({"x": 1})
    finally:
        binder.unbind()
    assert lesson_events(store_url) == []
