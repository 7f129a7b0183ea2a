"""The house matplotlib style: readable sizes, a colour-blind-safe palette and a source line.

Lessons, widgets and dashboards call `use_house_style()` once and `source_line(ax, "Bron: KNMI")` per chart,
so every chart the province shows names its source the same way.
"""

from __future__ import annotations

from importlib.resources import files

import matplotlib as mpl
import matplotlib.pyplot as plt

__all__ = [
    "house_style",
    "OKABE_ITO",
    "PALETTE",
    "SEQUENTIAL_CMAP",
    "source_line",
    "SOURCE_LINE_GID",
    "STYLE_PATH",
    "use_house_style",
]

STYLE_PATH = str(files("datavaardig.widgets") / "datavaardig.mplstyle")

# Okabe & Ito (2008), the palette in the style sheet, by name for code that needs one colour. The names are
# Dutch because learners type them: the lessons and their checks use `OKABE_ITO["blauw"]`.
OKABE_ITO = {
    "blauw": "#0072B2",
    "oranje": "#E69F00",
    "groen": "#009E73",
    "vermiljoen": "#D55E00",
    "paars": "#CC79A7",
    "hemelsblauw": "#56B4E9",
    "geel": "#F0E442",
    "zwart": "#000000",
}
PALETTE = list(OKABE_ITO.values())
# Perceptually uniform and readable for colour-blind viewers and in greyscale print.
SEQUENTIAL_CMAP = "cividis"
# Marks the source line among a figure's texts, so a second call replaces it.
SOURCE_LINE_GID = "datavaardig-source-line"


def use_house_style() -> None:
    """Apply the datavaardig style to every chart made after this call."""
    plt.style.use(STYLE_PATH)


def house_style():
    """Context manager: the house style for a block only (widgets use it so they change no global state)."""
    return mpl.style.context(STYLE_PATH)


def source_line(ax_or_fig, text: str, *, fontsize: float = 10) -> None:
    """Write a source line ("Bron: KNMI") in the bottom-left corner of the figure.

    Accepts an Axes or a Figure. A line that does not start with "Bron" gets it, so the reader always
    sees where the numbers come from.
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError('Geef de bron als tekst, bijvoorbeeld source_line(ax, "Bron: KNMI").')
    text = text.strip()
    if not text.lower().startswith("bron"):
        text = f"Bron: {text}"
    fig = ax_or_fig if isinstance(ax_or_fig, mpl.figure.Figure) else ax_or_fig.figure
    # One source line per figure: calling twice replaces instead of stacking two lines on top.
    for old in [t for t in fig.texts if t.get_gid() == SOURCE_LINE_GID]:
        old.remove()
    # Just below the figure edge: no overlap with axis labels; `savefig.bbox: tight` (the style and
    # Jupyter's inline backend) widens the image to include it.
    fig.text(0.01, -0.01, text, ha="left", va="top", fontsize=fontsize, color="#4d4d4d", gid=SOURCE_LINE_GID)
