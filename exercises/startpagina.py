"""The one practice question on the course start page (courses/index.ipynb): how check, hint and
solution work, without loading any data so the start page opens at once."""

from __future__ import annotations

from datavaardig.grading.selfcheck import EqualityQuestion, ____, lesson_questions


class GemiddeldeGemeente(EqualityQuestion):
    """De provincie Groningen had op 1 januari 2024 601.347 inwoners, verdeeld over 10 gemeenten. Hoeveel
    inwoners heeft een gemeente daar gemiddeld?"""

    var = "gemiddeld"
    expected = 601347 / 10
    tolerance = 0.5  # a rounded answer is right too
    hints = [
        "Gemiddeld = het totaal gedeeld door het aantal. Delen doe je in Python met `/`.",
        "Schrijf getallen in Python zonder punt tussen de duizendtallen: `601347`.",
    ]
    solution = "gemiddeld = 601347 / 10"
    setup = "import datavaardig as dv"
    alternatives = ["gemiddeld = 60134.7", "gemiddeld = round(601347 / 10)", "gemiddeld = 601_347 / 10"]
    wrong = [
        ("gemiddeld = 601347 * 10", "niet het gevraagde getal"),
        ("gemiddeld = 601347 // 100", "niet het gevraagde getal"),
        ('gemiddeld = "601347 / 10"', "aanhalingstekens"),
        ("gemiddeld = 601.347 / 10", "niet het gevraagde getal"),
    ]


(q1,) = lesson_questions("start", "index", GemiddeldeGemeente)
__all__ = ["q1", "____"]
