"""Self-checks for "Werken met tabellen in pandas", lesson 4: groeperen en samenvatten
(KNMI earthquakes, CBS Gebieden in Nederland 2024, KNMI daily weather).

Each question's `setup` is what the lesson ran before the exercise; `wrong` is a mistake learners make.
"""

from __future__ import annotations

import datavaardig as dv
from datavaardig.grading.selfcheck import EqualityQuestion, FigureQuestion, ReflectionQuestion, ____, lesson_questions

SETUP = 'import datavaardig as dv\ndf = dv.load("aardbevingen")'
SETUP_FIGURE = (
    "import matplotlib.pyplot as plt\n"
    + SETUP
    + '\nper_maand = df.groupby(df["tijdstip"].dt.month).size()\nfig, ax = plt.subplots(figsize=(7, 3))'
)
SETUP_GEMEENTEN = 'import datavaardig as dv\ngemeenten = dv.load("gemeenten_2024")'
SETUP_WEER = 'import datavaardig as dv\nweer = dv.load("weer")\nbeerta = weer[weer["station"] == "Nieuw Beerta"]'


def _quakes():
    return dv.load("aardbevingen")


def _per_year():
    quakes = _quakes()
    return quakes.groupby(quakes["tijdstip"].dt.year).size()


def _per_month():
    quakes = _quakes()
    return quakes.groupby(quakes["tijdstip"].dt.month).size()


def _nieuw_beerta():
    weather = dv.load("weer")
    return weather[weather["station"] == "Nieuw Beerta"]


class BevingenPerJaar(EqualityQuestion):
    """Maak een Series `bevingen_per_jaar` met het aantal bevingen in elk jaar (het jaar als index)."""

    var = "bevingen_per_jaar"
    expected = lambda: _per_year()
    check_index = True  # the years are the answer as much as the counts
    hints = [
        'Groepeer op het jaar: `df.groupby(df["tijdstip"].dt.year)`.',
        "Het aantal rijen per groep tel je met `.size()`.",
    ]
    solution = 'bevingen_per_jaar = df.groupby(df["tijdstip"].dt.year).size()'
    setup = SETUP
    wrong = 'bevingen_per_jaar = df.groupby(df["tijdstip"].dt.year)["magnitude"].mean()'


class GrafiekPerMaand(FigureQuestion):
    """Maak van de lijngrafiek van `per_maand` een staafgrafiek, met een titel en een label bij de y-as dat
    zegt wat er geteld is."""

    var = "grafiek"
    chart = "bar"
    title_required = True
    ylabel_contains = ["aantal", "bevingen"]
    data = lambda: _per_month().to_numpy()
    hints = [
        "Een staafgrafiek teken je met `per_maand.plot.bar(ax=ax)` in plaats van `per_maand.plot(ax=ax)`.",
        'Een titel zet je met `ax.set_title("...")`, het label bij de y-as met `ax.set_ylabel("...")`.',
    ]
    solution = (
        "fig, ax = plt.subplots(figsize=(7, 3))\n"
        "per_maand.plot.bar(ax=ax)\n"
        'ax.set_title("Bevingen per maand van het jaar, 1986–2025 (KNMI)")\n'
        'ax.set_xlabel("Maand")\n'
        'ax.set_ylabel("Aantal bevingen")\n'
        "grafiek = ax"
    )
    setup = SETUP_FIGURE
    wrong = 'per_maand.plot(ax=ax)\nax.set_title("Bevingen per maand")\nax.set_ylabel("Aantal bevingen")\ngrafiek = ax'


class InwonersPerProvincie(EqualityQuestion):
    """Maak een Series `inwoners_per_provincie` met het totale aantal inwoners van elke provincie."""

    var = "inwoners_per_provincie"
    expected = lambda: dv.load("gemeenten_2024").groupby("provincie")["inwoners"].sum()
    check_index = True
    tolerance = 0
    hints = [
        "Groepeer `gemeenten` op de kolom `provincie` en kies daarna de kolom `inwoners`.",
        "Het totaal van een groep is de som: `.sum()`.",
    ]
    solution = 'inwoners_per_provincie = gemeenten.groupby("provincie")["inwoners"].sum()'
    setup = SETUP_GEMEENTEN
    wrong = 'inwoners_per_provincie = gemeenten.groupby("provincie")["inwoners"].mean()'


