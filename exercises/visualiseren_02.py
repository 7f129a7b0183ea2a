"""Self-checks for "Visualiseren met matplotlib", lesson 2: staaf- en kolomdiagrammen (municipalities, quakes).

Each question's `setup` is what the lesson ran before the exercise; `wrong` is a mistake beginners make.
"""

from __future__ import annotations

import numpy as np

import datavaardig as dv
from datavaardig.grading.selfcheck import (
    ChoiceQuestion,
    CustomQuestion,
    FigureQuestion,
    Incorrect,
    ____,
    lesson_questions,
)
from datavaardig.grading.selfcheck.compare.figures import learner_axes

SETUP_GEMEENTEN = """import datavaardig as dv
import matplotlib.pyplot as plt
gemeenten = dv.load("gemeenten_2024")
groningen = gemeenten[gemeenten["provincie"] == "Groningen"]
op_volgorde = groningen.sort_values("inwoners")"""
SETUP_BEVINGEN = """import datavaardig as dv
import matplotlib.pyplot as plt
bevingen = dv.load("aardbevingen")
in_veld = bevingen[bevingen["in_groningenveld"]]
jaartallen = in_veld["tijdstip"].dt.year
per_jaar = jaartallen[jaartallen <= 2024].value_counts().sort_index()"""


def _groningen():
    gemeenten = dv.load("gemeenten_2024")
    return gemeenten[gemeenten["provincie"] == "Groningen"]


def _quakes_per_year():
    bevingen = dv.load("aardbevingen")
    years = bevingen[bevingen["in_groningenveld"]]["tijdstip"].dt.year
    return years[years <= 2024].value_counts().sort_index()


class StavenInwoners(FigureQuestion):
    """Maak een liggend staafdiagram van het aantal inwoners per gemeente in de provincie Groningen."""

    var = "ax_staven"
    chart = "barh"
    title_required = True
    xlabel_contains = ["inwoners"]
    data = lambda: _groningen()["inwoners"]
    hints = [
        "Liggende staven teken je met `ax_staven.barh(namen, getallen)`: hier "
        '`groningen["gemeente"]` en `groningen["inwoners"]`.',
        'Bij liggende staven staan de getallen langs de x-as: `ax_staven.set_xlabel("Aantal inwoners")`.',
    ]
    solution = """fig, ax_staven = plt.subplots()
ax_staven.barh(groningen["gemeente"], groningen["inwoners"])
ax_staven.set_title("Inwoners per gemeente, provincie Groningen, 2024")
ax_staven.set_xlabel("Aantal inwoners")"""
    setup = SETUP_GEMEENTEN
    wrong = """fig, ax_staven = plt.subplots()
ax_staven.bar(groningen["gemeente"], groningen["inwoners"])
ax_staven.set_title("Inwoners per gemeente, provincie Groningen, 2024")
ax_staven.set_xlabel("Aantal inwoners")"""


class GesorteerdeStaven(FigureQuestion):
    """Maak het liggende staafdiagram van de inwoners per gemeente gesorteerd, met de grootste bovenaan."""

    var = "ax_gesorteerd"
    chart = "barh"
    title_required = True
    xlabel_contains = ["inwoners"]
    data = lambda: _groningen().sort_values("inwoners")["inwoners"]
    hints = [
        "Gebruik de tabel `op_volgorde` in plaats van `groningen`.",
        '`ax_gesorteerd.barh(op_volgorde["gemeente"], op_volgorde["inwoners"])`, daarna titel en x-as.',
    ]
    solution = """fig, ax_gesorteerd = plt.subplots()
ax_gesorteerd.barh(op_volgorde["gemeente"], op_volgorde["inwoners"])
ax_gesorteerd.set_title("Inwoners per gemeente, provincie Groningen, 2024")
ax_gesorteerd.set_xlabel("Aantal inwoners")"""
    setup = SETUP_GEMEENTEN
    wrong = """fig, ax_gesorteerd = plt.subplots()
ax_gesorteerd.barh(groningen["gemeente"], groningen["inwoners"])
ax_gesorteerd.set_title("Inwoners per gemeente, provincie Groningen, 2024")
ax_gesorteerd.set_xlabel("Aantal inwoners")"""


