"""Self-checks for "Werken met tabellen in pandas", lesson 3: sorteren en nieuwe kolommen
(KNMI earthquakes, CBS kerncijfers 2024).

Each question's `setup` is what the lesson ran before the exercise; `alternatives` are other correct answers
and `wrong` mistakes learners make (each with what its message must say), proved in CI.
"""

from __future__ import annotations

import pandas as pd

import datavaardig as dv
from datavaardig.grading.selfcheck import (
    ChoiceQuestion,
    CustomQuestion,
    EqualityQuestion,
    FunctionQuestion,
    Incorrect,
    ____,
    lesson_questions,
)

SETUP = 'import datavaardig as dv\ndf = dv.load("aardbevingen")'
SETUP_GEMEENTEN = (
    "import datavaardig as dv\n"
    'kern = dv.load("kerncijfers_2024")\n'
    'gemeenten = kern[(kern["soort"] == "gemeente") & (kern["provincie"] == "Groningen")]'
)


def _quakes():
    return dv.load("aardbevingen")


def _groningen_municipalities():
    kern = dv.load("kerncijfers_2024")
    return kern[(kern["soort"] == "gemeente") & (kern["provincie"] == "Groningen")]


def magnitude_class(magnitude: float) -> str:
    """The reference for MagnitudeKlasse: the boundaries the lesson names (2,0 and 3,0 belong above)."""
    if magnitude >= 3.0:
        return "zwaar"
    if magnitude >= 2.0:
        return "voelbaar"
    return "licht"


class LaatsteVijf(EqualityQuestion):
    """Maak een tabel `laatste_vijf` met de vijf meest recente bevingen, de nieuwste bovenaan."""

    var = "laatste_vijf"
    expected = lambda: _quakes().sort_values("tijdstip", ascending=False).head(5)
    ordered = True  # the question asks for the newest first
    hints = [
        "Sorteer op de kolom `tijdstip` met `.sort_values(...)`.",
        "De nieuwste bovenaan betekent aflopend: `ascending=False`. Daarna `.head(5)`.",
    ]
    solution = 'laatste_vijf = df.sort_values("tijdstip", ascending=False).head(5)'
    setup = SETUP
    alternatives = [
        'laatste_vijf = df.nlargest(5, "tijdstip")',
        "laatste_vijf = df.tail(5)[::-1]",
        'laatste_vijf = df.sort_values("tijdstip", ascending=False).head(5).reset_index(drop=True)',
    ]
    wrong = [
        ('laatste_vijf = df.sort_values("tijdstip").head(5)', "verschillen"),
        ('laatste_vijf = df.sort_values("tijdstip").tail(5)', "volgorde"),
        ('laatste_vijf = df.sort_values("magnitude", ascending=False).head(5)', "verschillen"),
        ('laatste_vijf = df.sort_values("tijdstip", ascending=False).head(5)["tijdstip"]', "Series"),
    ]


class DrukstBevolkt(EqualityQuestion):
    """Welke drie gemeenten in de provincie Groningen hebben de hoogste bevolkingsdichtheid? Geef een lijst
    met hun namen, de dichtstbevolkte eerst."""

    var = "drukste_drie"
    expected = lambda: (
        _groningen_municipalities()
        .sort_values("bevolkingsdichtheid_per_km2", ascending=False)["gemeente"]
        .head(3)
        .tolist()
    )
    ordered = True  # the question asks for the densest first
    hints = [
        "Sorteer `gemeenten` aflopend op `bevolkingsdichtheid_per_km2`.",
        "Kies daarna de kolom `gemeente`, neem de eerste drie met `.head(3)` en maak er een lijst van met `.tolist()`.",
    ]
    solution = (
        'drukste_drie = (gemeenten.sort_values("bevolkingsdichtheid_per_km2", ascending=False)'
        '["gemeente"].head(3).tolist())'
    )
    setup = SETUP_GEMEENTEN
    alternatives = [
        'drukste_drie = gemeenten.nlargest(3, "bevolkingsdichtheid_per_km2")["gemeente"].tolist()',
        'drukste_drie = list(gemeenten.sort_values("bevolkingsdichtheid_per_km2")["gemeente"].tail(3))[::-1]',
        'op_dichtheid = gemeenten.sort_values("bevolkingsdichtheid_per_km2", ascending=False)\n'
        'drukste_drie = list(op_dichtheid["gemeente"][:3])',
    ]
    wrong = [
        (
            'drukste_drie = gemeenten.sort_values("bevolkingsdichtheid_per_km2")["gemeente"].head(3).tolist()',
            "horen er niet bij",
        ),
        ('drukste_drie = list(gemeenten.sort_values("bevolkingsdichtheid_per_km2")["gemeente"].tail(3))', "volgorde"),
        (
            'drukste_drie = gemeenten.sort_values("bevolkingsdichtheid_per_km2", ascending=False)["gemeente"].head(3)',
            ".tolist()",
        ),
        (
            'drukste_drie = gemeenten.sort_values("oppervlakte_land_ha")["gemeente"].head(3).tolist()',
            "horen er niet bij",
        ),
    ]


