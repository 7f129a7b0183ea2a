"""Self-checks for "Visualiseren met matplotlib", lesson 1: lijngrafieken (gas production, weather).

Each question's `setup` is what the lesson ran before the exercise; `alternatives` are other correct answers
and `wrong` mistakes beginners make (each with what its message must say), proved in CI.
Setups do not switch on the house style: it changes matplotlib's global settings, and the checks do not
depend on it.
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
from datavaardig.grading.selfcheck.compare.figures import has_title, learner_axes

# Units a reader needs on the axis; lower case, the engine compares case-insensitively.
GAS_UNITS = ["mrd", "miljard", "m³", "m3"]
TEMPERATURE_UNITS = ["°c", "graden", "celsius"]

SETUP_GAS = 'import datavaardig as dv\nimport matplotlib.pyplot as plt\ngas = dv.load("gaswinning")'
SETUP_WEER = """import datavaardig as dv
import matplotlib.pyplot as plt
weer = dv.load("weer")
nb_2023 = weer[(weer["station"] == "Nieuw Beerta") & (weer["datum"].dt.year == 2023)]"""
SETUP_JAREN = """import datavaardig as dv
import matplotlib.pyplot as plt
per_jaar = dv.load("gaswinning_per_jaar")
jaren = per_jaar[per_jaar["volledig_jaar"]]"""


def _weather_2023(station: str):
    weer = dv.load("weer")
    return weer[(weer["station"] == station) & (weer["datum"].dt.year == 2023)]


class GasPerMaand(FigureQuestion):
    """Maak een lijngrafiek van de gaswinning per maand, met een titel en de eenheid bij de y-as."""

    var = "ax_gas"
    chart = "line"
    title_required = True
    ylabel_contains = GAS_UNITS
    data = lambda: dv.load("gaswinning")["volume_mrd_m3"]
    hints = [
        'Begin met `fig, ax_gas = plt.subplots()` en teken dan `ax_gas.plot(gas["maand"], gas["volume_mrd_m3"])`.',
        'Titel en asnaam: `ax_gas.set_title("Gaswinning Groningenveld per maand")` en '
        '`ax_gas.set_ylabel("Gaswinning (mrd m³)")`.',
    ]
    solution = """fig, ax_gas = plt.subplots()
ax_gas.plot(gas["maand"], gas["volume_mrd_m3"])
ax_gas.set_title("Gaswinning Groningenveld per maand")
ax_gas.set_xlabel("Maand")
ax_gas.set_ylabel("Gaswinning (mrd m³)")"""
    setup = SETUP_GAS
    alternatives = [
        """fig, ax_gas = plt.subplots()
gas.plot(x="maand", y="volume_mrd_m3", ax=ax_gas, legend=False)
ax_gas.set_title("Gaswinning per maand")
ax_gas.set_ylabel("Miljard m³")""",
        """fig, ax_gas = plt.subplots()
ax_gas.plot(gas["maand"], gas["volume_mrd_m3"], marker=".")
fig.suptitle("Gaswinning uit het Groningenveld per maand")
ax_gas.set_ylabel("Gaswinning (mrd m3)")""",
        """nieuwste_eerst = gas.sort_values("maand", ascending=False)
