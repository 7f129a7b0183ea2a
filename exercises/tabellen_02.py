"""Self-checks for "Werken met tabellen in pandas", lesson 2: selecteren en filteren (KNMI earthquakes).

Each question's `setup` is what the lesson ran before the exercise; `wrong` is a mistake learners make.
"""

from __future__ import annotations

import pandas as pd

import datavaardig as dv
from datavaardig.grading.selfcheck import CustomQuestion, EqualityQuestion, Incorrect, ____, lesson_questions

SETUP = 'import datavaardig as dv\ndf = dv.load("aardbevingen")'
AROUND_LOPPERSUM = ["Loppersum", "Zeerijp", "Garrelsweer"]


def _quakes():
    return dv.load("aardbevingen")


class Locatie(EqualityQuestion):
    """Maak een tabel `locatie` met alleen de kolommen `lat` en `lon` (in die volgorde)."""

    var = "locatie"
    expected = lambda: _quakes()[["lat", "lon"]]
    check_column_order = True  # the question asks for this order
    hints = [
        "Meer kolommen tegelijk selecteer je met een *lijst* van namen tussen de blokhaken.",
        'Let op de dubbele blokhaken: `df[["kolom1", "kolom2"]]`.',
    ]
    solution = 'locatie = df[["lat", "lon"]]'
    setup = SETUP
    wrong = 'locatie = df[["plaats", "lat", "lon"]]'


class ZwareBevingen(EqualityQuestion):
    """Hoeveel bevingen hadden een magnitude van 3,0 of meer?"""

    var = "zware_bevingen"
    expected = lambda: int((_quakes()["magnitude"] >= 3).sum())
    tolerance = 0
    hints = [
        'Filter met een voorwaarde tussen blokhaken: `df[df["magnitude"] >= 3]`.',
        "Tel de rijen van het resultaat met `len(...)` of `.shape[0]`.",
        '"3,0 of meer" betekent `>=`, niet `>`.',
    ]
    solution = 'zware_bevingen = len(df[df["magnitude"] >= 3])'
    setup = SETUP
    wrong = 'zware_bevingen = len(df[df["magnitude"] > 3])'


class ZwaarInVeld(EqualityQuestion):
    """Hoeveel bevingen lagen binnen het Groningenveld én hadden een magnitude van 2,5 of meer?"""

    var = "zwaar_in_veld"
    expected = lambda: int((_quakes()["in_groningenveld"] & (_quakes()["magnitude"] >= 2.5)).sum())
    tolerance = 0
    hints = [
        "Je hebt twee voorwaarden die allebei waar moeten zijn: combineer ze met `&`.",
        'Zet elke voorwaarde tussen haakjes: `(df["in_groningenveld"]) & (df["magnitude"] >= 2.5)`.',
    ]
    solution = 'zwaar_in_veld = len(df[df["in_groningenveld"] & (df["magnitude"] >= 2.5)])'
    setup = SETUP
    wrong = 'zwaar_in_veld = len(df[df["in_groningenveld"] | (df["magnitude"] >= 2.5)])'


class RondLoppersum(EqualityQuestion):
    """Maak een tabel met alleen de bevingen bij Loppersum, Zeerijp en Garrelsweer, en alleen de
    kolommen `tijdstip`, `plaats` en `magnitude`."""

    var = "rond_loppersum"
    expected = lambda: _quakes().loc[_quakes()["plaats"].isin(AROUND_LOPPERSUM), ["tijdstip", "plaats", "magnitude"]]
    hints = [
        "Met `.isin([...])` test je of een waarde in een lijst voorkomt.",
        "Met `.loc[rijen, kolommen]` kies je rijen én kolommen in één keer.",
        '`df.loc[df["plaats"].isin(plaatsen), ["tijdstip", "plaats", "magnitude"]]`',
    ]
    solution = (
        'plaatsen = ["Loppersum", "Zeerijp", "Garrelsweer"]\n'
        'rond_loppersum = df.loc[df["plaats"].isin(plaatsen), ["tijdstip", "plaats", "magnitude"]]'
    )
    setup = SETUP
    wrong = 'rond_loppersum = df.loc[df["plaats"] == "Loppersum", ["tijdstip", "plaats", "magnitude"]]'


class PlaatsZwaarste(EqualityQuestion):
    """Bij welke plaats was de zwaarste beving in de tabel?"""

    var = "plaats_zwaarste"
    expected = lambda: _quakes().loc[_quakes()["magnitude"].idxmax(), "plaats"]
    hints = [
        "`.idxmax()` geeft het rijlabel (de index) van de grootste waarde.",
        'Met `df.loc[rijlabel, "plaats"]` pak je de plaats in die rij.',
    ]
    solution = 'plaats_zwaarste = df.loc[df["magnitude"].idxmax(), "plaats"]'
    setup = SETUP
    wrong = 'plaats_zwaarste = df["plaats"].max()'


class Bevingen2018(CustomQuestion):
    """Maak een tabel `bevingen_2018` met alle bevingen uit 2018 (alle kolommen)."""

    hints = [
        "De kolom `tijdstip` heeft een onderdeel `.dt.year`.",
        '`df[df["tijdstip"].dt.year == 2018]`',
    ]
    solution = 'bevingen_2018 = df[df["tijdstip"].dt.year == 2018]'
    setup = SETUP
    wrong = 'bevingen_2018 = df[df["tijdstip"] >= "2018-01-01"]'

    def test(self, bevingen_2018):
        # Any row order or index is fine; what matters is exactly the quakes of 2018.
        if not isinstance(bevingen_2018, pd.DataFrame):
            raise Incorrect(
                f"`bevingen_2018` moet een tabel (DataFrame) zijn, maar is een {type(bevingen_2018).__name__}."
            )
        quakes = _quakes()
        missing = [c for c in quakes.columns if c not in bevingen_2018.columns]
        if missing:
            raise Incorrect(f"Houd alle kolommen; deze ontbreken: {', '.join(missing)}.")
        years = bevingen_2018["tijdstip"].dt.year
        if (years < 2018).any():
            raise Incorrect("Er staan ook bevingen van vóór 2018 in je tabel.")
        if (years > 2018).any():
            raise Incorrect("Er staan ook bevingen van na 2018 in je tabel. Had je alleen een begindatum?")
        if len(bevingen_2018) < int((quakes["tijdstip"].dt.year == 2018).sum()):
            raise Incorrect("Er ontbreken bevingen uit 2018. Filter je misschien nog op iets anders?")
        if bevingen_2018["tijdstip"].duplicated().any():
            raise Incorrect("Sommige bevingen staan er twee keer in.")


q1, q2, q3, q4, q5, q6 = lesson_questions(
    "tabellen",
    "02-selecteren-en-filteren",
    Locatie,
    ZwareBevingen,
    ZwaarInVeld,
    RondLoppersum,
    PlaatsZwaarste,
    Bevingen2018,
)
__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "____"]