class MetWater(CustomQuestion):
    """Maak met `.assign` een nieuwe tabel `met_water`: de tabel `gemeenten` met een extra kolom `water_pct`,
    het percentage van de totale oppervlakte dat water is."""

    hints = [
        "Het percentage is `oppervlakte_water_ha / oppervlakte_totaal_ha * 100`.",
        "`gemeenten.assign(water_pct=...)` geeft een nieuwe tabel met de extra kolom.",
    ]
    solution = (
        "met_water = gemeenten.assign(\n"
        '    water_pct=gemeenten["oppervlakte_water_ha"] / gemeenten["oppervlakte_totaal_ha"] * 100\n'
        ")"
    )
    setup = SETUP_GEMEENTEN
    alternatives = [
        'met_water = gemeenten.assign(water_pct=100 * gemeenten["oppervlakte_water_ha"] / gemeenten["oppervlakte_totaal_ha"])',
        "met_water = gemeenten.copy()\n"
        'met_water["water_pct"] = met_water["oppervlakte_water_ha"] / met_water["oppervlakte_totaal_ha"] * 100',
        'met_water = gemeenten.assign(water_pct=lambda t: t["oppervlakte_water_ha"] / t["oppervlakte_totaal_ha"] * 100)'
        '.sort_values("water_pct")',
    ]
    wrong = [
        (
            'met_water = gemeenten.assign(water_pct=gemeenten["oppervlakte_water_ha"] / gemeenten["oppervlakte_totaal_ha"])',
            "* 100",
        ),
        (
            'met_water = gemeenten.assign(water_pct=gemeenten["oppervlakte_water_ha"] / gemeenten["oppervlakte_land_ha"] * 100)',
            "totale oppervlakte",
        ),
        (
            'met_water = gemeenten.assign(waterpct=gemeenten["oppervlakte_water_ha"] / gemeenten["oppervlakte_totaal_ha"] * 100)',
            "schrijfwijze",
        ),
        ('met_water = gemeenten["oppervlakte_water_ha"] / gemeenten["oppervlakte_totaal_ha"] * 100', "DataFrame"),
    ]

    def test(self, met_water):
        if not isinstance(met_water, pd.DataFrame):
            raise Incorrect(
                f"`met_water` moet een tabel (DataFrame) zijn, maar is een {type(met_water).__name__}. "
                "Gebruik `gemeenten.assign(water_pct=...)`."
            )
        if "water_pct" not in met_water.columns:
            raise Incorrect("De tabel heeft nog geen kolom `water_pct`. Let op de schrijfwijze van de naam.")
        reference = _groningen_municipalities()
        missing = [c for c in reference.columns if c not in met_water.columns]
        if missing:
            raise Incorrect(f"Houd de bestaande kolommen; deze ontbreken: {', '.join(missing)}.")
        if len(met_water) != len(reference) or set(met_water["gemeente"]) != set(reference["gemeente"]):
            raise Incorrect("Houd dezelfde gemeenten als in `gemeenten`: voeg alleen een kolom toe.")
        share = reference["oppervlakte_water_ha"] / reference["oppervlakte_totaal_ha"]
        actual = met_water.set_index("gemeente")["water_pct"].astype(float)
        wanted = (share * 100).set_axis(reference["gemeente"]).reindex(actual.index)
        if ((actual - share.set_axis(reference["gemeente"]).reindex(actual.index)).abs() < 1e-6).all():
            raise Incorrect("Je kolom geeft een deel tussen 0 en 1, geen percentage. Vergeet niet `* 100`.")
        if not ((actual - wanted).abs() < 0.01).all():
            raise Incorrect(
                "Niet alle waarden in `water_pct` kloppen. Deel het water door de totale "
                "oppervlakte (niet door het land)."
            )


