"""Self-checks for "Visualiseren met matplotlib", lesson 2: staaf- en kolomdiagrammen (municipalities, quakes).

Each question's `setup` is what the lesson ran before the exercise; `alternatives` are other correct answers
and `wrong` mistakes beginners make (each with what its message must say), proved in CI.
"""

from __future__ import annotations

import datavaardig as dv
from datavaardig.grading.selfcheck import (
    ChoiceQuestion,
    CustomQuestion,
    FigureQuestion,
    Incorrect,
    ____,
    lesson_questions,
)
from datavaardig.grading.selfcheck.compare.figures import drawn_series, has_title, learner_axes

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


def _inhabitants(ascending: bool | None = None):
    """Inhabitants per municipality, labelled by name; sorted top to bottom as a reader reads lying bars."""
    table = _groningen() if ascending is None else _groningen().sort_values("inwoners", ascending=ascending)
    return table.set_index("gemeente")["inwoners"]


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
    data = lambda: _inhabitants()  # by name: in any order, sorted already is fine too
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
    alternatives = [
        """fig, ax_staven = plt.subplots()
ax_staven.barh(op_volgorde["gemeente"], op_volgorde["inwoners"])
ax_staven.set_title("Inwoners per gemeente, 2024")
ax_staven.set_xlabel("Inwoners")""",
        """fig, ax_staven = plt.subplots()
groningen.plot.barh(x="gemeente", y="inwoners", ax=ax_staven, legend=False)
fig.suptitle("Inwoners per gemeente, provincie Groningen, 2024")
ax_staven.set_xlabel("Aantal inwoners (CBS)")""",
        """fig, ax_staven = plt.subplots()
staven = ax_staven.barh(groningen["gemeente"], groningen["inwoners"], color="C2")
ax_staven.invert_yaxis()
ax_staven.set_title("Inwoners per gemeente")
ax_staven.set_xlabel("Aantal inwoners")""",
    ]
    wrong = [
        (
            """fig, ax_staven = plt.subplots()
ax_staven.bar(groningen["gemeente"], groningen["inwoners"])
ax_staven.set_title("Inwoners per gemeente, provincie Groningen, 2024")
ax_staven.set_xlabel("Aantal inwoners")""",
            "liggend staafdiagram",
        ),
        (
            """fig, ax_staven = plt.subplots()
ax_staven.barh(groningen["gemeente"], op_volgorde["inwoners"])
ax_staven.set_title("Inwoners per gemeente, provincie Groningen, 2024")
ax_staven.set_xlabel("Aantal inwoners")""",
            "De staaf bij",
        ),
        (
            """fig, ax_staven = plt.subplots()
ax_staven.barh(groningen["gemeente"], groningen["inwoners"])
ax_staven.set_title("Inwoners per gemeente, provincie Groningen, 2024")""",
            "x-as heeft nog geen label",
        ),
        (
            """fig, ax_staven = plt.subplots()
ax_staven.barh(gemeenten["gemeente"], gemeenten["inwoners"])
ax_staven.set_title("Inwoners per gemeente")
ax_staven.set_xlabel("Aantal inwoners")""",
            "waarden, verwacht",
        ),
    ]


