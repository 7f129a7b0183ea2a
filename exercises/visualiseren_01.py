"""Self-checks for "Visualiseren met matplotlib", lesson 1: lijngrafieken (gas production, weather).

Each question's `setup` is what the lesson ran before the exercise; `wrong` is a mistake beginners make.
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
from datavaardig.grading.selfcheck.compare.figures import learner_axes

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
    wrong = """fig, ax_gas = plt.subplots()
ax_gas.plot(gas["maand"], gas["volume_mrd_m3"])"""


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
    wrong = 'antwoord_piek = "c"'


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
    wrong = """fig, ax_warm = plt.subplots()
ax_warm.plot(nb_2023["datum"], nb_2023["temp_gem"])
ax_warm.set_title("Hoogste temperatuur per dag, Nieuw Beerta, 2023")
ax_warm.set_ylabel("Temperatuur (°C)")"""


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
    wrong = """fig, ax_stations = plt.subplots()
ax_stations.plot(nb_2023["datum"], nb_2023["temp_gem"])
ax_stations.plot(lo_2023["datum"], lo_2023["temp_gem"])
ax_stations.set_title("Gemiddelde temperatuur per dag, 2023")
ax_stations.set_ylabel("Temperatuur (°C)")"""

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
        if not ax.get_title().strip() and not ax.get_title("left").strip():
            raise Incorrect('Je grafiek heeft nog geen titel: gebruik `ax_stations.set_title("...")`.')
        if not any(unit in ax.get_ylabel().casefold() for unit in TEMPERATURE_UNITS):
            raise Incorrect('Zet de eenheid bij de y-as, bijvoorbeeld `ax_stations.set_ylabel("Temperatuur (°C)")`.')


class GasPerJaar(FigureQuestion):
    """Maak een lijngrafiek van de gaswinning per jaar (alleen volledige jaren), met titel en eenheid."""

    var = "ax_jaren"
    chart = "line"
    title_required = True
    ylabel_contains = GAS_UNITS
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
    wrong = """fig, ax_jaren = plt.subplots()
ax_jaren.plot(per_jaar["jaar"], per_jaar["gaswinning_mrd_m3"], marker="o")
ax_jaren.set_title("Gaswinning Groningenveld per jaar")
ax_jaren.set_ylabel("Gaswinning (mrd m³)")"""


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
