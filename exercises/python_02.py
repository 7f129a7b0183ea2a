"""Self-checks for "Starten met Python en Jupyter", lesson 2: waarden, variabelen, tekst en getallen.

Each question's `setup` is what the lesson ran before the exercise; `alternatives` are other correct answers
and `wrong` mistakes beginners make (each with what its message must say), proved in CI.
"""

from __future__ import annotations

import datavaardig as dv
from datavaardig.grading.selfcheck import EqualityQuestion, ____, lesson_questions

# The lesson's prepared cell: inwonertallen (CBS, 1 January 2024) of the province's municipalities.
SETUP_INWONERS = """import datavaardig as dv
tabel = dv.load("gemeenten_2024")
groningen = tabel[tabel["provincie"] == "Groningen"]
inwoners = dict(zip(groningen["gemeente"], groningen["inwoners"]))

inwoners_groningen = inwoners["Groningen"]
inwoners_westerkwartier = inwoners["Westerkwartier"]
inwoners_midden_groningen = inwoners["Midden-Groningen"]
inwoners_provincie = sum(inwoners.values())"""

SETUP_WEER = """import datavaardig as dv
weer = dv.load("weer")
beerta = weer[weer["station"] == "Nieuw Beerta"]
warmste = float(beerta["temp_max"].max())"""


def _inwoners(gemeente: str | None = None) -> int:
    table = dv.load("gemeenten_2024").query("provincie == 'Groningen'").set_index("gemeente")["inwoners"]
    return int(table.sum() if gemeente is None else table[gemeente])


class SamenInwoners(EqualityQuestion):
    """Hoeveel mensen wonen er in de gemeenten Groningen en Westerkwartier samen?"""

    var = "samen"
    expected = lambda: _inwoners("Groningen") + _inwoners("Westerkwartier")
    tolerance = 0
    hints = [
        "Optellen doe je met `+`, en je kunt de namen van de variabelen gebruiken in plaats van de getallen.",
        "Tel `inwoners_groningen` en `inwoners_westerkwartier` bij elkaar op.",
    ]
    solution = "samen = inwoners_groningen + inwoners_westerkwartier"
    setup = SETUP_INWONERS
    alternatives = [
        "samen = inwoners_westerkwartier + inwoners_groningen",
        'samen = inwoners["Groningen"] + inwoners["Westerkwartier"]',
        "samen = sum([inwoners_groningen, inwoners_westerkwartier])",
    ]
    wrong = [
        ("samen = inwoners_groningen - inwoners_westerkwartier", "niet het gevraagde getal"),
        ("samen = inwoners_groningen + inwoners_midden_groningen", "niet het gevraagde getal"),
        ('samen = "inwoners_groningen + inwoners_westerkwartier"', "aanhalingstekens"),
        ("samen = inwoners_groningen, inwoners_westerkwartier", "tuple"),
    ]


class PercentageStad(EqualityQuestion):
    """Welk percentage van de inwoners van de provincie woont in de gemeente Groningen, afgerond op één
    decimaal?"""

    var = "percentage_stad"
    expected = lambda: _inwoners("Groningen") / _inwoners() * 100
    decimals = 1  # rounded as asked, or more precise: both right
    hints = [
        "Het deel is `inwoners_groningen / inwoners_provincie`; een percentage is dat deel keer 100.",
        "Rond af met `round(getal, 1)`, bijvoorbeeld `round(inwoners_groningen / inwoners_provincie * 100, 1)`.",
    ]
    solution = "percentage_stad = round(inwoners_groningen / inwoners_provincie * 100, 1)"
    setup = SETUP_INWONERS
    alternatives = [
        "percentage_stad = inwoners_groningen / inwoners_provincie * 100",
        "percentage_stad = round(100 * inwoners_groningen / inwoners_provincie, 2)",
        "deel = inwoners_groningen / inwoners_provincie\npercentage_stad = round(deel * 100, 1)",
    ]
    wrong = [
        ("percentage_stad = round(inwoners_groningen / inwoners_provincie, 1)", "deel"),
        ("percentage_stad = inwoners_groningen / inwoners_provincie", "keer 100"),
        ("percentage_stad = round(inwoners_groningen / inwoners_provincie * 100)", "verder afgerond"),
        ("percentage_stad = round(inwoners_provincie / inwoners_groningen * 100, 1)", "niet het gevraagde getal"),
        ("percentage_stad = round(inwoners_westerkwartier / inwoners_provincie * 100, 1)", "niet het gevraagde"),
    ]


class WarmsteInFahrenheit(EqualityQuestion):
    """Hoeveel graden Fahrenheit was het op de warmste dag die in Nieuw Beerta is gemeten?"""

    var = "fahrenheit"
    expected = lambda: float(dv.load("weer").query("station == 'Nieuw Beerta'")["temp_max"].max()) * 9 / 5 + 32
    tolerance = 0.01
    hints = [
        "Begin met de variabele `warmste` (in graden Celsius).",
        "Keer 9 is `* 9`, gedeeld door 5 is `/ 5`, en tel er daarna `32` bij op.",
    ]
    solution = "fahrenheit = warmste * 9 / 5 + 32"
    setup = SETUP_WEER
    alternatives = [
        "fahrenheit = warmste * 1.8 + 32",
        "fahrenheit = 32 + 9 / 5 * warmste",
        "fahrenheit = (warmste * 9) / 5 + 32",
    ]
    wrong = [
        ("fahrenheit = warmste * 9 / 5", "niet het gevraagde getal"),
        ("fahrenheit = warmste * 9 / (5 + 32)", "niet het gevraagde getal"),
        ("fahrenheit = round(warmste * 9 / 5 + 32)", "niet het gevraagde getal"),
        ("fahrenheit = (warmste - 32) * 5 / 9", "niet het gevraagde getal"),
    ]