class LocOfKetting(ChoiceQuestion):
    """Je wilt in `df` alle negatieve magnitudes vervangen door 0. Welke regel doet dat echt?"""

    var = "welke_regel"
    options = [
        '`df[df["magnitude"] < 0]["magnitude"] = 0`',
        '`df.loc[df["magnitude"] < 0, "magnitude"] = 0`',
        '`df["magnitude"][df["magnitude"] < 0] = 0`',
    ]
    correct = 1
    explanations = [
        "Dit zijn twee stappen na elkaar (eerst filteren, dan een kolom kiezen). De 0 komt in een tussenresultaat "
        "terecht, niet in `df`: in pandas 3 verandert `df` hierdoor niet.",
        "Juist: `.loc[rijen, kolom]` wijzigt `df` zelf, in één stap.",
        "Ook dit zijn twee stappen na elkaar: je wijzigt een losse kolom, niet `df`. In pandas 3 verandert `df` "
        "hierdoor niet.",
    ]
    hints = ["Twee keer blokhaken na elkaar (`[...][...] = `) wijzigt in pandas 3 nooit de oorspronkelijke tabel."]
    solution = 'welke_regel = "b"'
    setup = SETUP
    alternatives = ['welke_regel = "B"', "welke_regel = 1", 'welke_regel = "b)"']
    wrong = [('welke_regel = "a"', "tussenresultaat"), ('welke_regel = "c"', "losse kolom")]


class MagnitudeKlasse(FunctionQuestion):
    """Schrijf een functie `magnitude_klasse(magnitude)` die `"licht"` teruggeeft onder 2,0, `"voelbaar"` van
    2,0 tot 3,0 en `"zwaar"` bij 3,0 of meer."""

    var = "magnitude_klasse"
    cases = [(0.4,), (1.9,), (2.0,), (2.5,), (2.9,), (3.0,), (3.6,), (-0.8,)]
    reference = staticmethod(magnitude_class)
    hints = [
        "Gebruik `if`, `elif` en `else`, en begin bij de hoogste klasse.",
        '`if magnitude >= 3.0: return "zwaar"`, daarna `elif magnitude >= 2.0: ...`.',
        "Let op de grenzen: 2,0 is al voelbaar en 3,0 is al zwaar (`>=`).",
    ]
    solution = (
        "def magnitude_klasse(magnitude):\n"
        "    if magnitude >= 3.0:\n"
        '        return "zwaar"\n'
        "    elif magnitude >= 2.0:\n"
        '        return "voelbaar"\n'
        "    else:\n"
        '        return "licht"'
    )
    setup = SETUP
    alternatives = [
        "def magnitude_klasse(magnitude):\n"
        '    if magnitude < 2.0:\n        return "licht"\n'
        '    elif magnitude < 3.0:\n        return "voelbaar"\n'
        '    return "zwaar"',
        "def magnitude_klasse(magnitude):\n"
        '    if magnitude >= 3:\n        return "zwaar"\n'
        '    if magnitude >= 2:\n        return "voelbaar"\n'
        '    return "licht"',
        "def magnitude_klasse(m):\n"
        '    klasse = "licht"\n'
        '    if m >= 2.0:\n        klasse = "voelbaar"\n'
        '    if m >= 3.0:\n        klasse = "zwaar"\n'
        "    return klasse",
    ]
    wrong = [
        (
            "def magnitude_klasse(magnitude):\n"
            '    if magnitude > 3.0:\n        return "zwaar"\n'
            '    elif magnitude > 2.0:\n        return "voelbaar"\n'
            '    else:\n        return "licht"',
            "magnitude_klasse(2.0)",
        ),
        (
            "def magnitude_klasse(magnitude):\n"
            '    if magnitude >= 2.0:\n        return "voelbaar"\n'
            '    elif magnitude >= 3.0:\n        return "zwaar"\n'
            '    else:\n        return "licht"',
            "magnitude_klasse(3.0)",
        ),
        (
            "def magnitude_klasse(magnitude):\n"
            '    if magnitude >= 3.0:\n        return "Zwaar"\n'
            '    elif magnitude >= 2.0:\n        return "Voelbaar"\n'
            '    return "Licht"',
            "hoofdletters",
        ),
        (
            "def magnitude_klasse(magnitude):\n"
            '    if magnitude >= 3.0:\n        print("zwaar")\n'
            '    elif magnitude >= 2.0:\n        print("voelbaar")\n'
            '    else:\n        print("licht")',
            "return",
        ),
    ]


