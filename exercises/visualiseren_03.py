"""Self-checks for "Visualiseren met matplotlib", lesson 3: histogrammen en spreidingsdiagrammen.

Each question's `setup` is what the lesson ran before the exercise; `alternatives` are other correct answers
and `wrong` mistakes beginners make (each with what its message must say), proved in CI.
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
# As the lesson prepares it: `aantal_bevingen` counts every induced quake in the Netherlands, so the quakes in the
# Groningen field are counted from the KNMI catalogue (1996: 41 in the country, 11 in the field).
SETUP_JAREN = """import datavaardig as dv
import matplotlib.pyplot as plt
bevingen = dv.load("aardbevingen")
in_veld = bevingen[bevingen["in_groningenveld"]]
per_jaar = dv.load("gaswinning_per_jaar")
jaren = per_jaar[per_jaar["volledig_jaar"]]
veld_per_jaar = in_veld["tijdstip"].dt.year.value_counts()
jaren = jaren.assign(bevingen_in_veld=jaren["jaar"].map(veld_per_jaar).fillna(0).astype(int))"""


def _in_veld():
    bevingen = dv.load("aardbevingen")
    return bevingen[bevingen["in_groningenveld"]]


def _full_years():
    """Complete years of gas production with the number of quakes in the Groningen field."""
    years = dv.load("gaswinning_per_jaar").query("volledig_jaar")
    in_field = _in_veld()["tijdstip"].dt.year.value_counts()
    return years.assign(bevingen_in_veld=years["jaar"].map(in_field).fillna(0).astype(int))


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
    alternatives = [
        """fig, ax_hist = plt.subplots()
in_veld["magnitude"].plot.hist(bins=klassen, ax=ax_hist)
ax_hist.set_title("Bevingen in het Groningenveld naar magnitude")
ax_hist.set_xlabel("Magnitude (ML)")
ax_hist.set_ylabel("Aantal")""",
        """fig, ax_hist = plt.subplots()
ax_hist.hist(in_veld["magnitude"], bins=klassen, edgecolor="white")
fig.suptitle("Aardbevingen in het Groningenveld naar magnitude")
ax_hist.set_xlabel("Magnitude")
ax_hist.set_ylabel("Aantal bevingen")""",
        """fig, ax_hist = plt.subplots()
ax_hist.hist(sorted(magnitudes, reverse=True), bins=klassen, color="C2")
ax_hist.set_title("Magnitudes, Groningenveld")
ax_hist.set_xlabel("Magnitude")
ax_hist.set_ylabel("Aantal bevingen")""",
    ]
    wrong = [
        (
            """fig, ax_hist = plt.subplots()
ax_hist.hist(list(bevingen["magnitude"]), bins=klassen)
ax_hist.set_title("Aardbevingen in het Groningenveld naar magnitude")
ax_hist.set_xlabel("Magnitude")
ax_hist.set_ylabel("Aantal bevingen")""",
            "kloppen niet",
        ),
        (
            """fig, ax_hist = plt.subplots()
ax_hist.hist(magnitudes, bins=10)
ax_hist.set_title("Aardbevingen in het Groningenveld naar magnitude")
ax_hist.set_xlabel("Magnitude")
ax_hist.set_ylabel("Aantal bevingen")""",
            "waarden, verwacht",
        ),
        (
            """per_magnitude = in_veld["magnitude"].value_counts().sort_index()
fig, ax_hist = plt.subplots()
ax_hist.bar(per_magnitude.index, per_magnitude.values, width=0.05)
ax_hist.set_title("Aardbevingen in het Groningenveld naar magnitude")
ax_hist.set_xlabel("Magnitude")
ax_hist.set_ylabel("Aantal bevingen")""",
            "histogram",
        ),
        (
            """fig, ax_hist = plt.subplots()