class ZinMetInwoners(EqualityQuestion):
    """Maak met een f-string de zin 'In Midden-Groningen wonen … mensen.' met het inwonertal erin."""

    var = "zin"
    expected = lambda: f"In Midden-Groningen wonen {_inwoners('Midden-Groningen')} mensen."
    hints = [
        'Een f-string begint met een `f` vóór de aanhalingstekens: `f"..."`.',
        'Zet de naam van de variabele tussen accolades: `f"In Midden-Groningen wonen {inwoners_midden_groningen} mensen."`',
    ]
    solution = 'zin = f"In Midden-Groningen wonen {inwoners_midden_groningen} mensen."'
    setup = SETUP_INWONERS
    alternatives = [
        'zin = "In Midden-Groningen wonen " + str(inwoners_midden_groningen) + " mensen."',
        "zin = f'In Midden-Groningen wonen {inwoners[\"Midden-Groningen\"]} mensen.'",
        'zin = "In Midden-Groningen wonen {} mensen.".format(inwoners_midden_groningen)',
    ]
    wrong = [
        ('zin = "In Midden-Groningen wonen {inwoners_midden_groningen} mensen."', "niet de gevraagde tekst"),
        ('zin = f"In Midden-Groningen wonen {inwoners_midden_groningen} mensen"', "niet de gevraagde tekst"),
        ('zin = f"In Midden-Groningen wonen {inwoners_groningen} mensen."', "niet de gevraagde tekst"),
        ('zin = print(f"In Midden-Groningen wonen {inwoners_midden_groningen} mensen.")', "None"),
    ]


class TekstNaarGetal(EqualityQuestion):
    """Zet de tekst "3,6" uit het persbericht om in een kommagetal waarmee je kunt rekenen."""

    var = "magnitude_huizinge"
    expected = 3.6
    tolerance = 1e-9
    hints = [
        'Python wil een punt in plaats van een komma: `persbericht.replace(",", ".")` geeft `"3.6"`.',
        'Van de tekst `"3.6"` maak je een kommagetal met `float(...)`.',
    ]
    solution = 'magnitude_huizinge = float(persbericht.replace(",", "."))'
    setup = 'persbericht = "3,6"'
    alternatives = [
        'magnitude_huizinge = float("3.6")',
        "magnitude_huizinge = 3.6",
        'delen = persbericht.split(",")\nmagnitude_huizinge = int(delen[0]) + int(delen[1]) / 10',
    ]
    wrong = [
        ("magnitude_huizinge = persbericht", "tekst"),
        ('magnitude_huizinge = persbericht.replace(",", ".")', "float(...)"),
        ('magnitude_huizinge = float(persbericht.replace(",", ""))', "niet het gevraagde getal"),
        ("magnitude_huizinge = 3,6", "met een punt in plaats van een komma"),
    ]


class WesterkwartierGroter(EqualityQuestion):
    """Wonen er in Westerkwartier meer mensen dan in Midden-Groningen (True of False)?"""

    var = "westerkwartier_groter"
    expected = lambda: _inwoners("Westerkwartier") > _inwoners("Midden-Groningen")
    hints = [
        "'Meer dan' schrijf je in Python als `>`.",
        "Vergelijk `inwoners_westerkwartier` met `inwoners_midden_groningen`; de uitkomst is `True` of `False`.",
    ]
    solution = "westerkwartier_groter = inwoners_westerkwartier > inwoners_midden_groningen"
    setup = SETUP_INWONERS
    alternatives = [
        "westerkwartier_groter = inwoners_midden_groningen < inwoners_westerkwartier",
        "westerkwartier_groter = inwoners_westerkwartier - inwoners_midden_groningen > 0",
        'westerkwartier_groter = inwoners["Westerkwartier"] > inwoners["Midden-Groningen"]',
    ]
    wrong = [
        ("westerkwartier_groter = inwoners_westerkwartier < inwoners_midden_groningen", "klopt niet"),
        ("westerkwartier_groter = inwoners_westerkwartier == inwoners_midden_groningen", "klopt niet"),
        ('westerkwartier_groter = "True"', "tekst"),
        ("westerkwartier_groter = inwoners_westerkwartier - inwoners_midden_groningen", "True of False"),
    ]


q1, q2, q3, q4, q5, q6 = lesson_questions(
    "python",
    "02-waarden-en-variabelen",
    SamenInwoners,
    PercentageStad,
    WarmsteInFahrenheit,
    ZinMetInwoners,
    TekstNaarGetal,
    WesterkwartierGroter,
)
__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "____"]
