"""Self-checks for "Starten met Python en Jupyter", lesson 3: lijsten, woordenboeken, lussen en functies.

Each question's `setup` is what the lesson ran before the exercise; `alternatives` are other correct answers
and `wrong` mistakes beginners make (each with what its message must say), proved in CI.
"""

from __future__ import annotations

import datavaardig as dv
from datavaardig.grading.selfcheck import EqualityQuestion, FunctionQuestion, ____, lesson_questions

SETUP_MAGNITUDES = """import datavaardig as dv
bevingen = dv.load("aardbevingen")
magnitudes = list(bevingen.loc[bevingen["plaats"] == "Loppersum", "magnitude"])"""
SETUP_INWONERS = """import datavaardig as dv
gemeenten = dv.load("gemeenten_2024")
tabel = gemeenten[gemeenten["provincie"] == "Groningen"]
inwoners = dict(zip(tabel["gemeente"], tabel["inwoners"]))"""


def _magnitudes() -> list[float]:
    # The lesson's list is in time order because the KNMI catalogue is sorted by tijdstip.
    quakes = dv.load("aardbevingen").sort_values("tijdstip")
    return list(quakes.query("plaats == 'Loppersum'")["magnitude"])


def _inwoners() -> dict[str, int]:
    tabel = dv.load("gemeenten_2024").query("provincie == 'Groningen'")
    return dict(zip(tabel["gemeente"], tabel["inwoners"].astype(int)))


class GemiddeldeMagnitude(EqualityQuestion):
    """Wat is de gemiddelde magnitude van de bevingen bij Loppersum?"""

    var = "gemiddelde"
    expected = lambda: sum(_magnitudes()) / len(_magnitudes())
    tolerance = 1e-6
    hints = [
        "Het gemiddelde is de som gedeeld door het aantal.",
        "`sum(magnitudes)` telt alles op, `len(magnitudes)` telt hoeveel het er zijn.",
    ]
    solution = "gemiddelde = sum(magnitudes) / len(magnitudes)"
    setup = SETUP_MAGNITUDES
    alternatives = [
        "import statistics\ngemiddelde = statistics.mean(magnitudes)",
        'gemiddelde = bevingen.loc[bevingen["plaats"] == "Loppersum", "magnitude"].mean()',
        "totaal = 0\nfor m in magnitudes:\n    totaal = totaal + m\ngemiddelde = totaal / len(magnitudes)",
    ]
    wrong = [
        ("gemiddelde = sum(magnitudes)", "niet het gevraagde getal"),
        ("gemiddelde = sorted(magnitudes)[len(magnitudes) // 2]", "niet het gevraagde getal"),
        ("gemiddelde = round(sum(magnitudes) / len(magnitudes), 2)", "zonder afronden"),
        ("gemiddelde = (min(magnitudes) + max(magnitudes)) / 2", "niet het gevraagde getal"),
    ]


class NieuwsteBeving(EqualityQuestion):
    """Welke magnitude had de meest recente beving bij Loppersum?"""

    var = "nieuwste"
    expected = lambda: _magnitudes()[-1]
    tolerance = 1e-9
    hints = [
        "De nieuwste beving staat achteraan in de lijst.",
        "Met een negatieve index tel je van achteren: `[-1]` is de laatste waarde.",
    ]
    solution = "nieuwste = magnitudes[-1]"
    setup = SETUP_MAGNITUDES
    alternatives = [
        "nieuwste = magnitudes[len(magnitudes) - 1]",
        "nieuwste = list(reversed(magnitudes))[0]",
        "nieuwste = magnitudes[-1:][0]",
    ]
    wrong = [
        ("nieuwste = magnitudes[0]", "niet het gevraagde getal"),
        ("nieuwste = max(magnitudes)", "niet het gevraagde getal"),
        ("nieuwste = magnitudes[-1:]", "een lijst"),
    ]