fig, ax_gas = plt.subplots()
ax_gas.plot(nieuwste_eerst["maand"], nieuwste_eerst["volume_mrd_m3"])
ax_gas.set_title("Gaswinning per maand", loc="left")
ax_gas.set_ylabel("Gaswinning (miljard m³)")""",
    ]
    wrong = [
        ('fig, ax_gas = plt.subplots()\nax_gas.plot(gas["maand"], gas["volume_mrd_m3"])', "titel"),
        (
            'fig, ax_gas = plt.subplots()\nax_gas.plot(gas["maand"], gas["volume_mrd_m3"])\n'
            'ax_gas.set_title("Gaswinning")\nax_gas.set_ylabel("Gaswinning")',
            "noemt nog niet",
        ),
        (
            'fig, ax_gas = plt.subplots()\nax_gas.plot(gas["maand"], gas["volume_nm3"])\n'
            'ax_gas.set_title("Gaswinning")\nax_gas.set_ylabel("Gaswinning (mrd m³)")',
            "kloppen niet",
        ),
        (
            'fig, ax_gas = plt.subplots()\nax_gas.bar(gas["maand"], gas["volume_mrd_m3"], width=20)\n'
            'ax_gas.set_title("Gaswinning")\nax_gas.set_ylabel("Gaswinning (mrd m³)")',
            "lijndiagram",
        ),
    ]


class PiekGaswinning(ChoiceQuestion):
    """In welke periode werd er het meeste gas uit het Groningenveld gewonnen?"""

    var = "antwoord_piek"
    options = ["in de jaren zeventig", "in de jaren negentig", "rond 2013", "in 2018"]
    correct = 0
    explanations = [
        "Juist: halverwege de jaren zeventig lag de lijn het hoogst.",
        "Kijk nog eens: in de jaren negentig lag de lijn juist vrij laag.",
        "Rond 2013 was er een tweede, lagere top. Zoek de hoogste top van de hele lijn.",
        "In 2018 was de winning al flink verlaagd. Zoek de hoogste top van de hele lijn.",
    ]
    hints = ["Zoek in je grafiek het hoogste punt van de lijn en lees op de x-as af welk jaar daaronder staat."]
    solution = 'antwoord_piek = "a"'
    setup = ""
    alternatives = ['antwoord_piek = "A"', "antwoord_piek = 0", 'antwoord_piek = "a)"']
    wrong = [
        ('antwoord_piek = "c"', "lagere top"),
        ('antwoord_piek = "b"', "vrij laag"),
        ('antwoord_piek = "e"', "geldige keuze"),
    ]


class WarmsteTemperatuur(FigureQuestion):
    """Maak een lijngrafiek van de hoogste temperatuur per dag in 2023 in Nieuw Beerta."""

    var = "ax_warm"
    chart = "line"
    title_required = True
    ylabel_contains = TEMPERATURE_UNITS
    data = lambda: _weather_2023("Nieuw Beerta")["temp_max"]
    hints = [
        "Net als het voorbeeld met `temp_gem`, maar nu met de kolom `temp_max`.",
        '`fig, ax_warm = plt.subplots()`, dan `ax_warm.plot(nb_2023["datum"], nb_2023["temp_max"])`, '
        'en daarna `ax_warm.set_title(...)` en `ax_warm.set_ylabel("Temperatuur (°C)")`.',
    ]
    solution = """fig, ax_warm = plt.subplots()
ax_warm.plot(nb_2023["datum"], nb_2023["temp_max"])
ax_warm.set_title("Hoogste temperatuur per dag, Nieuw Beerta, 2023")
ax_warm.set_xlabel("Datum")
ax_warm.set_ylabel("Temperatuur (°C)")"""
    setup = SETUP_WEER
    alternatives = [
        """fig, ax_warm = plt.subplots()
nb_2023.plot(x="datum", y="temp_max", ax=ax_warm, legend=False)
ax_warm.set_title("Warmste temperatuur per dag in 2023")
ax_warm.set_ylabel("Graden Celsius")""",
        """fig, ax_warm = plt.subplots()
ax_warm.plot(nb_2023["datum"], nb_2023["temp_max"], color="C1")
fig.suptitle("Nieuw Beerta, 2023: hoogste temperatuur per dag")
ax_warm.set_ylabel("Temperatuur (°C)")""",
        """nieuwste_eerst = nb_2023.sort_values("datum", ascending=False)
fig, ax_warm = plt.subplots()
ax_warm.plot(nieuwste_eerst["datum"], nieuwste_eerst["temp_max"])
ax_warm.set_title("Hoogste temperatuur per dag, Nieuw Beerta, 2023")
ax_warm.set_ylabel("Temperatuur (°C)")""",
    ]
    wrong = [
        (
            """fig, ax_warm = plt.subplots()
ax_warm.plot(nb_2023["datum"], nb_2023["temp_gem"])
ax_warm.set_title("Hoogste temperatuur per dag, Nieuw Beerta, 2023")
ax_warm.set_ylabel("Temperatuur (°C)")""",
            "kloppen niet",
        ),
        (
            """fig, ax_warm = plt.subplots()
ax_warm.plot(nb_2023["datum"], nb_2023["temp_max"])
ax_warm.set_title("Hoogste temperatuur per dag, Nieuw Beerta, 2023")
ax_warm.set_ylabel("Temperatuur")""",
            "noemt nog niet",
        ),
        (
            """fig, ax_warm = plt.subplots()
ax_warm.plot(weer["datum"], weer["temp_max"])
ax_warm.set_title("Hoogste temperatuur per dag")
ax_warm.set_ylabel("Temperatuur (°C)")""",
            "waarden, verwacht",
        ),
        (
            """warmste_eerst = nb_2023.sort_values("temp_max", ascending=False)
fig, ax_warm = plt.subplots()
ax_warm.plot(warmste_eerst["datum"], warmste_eerst["temp_max"])
ax_warm.set_title("Hoogste temperatuur per dag, Nieuw Beerta, 2023")
ax_warm.set_ylabel("Temperatuur (°C)")""",
            "heen en weer",
        ),
        (
            """fig, ax_warm = plt.subplots()
