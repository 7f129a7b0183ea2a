"""Self-checks for "Starten met Python en Jupyter", lesson 1: notebooks en cellen.

Each question's `setup` is what the lesson ran before the exercise; `alternatives` are other correct answers
and `wrong` mistakes beginners make (each with what its message must say), proved in CI.
"""

from __future__ import annotations

import datavaardig as dv
from datavaardig.grading.selfcheck import (
    ChoiceQuestion,
    CustomQuestion,
    EqualityQuestion,
    Incorrect,
    ReflectionQuestion,
    ____,
    lesson_questions,
)

SETUP_MAGNITUDES = """import datavaardig as dv
bevingen = dv.load("aardbevingen")
magnitudes = list(bevingen.loc[bevingen["plaats"] == "Loppersum", "magnitude"])"""


class ToetsenUitvoeren(ChoiceQuestion):
    """Welke toetsen gebruik je om een cel uit te voeren en naar de volgende cel te gaan?"""

    var = "antwoord_toetsen"
    options = ["Enter", "Shift+Enter", "Ctrl+S", "Esc"]
    correct = 1
    explanations = [
        "Met alleen Enter maak je een nieuwe regel in de cel; de cel wordt niet uitgevoerd.",
        "Juist: Shift+Enter voert de cel uit en zet je cursor in de volgende cel.",
        "Ctrl+S bewaart het notebook, maar voert niets uit.",
        "Esc zet je in de *opdrachtmodus* (om cellen te kiezen), maar voert niets uit.",
    ]
    hints = ["Je hebt deze toetsen al gebruikt om de allereerste cel van deze les uit te voeren."]
    solution = 'antwoord_toetsen = "b"'
    setup = ""
    alternatives = ['antwoord_toetsen = "B"', 'antwoord_toetsen = "b)"', "antwoord_toetsen = 1"]
    wrong = [
        ('antwoord_toetsen = "a"', "nieuwe regel"),
        ('antwoord_toetsen = "c"', "bewaart"),
        ('antwoord_toetsen = "b, d"', "één"),
    ]


class GrootsteMagnitude(EqualityQuestion):
    """Wat is de grootste magnitude van de aardbevingen bij Loppersum?"""

    var = "grootste"
    expected = lambda: dv.load("aardbevingen").query("plaats == 'Loppersum'")["magnitude"].max()
    tolerance = 1e-9
    hints = [
        "Kijk naar de cel met `kleinste = min(magnitudes)`: je hebt bijna dezelfde regel nodig.",
        "`max(...)` geeft het grootste getal uit een lijst.",
    ]
    solution = "grootste = max(magnitudes)"
    setup = SETUP_MAGNITUDES
    alternatives = [
        "grootste = sorted(magnitudes)[-1]",
        "grootste = sorted(magnitudes, reverse=True)[0]",
        'grootste = bevingen.loc[bevingen["plaats"] == "Loppersum", "magnitude"].max()',
    ]
    wrong = [
        ("grootste = min(magnitudes)", "niet het gevraagde getal"),
        ("grootste = magnitudes[-1]", "niet het gevraagde getal"),
        ("grootste = max", "functie"),
        ('grootste = "max(magnitudes)"', "tekst"),
    ]


class Volgnummer(ChoiceQuestion):
    """Links van een cel staat `[7]`. Wat betekent dat?"""

    var = "antwoord_volgnummer"
    options = [
        "De cel staat op regel 7 van het notebook",
        "De cel heeft 7 regels code",
        "De cel is als zevende uitgevoerd sinds de kernel is gestart",
        "De cel heeft 7 seconden gerekend",
    ]
    correct = 2
    explanations = [
        "Het getal verandert elke keer dat je een cel uitvoert, ook als de cel niet verschuift.",
        "Het aantal regels staat nergens bij een cel; het getal verandert als je de cel opnieuw uitvoert.",
        "Juist: het is een volgnummer. Voer je de cel opnieuw uit, dan krijgt hij een nieuw, hoger nummer.",
        "Een cel die nog rekent toont `[*]`; het getal zegt niets over de tijd.",
    ]
    hints = ["Voer een cel twee keer uit en kijk wat er met het getal gebeurt."]
    solution = 'antwoord_volgnummer = "c"'
    setup = ""
    alternatives = ['antwoord_volgnummer = "C"', 'antwoord_volgnummer = " c "', "antwoord_volgnummer = 2"]
    wrong = [
        ('antwoord_volgnummer = "a"', "verandert elke keer"),
        ('antwoord_volgnummer = "d"', "[*]"),
        ('antwoord_volgnummer = "z"', "geen geldige keuze"),
    ]


