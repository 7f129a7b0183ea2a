"""Self-checks for "Visualiseren met matplotlib", lesson 4: eerlijke en toegankelijke grafieken.

Each question's `setup` is what the lesson ran before the exercise; `alternatives` are other correct answers
and `wrong` mistakes beginners make (each with what its message must say), proved in CI.
The lesson switches the house style on; the setups do not (it changes matplotlib's global settings), so
the colour question's solution names its Okabe-Ito colours explicitly.
"""

from __future__ import annotations

import numpy as np

import datavaardig as dv
from datavaardig.grading.selfcheck import (
    ChoiceQuestion,
    CustomQuestion,
    Incorrect,
    ReflectionQuestion,
    ____,
    lesson_questions,
)
from datavaardig.grading.selfcheck.compare.figures import drawn_series, has_title, learner_axes
from datavaardig.widgets.style import PALETTE

TEMPERATURE_UNITS = ["°c", "graden", "celsius"]
GAS_UNITS = ["mrd", "miljard", "m³", "m3"]

SETUP_WEER = """import datavaardig as dv
import matplotlib.pyplot as plt
from datavaardig.widgets.style import OKABE_ITO, source_line
weer = dv.load("weer")

def jaargemiddelde(station):
    dagen = weer[(weer["station"] == station) & weer["datum"].dt.year.between(1992, 2025)]
    return dagen.groupby(dagen["datum"].dt.year)["temp_gem"].mean()

jaartemp_nb = jaargemiddelde("Nieuw Beerta")"""
SETUP_RECENT = """import datavaardig as dv
import matplotlib.pyplot as plt
per_jaar = dv.load("gaswinning_per_jaar")
recent = per_jaar[per_jaar["volledig_jaar"] & (per_jaar["jaar"] >= 2013)]"""


def _yearly_temperature(station: str):
    weer = dv.load("weer")
    days = weer[(weer["station"] == station) & weer["datum"].dt.year.between(1992, 2025)]
    return days.groupby(days["datum"].dt.year)["temp_gem"].mean()


def _require_title_and_unit(ax, name: str, units: list[str], example: str) -> None:
    if not has_title(ax):  # set_title in any position, or fig.suptitle
        raise Incorrect(f'Je grafiek heeft nog geen titel: gebruik `{name}.set_title("...")`.')
    if not any(unit in ax.get_ylabel().casefold() for unit in units):
        raise Incorrect(f'Zet de eenheid bij de y-as, bijvoorbeeld `{name}.set_ylabel("{example}")`.')


def _lines(ax) -> list:
    return [line for line in ax.get_lines() if len(np.atleast_1d(line.get_ydata())) > 1]


