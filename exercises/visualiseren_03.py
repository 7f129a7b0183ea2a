"""Self-checks for "Visualiseren met matplotlib", lesson 3: histogrammen en spreidingsdiagrammen.

Each question's `setup` is what the lesson ran before the exercise; `wrong` is a mistake beginners make.
"""

from __future__ import annotations

import numpy as np

import datavaardig as dv
from datavaardig.grading.selfcheck import ChoiceQuestion, FigureQuestion, ____, lesson_questions

# One class per tenth of a magnitude, centred on the catalogue's one-decimal values (-0.25 … 3.65).
KLASSEN = [k / 10 - 0.05 for k in range(-2, 38)]

SETUP_BEVINGEN = """import datavaardig as dv
import matplotlib.pyplot as plt
bevingen = dv.load("aardbevingen")
in_veld = bevingen[bevingen["in_groningenveld"]]
magnitudes = list(in_veld["magnitude"])
klassen = [k / 10 - 0.05 for k in range(-2, 38)]"""
SETUP_JAREN = """import datavaardig as dv
import matplotlib.pyplot as plt
per_jaar = dv.load("gaswinning_per_jaar")
jaren = per_jaar[per_jaar["volledig_jaar"]]"""


def _in_veld():
    bevingen = dv.load("aardbevingen")
    return bevingen[bevingen["in_groningenveld"]]


class HistogramMagnitudes(FigureQuestion):
    """Maak een histogram van de magnitudes van de bevingen in het Groningenveld, met de klassen uit `klassen`."""

    var = "ax_hist"
    chart = "hist"
    title_required = True
    xlabel_contains = ["magnitude"]
    ylabel_contains = ["aantal", "bevingen"]
    data = lambda: np.histogram(_in_veld()["magnitude"], bins=KLASSEN)[0]
    hints = [
        "Een histogram teken je met `ax_hist.hist(magnitudes, bins=klassen)`.",
        'Daarna `ax_hist.set_title(...)`, `ax_hist.set_xlabel("Magnitude")` en '
        '`ax_hist.set_ylabel("Aantal bevingen")`.',
    ]
    solution = """fig, ax_hist = plt.subplots()
ax_hist.hist(magnitudes, bins=klassen)
ax_hist.set_title("Aardbevingen in het Groningenveld naar magnitude")
ax_hist.set_xlabel("Magnitude")
ax_hist.set_ylabel("Aantal bevingen")"""
    setup = SETUP_BEVINGEN
    wrong = """fig, ax_hist = plt.subplots()
ax_hist.hist(list(bevingen["magnitude"]), bins=klassen)
ax_hist.set_title("Aardbevingen in het Groningenveld naar magnitude")
ax_hist.set_xlabel("Magnitude")
ax_hist.set_ylabel("Aantal bevingen")"""


class VerdelingLezen(ChoiceQuestion):
    """Wat laat het histogram van de magnitudes zien?"""

    var = "antwoord_verdeling"
    options = [
        "de meeste bevingen hebben een magnitude van 3 of meer",
        "de meeste bevingen zijn licht (rond magnitude 1); zware bevingen zijn zeldzaam",
        "alle magnitudes komen ongeveer even vaak voor",
        "er zijn evenveel lichte als zware bevingen",
    ]
    correct = 1
    explanations = [
        "Kijk rechts in je histogram, bij 3 en hoger: hoe hoog zijn de kolommen daar?",
        "Juist: de hoogste kolommen staan rond magnitude 1, en naar rechts worden ze steeds lager.",
        "Dan zouden alle kolommen ongeveer even hoog zijn. Is dat zo?",
        "Vergelijk de kolommen links van 2 met die rechts van 2.",
    ]
    hints = ["Zoek de hoogste kolommen in je histogram: bij welke magnitude staan ze?"]
    solution = 'antwoord_verdeling = "b"'
    setup = ""
    wrong = 'antwoord_verdeling = "a"'