class OldambtEnPekela(EqualityQuestion):
    """Hoeveel mensen wonen er in de gemeenten Oldambt en Pekela samen?"""

    var = "oldambt_en_pekela"
    expected = lambda: _inwoners()["Oldambt"] + _inwoners()["Pekela"]
    tolerance = 0
    hints = [
        'Een waarde uit een woordenboek pak je met de sleutel tussen blokhaken: `inwoners["Oldambt"]`.',
        'Tel `inwoners["Oldambt"]` en `inwoners["Pekela"]` bij elkaar op.',
    ]
    solution = 'oldambt_en_pekela = inwoners["Oldambt"] + inwoners["Pekela"]'
    setup = SETUP_INWONERS
    alternatives = [
        'oldambt_en_pekela = inwoners["Pekela"] + inwoners["Oldambt"]',
        'oldambt_en_pekela = sum([inwoners["Oldambt"], inwoners["Pekela"]])',
        'oldambt_en_pekela = inwoners.get("Oldambt") + inwoners.get("Pekela")',
    ]
    wrong = [
        ('oldambt_en_pekela = inwoners["Oldambt"]', "niet het gevraagde getal"),
        ('oldambt_en_pekela = inwoners["Oldambt"] - inwoners["Pekela"]', "niet het gevraagde getal"),
        ('oldambt_en_pekela = "Oldambt" + "Pekela"', "tekst"),
        ('oldambt_en_pekela = [inwoners["Oldambt"], inwoners["Pekela"]]', "een lijst"),
    ]


class AantalVoelbaar(EqualityQuestion):
    """Hoeveel bevingen bij Loppersum hadden een magnitude van 2,0 of meer?"""

    var = "aantal_voelbaar"
    expected = lambda: sum(1 for m in _magnitudes() if m >= 2.0)
    tolerance = 0
    mistakes = [
        (
            lambda: sum(1 for m in _magnitudes() if m > 2.0),
            "Je telt de bevingen van precies 2,0 niet mee: '2,0 of meer' schrijf je als `>=`.",
        )
    ]
    hints = [
        "Kijk naar het voorbeeld met `m >= 1.5` hierboven: je hebt bijna dezelfde lus nodig.",
        "De voorwaarde is `m >= 2.0`. Let op het verschil tussen `>` (groter dan) en `>=` (groter dan of gelijk aan).",
    ]
    solution = """aantal_voelbaar = 0
for m in magnitudes:
    if m >= 2.0:
        aantal_voelbaar = aantal_voelbaar + 1"""
    setup = SETUP_MAGNITUDES
    alternatives = [
        "aantal_voelbaar = len([m for m in magnitudes if m >= 2.0])",
        "aantal_voelbaar = sum(m >= 2 for m in magnitudes)",
        "aantal_voelbaar = 0\nfor m in magnitudes:\n    if not m < 2:\n        aantal_voelbaar += 1",
    ]
    wrong = [
        (
            "aantal_voelbaar = 0\nfor m in magnitudes:\n    if m > 2.0:\n        aantal_voelbaar = aantal_voelbaar + 1",
            ">=",
        ),
        (
            "aantal_voelbaar = 0\nfor m in magnitudes:\n    if m < 2.0:\n        aantal_voelbaar = aantal_voelbaar + 1",
            "niet het",
        ),
        ("aantal_voelbaar = len(magnitudes)", "niet het gevraagde getal"),
        ("aantal_voelbaar = [m for m in magnitudes if m >= 2.0]", "een lijst"),
    ]


class GroteGemeenten(EqualityQuestion):
    """Welke gemeenten in de provincie hebben 50.000 inwoners of meer (een lijst met namen)?"""

    var = "grote_gemeenten"
    expected = lambda: [g for g, n in _inwoners().items() if n >= 50_000]
    ordered = False
    hints = [
        "Loop met `for gemeente, aantal_inwoners in inwoners.items():` langs alle gemeenten.",
        "De voorwaarde is `aantal_inwoners >= 50000`; voeg dan de naam toe met `grote_gemeenten.append(gemeente)`.",
    ]
    solution = """grote_gemeenten = []
for gemeente, aantal_inwoners in inwoners.items():
    if aantal_inwoners >= 50000:
        grote_gemeenten.append(gemeente)"""
    setup = SETUP_INWONERS
    alternatives = [
        "grote_gemeenten = [g for g in inwoners if inwoners[g] >= 50000]",
        "grote_gemeenten = sorted(g for g, n in inwoners.items() if n >= 50_000)",
        "grote_gemeenten = {gemeente for gemeente, aantal in inwoners.items() if aantal >= 50000}",
    ]
    wrong = [
        (
            "grote_gemeenten = []\nfor gemeente, aantal_inwoners in inwoners.items():\n"
            "    if aantal_inwoners >= 50000:\n        grote_gemeenten.append(aantal_inwoners)",
            "horen er niet bij",
        ),
        ("grote_gemeenten = [g for g, n in inwoners.items() if n < 50000]", "horen er niet bij"),
        ('grote_gemeenten = ["Groningen"]', "ontbreekt"),
        ("grote_gemeenten = list(inwoners)", "horen er niet bij"),
    ]