class BronBijGrafiek(CustomQuestion):
    """Maak een lijngrafiek van de gemiddelde jaartemperatuur in Nieuw Beerta met titel, eenheid en bronregel."""

    var = "ax_temp"
    hints = [
        "Teken de lijn met `ax_temp.plot(jaartemp_nb.index, jaartemp_nb.values)`.",
        'De bronregel komt er met `source_line(ax_temp, weer.attrs["bron"])`; vergeet titel en y-as niet.',
    ]
    solution = """fig, ax_temp = plt.subplots()
ax_temp.plot(jaartemp_nb.index, jaartemp_nb.values)
ax_temp.set_title("Gemiddelde jaartemperatuur, Nieuw Beerta")
ax_temp.set_xlabel("Jaar")
ax_temp.set_ylabel("Temperatuur (°C)")
source_line(ax_temp, weer.attrs["bron"])"""
    setup = SETUP_WEER
    alternatives = [
        """fig, ax_temp = plt.subplots()
jaartemp_nb.plot(ax=ax_temp, marker="o")
fig.suptitle("Gemiddelde jaartemperatuur, Nieuw Beerta, 1992-2025")
ax_temp.set_ylabel("Graden Celsius")
source_line(fig, "Bron: KNMI")""",
        """fig, ax_temp = plt.subplots()
ax_temp.plot(jaartemp_nb.index, jaartemp_nb.values)
ax_temp.set_title("Jaartemperatuur Nieuw Beerta")
ax_temp.set_ylabel("Temperatuur (°C)")
fig.text(0.01, 0.01, "Bron: KNMI, daggegevens Nieuw Beerta")""",
    ]
    wrong = [
        (
            """fig, ax_temp = plt.subplots()
ax_temp.plot(jaartemp_nb.index, jaartemp_nb.values)
ax_temp.set_title("Gemiddelde jaartemperatuur, Nieuw Beerta")
ax_temp.set_ylabel("Temperatuur (°C)")""",
            "bronregel",
        ),
        (
            """fig, ax_temp = plt.subplots()
ax_temp.plot(jaartemp_nb.index, jaartemp_nb.values)
ax_temp.set_title("Jaartemperatuur")
ax_temp.set_ylabel("Temperatuur (°C)")
source_line(ax_temp, "Bron: NAM")""",
            "KNMI",
        ),
        (
            """jaartemp_lo = jaargemiddelde("Lauwersoog")
fig, ax_temp = plt.subplots()
ax_temp.plot(jaartemp_lo.index, jaartemp_lo.values)
ax_temp.set_title("Jaartemperatuur")
ax_temp.set_ylabel("Temperatuur (°C)")
source_line(ax_temp, weer.attrs["bron"])""",
            "jaartemp_nb",
        ),
        (
            """fig, ax_temp = plt.subplots()
ax_temp.plot(jaartemp_nb.index, jaartemp_nb.values)
ax_temp.set_title("Jaartemperatuur")
ax_temp.set_ylabel("Temperatuur")
source_line(ax_temp, weer.attrs["bron"])""",
            "eenheid",
        ),
    ]

    def test(self, ax_temp):
        ax = learner_axes(ax_temp, "ax_temp")
        wanted = _yearly_temperature("Nieuw Beerta").to_numpy(dtype="float64")
        drawn = [np.asarray(line.get_ydata(), dtype="float64") for line in _lines(ax)]
        if not any(len(y) == len(wanted) and np.allclose(y, wanted) for y in drawn):
            raise Incorrect("Ik vind geen lijn met de jaartemperaturen uit `jaartemp_nb`.")
        _require_title_and_unit(ax, "ax_temp", TEMPERATURE_UNITS, "Temperatuur (°C)")
        texts = [t.get_text() for t in ax.figure.texts + ax.texts]
        if not any("knmi" in t.casefold() for t in texts):
            raise Incorrect(
                "Er staat nog geen bronregel met 'KNMI' bij de grafiek: gebruik "
                '`source_line(ax_temp, weer.attrs["bron"])`.'
            )