ax_hist.hist(magnitudes, bins=klassen)
ax_hist.set_title("Aardbevingen in het Groningenveld naar magnitude")
ax_hist.set_xlabel("Magnitude")""",
            "y-as heeft nog geen label",
        ),
    ]


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
    alternatives = ['antwoord_verdeling = "B"', "antwoord_verdeling = 1", 'antwoord_verdeling = "b)"']
    wrong = [('antwoord_verdeling = "a"', "rechts"), ('antwoord_verdeling = "c"', "even hoog")]


class GaswinningTegenBevingen(FigureQuestion):
    """Maak een spreidingsdiagram van de gaswinning (x) tegen het aantal bevingen in het Groningenveld (y) per
    volledig jaar."""

    var = "ax_spreiding"
    chart = "scatter"
    title_required = True
    xlabel_contains = ["mrd", "miljard", "m³", "m3"]
    ylabel_contains = ["aantal", "bevingen"]
    data = lambda: (_full_years()["gaswinning_mrd_m3"], _full_years()["bevingen_in_veld"])  # (x, y) per year
    mistakes = [
        (
            lambda: (_full_years()["gaswinning_mrd_m3"], _full_years()["aantal_bevingen"]),
            "Je zet `aantal_bevingen` op de y-as: dat zijn alle geïnduceerde bevingen in heel Nederland (ook in "
            "Drenthe en Noord-Holland). Voor het Groningenveld gebruik je `bevingen_in_veld`.",
        )
    ]
    hints = [
        '`ax_spreiding.scatter(jaren["gaswinning_mrd_m3"], jaren["bevingen_in_veld"])`: eerst x, dan y.',
        'Asnamen: `ax_spreiding.set_xlabel("Gaswinning (mrd m³)")` en '
        '`ax_spreiding.set_ylabel("Aantal bevingen in het Groningenveld")`; vergeet de titel niet.',
    ]
    solution = """fig, ax_spreiding = plt.subplots()
ax_spreiding.scatter(jaren["gaswinning_mrd_m3"], jaren["bevingen_in_veld"])
ax_spreiding.set_title("Gaswinning en bevingen in het Groningenveld per jaar, 1986-2018")
ax_spreiding.set_xlabel("Gaswinning (mrd m³)")
ax_spreiding.set_ylabel("Aantal bevingen in het veld")"""
    setup = SETUP_JAREN
    alternatives = [
        """fig, ax_spreiding = plt.subplots()
jaren.plot.scatter(x="gaswinning_mrd_m3", y="bevingen_in_veld", ax=ax_spreiding)
ax_spreiding.set_title("Gaswinning en bevingen in het Groningenveld")""",
        """op_winning = jaren.sort_values("gaswinning_mrd_m3")
fig, ax_spreiding = plt.subplots()
ax_spreiding.plot(op_winning["gaswinning_mrd_m3"], op_winning["bevingen_in_veld"], "o")
fig.suptitle("Groningenveld: gaswinning en bevingen per jaar")
ax_spreiding.set_xlabel("Gaswinning (miljard m³)")
ax_spreiding.set_ylabel("Bevingen in het veld")""",
    ]
    wrong = [
        (
            """fig, ax_spreiding = plt.subplots()
ax_spreiding.scatter(jaren["gaswinning_mrd_m3"], jaren["aantal_bevingen"])
ax_spreiding.set_title("Gaswinning en aardbevingen per jaar, 1986-2018")
ax_spreiding.set_xlabel("Gaswinning (mrd m³)")
ax_spreiding.set_ylabel("Aantal bevingen")""",
            "heel Nederland",
        ),
        (
            """fig, ax_spreiding = plt.subplots()
ax_spreiding.scatter(jaren["bevingen_in_veld"], jaren["gaswinning_mrd_m3"])
ax_spreiding.set_title("Gaswinning en aardbevingen per jaar, 1986-2018")
ax_spreiding.set_xlabel("Gaswinning (mrd m³)")
ax_spreiding.set_ylabel("Aantal bevingen")""",
            "omgewisseld",
        ),
        (
            """fig, ax_spreiding = plt.subplots()