def _temperature_cases() -> list[tuple[float]]:
    """The coldest and warmest temperatures measured in Nieuw Beerta, freezing point and a mild day."""
    weer = dv.load("weer").query("station == 'Nieuw Beerta'")
    return [(float(weer["temp_min"].min()),), (0.0,), (12.5,), (float(weer["temp_max"].max()),)]


class CelsiusNaarFahrenheit(FunctionQuestion):
    """Schrijf een functie `celsius_naar_fahrenheit(celsius)` die graden Celsius omrekent naar Fahrenheit."""

    var = "celsius_naar_fahrenheit"
    cases = _temperature_cases
    reference = lambda celsius: celsius * 9 / 5 + 32
    tolerance = 1e-6
    hints = [
        "Begin met `def celsius_naar_fahrenheit(celsius):` en zet op de volgende regel (ingesprongen) `return …`.",
        "Achter `return` komt de berekening: `celsius * 9 / 5 + 32`.",
    ]
    solution = """def celsius_naar_fahrenheit(celsius):
    return celsius * 9 / 5 + 32"""
    setup = ""
    alternatives = [
        "def celsius_naar_fahrenheit(celsius):\n    return 32 + celsius * 1.8",
        "def celsius_naar_fahrenheit(c):\n    f = c * 9 / 5 + 32\n    return f",
        "celsius_naar_fahrenheit = lambda celsius: (celsius * 9) / 5 + 32",
    ]
    wrong = [
        ("def celsius_naar_fahrenheit(celsius):\n    return celsius * 9 / 5", "celsius_naar_fahrenheit("),
        ("def celsius_naar_fahrenheit(celsius):\n    print(celsius * 9 / 5 + 32)", "return"),
        ("def celsius_naar_fahrenheit(celsius):\n    return round(celsius * 9 / 5 + 32)", "gaf je functie"),
        ("def celsius_naar_fahrenheit(celsius):\n    return warmste * 9 / 5 + 32", "warmste"),
    ]


def _density_cases() -> list[tuple[int, float]]:
    """(inwoners, km² land) of four municipalities; CBS gives the area in hectares (100 ha = 1 km²)."""
    kern = dv.load("kerncijfers_2024").query("soort == 'gemeente' and provincie == 'Groningen'")
    kern = kern.set_index("gemeente")
    chosen = ["Groningen", "Pekela", "Het Hogeland", "Westerkwartier"]
    return [(int(kern.loc[g, "inwoners"]), float(kern.loc[g, "oppervlakte_land_ha"]) / 100) for g in chosen]


class InwonersPerKm2(FunctionQuestion):
    """Schrijf een functie `inwoners_per_km2(inwoners, km2)` die het aantal inwoners per km² teruggeeft."""

    var = "inwoners_per_km2"
    cases = _density_cases
    reference = lambda inwoners, km2: inwoners / km2
    tolerance = 1e-6
    hints = [
        "De functie krijgt twee parameters: `def inwoners_per_km2(inwoners, km2):`.",
        "Geef met `return` het aantal inwoners gedeeld door de oppervlakte terug: `return inwoners / km2`.",
    ]
    solution = """def inwoners_per_km2(inwoners, km2):
    return inwoners / km2"""
    setup = ""
    alternatives = [
        "def inwoners_per_km2(inwoners, km2):\n    dichtheid = inwoners / km2\n    return dichtheid",
        "def inwoners_per_km2(aantal, oppervlakte):\n    return aantal / oppervlakte",
        "inwoners_per_km2 = lambda inwoners, km2: inwoners / km2",
    ]
    wrong = [
        ("def inwoners_per_km2(inwoners, km2):\n    return km2 / inwoners", "inwoners_per_km2("),
        ("def inwoners_per_km2(inwoners):\n    return inwoners / 185.53", "parameters"),
        ("def inwoners_per_km2(inwoners, km2):\n    return inwoners * km2", "inwoners_per_km2("),
        ("def inwoners_per_km2(inwoners, km2):\n    inwoners / km2", "return"),
    ]


q1, q2, q3, q4, q5, q6, q7 = lesson_questions(
    "python",
    "03-lijsten-lussen-functies",
    GemiddeldeMagnitude,
    NieuwsteBeving,
    OldambtEnPekela,
    AantalVoelbaar,
    GroteGemeenten,
    CelsiusNaarFahrenheit,
    InwonersPerKm2,
)
__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "____"]