class GetallenBijStaven(CustomQuestion):
    """Maak het gesorteerde staafdiagram van de inwoners per gemeente met de aantallen bij de staven."""

    var = "ax_getallen"
    hints = [
        'Bewaar wat `barh` teruggeeft: `staven = ax_getallen.barh(op_volgorde["gemeente"], op_volgorde["inwoners"])`.',
        "Geef die staven aan `ax_getallen.bar_label(staven)`, en vergeet de titel en de x-as niet.",
    ]
    solution = """fig, ax_getallen = plt.subplots()
staven = ax_getallen.barh(op_volgorde["gemeente"], op_volgorde["inwoners"])
ax_getallen.bar_label(staven, padding=3)
ax_getallen.set_title("Inwoners per gemeente, provincie Groningen, 2024")
ax_getallen.set_xlabel("Aantal inwoners")"""
    setup = SETUP_GEMEENTEN
    wrong = """fig, ax_getallen = plt.subplots()
staven = ax_getallen.barh(op_volgorde["gemeente"], op_volgorde["inwoners"])
ax_getallen.set_title("Inwoners per gemeente, provincie Groningen, 2024")
ax_getallen.set_xlabel("Aantal inwoners")"""

    def test(self, ax_getallen):
        from matplotlib.container import BarContainer

        ax = learner_axes(ax_getallen, "ax_getallen")
        bars = [c for c in ax.containers if isinstance(c, BarContainer)]
        if not bars or getattr(bars[0], "orientation", "vertical") != "horizontal":
            raise Incorrect("Ik zie nog geen liggende staven: teken ze met `ax_getallen.barh(...)`.")
        widths = np.array([p.get_width() for p in bars[0].patches], dtype="float64")
        wanted = _groningen().sort_values("inwoners")["inwoners"].to_numpy(dtype="float64")
        if len(widths) != len(wanted) or not np.allclose(widths, wanted):
            raise Incorrect(
                "De staven tonen niet de inwoners per gemeente van klein naar groot: gebruik de tabel `op_volgorde`."
            )
        if len(ax.texts) < len(wanted):
            raise Incorrect("De aantallen staan nog niet bij de staven: gebruik `ax_getallen.bar_label(staven)`.")
        if not ax.get_title().strip() and not ax.get_title("left").strip():
            raise Incorrect('Je grafiek heeft nog geen titel: gebruik `ax_getallen.set_title("...")`.')
        if "inwoners" not in ax.get_xlabel().casefold():
            raise Incorrect(
                'Zet bij de x-as dat het om inwoners gaat, bijvoorbeeld `ax_getallen.set_xlabel("Aantal inwoners")`.'
            )


class BevingenPerJaar(FigureQuestion):
    """Maak een kolomdiagram van het aantal aardbevingen per jaar in het Groningenveld (t/m 2024)."""

    var = "ax_bevingen"
    chart = "bar"
    title_required = True
    xlabel_contains = ["jaar"]
    ylabel_contains = ["aantal", "bevingen"]
    data = lambda: _quakes_per_year().to_numpy()
    hints = [
        "Staande kolommen teken je met `ax_bevingen.bar(per_jaar.index, per_jaar.values)`.",
        'Daarna `ax_bevingen.set_title(...)`, `ax_bevingen.set_xlabel("Jaar")` en '
        '`ax_bevingen.set_ylabel("Aantal bevingen")`.',
    ]
    solution = """fig, ax_bevingen = plt.subplots()
ax_bevingen.bar(per_jaar.index, per_jaar.values)
ax_bevingen.set_title("Aardbevingen in het Groningenveld per jaar")
ax_bevingen.set_xlabel("Jaar")
ax_bevingen.set_ylabel("Aantal bevingen")"""
    setup = SETUP_BEVINGEN
    wrong = """fig, ax_bevingen = plt.subplots()
ax_bevingen.plot(per_jaar.index, per_jaar.values)
ax_bevingen.set_title("Aardbevingen in het Groningenveld per jaar")
ax_bevingen.set_xlabel("Jaar")
ax_bevingen.set_ylabel("Aantal bevingen")"""


class AsBijNul(ChoiceQuestion):
    """Waarom moet de as van een staafdiagram bij nul beginnen?"""

    var = "antwoord_nul"
    options = [
        "omdat matplotlib anders een foutmelding geeft",
        "omdat de lezer de getallen afleest aan de lengte van de staven: begint de as hoger, dan lijken "
        "verschillen groter dan ze zijn",
        "omdat het er netter uitziet",
        "omdat de titel anders niet past",
    ]
    correct = 1
    explanations = [
        "Matplotlib laat je de as gerust ergens anders laten beginnen, zonder foutmelding. Het gaat om de lezer.",
        "Juist: de lengte van een staaf is het getal, dus de staaf moet bij nul beginnen.",
        "Het gaat niet om hoe het eruitziet, maar om wat de lezer eruit afleest.",
        "De titel staat los van de assen. Denk aan hoe een lezer een staaf afleest.",
    ]
    hints = ["Hoe lees je bij een staafdiagram af hoeveel iets is: aan de kleur, de lengte of de titel?"]
    solution = 'antwoord_nul = "b"'
    setup = ""
    wrong = 'antwoord_nul = "c"'


q1, q2, q3, q4, q5 = lesson_questions(
    "visualiseren",
    "02-staafdiagrammen",
    StavenInwoners,
    GesorteerdeStaven,
    GetallenBijStaven,
    BevingenPerJaar,
    AsBijNul,
)
__all__ = ["q1", "q2", "q3", "q4", "q5", "____"]