class EerlijkeAs(CustomQuestion):
    """Maak van het misleidende staafdiagram van de gaswinning 2013-2018 een eerlijk diagram (y-as vanaf nul)."""

    var = "ax_eerlijk"
    hints = [
        "Wat maakt de grafiek misleidend? Kijk naar de regel met `set_ylim`.",
        "Laat `ax_eerlijk.set_ylim(15, 55)` weg (matplotlib begint staven zelf bij nul), "
        "of schrijf `ax_eerlijk.set_ylim(0, 55)`.",
    ]
    solution = """fig, ax_eerlijk = plt.subplots()
ax_eerlijk.bar(recent["jaar"], recent["gaswinning_mrd_m3"])
ax_eerlijk.set_title("Gaswinning Groningenveld, 2013-2018")
ax_eerlijk.set_ylabel("Gaswinning (mrd m³)")"""
    setup = SETUP_RECENT
    alternatives = [
        """fig, ax_eerlijk = plt.subplots()
ax_eerlijk.bar(recent["jaar"], recent["gaswinning_mrd_m3"])
ax_eerlijk.set_ylim(0, 55)
ax_eerlijk.set_title("Gaswinning Groningenveld, 2013-2018")
ax_eerlijk.set_ylabel("Gaswinning (mrd m³)")""",
        """fig, ax_eerlijk = plt.subplots()
recent.plot.bar(x="jaar", y="gaswinning_mrd_m3", ax=ax_eerlijk, legend=False)
ax_eerlijk.set_ylim(bottom=0)
fig.suptitle("Gaswinning Groningenveld, 2013-2018")
ax_eerlijk.set_ylabel("Miljard m³")""",
    ]
    wrong = [
        (
            """fig, ax_eerlijk = plt.subplots()
ax_eerlijk.bar(recent["jaar"], recent["gaswinning_mrd_m3"])
ax_eerlijk.set_ylim(15, 55)
ax_eerlijk.set_title("Gaswinning Groningenveld, 2013-2018")
ax_eerlijk.set_ylabel("Gaswinning (mrd m³)")""",
            "begint nog niet bij nul",
        ),
        (
            """fig, ax_eerlijk = plt.subplots()
ax_eerlijk.bar(recent["jaar"], recent["gaswinning_mrd_m3"])
ax_eerlijk.set_ylim(-5, 55)
ax_eerlijk.set_title("Gaswinning")
ax_eerlijk.set_ylabel("Gaswinning (mrd m³)")""",
            "onder nul",
        ),
        (
            """fig, ax_eerlijk = plt.subplots()
ax_eerlijk.bar(recent["jaar"], recent["gaswinning_mrd_m3"])
ax_eerlijk.set_title("Gaswinning")""",
            "eenheid",
        ),
        (
            """fig, ax_eerlijk = plt.subplots()
ax_eerlijk.bar(recent["jaar"], recent["aantal_bevingen"])
ax_eerlijk.set_title("Gaswinning Groningenveld, 2013-2018")
ax_eerlijk.set_ylabel("Gaswinning (mrd m³)")""",
            "gaswinning van 2013",
        ),
    ]

    def test(self, ax_eerlijk):
        ax = learner_axes(ax_eerlijk, "ax_eerlijk")
        bars = [d for d in drawn_series(ax) if d.kind in ("bar", "hist")]
        if not bars:
            raise Incorrect(
                'Ik zie nog geen staven: teken ze met `ax_eerlijk.bar(recent["jaar"], recent["gaswinning_mrd_m3"])`.'
            )
        heights = bars[0].values  # left to right, as a reader reads them
        production = dv.load("gaswinning_per_jaar").query("volledig_jaar and jaar >= 2013")["gaswinning_mrd_m3"]
        wanted = production.to_numpy(dtype="float64")
        if len(heights) != len(wanted) or not np.allclose(heights, wanted):
            raise Incorrect("De staven tonen niet de gaswinning van 2013 tot en met 2018 uit de tabel `recent`.")
        bottom = ax.get_ylim()[0]
        if bottom > 0:
            raise Incorrect(
                "De y-as begint nog niet bij nul, dus de verschillen lijken groter dan ze zijn. "
                "Kijk naar de regel met `set_ylim`."
            )
        if bottom < 0:
            raise Incorrect("De y-as begint onder nul. Laat hem precies bij nul beginnen.")
        _require_title_and_unit(ax, "ax_eerlijk", GAS_UNITS, "Gaswinning (mrd m³)")


class MoeilijkeKleuren(ChoiceQuestion):
    """Welke twee kleuren zijn voor de meeste mensen met kleurenblindheid het moeilijkst uit elkaar te houden?"""

    var = "antwoord_kleuren"
    options = ["blauw en oranje", "rood en groen", "zwart en wit", "blauw en geel"]
    correct = 1
    explanations = [
        "Blauw en oranje zijn juist een veilige combinatie: het zijn de eerste twee kleuren van de huisstijl.",
        "Juist: de meest voorkomende vorm van kleurenblindheid maakt rood en groen moeilijk te onderscheiden.",
        "Zwart en wit verschillen in helderheid; dat zien ook mensen met kleurenblindheid goed.",
        "Blauw-geelblindheid bestaat, maar is zeldzaam. Lees de uitleg nog eens.",
    ]
    hints = ["Lees de uitleg *Kleuren voor iedereen* nog eens: welke kleuren worden daar genoemd?"]
    solution = 'antwoord_kleuren = "b"'
    setup = ""
    alternatives = ['antwoord_kleuren = "B"', "antwoord_kleuren = 1", 'antwoord_kleuren = "b)"']
    wrong = [('antwoord_kleuren = "a"', "veilige combinatie"), ('antwoord_kleuren = "d"', "zeldzaam")]