class KopNiveauTwee(CustomQuestion):
    """Schrijf de Markdown voor een kop van niveau 2 met de tekst 'Aardbevingen bij Loppersum'."""

    var = "kop"
    hints = [
        "Een kop begint met hekjes (`#`): één hekje voor de grootste kop, twee voor niveau 2.",
        "Na de hekjes komt een spatie en dan de tekst, alles tussen aanhalingstekens.",
    ]
    solution = 'kop = "## Aardbevingen bij Loppersum"'
    setup = ""
    alternatives = [
        "kop = '## Aardbevingen bij Loppersum'",
        'kop = "## Aardbevingen bij Loppersum\\n"',
        'kop = "##  Aardbevingen bij Loppersum "',
    ]
    wrong = [
        ('kop = "# Aardbevingen bij Loppersum"', "twee"),
        ('kop = "##Aardbevingen bij Loppersum"', "spatie"),
        ('kop = "## Bevingen"', "Aardbevingen bij Loppersum"),
        ('kop = "**Aardbevingen bij Loppersum**"', "hekjes"),
        ("kop = 2", "aanhalingstekens"),
    ]

    def test(self, kop):
        if not isinstance(kop, str):
            raise Incorrect("Zet de Markdown tussen aanhalingstekens, zodat het tekst is.")
        text = kop.strip()
        hashes = len(text) - len(text.lstrip("#"))
        if hashes == 0:
            raise Incorrect("Een kop in Markdown begint met een of meer hekjes (`#`).")
        if hashes != 2:
            raise Incorrect(f"Je kop begint met {hashes} hekje(s); voor niveau 2 zijn het er twee.")
        if not text[2:3] == " ":
            raise Incorrect("Zet een spatie tussen de hekjes en de tekst van de kop.")
        if text[2:].strip().lower() != "aardbevingen bij loppersum":
            raise Incorrect("De tekst van de kop moet 'Aardbevingen bij Loppersum' zijn.")


class NaHerstart(ChoiceQuestion):
    """Je herstart de kernel. Wat is er daarna waar?"""

    var = "antwoord_herstart"
    options = [
        "Je variabelen blijven bewaard, alleen de uitvoer verdwijnt",
        "Je variabelen zijn weg; je code staat er nog en je voert de cellen opnieuw uit",
        "Het notebook is leeg: al je code is gewist",
        "Python moet opnieuw op je computer worden geïnstalleerd",
    ]
    correct = 1
    explanations = [
        "Denk aan wat de kernel doet: hij onthoudt je variabelen. Wat gebeurt er met dat geheugen als hij opnieuw begint?",
        "Juist: de kernel begint met een leeg geheugen, maar je notebook blijft zoals het was.",
        "Je code en tekst staan in het notebook zelf; een herstart raakt die niet aan.",
        "Nee, alleen het programma dat je code uitvoert start opnieuw.",
    ]
    hints = ["De kernel is het geheugen van je notebook. Wat gebeurt er met een geheugen dat opnieuw begint?"]
    solution = 'antwoord_herstart = "b"'
    setup = ""
    alternatives = ['antwoord_herstart = "B"', 'antwoord_herstart = "b."', "antwoord_herstart = 1"]
    wrong = [
        ('antwoord_herstart = "a"', "geheugen"),
        ('antwoord_herstart = "c"', "raakt die niet aan"),
    ]


class UitlegKernel(ReflectionQuestion):
    """Leg in je eigen woorden aan een collega uit wat de kernel is: wat doet hij, en wat onthoudt hij?
    Gebruik minstens 8 woorden."""

    var = "uitleg_kernel"
    min_words = 8
    concepts = {
        "wat de kernel doet (de code uitvoeren)": r"voer|uitvoer|uitgevoerd|reken|draai|runt|verwerk",
        "wat de kernel onthoudt (je variabelen)": r"onthoud|geheugen|variabel|bewaar|opgeslagen|slaat",
    }
    contradictions = {
        r"kernel is (het|een|de) (notebook|document|bestand|tekst)": "De kernel is niet het notebook zelf: het "
        "notebook is het document met je cellen, de kernel het programma dat ze uitvoert."
    }
    hints = [
        "Denk aan wat er gebeurt als je een cel uitvoert: wie rekent het uit, en waar blijft `magnitudes`?",
        "Je kunt beginnen met: 'De kernel is het programma dat …'",
    ]
    solution = (
        'uitleg_kernel = "De kernel is het programma achter het notebook dat de code uitvoert '
        'en alle variabelen onthoudt tot je hem herstart."'
    )
    setup = ""
    alternatives = [
        'uitleg_kernel = "Een soort rekenmachine met geheugen: hij voert mijn cellen uit en onthoudt de variabelen."',
        "uitleg_kernel = 'Het programma dat de Python-code draait en de uitkomsten in zijn geheugen bewaart.'",
    ]
    wrong = [
        ('uitleg_kernel = "Iets van Python."', "minstens 8 woorden"),
        (
            'uitleg_kernel = "De kernel is het notebook waarin je tekst en code schrijft en bewaart."',
            "niet het notebook zelf",
        ),
        ('uitleg_kernel = "De kernel is het programma dat de code van je cellen uitvoert."', "onthoudt"),
        ("uitleg_kernel = 42", "tekst"),
    ]


q1, q2, q3, q4, q5, q6 = lesson_questions(
    "python",
    "01-notebooks-en-cellen",
    ToetsenUitvoeren,
    GrootsteMagnitude,
    Volgnummer,
    KopNiveauTwee,
    NaHerstart,
    UitlegKernel,
)
__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "____"]
