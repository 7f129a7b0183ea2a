"""Self-checks for "Werken met tabellen in pandas", lesson 4: groeperen en samenvatten
(KNMI earthquakes, CBS Gebieden in Nederland 2024, KNMI daily weather).

Each question's `setup` is what the lesson ran before the exercise; `alternatives` are other correct answers
and `wrong` mistakes learners make (each with what its message must say), proved in CI.
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
    expected = lambda: _per_year()  # the years (labels) are part of the answer, compared as such
    hints = [
        'Groepeer op het jaar: `df.groupby(df["tijdstip"].dt.year)`.',
        "Het aantal rijen per groep tel je met `.size()`.",
    ]
    solution = 'bevingen_per_jaar = df.groupby(df["tijdstip"].dt.year).size()'
    setup = SETUP
    alternatives = [
        'bevingen_per_jaar = df["tijdstip"].dt.year.value_counts()',
        'bevingen_per_jaar = df.groupby(df["tijdstip"].dt.year)["magnitude"].count()',
        'bevingen_per_jaar = df.assign(jaar=df["tijdstip"].dt.year).groupby("jaar").size()',
    ]
    wrong = [
        ('bevingen_per_jaar = df.groupby(df["tijdstip"].dt.year)["magnitude"].mean()', "verschillen"),
        ('bevingen_per_jaar = df.groupby(df["tijdstip"].dt.year).size().reset_index(drop=True)', "labels"),
        ('bevingen_per_jaar = df.groupby(df["tijdstip"].dt.month).size()', "ontbreken"),
        ('bevingen_per_jaar = df.groupby(df["tijdstip"].dt.year).size().values', ".values"),
    ]


class GrafiekPerMaand(FigureQuestion):
    """Maak van de lijngrafiek van `per_maand` een staafgrafiek, met een titel en een label bij de y-as dat
    zegt wat er geteld is."""

    var = "grafiek"
    chart = ("bar", "barh")  # "staafgrafiek": standing or lying bars, as the lesson shows both
    title_required = True
    ylabel_contains = ["aantal", "bevingen"]  # with lying bars, on the x axis where the counts are
    data = lambda: _per_month()
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
    alternatives = [
        "fig, ax = plt.subplots(figsize=(7, 3))\n"
        "per_maand.plot.barh(ax=ax)\n"
        'ax.set_title("Bevingen per maand van het jaar (KNMI)")\n'
        'ax.set_xlabel("Aantal bevingen")\n'
        "grafiek = ax",
        "fig, ax = plt.subplots(figsize=(7, 3))\n"
        "ax.bar(per_maand.index, per_maand.values)\n"
        'fig.suptitle("Bevingen per maand")\n'
        'ax.set_ylabel("Aantal")\n'
        "grafiek = fig",
        "fig, ax = plt.subplots(figsize=(7, 3))\n"
        'per_maand.sort_values().plot.bar(ax=ax, title="Bevingen per maand", ylabel="Aantal bevingen")\n'
        "grafiek = ax",
    ]
    wrong = [
        (
            'per_maand.plot(ax=ax)\nax.set_title("Bevingen per maand")\nax.set_ylabel("Aantal bevingen")\ngrafiek = ax',
            "staafdiagram",
        ),
        ('per_maand.plot.bar(ax=ax)\nax.set_title("Bevingen per maand")\ngrafiek = ax', "label"),
        (
            'df.groupby(df["tijdstip"].dt.year).size().plot.bar(ax=ax)\n'
            'ax.set_title("Bevingen")\nax.set_ylabel("Aantal bevingen")\ngrafiek = ax',
            "waarden",
        ),
        (
            'per_maand.plot.bar(ax=ax)\nax.set_title("Bevingen per maand")\nax.set_ylabel("Maand")\ngrafiek = ax',
            "noemt nog niet",
        ),
        (
            'per_maand.plot.barh(ax=ax)\nax.set_title("Bevingen per maand")\nax.set_ylabel("Aantal bevingen")\n'
            "grafiek = ax",
            "x-as",
        ),
    ]


class InwonersPerProvincie(EqualityQuestion):
    """Maak een Series `inwoners_per_provincie` met het totale aantal inwoners van elke provincie."""

    var = "inwoners_per_provincie"
    expected = lambda: dv.load("gemeenten_2024").groupby("provincie")["inwoners"].sum()
    tolerance = 0
    hints = [
        "Groepeer `gemeenten` op de kolom `provincie` en kies daarna de kolom `inwoners`.",
        "Het totaal van een groep is de som: `.sum()`.",
    ]
    solution = 'inwoners_per_provincie = gemeenten.groupby("provincie")["inwoners"].sum()'
    setup = SETUP_GEMEENTEN
    alternatives = [
        'inwoners_per_provincie = gemeenten.groupby("provincie")["inwoners"].agg("sum")',
        'inwoners_per_provincie = gemeenten.groupby("provincie")["inwoners"].sum().sort_values(ascending=False)',
        'inwoners_per_provincie = gemeenten.pivot_table(index="provincie", values="inwoners", aggfunc="sum")["inwoners"]',
    ]
    wrong = [
        ('inwoners_per_provincie = gemeenten.groupby("provincie")["inwoners"].mean()', "verschillen"),
        ('inwoners_per_provincie = gemeenten["inwoners"].sum()', "Series"),
        ('inwoners_per_provincie = gemeenten.groupby("provincie")["gemeente"].count()', "verschillen"),
        ('inwoners_per_provincie = gemeenten.groupby("provincie")[["inwoners"]].sum()', 'df["'),
    ]


class PerGebied(EqualityQuestion):
    """Maak een tabel `per_gebied` met per waarde van `in_groningenveld` het aantal bevingen (`count`), de
    gemiddelde magnitude (`mean`) en de hoogste magnitude (`max`), in die volgorde."""

    var = "per_gebied"
    expected = lambda: _quakes().groupby("in_groningenveld")["magnitude"].agg(["count", "mean", "max"])
    tolerance = 1e-9
    check_column_order = True  # the question asks for this order
    hints = [
        "Groepeer op `in_groningenveld` en kies de kolom `magnitude`.",
        "Met `.agg([...])` bereken je meer samenvattingen tegelijk; geef de namen als tekst in een lijst.",
    ]
    solution = 'per_gebied = df.groupby("in_groningenveld")["magnitude"].agg(["count", "mean", "max"])'
    setup = SETUP
    alternatives = [
        'per_gebied = df.groupby("in_groningenveld").agg(\n'
        '    count=("magnitude", "count"), mean=("magnitude", "mean"), max=("magnitude", "max")\n)',
        'per_gebied = df.groupby("in_groningenveld")["magnitude"].describe()[["count", "mean", "max"]]',
        'per_gebied = df.groupby("in_groningenveld")["magnitude"].agg(["count", "mean", "max"]).sort_index(ascending=False)',
    ]
    wrong = [
        ('per_gebied = df.groupby("in_groningenveld")["magnitude"].agg(["count", "mean"])', "ontbreken"),
        ('per_gebied = df.groupby("in_groningenveld")["magnitude"].agg(["mean", "count", "max"])', "volgorde"),
        ('per_gebied = df.groupby("in_groningenveld")["magnitude"].agg(["size", "mean", "max"])', "ontbreken"),
        ('per_gebied = df.groupby("in_groningenveld")["magnitude"].agg(["count", "median", "max"])', "ontbreken"),
    ]


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
    alternatives = [
        'groningen = gemeenten[gemeenten["provincie"] == "Groningen"]\n'
        'per_stedelijkheid = groningen.groupby("stedelijkheid_omschrijving").agg(\n'
        '    gemeenten=("gemeente", "size"), inwoners=("inwoners", "sum")\n)',
        'groningen = gemeenten[gemeenten["provincie"] == "Groningen"]\n'
        'per_stedelijkheid = groningen.groupby("stedelijkheid_omschrijving", as_index=False).agg(\n'
        '    inwoners=("inwoners", "sum"), gemeenten=("gemeente", "count")\n)',
        'per_stedelijkheid = (\n    gemeenten[gemeenten["provincie"] == "Groningen"]\n'
        '    .groupby("stedelijkheid_omschrijving")\n'
        '    .agg(gemeenten=("gemeente", "count"), inwoners=("inwoners", "sum"))\n    .reset_index()\n)',
    ]
    wrong = [
        (
            'per_stedelijkheid = gemeenten.groupby("stedelijkheid_omschrijving").agg(\n'
            '    gemeenten=("gemeente", "count"), inwoners=("inwoners", "sum")\n)',
            "verschillen",
        ),
        (
            'groningen = gemeenten[gemeenten["provincie"] == "Groningen"]\n'
            'per_stedelijkheid = groningen.groupby("stedelijkheid_omschrijving").agg(\n'
            '    aantal=("gemeente", "count"), inwoners=("inwoners", "sum")\n)',
            "ontbreken",
        ),
        (
            'groningen = gemeenten[gemeenten["provincie"] == "Groningen"]\n'
            'per_stedelijkheid = groningen.groupby("stedelijkheid").agg(\n'
            '    gemeenten=("gemeente", "count"), inwoners=("inwoners", "sum")\n)',
            "ontbreken",
        ),
        (
            'groningen = gemeenten[gemeenten["provincie"] == "Groningen"]\n'
            'per_stedelijkheid = groningen.groupby("stedelijkheid_omschrijving").agg(\n'
            '    gemeenten=("gemeente", "count"), inwoners=("inwoners", "mean")\n)',
            "verschillen",
        ),
    ]


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
    alternatives = [
        'per_jaar = beerta.groupby(beerta["datum"].dt.year)["temp_gem"].mean()\n'
        "warmste_jaar = per_jaar.sort_values().index[-1]",
        'warmste_jaar = int(beerta.groupby(beerta["datum"].dt.year)["temp_gem"].mean().idxmax())',
        'warmste_jaar = beerta.assign(jaar=beerta["datum"].dt.year).groupby("jaar")["temp_gem"].mean().nlargest(1).index[0]',
    ]
    wrong = [
        ('warmste_jaar = beerta.groupby(beerta["datum"].dt.year)["temp_max"].max().idxmax()', "niet het gevraagde"),
        ('warmste_jaar = beerta.groupby(beerta["datum"].dt.year)["temp_gem"].mean().max()', "geen geheel getal"),
        ('warmste_jaar = beerta.loc[beerta["temp_gem"].idxmax(), "datum"]', "Timestamp"),
        ('warmste_jaar = beerta.groupby(beerta["datum"].dt.year)["temp_gem"].mean().idxmin()', "niet het gevraagde"),
    ]


class OnvolledigJaar(ReflectionQuestion):
    """In de tabel met neerslag per jaar lijkt het laatste jaar erg droog. Hoe komt dat, en waar let je dus op
    als je jaren met elkaar vergelijkt? Schrijf één of twee zinnen."""

    var = "laatste_jaar_droog"
    min_words = 8
    concepts = {
        "waarom (het laatste jaar is nog niet voorbij)": (
            r"niet (helemaal |volledig |compleet )?(voorbij|afgelopen|af\b|compleet|volledig|klaar)|onvolledig"
            r"|nog bezig|halverwege|ontbre|loopt (maar |nog )?tot|niet alle (dagen|maanden)|minder dagen"
            r"|deel van het jaar|half jaar|paar maanden"
        ),
        "waar je op let (vergelijk alleen volledige jaren, of per dag)": (
            r"(?<!niet )(volledige|hele|complete) jaren|per dag|gemiddel|evenveel dagen|zelfde (aantal|periode)"
            r"|weg ?laten|laat .{0,40}weg|niet mee(tellen|nemen)"
        ),
    }
    contradictions = {
        r"(was|is) (een )?(heel |erg |extra )?droog(e)? jaar|regende (het )?(minder|weinig)": "Het laatste jaar "
        "was niet droger: er zijn nog niet alle dagen gemeten. Kijk naar de laatste datum in de tabel."
    }
    hints = [
        "Tel met `.size()` hoeveel dagen er per jaar in de tabel staan.",
        'Kijk naar de laatste datum: `beerta["datum"].max()`.',
    ]
    solution = (
        'laatste_jaar_droog = "Het laatste jaar is nog niet voorbij: de gegevens lopen maar tot halverwege '
        'het jaar. Vergelijk alleen volledige jaren, of vergelijk gemiddelden per dag."'
    )
    setup = SETUP_WEER
    alternatives = [
        'laatste_jaar_droog = "De metingen van dat jaar lopen nog niet tot december, er ontbreken maanden. '
        'Vergelijk dus alleen hele jaren."',
        "laatste_jaar_droog = 'Het jaar is nog bezig, dus de som is kleiner. Laat het laatste jaar weg bij het vergelijken.'",
    ]
    wrong = [
        ('laatste_jaar_droog = "Het regende minder."', "minstens 8 woorden"),
        (
            'laatste_jaar_droog = "Het laatste jaar was een heel droog jaar met weinig neerslag in Oldambt."',
            "niet droger",
        ),
        (
            'laatste_jaar_droog = "Het laatste jaar is nog niet voorbij, daarom is de som van de neerslag kleiner."',
            "waar je op let",
        ),
    ]


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