class VeiligeKleuren(CustomQuestion):
    """Teken de jaartemperaturen van Nieuw Beerta en Lauwersoog als twee lijnen in kleuren van de huisstijl,
    met een legenda."""

    var = "ax_kleuren"
    hints = [
        'Roep `ax_kleuren.plot(...)` twee keer aan, elke keer met `label="..."`; daarna `ax_kleuren.legend()`.',
        "Met de huisstijl aan zijn de standaardkleuren al goed. Kies je zelf, gebruik dan "
        'bijvoorbeeld `color=OKABE_ITO["blauw"]` en `color=OKABE_ITO["oranje"]`, niet `"red"` en `"green"`.',
    ]
    solution = """fig, ax_kleuren = plt.subplots()
ax_kleuren.plot(jaartemp_nb.index, jaartemp_nb.values, label="Nieuw Beerta", color=OKABE_ITO["blauw"])
ax_kleuren.plot(jaartemp_lo.index, jaartemp_lo.values, label="Lauwersoog", color=OKABE_ITO["oranje"])
ax_kleuren.set_title("Gemiddelde jaartemperatuur")
ax_kleuren.set_ylabel("Temperatuur (°C)")
ax_kleuren.legend()"""
    setup = SETUP_WEER + '\njaartemp_lo = jaargemiddelde("Lauwersoog")'
    alternatives = [
        """from datavaardig.widgets.style import house_style
with house_style():
    fig, ax_kleuren = plt.subplots()
    ax_kleuren.plot(jaartemp_nb.index, jaartemp_nb.values, label="Nieuw Beerta")
    ax_kleuren.plot(jaartemp_lo.index, jaartemp_lo.values, label="Lauwersoog")
    ax_kleuren.legend()""",
        """fig, ax_kleuren = plt.subplots()
jaartemp_lo.plot(ax=ax_kleuren, label="Lauwersoog", color=OKABE_ITO["vermiljoen"])
jaartemp_nb.plot(ax=ax_kleuren, label="Nieuw Beerta", color=OKABE_ITO["hemelsblauw"], linestyle="--")
fig.suptitle("Gemiddelde jaartemperatuur, 1992-2025")
ax_kleuren.legend()""",
    ]
    wrong = [
        (
            """fig, ax_kleuren = plt.subplots()
ax_kleuren.plot(jaartemp_nb.index, jaartemp_nb.values, label="Nieuw Beerta", color="red")
ax_kleuren.plot(jaartemp_lo.index, jaartemp_lo.values, label="Lauwersoog", color="green")
ax_kleuren.set_title("Gemiddelde jaartemperatuur")
ax_kleuren.set_ylabel("Temperatuur (°C)")
ax_kleuren.legend()""",
            "huisstijl",
        ),
        (
            """fig, ax_kleuren = plt.subplots()
ax_kleuren.plot(jaartemp_nb.index, jaartemp_nb.values, label="Nieuw Beerta", color=OKABE_ITO["blauw"])
ax_kleuren.plot(jaartemp_lo.index, jaartemp_lo.values, label="Lauwersoog", color=OKABE_ITO["blauw"])
ax_kleuren.legend()""",
            "dezelfde kleur",
        ),
        (
            """fig, ax_kleuren = plt.subplots()
ax_kleuren.plot(jaartemp_nb.index, jaartemp_nb.values, color=OKABE_ITO["blauw"])
ax_kleuren.plot(jaartemp_lo.index, jaartemp_lo.values, color=OKABE_ITO["oranje"])""",
            "legenda",
        ),
        (
            """fig, ax_kleuren = plt.subplots()
ax_kleuren.plot(jaartemp_nb.index, jaartemp_nb.values, label="Nieuw Beerta", color=OKABE_ITO["blauw"])
ax_kleuren.plot(jaartemp_nb.index, jaartemp_nb.values + 0.5, label="Lauwersoog", color=OKABE_ITO["oranje"])
ax_kleuren.legend()""",
            "Lauwersoog",
        ),
    ]

    def test(self, ax_kleuren):
        from matplotlib.colors import to_hex

        ax = learner_axes(ax_kleuren, "ax_kleuren")
        lines = _lines(ax)
        if len(lines) < 2:
            raise Incorrect(f"Je grafiek heeft {len(lines)} lijn(en); teken er twee, één per station.")
        drawn = [np.asarray(line.get_ydata(), dtype="float64") for line in lines]
        for station, variable in (("Nieuw Beerta", "jaartemp_nb"), ("Lauwersoog", "jaartemp_lo")):
            wanted = _yearly_temperature(station).to_numpy(dtype="float64")
            if not any(len(y) == len(wanted) and np.allclose(y, wanted) for y in drawn):
                raise Incorrect(f"Ik vind geen lijn met de jaartemperaturen van {station} (`{variable}`).")
        safe = {to_hex(colour) for colour in PALETTE}
        colours = [to_hex(line.get_color()) for line in lines]
        unsafe = [c for c in colours if c not in safe]
        if unsafe:
            raise Incorrect(
                f"De kleur(en) {', '.join(unsafe)} horen niet bij de huisstijl. Laat `color=` weg "
                "(met de huisstijl aan) of kies uit `OKABE_ITO`."
            )
        if len(set(colours)) < len(colours):
            raise Incorrect("Twee lijnen hebben dezelfde kleur: geef elke lijn een eigen kleur.")
        if ax.get_legend() is None:
            raise Incorrect(
                "Er staat nog geen legenda bij: geef elke lijn een `label` en roep `ax_kleuren.legend()` aan."
            )