class NachtelijkeBevingen(EqualityQuestion):
    """Hoeveel bevingen vonden 's nachts plaats, tussen 0:00 en 6:00 uur Nederlandse tijd (uur 0 tot en met 5)?"""

    var = "nachtelijke_bevingen"
    expected = lambda: int((_quakes()["tijdstip"].dt.tz_convert("Europe/Amsterdam").dt.hour < 6).sum())
    tolerance = 0
    mistakes = [
        (
            lambda: int((_quakes()["tijdstip"].dt.hour < 6).sum()),
            'Je telt met de tijden in UTC. Zet ze eerst om naar Nederlandse tijd met `.dt.tz_convert("Europe/Amsterdam")`.',
        ),
        (
            lambda: int((_quakes()["tijdstip"].dt.tz_convert("Europe/Amsterdam").dt.hour <= 6).sum()),
            "Je telt uur 6 (6:00 tot 7:00) ook mee; de nacht loopt hier tot 6:00 uur, dus uur 0 tot en met 5.",
        ),
    ]
    hints = [
        'De tijden staan in UTC. Zet ze eerst om met `.dt.tz_convert("Europe/Amsterdam")`.',
        "Van de omgezette tijden neem je het uur met `.dt.hour`; tel daarna hoe vaak dat kleiner is dan 6.",
    ]
    solution = (
        'lokale_tijd = df["tijdstip"].dt.tz_convert("Europe/Amsterdam")\n'
        "nachtelijke_bevingen = (lokale_tijd.dt.hour < 6).sum()"
    )
    setup = SETUP
    alternatives = [
        'nachtelijke_bevingen = (df["tijdstip"].dt.tz_convert("Europe/Amsterdam").dt.hour <= 5).sum()',
        'lokaal = df["tijdstip"].dt.tz_convert("Europe/Amsterdam")\n'
        "nachtelijke_bevingen = len(df[lokaal.dt.hour.between(0, 5)])",
        'uren = df["tijdstip"].dt.tz_convert("Europe/Amsterdam").dt.hour\n'
        "nachtelijke_bevingen = uren.isin([0, 1, 2, 3, 4, 5]).sum()",
    ]
    wrong = [
        ('nachtelijke_bevingen = (df["tijdstip"].dt.hour < 6).sum()', "tz_convert"),
        ('nachtelijke_bevingen = (df["tijdstip"].dt.tz_convert("Europe/Amsterdam").dt.hour <= 6).sum()', "uur 6"),
        ('nachtelijke_bevingen = df["tijdstip"].dt.tz_convert("Europe/Amsterdam").dt.hour < 6', "één getal"),
        (
            'nachtelijke_bevingen = (df["tijdstip"].dt.tz_convert("Europe/Amsterdam").dt.hour > 6).sum()',
            "niet het gevraagde",
        ),
    ]


q1, q2, q3, q4, q5, q6 = lesson_questions(
    "tabellen",
    "03-sorteren-en-nieuwe-kolommen",
    LaatsteVijf,
    DrukstBevolkt,
    MetWater,
    LocOfKetting,
    MagnitudeKlasse,
    NachtelijkeBevingen,
)
__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "____"]