ax_spreiding.scatter(jaren["gaswinning_mrd_m3"], jaren["bevingen_in_veld"])
ax_spreiding.set_title("Gaswinning en bevingen per jaar")
ax_spreiding.set_xlabel("Gaswinning")
ax_spreiding.set_ylabel("Aantal bevingen")""",
            "noemt nog niet",
        ),
        (
            """fig, ax_spreiding = plt.subplots()
ax_spreiding.scatter(jaren["jaar"], jaren["bevingen_in_veld"])
ax_spreiding.set_title("Bevingen per jaar")
ax_spreiding.set_xlabel("Gaswinning (mrd m³)")
ax_spreiding.set_ylabel("Aantal bevingen")""",
            "plekken",
        ),
    ]


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
    alternatives = ['antwoord_conclusie = "B"', "antwoord_conclusie = 1", 'antwoord_conclusie = " b "']
    wrong = [('antwoord_conclusie = "c"', "geen bewijs"), ('antwoord_conclusie = "a"', "stijgende lijn")]


class BevingenDoorDeTijd(FigureQuestion):
    """Maak een spreidingsdiagram van alle bevingen in het Groningenveld: tijdstip (x) tegen magnitude (y), met
    kleine, doorzichtige punten."""

    var = "ax_tijd"
    chart = "scatter"
    title_required = True
    ylabel_contains = ["magnitude"]
    data = lambda: _in_veld()["magnitude"]
    transparent = True  # the question asks for see-through points
    max_point_size = 25  # and small ones (`s=10`); matplotlib's default is 36
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
    alternatives = [
        """fig, ax_tijd = plt.subplots()
in_veld.plot.scatter(x="tijdstip", y="magnitude", s=5, alpha=0.3, ax=ax_tijd)
ax_tijd.set_title("Bevingen in het Groningenveld door de tijd")""",
        """fig, ax_tijd = plt.subplots()
ax_tijd.plot(in_veld["tijdstip"], in_veld["magnitude"], "o", markersize=3, alpha=0.4)
fig.suptitle("Aardbevingen in het Groningenveld, 1991-2025")
ax_tijd.set_ylabel("Magnitude (ML)")""",
        """fig, ax_tijd = plt.subplots()
ax_tijd.scatter(in_veld["tijdstip"], in_veld["magnitude"], s=8, color=(0.0, 0.45, 0.7, 0.3))
ax_tijd.set_title("Aardbevingen in het Groningenveld")
ax_tijd.set_ylabel("Magnitude")""",
    ]
    wrong = [
        (
            """fig, ax_tijd = plt.subplots()
ax_tijd.scatter(bevingen["tijdstip"], bevingen["magnitude"], s=10, alpha=0.4)
ax_tijd.set_title("Aardbevingen in het Groningenveld, 1991-2025")
ax_tijd.set_ylabel("Magnitude")""",
            "waarden, verwacht",
        ),
        (
            """fig, ax_tijd = plt.subplots()
ax_tijd.scatter(in_veld["tijdstip"], in_veld["magnitude"], s=10)
ax_tijd.set_title("Aardbevingen in het Groningenveld, 1991-2025")
ax_tijd.set_ylabel("Magnitude")""",
            "doorzichtig",
        ),
        (
            """fig, ax_tijd = plt.subplots()
ax_tijd.scatter(in_veld["tijdstip"], in_veld["magnitude"], s=100, alpha=0.4)
ax_tijd.set_title("Aardbevingen in het Groningenveld, 1991-2025")
ax_tijd.set_ylabel("Magnitude")""",
            "kleiner",
        ),
        (
            """fig, ax_tijd = plt.subplots()
ax_tijd.scatter(in_veld["tijdstip"], in_veld["diepte_km"], s=10, alpha=0.4)
ax_tijd.set_title("Aardbevingen in het Groningenveld, 1991-2025")
ax_tijd.set_ylabel("Magnitude")""",
            "kloppen niet",
        ),
    ]


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