class GesorteerdeStaven(FigureQuestion):
    """Maak het liggende staafdiagram van de inwoners per gemeente gesorteerd, met de grootste bovenaan."""

    var = "ax_gesorteerd"
    chart = "barh"
    title_required = True
    xlabel_contains = ["inwoners"]
    data = lambda: _inhabitants(ascending=False)  # read top to bottom: the largest first
    ordered = True  # the question asks for the largest on top
    hints = [
        "Gebruik de tabel `op_volgorde` in plaats van `groningen`.",
        '`ax_gesorteerd.barh(op_volgorde["gemeente"], op_volgorde["inwoners"])`, daarna titel en x-as.',
    ]
    solution = """fig, ax_gesorteerd = plt.subplots()
ax_gesorteerd.barh(op_volgorde["gemeente"], op_volgorde["inwoners"])
ax_gesorteerd.set_title("Inwoners per gemeente, provincie Groningen, 2024")
ax_gesorteerd.set_xlabel("Aantal inwoners")"""
    setup = SETUP_GEMEENTEN
    alternatives = [
        """grootste_eerst = groningen.sort_values("inwoners", ascending=False)
fig, ax_gesorteerd = plt.subplots()
ax_gesorteerd.barh(grootste_eerst["gemeente"], grootste_eerst["inwoners"])
ax_gesorteerd.invert_yaxis()
ax_gesorteerd.set_title("Inwoners per gemeente, provincie Groningen, 2024")
ax_gesorteerd.set_xlabel("Aantal inwoners")""",
        """fig, ax_gesorteerd = plt.subplots()
op_volgorde.plot.barh(x="gemeente", y="inwoners", ax=ax_gesorteerd, legend=False)
ax_gesorteerd.set_title("Inwoners per gemeente")
ax_gesorteerd.set_xlabel("Inwoners")""",
        """fig, ax_gesorteerd = plt.subplots()
ax_gesorteerd.barh(op_volgorde["gemeente"], op_volgorde["inwoners"])
fig.suptitle("Inwoners per gemeente, provincie Groningen, 2024")
ax_gesorteerd.set_xlabel("Aantal inwoners")""",
    ]
    wrong = [
        (
            """fig, ax_gesorteerd = plt.subplots()
ax_gesorteerd.barh(groningen["gemeente"], groningen["inwoners"])
ax_gesorteerd.set_title("Inwoners per gemeente, provincie Groningen, 2024")
ax_gesorteerd.set_xlabel("Aantal inwoners")""",
            "volgorde",
        ),
        (
            """grootste_eerst = groningen.sort_values("inwoners", ascending=False)
fig, ax_gesorteerd = plt.subplots()
ax_gesorteerd.barh(grootste_eerst["gemeente"], grootste_eerst["inwoners"])
ax_gesorteerd.set_title("Inwoners per gemeente, provincie Groningen, 2024")
ax_gesorteerd.set_xlabel("Aantal inwoners")""",
            "onderaan",
        ),
        (
            """fig, ax_gesorteerd = plt.subplots()
ax_gesorteerd.bar(op_volgorde["gemeente"], op_volgorde["inwoners"])
ax_gesorteerd.set_title("Inwoners per gemeente, provincie Groningen, 2024")
ax_gesorteerd.set_xlabel("Aantal inwoners")""",
            "liggend staafdiagram",
        ),
        (
            """fig, ax_gesorteerd = plt.subplots()
ax_gesorteerd.barh(op_volgorde["gemeente"], op_volgorde["inwoners"] / 1000)
ax_gesorteerd.set_title("Inwoners per gemeente, provincie Groningen, 2024")
ax_gesorteerd.set_xlabel("Aantal inwoners")""",
            "De staaf bij",
        ),
    ]


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
    alternatives = [
        """grootste_eerst = groningen.sort_values("inwoners", ascending=False)
fig, ax_getallen = plt.subplots()
staven = ax_getallen.barh(grootste_eerst["gemeente"], grootste_eerst["inwoners"])
ax_getallen.invert_yaxis()
ax_getallen.bar_label(staven)
ax_getallen.set_title("Inwoners per gemeente, 2024")
ax_getallen.set_xlabel("Inwoners")""",
        """fig, ax_getallen = plt.subplots()
op_volgorde.plot.barh(x="gemeente", y="inwoners", ax=ax_getallen, legend=False)
ax_getallen.bar_label(ax_getallen.containers[0], fmt="{:,.0f}")
fig.suptitle("Inwoners per gemeente, provincie Groningen, 2024")
ax_getallen.set_xlabel("Aantal inwoners")""",
    ]
    wrong = [
        (
            """fig, ax_getallen = plt.subplots()
staven = ax_getallen.barh(op_volgorde["gemeente"], op_volgorde["inwoners"])
ax_getallen.set_title("Inwoners per gemeente, provincie Groningen, 2024")
ax_getallen.set_xlabel("Aantal inwoners")""",
            "bar_label",
        ),
        (
            """fig, ax_getallen = plt.subplots()
staven = ax_getallen.barh(groningen["gemeente"], groningen["inwoners"])
ax_getallen.bar_label(staven)""",
            "op_volgorde",
        ),
        (
            """fig, ax_getallen = plt.subplots()
staven = ax_getallen.bar(op_volgorde["gemeente"], op_volgorde["inwoners"])
ax_getallen.bar_label(staven)
ax_getallen.set_title("Inwoners per gemeente")
ax_getallen.set_xlabel("Aantal inwoners")""",
            "liggende staven",
        ),
    ]

    def test(self, ax_getallen):
        from datavaardig.grading.selfcheck.compare.figures import data_problems, wanted_from

        ax = learner_axes(ax_getallen, "ax_getallen")
        bars = [d for d in drawn_series(ax) if d.kind == "barh"]
        if not bars:
            raise Incorrect("Ik zie nog geen liggende staven: teken ze met `ax_getallen.barh(...)`.")
        # Read top to bottom, as a reader does: sorted ascending with barh, or descending and invert_yaxis().
        if data_problems(bars, wanted_from(_inhabitants(ascending=False)), ordered=True, rtol=1e-9):
            raise Incorrect(
                "De staven tonen niet de inwoners per gemeente met de grootste bovenaan: gebruik de tabel "
                "`op_volgorde`."
            )
        if len(ax.texts) < len(bars[0].values):
            raise Incorrect("De aantallen staan nog niet bij de staven: gebruik `ax_getallen.bar_label(staven)`.")
        if not has_title(ax):
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
    data = lambda: _quakes_per_year()  # by year
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
    alternatives = [
        """fig, ax_bevingen = plt.subplots()
per_jaar.plot.bar(ax=ax_bevingen)
ax_bevingen.set_title("Aardbevingen in het Groningenveld per jaar")
ax_bevingen.set_xlabel("Jaar")
ax_bevingen.set_ylabel("Aantal")""",
        """fig, ax_bevingen = plt.subplots()
ax_bevingen.bar(per_jaar.index, per_jaar, color="C1")
fig.suptitle("Bevingen in het Groningenveld, 1991-2024")
ax_bevingen.set_xlabel("Jaar")
ax_bevingen.set_ylabel("Aantal bevingen")""",
        """tabel = per_jaar.reset_index()
fig, ax_bevingen = plt.subplots()
ax_bevingen.bar(tabel["tijdstip"], tabel["count"])
ax_bevingen.set_title("Aardbevingen per jaar")
ax_bevingen.set_xlabel("Jaar")
ax_bevingen.set_ylabel("Aantal bevingen")""",
    ]
    wrong = [
        (
            """fig, ax_bevingen = plt.subplots()
ax_bevingen.plot(per_jaar.index, per_jaar.values)
ax_bevingen.set_title("Aardbevingen in het Groningenveld per jaar")
ax_bevingen.set_xlabel("Jaar")
ax_bevingen.set_ylabel("Aantal bevingen")""",
            "staafdiagram",
        ),
        (
            """alle = bevingen["tijdstip"].dt.year.value_counts().sort_index()
fig, ax_bevingen = plt.subplots()
ax_bevingen.bar(alle.index, alle.values)
ax_bevingen.set_title("Aardbevingen per jaar")
ax_bevingen.set_xlabel("Jaar")
ax_bevingen.set_ylabel("Aantal bevingen")""",
            "waarden, verwacht",
        ),
        (
            """met_2025 = in_veld["tijdstip"].dt.year.value_counts().sort_index()
fig, ax_bevingen = plt.subplots()
ax_bevingen.bar(met_2025.index, met_2025.values)
ax_bevingen.set_title("Aardbevingen in het Groningenveld per jaar")
ax_bevingen.set_xlabel("Jaar")
ax_bevingen.set_ylabel("Aantal bevingen")""",
            "waarden, verwacht",
        ),
        (
            """fig, ax_bevingen = plt.subplots()
ax_bevingen.bar(per_jaar.index, per_jaar.values)
ax_bevingen.set_title("Aardbevingen in het Groningenveld per jaar")
ax_bevingen.set_ylabel("Aantal bevingen")""",
            "x-as heeft nog geen label",
        ),
    ]


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
    alternatives = ['antwoord_nul = "B"', "antwoord_nul = 1", 'antwoord_nul = "b)"']
    wrong = [('antwoord_nul = "c"', "lezer"), ('antwoord_nul = "a"', "foutmelding")]


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