class GaswinningTegenBevingen(FigureQuestion):
    """Maak een spreidingsdiagram van de gaswinning (x) tegen het aantal bevingen (y) per volledig jaar."""

    var = "ax_spreiding"
    chart = "scatter"
    title_required = True
    xlabel_contains = ["mrd", "miljard", "m³", "m3"]
    ylabel_contains = ["aantal", "bevingen"]
    data = lambda: dv.load("gaswinning_per_jaar").query("volledig_jaar")["aantal_bevingen"]
    hints = [
        '`ax_spreiding.scatter(jaren["gaswinning_mrd_m3"], jaren["aantal_bevingen"])`: eerst x, dan y.',
        'Asnamen: `ax_spreiding.set_xlabel("Gaswinning (mrd m³)")` en '
        '`ax_spreiding.set_ylabel("Aantal bevingen")`; vergeet de titel niet.',
    ]
    solution = """fig, ax_spreiding = plt.subplots()
ax_spreiding.scatter(jaren["gaswinning_mrd_m3"], jaren["aantal_bevingen"])
ax_spreiding.set_title("Gaswinning en aardbevingen per jaar, 1986-2018")
ax_spreiding.set_xlabel("Gaswinning (mrd m³)")
ax_spreiding.set_ylabel("Aantal bevingen")"""
    setup = SETUP_JAREN
    wrong = """fig, ax_spreiding = plt.subplots()
ax_spreiding.scatter(jaren["aantal_bevingen"], jaren["gaswinning_mrd_m3"])
ax_spreiding.set_title("Gaswinning en aardbevingen per jaar, 1986-2018")
ax_spreiding.set_xlabel("Aantal bevingen")
ax_spreiding.set_ylabel("Gaswinning (mrd m³)")"""


class ConclusieSpreiding(ChoiceQuestion):
    """Welke conclusie uit het spreidingsdiagram van gaswinning en bevingen per jaar is juist?"""

    var = "antwoord_conclusie"
    options = [
        "meer gas winnen in een jaar geeft in datzelfde jaar meteen meer bevingen",
        "per jaar is er weinig samenhang te zien; een spreidingsdiagram laat bovendien geen oorzaak zien, dus "
        "hiermee kun je de vraag naar de oorzaak niet beantwoorden",
        "het diagram bewijst dat gaswinning niets met bevingen te maken heeft",
        "bevingen zorgen ervoor dat er meer gas gewonnen wordt",
    ]
    correct = 1
    explanations = [
        "Liggen de punten op een stijgende lijn? Kijk naar jaren met veel winning en weinig bevingen.",
        "Juist: dit diagram beantwoordt de vraag naar de oorzaak niet. Daar is onderzoek over vele jaren voor nodig.",
        "Weinig samenhang per jaar is geen bewijs dat er geen verband is: het effect kan over vele jaren optreden.",
        "Een spreidingsdiagram laat nooit zien wat de oorzaak is, en deze richting is niet aannemelijk.",
    ]
    hints = ["Lees de uitleg *Samenhang is geen oorzaak* nog eens: er staan twee waarschuwingen in."]
    solution = 'antwoord_conclusie = "b"'
    setup = ""
    wrong = 'antwoord_conclusie = "c"'


class BevingenDoorDeTijd(FigureQuestion):
    """Maak een spreidingsdiagram van alle bevingen in het Groningenveld: tijdstip (x) tegen magnitude (y)."""

    var = "ax_tijd"
    chart = "scatter"
    title_required = True
    ylabel_contains = ["magnitude"]
    data = lambda: _in_veld()["magnitude"]
    hints = [
        '`ax_tijd.scatter(in_veld["tijdstip"], in_veld["magnitude"], s=10, alpha=0.4)`.',
        'Daarna `ax_tijd.set_title(...)` en `ax_tijd.set_ylabel("Magnitude")`.',
    ]
    solution = """fig, ax_tijd = plt.subplots()
ax_tijd.scatter(in_veld["tijdstip"], in_veld["magnitude"], s=10, alpha=0.4)
ax_tijd.set_title("Aardbevingen in het Groningenveld, 1991-2025")
ax_tijd.set_xlabel("Tijdstip")
ax_tijd.set_ylabel("Magnitude")"""
    setup = SETUP_BEVINGEN
    wrong = """fig, ax_tijd = plt.subplots()
ax_tijd.scatter(bevingen["tijdstip"], bevingen["magnitude"], s=10, alpha=0.4)
ax_tijd.set_title("Aardbevingen in het Groningenveld, 1991-2025")
ax_tijd.set_ylabel("Magnitude")"""


q1, q2, q3, q4, q5 = lesson_questions(
    "visualiseren",
    "03-histogrammen-en-spreiding",
    HistogramMagnitudes,
    VerdelingLezen,
    GaswinningTegenBevingen,
    ConclusieSpreiding,
    BevingenDoorDeTijd,
)
__all__ = ["q1", "q2", "q3", "q4", "q5", "____"]