ax_warm.scatter(nb_2023["datum"], nb_2023["temp_max"])
ax_warm.set_title("Hoogste temperatuur per dag, Nieuw Beerta, 2023")
ax_warm.set_ylabel("Temperatuur (°C)")""",
            "lijndiagram",
        ),
    ]


class TweeStations(CustomQuestion):
    """Teken de gemiddelde temperatuur per dag in 2023 van Nieuw Beerta en Lauwersoog als twee lijnen, met
    een legenda, een titel en de eenheid bij de y-as."""

    var = "ax_stations"
    hints = [
        "Roep `ax_stations.plot(...)` twee keer aan: één keer met `nb_2023`, één keer met `lo_2023`, "
        'elke keer met `label="..."` erbij.',
        "Na de twee lijnen: `ax_stations.legend()`, `ax_stations.set_title(...)` en "
        '`ax_stations.set_ylabel("Temperatuur (°C)")`.',
    ]
    solution = """fig, ax_stations = plt.subplots()
ax_stations.plot(nb_2023["datum"], nb_2023["temp_gem"], label="Nieuw Beerta")
ax_stations.plot(lo_2023["datum"], lo_2023["temp_gem"], label="Lauwersoog")
ax_stations.set_title("Gemiddelde temperatuur per dag, 2023")
ax_stations.set_ylabel("Temperatuur (°C)")
ax_stations.legend()"""
    setup = SETUP_WEER + '\nlo_2023 = weer[(weer["station"] == "Lauwersoog") & (weer["datum"].dt.year == 2023)]'
    alternatives = [
        """fig, ax_stations = plt.subplots()
nb_2023.plot(x="datum", y="temp_gem", ax=ax_stations, label="Nieuw Beerta")
lo_2023.plot(x="datum", y="temp_gem", ax=ax_stations, label="Lauwersoog")
ax_stations.set_title("Gemiddelde temperatuur per dag, 2023")
ax_stations.set_ylabel("°C")""",
        """fig, ax_stations = plt.subplots()
ax_stations.plot(lo_2023["datum"], lo_2023["temp_gem"], label="Lauwersoog (KNMI)")
ax_stations.plot(nb_2023["datum"], nb_2023["temp_gem"], label="Nieuw Beerta (KNMI)")
fig.suptitle("Twee weerstations, 2023")
ax_stations.set_ylabel("Temperatuur in graden")
ax_stations.legend()""",
    ]
    wrong = [
        (
            """fig, ax_stations = plt.subplots()
ax_stations.plot(nb_2023["datum"], nb_2023["temp_gem"])
ax_stations.plot(lo_2023["datum"], lo_2023["temp_gem"])
ax_stations.set_title("Gemiddelde temperatuur per dag, 2023")
ax_stations.set_ylabel("Temperatuur (°C)")""",
            "legenda",
        ),
        (
            """fig, ax_stations = plt.subplots()
ax_stations.plot(nb_2023["datum"], nb_2023["temp_gem"], label="Nieuw Beerta")
ax_stations.legend()""",
            "1 lijn",
        ),
        (
            """fig, ax_stations = plt.subplots()
ax_stations.plot(nb_2023["datum"], nb_2023["temp_gem"], label="blauw")
ax_stations.plot(lo_2023["datum"], lo_2023["temp_gem"], label="oranje")
ax_stations.legend()""",
            "legenda",
        ),
        (
            """fig, ax_stations = plt.subplots()
