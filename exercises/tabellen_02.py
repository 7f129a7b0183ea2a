"""Self-checks for "Werken met tabellen in pandas", lesson 2: selecteren en filteren (KNMI earthquakes).

Each question's `setup` is what the lesson ran before the exercise; `alternatives` are other correct answers
and `wrong` mistakes learners make (each with what its message must say), proved in CI.
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
    alternatives = [
        'locatie = df.loc[:, ["lat", "lon"]]',
        'kolommen = ["lat", "lon"]\nlocatie = df[kolommen].copy()',
        'locatie = df.drop(columns=["tijdstip", "magnitude", "diepte_km", "plaats", "in_groningenveld"])',
    ]
    wrong = [
        ('locatie = df[["plaats", "lat", "lon"]]', "horen er niet bij"),
        ('locatie = df[["lon", "lat"]]', "volgorde"),
        ('locatie = df[["lat"]]', "ontbreken"),
        ('locatie = df["lat"]', 'df[["'),
    ]


class ZwareBevingen(EqualityQuestion):
    """Hoeveel bevingen hadden een magnitude van 3,0 of meer?"""

    var = "zware_bevingen"
    expected = lambda: int((_quakes()["magnitude"] >= 3).sum())
    tolerance = 0
    mistakes = [
        (
            lambda: int((_quakes()["magnitude"] > 3).sum()),
            "Je telt de bevingen van precies 3,0 niet mee: '3,0 of meer' schrijf je als `>=`.",
        )
    ]
    hints = [
        'Filter met een voorwaarde tussen blokhaken: `df[df["magnitude"] >= 3]`.',
        "Tel de rijen van het resultaat met `len(...)` of `.shape[0]`.",
        '"3,0 of meer" betekent `>=`, niet `>`.',
    ]
    solution = 'zware_bevingen = len(df[df["magnitude"] >= 3])'
    setup = SETUP
    alternatives = [
        'zware_bevingen = (df["magnitude"] >= 3).sum()',
        'zware_bevingen = df[df["magnitude"] >= 3.0].shape[0]',
        'zware_bevingen = df.loc[df["magnitude"] >= 3, "magnitude"].count()',
    ]
    wrong = [
        ('zware_bevingen = len(df[df["magnitude"] > 3])', ">="),
        ('zware_bevingen = df[df["magnitude"] >= 3]', "één getal"),
        ('zware_bevingen = len(df[df["magnitude"] == 3])', "niet het gevraagde getal"),
        ('zware_bevingen = df["magnitude"] >= 3', "één getal"),
    ]


class ZwaarInVeld(EqualityQuestion):
    """Hoeveel bevingen lagen binnen het Groningenveld én hadden een magnitude van 2,5 of meer?"""

    var = "zwaar_in_veld"
    expected = lambda: int((_quakes()["in_groningenveld"] & (_quakes()["magnitude"] >= 2.5)).sum())
    tolerance = 0
    mistakes = [
        (
            lambda: int((_quakes()["in_groningenveld"] | (_quakes()["magnitude"] >= 2.5)).sum()),
            "Je telt de bevingen die aan één van de twee voorwaarden voldoen (`|`, of); hier moeten ze allebei "
            "waar zijn: `&`.",
        ),
        (
            lambda: int((_quakes()["magnitude"] >= 2.5).sum()),
            "Je telt ook de bevingen buiten het Groningenveld: combineer met de voorwaarde `in_groningenveld`.",
        ),
        (
            lambda: int((_quakes()["in_groningenveld"] & (_quakes()["magnitude"] > 2.5)).sum()),
            "Je telt de bevingen van precies 2,5 niet mee: '2,5 of meer' schrijf je als `>=`.",
        ),
    ]
    hints = [
        "Je hebt twee voorwaarden die allebei waar moeten zijn: combineer ze met `&`.",
        'Zet elke voorwaarde tussen haakjes: `(df["in_groningenveld"]) & (df["magnitude"] >= 2.5)`.',
    ]
    solution = 'zwaar_in_veld = len(df[df["in_groningenveld"] & (df["magnitude"] >= 2.5)])'
    setup = SETUP
    alternatives = [
        'zwaar_in_veld = len(df[(df["in_groningenveld"] == True) & (df["magnitude"] >= 2.5)])',
        'zwaar_in_veld = ((df["magnitude"] >= 2.5) & df["in_groningenveld"]).sum()',
        'veld = df[df["in_groningenveld"]]\nzwaar_in_veld = len(veld[veld["magnitude"] >= 2.5])',
    ]
    wrong = [
        ('zwaar_in_veld = len(df[df["in_groningenveld"] | (df["magnitude"] >= 2.5)])', "allebei"),
        ('zwaar_in_veld = len(df[df["magnitude"] >= 2.5])', "buiten het Groningenveld"),
        ('zwaar_in_veld = len(df[df["in_groningenveld"] & (df["magnitude"] > 2.5)])', ">="),
        ('zwaar_in_veld = len(df[~df["in_groningenveld"] & (df["magnitude"] >= 2.5)])', "niet het gevraagde getal"),
    ]


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
    alternatives = [
        'rond_loppersum = df[df["plaats"].isin(["Loppersum", "Zeerijp", "Garrelsweer"])][["tijdstip", "plaats", "magnitude"]]',
        'plaatsen = ["Zeerijp", "Garrelsweer", "Loppersum"]\n'
        'rond_loppersum = df.loc[df["plaats"].isin(plaatsen), ["tijdstip", "plaats", "magnitude"]].sort_values("magnitude")',
        'rond_loppersum = df.loc[(df["plaats"] == "Loppersum") | (df["plaats"] == "Zeerijp") | '
        '(df["plaats"] == "Garrelsweer"), ["plaats", "tijdstip", "magnitude"]].reset_index(drop=True)',
    ]
    wrong = [
        (
            'rond_loppersum = df.loc[df["plaats"] == "Loppersum", ["tijdstip", "plaats", "magnitude"]]',
            "rijen, verwacht",
        ),
        ('rond_loppersum = df[df["plaats"].isin(["Loppersum", "Zeerijp", "Garrelsweer"])]', "horen er niet bij"),
        (
            'rond_loppersum = df.loc[df["plaats"].isin(["Loppersum", "Zeerijp", "Garrelsweer"]), ["tijdstip", "magnitude"]]',
            "ontbreken",
        ),
        (
            'rond_loppersum = df.loc[df["plaats"].isin(["Loppersum", "Zeerijp", "Garrelswer"]), ["tijdstip", "plaats", "magnitude"]]',
            "rijen, verwacht",
        ),
    ]


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
    alternatives = [
        'plaats_zwaarste = df.sort_values("magnitude").iloc[-1]["plaats"]',
        'plaats_zwaarste = df.loc[df["magnitude"] == df["magnitude"].max(), "plaats"].iloc[0]',
        'plaats_zwaarste = df.nlargest(1, "magnitude")["plaats"].tolist()[0]',
    ]
    wrong = [
        ('plaats_zwaarste = df["plaats"].max()', "niet de gevraagde tekst"),
        ('plaats_zwaarste = df["magnitude"].idxmax()', "tekst"),
        ('plaats_zwaarste = df.loc[df["magnitude"].idxmin(), "plaats"]', "niet de gevraagde tekst"),
        ('plaats_zwaarste = df.loc[df["magnitude"] == df["magnitude"].max(), "plaats"]', "Series"),
    ]


class Bevingen2018(CustomQuestion):
    """Maak een tabel `bevingen_2018` met alle bevingen uit 2018 (alle kolommen)."""

    hints = [
        "De kolom `tijdstip` heeft een onderdeel `.dt.year`.",
        '`df[df["tijdstip"].dt.year == 2018]`',
    ]
    solution = 'bevingen_2018 = df[df["tijdstip"].dt.year == 2018]'
    setup = SETUP
    alternatives = [
        'bevingen_2018 = df[(df["tijdstip"] >= "2018-01-01") & (df["tijdstip"] < "2019-01-01")]',
        'bevingen_2018 = df[df["tijdstip"].dt.year == 2018].sort_values("magnitude")',
        'bevingen_2018 = df.loc[df["tijdstip"].dt.year == 2018].reset_index(drop=True)',
    ]
    wrong = [
        ('bevingen_2018 = df[df["tijdstip"] >= "2018-01-01"]', "na 2018"),
        ('bevingen_2018 = df[df["tijdstip"].dt.year == 2018][["tijdstip", "magnitude"]]', "ontbreken"),
        ('bevingen_2018 = df[df["tijdstip"].dt.year == 2017]', "vóór 2018"),
        ('bevingen_2018 = df[df["tijdstip"].dt.year == 2018].head()', "ontbreken bevingen"),
        ('bevingen_2018 = df["tijdstip"].dt.year == 2018', "tabel"),
    ]

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
