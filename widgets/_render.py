"""Shared plumbing for the widgets: Dutch column labels with units, and figures as accessible HTML.

A figure becomes an `<img alt="…">` inside an HTML widget: it works without a kernel-side Output
widget (so tests can read it), screen readers get the alt text, and Voila shows it at once.
"""

from __future__ import annotations

import base64
import html
import io

import matplotlib

# Widgets draw off-screen; pyplot's interactive backends are never needed (and need a display).
# Never override a backend the kernel chose (ipykernel sets MPLBACKEND to inline): importing the house
# style in a lesson would otherwise hide every chart the learner draws.
if not __import__("os").environ.get("MPLBACKEND"):
    matplotlib.use("Agg", force=False)
import matplotlib.pyplot as plt
import pandas as pd

MAX_OPTIONS = 30  # a text column with more distinct values gets a "contains" box instead of a list


def units(df: pd.DataFrame) -> dict[str, str]:
    """The units `datavaardig.load` puts in `df.attrs["eenheden"]` (empty for a home-made frame)."""
    return dict(df.attrs.get("eenheden") or {})


# Readable Dutch names for the catalog's column names (the unit comes from df.attrs["eenheden"]).
NAMES = {
    "temp_gem": "Gemiddelde temperatuur",
    "temp_min": "Minimumtemperatuur",
    "temp_max": "Maximumtemperatuur",
    "temp_min_10cm": "Minimumtemperatuur op 10 cm",
    "neerslag_mm": "Neerslag",
    "neerslag_max_uur_mm": "Meeste neerslag in één uur",
    "neerslag_duur_uur": "Duur van de neerslag",
    "zon_uren": "Zonneschijn",
    "zon_procent": "Zonneschijn (deel van de langst mogelijke)",
    "straling_jcm2": "Straling",
    "windrichting_graden": "Windrichting",
    "wind_gem_ms": "Gemiddelde windsnelheid",
    "wind_max_uur_ms": "Hoogste uurgemiddelde windsnelheid",
    "windstoot_max_ms": "Zwaarste windstoot",
    "luchtvochtigheid_gem_pct": "Gemiddelde luchtvochtigheid",
    "luchtvochtigheid_min_pct": "Laagste luchtvochtigheid",
    "luchtvochtigheid_max_pct": "Hoogste luchtvochtigheid",
    "verdamping_mm": "Verdamping",
    "volume_nm3": "Gaswinning",
    "volume_mrd_m3": "Gaswinning",
    "gaswinning_mrd_m3": "Gaswinning",
    "aantal_bevingen": "Aantal aardbevingen",
    "bevolkingsdichtheid_per_km2": "Bevolkingsdichtheid",
    "diepte_km": "Diepte",
    "lat": "Breedtegraad",
    "lon": "Lengtegraad",
    "in_groningenveld": "In het Groningenveld",
    "oppervlakte_totaal_ha": "Oppervlakte totaal",
    "oppervlakte_land_ha": "Oppervlakte land",
    "oppervlakte_water_ha": "Oppervlakte water",
    "omgevingsadressendichtheid": "Omgevingsadressendichtheid",
}
# Units that are not worth an axis label: they name a time zone, a coordinate system or a count.
SILENT_UNITS = ("UTC", "aantal", "graden WGS84")


def label(column: str, df: pd.DataFrame | None = None, labels: dict[str, str] | None = None) -> str:
    """Dutch axis label with unit: "neerslag_mm" → "Neerslag (mm)"; explicit `labels` win."""
    if labels and column in labels:
        return labels[column]
    unit = units(df).get(column, "") if df is not None else ""
    words = NAMES.get(column)
    if words is None:
        words = column.replace("_", " ").strip()
        words = words[:1].upper() + words[1:]
    if unit and unit not in SILENT_UNITS and not unit.startswith("EPSG"):
        return f"{words} ({unit})"
    return words


def source_of(df: pd.DataFrame) -> str | None:
    """The attribution `datavaardig.load` puts in `df.attrs["bron"]`, e.g. "Bron: KNMI"."""
    return df.attrs.get("bron")


def figure_html(fig, alt: str, *, width: str = "100%") -> str:
    """Render `fig` to a PNG `<img>` with alt text and close it (widgets make many figures)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (
        f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt, quote=True)}" '
        f'style="max-width:{width};height:auto" />'
    )


def is_numeric(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def is_datetime(series: pd.Series) -> bool:
    return pd.api.types.is_datetime64_any_dtype(series)


def is_text(series: pd.Series) -> bool:
    return pd.api.types.is_string_dtype(series) or isinstance(series.dtype, pd.CategoricalDtype)


def dutch_number(value, decimals: int = 1) -> str:
    """Dutch number format: 1.234,5 (thousands dot, decimal comma)."""
    if pd.isna(value):
        return "–"
    if float(value).is_integer():
        text = f"{value:,.0f}"
    else:
        text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


# The aggregates the widgets offer (pandas method names, the codes in their `value`) and the Dutch word a
# learner sees for each in a dropdown and an axis label.
AGGREGATE_WORDS = {"mean": "gemiddelde", "sum": "som", "max": "maximum", "min": "minimum", "median": "mediaan"}


def aggregate_label(aggregate: str, quantity: str) -> str:
    """ "max" + "Magnitude (ML)" → "Maximum magnitude (ML)"; "mean" + "Gemiddelde temperatuur (°C)" stays as it
    is, not "Gemiddelde gemiddelde …"."""
    word = AGGREGATE_WORDS[aggregate]
    if quantity.lower().startswith(word):
        return quantity
    word = "Totale" if aggregate == "sum" else word.capitalize()  # "Som gaswinning" is no Dutch
    return f"{word} {quantity[:1].lower()}{quantity[1:]}"


def dutch_ticks(axis) -> None:
    """Tick labels in Dutch number format (243.768, 2,5) on a matplotlib Axis (ax.yaxis, cbar.ax.yaxis)."""
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda v, _pos: dutch_number(v, 1)))


def group_values(series: pd.Series) -> pd.Series:
    """Group labels a reader understands: booleans become "ja"/"nee"."""
    if pd.api.types.is_bool_dtype(series):
        return series.map({True: "ja", False: "nee"})
    return series