class AltTekst(ReflectionQuestion):
    """Schrijf een alt-tekst (minstens 15 woorden) voor het eerlijke staafdiagram van de gaswinning 2013-2018:
    het soort grafiek, het onderwerp, de periode met jaartallen, de belangrijkste boodschap en de bron."""

    var = "alt_tekst"
    min_words = 15
    concepts = {
        "het soort grafiek (bijvoorbeeld 'staafdiagram')": r"grafiek|diagram|staaf|staven|kolom",
        "het onderwerp (de gaswinning)": r"gas",
        "de periode met jaartallen (2013 tot en met 2018)": r"(?s)(?=.*\b2013\b)(?=.*\b2018\b)",
        "de boodschap (hoe de winning veranderde)": (
            r"daal|gedaald|afname|afgenomen|nam\s+af|neemt\s+af|minder|lager|omlaag|verlaagd|teruggelopen|zakte"
        ),
        "de bron": r"bron|\bnam\b(?!\s+af)|knmi|beving\s*gevoeld",
    }
    contradictions = {
        r"\b(steeg|stijgt|gestegen|toename|toegenomen|nam\s+toe|neemt\s+toe|groeide|hoger\s+werd)\b": "De "
        "gaswinning steeg niet in 2013-2018: kijk nog eens naar de staven van je eerlijke grafiek.",
    }
    hints = [
        "Begin met het soort grafiek en het onderwerp: 'Staafdiagram van de gaswinning uit het Groningenveld …'.",
        "Noem de periode met jaartallen (2013 tot en met 2018), de boodschap (de winning daalde van ongeveer "
        "54 naar 19 miljard m³) en de bron.",
    ]
    solution = (
        'alt_tekst = ("Staafdiagram van de gaswinning uit het Groningenveld per jaar, van 2013 tot en '
        "met 2018. De winning daalde in die jaren van ongeveer 54 naar 19 miljard kubieke meter. "
        'Bron: KNMI en NAM.")'
    )
    setup = ""
    alternatives = [
        'alt_tekst = "Kolomdiagram: de gaswinning uit het Groningenveld nam af van 54 miljard m3 in 2013 tot 19 '
        'miljard in 2018, elk jaar minder. Bron: NAM."',
        "alt_tekst = 'Staafdiagram met per jaar de gaswinning in Groningen, 2013 tot en met 2018. Elk jaar werd er "
        "minder gas gewonnen: van ruim 50 naar minder dan 20 miljard kubieke meter (cijfers van KNMI en NAM).'",
    ]
    wrong = [
        ('alt_tekst = "Grafiek van de gaswinning."', "minstens 15 woorden"),
        (
            'alt_tekst = "Staafdiagram van de gaswinning in Groningen: de winning daalde in die '
            'jaren flink, van ruim vijftig naar negentien miljard kubieke meter. Bron: NAM."',
            "de periode met jaartallen",
        ),
        (
            'alt_tekst = "Staafdiagram van 2013 tot en met 2018: de hoeveelheid daalde in die '
            'jaren flink, van ruim vijftig naar negentien miljard kubieke meter. Bron: NAM."',
            "het onderwerp",
        ),
        (
            'alt_tekst = "Staafdiagram van de gaswinning uit het Groningenveld van 2013 tot en met 2018. De winning '
            'steeg in die jaren van 19 naar 54 miljard kubieke meter. Bron: NAM."',
            "steeg niet",
        ),
        (
            'alt_tekst = "Staafdiagram van de gaswinning uit het Groningenveld van 2013 tot en met 2018. De winning '
            'daalde in die jaren van 54 naar 19 miljard kubieke meter."',
            "de bron",
        ),
    ]


q1, q2, q3, q4, q5 = lesson_questions(
    "visualiseren",
    "04-eerlijke-grafieken",
    BronBijGrafiek,
    EerlijkeAs,
    MoeilijkeKleuren,
    VeiligeKleuren,
    AltTekst,
)
__all__ = ["q1", "q2", "q3", "q4", "q5", "____"]