ax_stations.plot(nb_2023["datum"], nb_2023["temp_max"], label="Nieuw Beerta")
ax_stations.plot(lo_2023["datum"], lo_2023["temp_max"], label="Lauwersoog")
ax_stations.set_title("Temperatuur per dag, 2023")
ax_stations.set_ylabel("Temperatuur (°C)")
ax_stations.legend()""",
            "temp_gem",
        ),
    ]

    def test(self, ax_stations):
        ax = learner_axes(ax_stations, "ax_stations")
        lines = [line for line in ax.get_lines() if len(np.atleast_1d(line.get_ydata())) > 1]
        if len(lines) < 2:
            raise Incorrect(f"Je grafiek heeft {len(lines)} lijn(en); teken er twee, één per station.")
        drawn = [np.asarray(line.get_ydata(), dtype="float64") for line in lines]
        for station in ("Nieuw Beerta", "Lauwersoog"):
            wanted = _weather_2023(station)["temp_gem"].to_numpy(dtype="float64")
            if not any(len(y) == len(wanted) and np.allclose(y, wanted, equal_nan=True) for y in drawn):
                raise Incorrect(f"Ik vind geen lijn met de gemiddelde temperatuur (`temp_gem`) van 2023 in {station}.")
        legend = ax.get_legend()
        if legend is None:
            raise Incorrect(
                'Er staat nog geen legenda in de grafiek: geef elke lijn een `label="..."` en '
                "roep daarna `ax_stations.legend()` aan."
            )
        names = " ".join(text.get_text() for text in legend.get_texts()).casefold()
        for station in ("Nieuw Beerta", "Lauwersoog"):
            if station.casefold() not in names:
                raise Incorrect(f"De legenda noemt '{station}' nog niet: zet de naam van het station in `label`.")
        if not has_title(ax):
            raise Incorrect('Je grafiek heeft nog geen titel: gebruik `ax_stations.set_title("...")`.')
        if not any(unit in ax.get_ylabel().casefold() for unit in TEMPERATURE_UNITS):
            raise Incorrect('Zet de eenheid bij de y-as, bijvoorbeeld `ax_stations.set_ylabel("Temperatuur (°C)")`.')


class GasPerJaar(FigureQuestion):
    """Maak een lijngrafiek van de gaswinning per jaar (alleen volledige jaren), met een punt op elk jaar, een
    titel en de eenheid."""

    var = "ax_jaren"
    chart = "line"
    title_required = True
    ylabel_contains = GAS_UNITS
    marker_required = True  # the question asks for a point on every year
    data = lambda: dv.load("gaswinning_per_jaar").query("volledig_jaar")["gaswinning_mrd_m3"]
    hints = [
        "Gebruik de tabel `jaren`, niet `per_jaar`: daarin staat ook het onvolledige jaar 2019.",
        '`ax_jaren.plot(jaren["jaar"], jaren["gaswinning_mrd_m3"], marker="o")`, daarna titel en y-as.',
    ]
    solution = """fig, ax_jaren = plt.subplots()
ax_jaren.plot(jaren["jaar"], jaren["gaswinning_mrd_m3"], marker="o")
ax_jaren.set_title("Gaswinning Groningenveld per jaar")
ax_jaren.set_xlabel("Jaar")
ax_jaren.set_ylabel("Gaswinning (mrd m³)")"""
    setup = SETUP_JAREN
    alternatives = [
        """fig, ax_jaren = plt.subplots()
jaren.plot(x="jaar", y="gaswinning_mrd_m3", marker="o", ax=ax_jaren, legend=False)
ax_jaren.set_title("Gaswinning per jaar, 1986-2018")
ax_jaren.set_ylabel("Miljard m³")""",
        """fig, ax_jaren = plt.subplots()
ax_jaren.plot(jaren["jaar"], jaren["gaswinning_mrd_m3"], "o-")
fig.suptitle("Gaswinning Groningenveld per jaar")
ax_jaren.set_ylabel("Gaswinning (mrd m3)")""",
        """fig, ax_jaren = plt.subplots()
ax_jaren.plot(jaren["jaar"], jaren["gaswinning_mrd_m3"], marker=".", linestyle="--")
ax_jaren.set_title("Gaswinning Groningenveld per jaar")
ax_jaren.set_ylabel("Gaswinning (miljard m³)")""",
    ]
    wrong = [
        (
            """fig, ax_jaren = plt.subplots()
ax_jaren.plot(per_jaar["jaar"], per_jaar["gaswinning_mrd_m3"], marker="o")
ax_jaren.set_title("Gaswinning Groningenveld per jaar")
ax_jaren.set_ylabel("Gaswinning (mrd m³)")""",
            "34 waarden, verwacht 33",
        ),
        (
            """fig, ax_jaren = plt.subplots()
ax_jaren.plot(jaren["jaar"], jaren["gaswinning_mrd_m3"])
ax_jaren.set_title("Gaswinning Groningenveld per jaar")
ax_jaren.set_ylabel("Gaswinning (mrd m³)")""",
            'marker="o"',
        ),
        (
            """fig, ax_jaren = plt.subplots()
ax_jaren.plot(jaren["jaar"], jaren["aantal_bevingen"], marker="o")
ax_jaren.set_title("Gaswinning Groningenveld per jaar")
ax_jaren.set_ylabel("Gaswinning (mrd m³)")""",
            "kloppen niet",
        ),
        (
            """fig, ax_jaren = plt.subplots()
ax_jaren.scatter(jaren["jaar"], jaren["gaswinning_mrd_m3"])
ax_jaren.set_title("Gaswinning Groningenveld per jaar")
ax_jaren.set_ylabel("Gaswinning (mrd m³)")""",
            "lijndiagram",
        ),
    ]


q1, q2, q3, q4, q5 = lesson_questions(
    "visualiseren",
    "01-lijngrafieken",
    GasPerMaand,
    PiekGaswinning,
    WarmsteTemperatuur,
    TweeStations,
    GasPerJaar,
)
__all__ = ["q1", "q2", "q3", "q4", "q5", "____"]