class PerGebied(EqualityQuestion):
    """Maak een tabel `per_gebied` met per waarde van `in_groningenveld` het aantal bevingen (`count`), de
    gemiddelde magnitude (`mean`) en de hoogste magnitude (`max`), in die volgorde."""

    var = "per_gebied"
    expected = lambda: _quakes().groupby("in_groningenveld")["magnitude"].agg(["count", "mean", "max"])
    check_index = True
    tolerance = 1e-9
    check_column_order = True  # the question asks for this order
    hints = [
        "Groepeer op `in_groningenveld` en kies de kolom `magnitude`.",
        "Met `.agg([...])` bereken je meer samenvattingen tegelijk; geef de namen als tekst in een lijst.",
    ]
    solution = 'per_gebied = df.groupby("in_groningenveld")["magnitude"].agg(["count", "mean", "max"])'
    setup = SETUP
    wrong = 'per_gebied = df.groupby("in_groningenveld")["magnitude"].agg(["count", "mean"])'


class PerStedelijkheid(EqualityQuestion):
    """Maak voor de gemeenten in de provincie Groningen een tabel `per_stedelijkheid`: per
    `stedelijkheid_omschrijving` het aantal gemeenten (kolom `gemeenten`) en het totaal aantal inwoners
    (kolom `inwoners`)."""

    var = "per_stedelijkheid"
    expected = lambda: (
        dv.load("gemeenten_2024")
        .query("provincie == 'Groningen'")
        .groupby("stedelijkheid_omschrijving")
        .agg(gemeenten=("gemeente", "count"), inwoners=("inwoners", "sum"))
    )
    check_index = True
    tolerance = 0
    hints = [
        "Filter eerst de gemeenten van de provincie Groningen, zoals in les 2.",
        'Groepeer op `stedelijkheid_omschrijving` en gebruik `.agg(gemeenten=("gemeente", "count"), '
        'inwoners=("inwoners", "sum"))`.',
    ]
    solution = (
        'groningen = gemeenten[gemeenten["provincie"] == "Groningen"]\n'
        'per_stedelijkheid = groningen.groupby("stedelijkheid_omschrijving").agg(\n'
        '    gemeenten=("gemeente", "count"), inwoners=("inwoners", "sum")\n'
        ")"
    )
    setup = SETUP_GEMEENTEN
    wrong = (
        'per_stedelijkheid = gemeenten.groupby("stedelijkheid_omschrijving").agg(\n'
        '    gemeenten=("gemeente", "count"), inwoners=("inwoners", "sum")\n'
        ")"
    )


class WarmsteJaar(EqualityQuestion):
    """In welk jaar was de gemiddelde dagtemperatuur (`temp_gem`) in Nieuw Beerta het hoogst?"""

    var = "warmste_jaar"
    expected = lambda: int(_nieuw_beerta().groupby(_nieuw_beerta()["datum"].dt.year)["temp_gem"].mean().idxmax())
    tolerance = 0
    hints = [
        "Groepeer `beerta` op het jaar van `datum` en neem het gemiddelde (`.mean()`) van `temp_gem`.",
        "`.idxmax()` geeft het label (hier: het jaar) van de grootste waarde.",
    ]
    solution = 'per_jaar = beerta.groupby(beerta["datum"].dt.year)["temp_gem"].mean()\nwarmste_jaar = per_jaar.idxmax()'
    setup = SETUP_WEER
    wrong = 'warmste_jaar = beerta.groupby(beerta["datum"].dt.year)["temp_max"].max().idxmax()'


class OnvolledigJaar(ReflectionQuestion):
    """In de tabel met neerslag per jaar lijkt het laatste jaar erg droog. Hoe komt dat, en waar let je dus
    op als je jaren met elkaar vergelijkt? Schrijf één of twee zinnen."""

    var = "laatste_jaar_droog"
    min_words = 8
    hints = [
        "Tel met `.size()` hoeveel dagen er per jaar in de tabel staan.",
        'Kijk naar de laatste datum: `beerta["datum"].max()`.',
    ]
    solution = (
        'laatste_jaar_droog = "Het laatste jaar is nog niet voorbij: de gegevens lopen maar tot halverwege '
        'het jaar. Vergelijk alleen volledige jaren, of vergelijk gemiddelden per dag."'
    )
    setup = SETUP_WEER
    wrong = 'laatste_jaar_droog = "Het regende minder."'


q1, q2, q3, q4, q5, q6, q7 = lesson_questions(
    "tabellen",
    "04-groeperen-en-samenvatten",
    BevingenPerJaar,
    GrafiekPerMaand,
    InwonersPerProvincie,
    PerGebied,
    PerStedelijkheid,
    WarmsteJaar,
    OnvolledigJaar,
)
__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "____"]
