"""GroningenMap: an offline map (no tile server) of municipalities coloured by a CBS figure, with the
gas-field outline and earthquake epicentres filtered by magnitude and period.

Drawn in RD New (EPSG:28992), the Dutch national grid, so shapes and distances are true.
State: `value` = {"variable", "magnitude": [lo, hi], "years": [first_year, last_year], "show_earthquakes": bool};
`result` = the earthquakes shown on the map; `municipality_values` = municipality → value of the variable.
"""

from __future__ import annotations

import geopandas as gpd
import ipywidgets as W
import matplotlib.pyplot as plt
import pandas as pd
import traitlets as T
from matplotlib import patheffects

from datavaardig.widgets._filters import LABEL_STYLE
from datavaardig.widgets._render import dutch_number, dutch_ticks, figure_html, is_numeric, label
from datavaardig.widgets.style import OKABE_ITO, SEQUENTIAL_CMAP, house_style, source_line

__all__ = ["GroningenMap", "HALO", "RD_NEW"]

RD_NEW = "EPSG:28992"
HALO = [patheffects.withStroke(linewidth=3, foreground="white")]


class GroningenMap(W.VBox):
    """The map: `boundaries` (dv.load("gemeentegrenzen")) joined on column `key` with `stats`, one row of
    figures per municipality (e.g. CBS kerncijfers); optional `earthquakes` (dv.load("aardbevingen")) and
    `gas_field` outline; `variable` = the figure that colours the municipalities first; `source` overrides
    the source line made from the frames' attrs."""

    value = T.Dict(help='{"variable", "magnitude", "years", "show_earthquakes"}')
    result = T.Instance(pd.DataFrame, allow_none=True, help="Earthquakes shown (inside the map, filtered).")
    municipality_values = T.Instance(pd.DataFrame, allow_none=True, help="Municipality, value of the variable.")
    alt = T.Unicode(help="Text alternative of the map.")

    def __init__(
        self,
        boundaries: gpd.GeoDataFrame,
        *,
        stats: pd.DataFrame | None = None,
        earthquakes: pd.DataFrame | None = None,
        gas_field: gpd.GeoDataFrame | None = None,
        variable: str | None = None,
        key: str = "gemeentecode",
        labels=None,
        source: str | None = None,
        **kwargs,
    ):
        if not isinstance(boundaries, gpd.GeoDataFrame):
            raise TypeError("GroningenMap verwacht gemeentegrenzen als GeoDataFrame: dv.load('gemeentegrenzen').")
        for name, frame in (("boundaries", boundaries), ("stats", stats)):
            if frame is not None and key not in frame.columns:
                raise ValueError(f"De tabel '{name}' heeft geen kolom '{key}' om gemeenten op te koppelen.")
        self._labels = labels or {}
        self._stats = stats
        areas = boundaries.to_crs(RD_NEW)
        if stats is not None:
            # The figures decide which municipalities are on the map (e.g. only the province's).
            extra = [c for c in stats.columns if c not in areas.columns or c == key]
            areas = areas.merge(pd.DataFrame(stats[extra]), on=key, how="inner")
            if areas.empty:
                raise ValueError(f"Geen enkele {key} uit de cijfers komt voor in de grenzen: kloppen de codes?")
        self._areas = areas
        self._name_column = "gemeente" if "gemeente" in areas.columns else key
        variables = [c for c in (stats.columns if stats is not None else []) if is_numeric(stats[c])]
        self._gas_field = gas_field.to_crs(RD_NEW) if gas_field is not None else None
        self._quakes = self._quakes_in_rd(earthquakes) if earthquakes is not None else None
        self._source = source or ", ".join(
            dict.fromkeys(
                str(f.attrs["bron"]).removeprefix("Bron: ")
                for f in (stats, earthquakes, boundaries, gas_field)
                if f is not None and f.attrs.get("bron")
            )
        )

        self._variable = W.Dropdown(
            options=[("geen (alleen grenzen)", None)] + [(label(c, stats, labels), c) for c in variables],
            description="Kleur gemeenten naar",
            style=LABEL_STYLE,
        )
        controls = [self._variable]
        if self._quakes is not None:
            mags = self._quakes["magnitude"]
            years = self._quakes["tijdstip"].dt.year
            self._mag_range = (float(mags.min()), float(mags.max()))
            self._year_range = (int(years.min()), int(years.max()))
            self._show = W.Checkbox(value=True, description="Aardbevingen tonen", indent=False)
            self._magnitude = W.FloatRangeSlider(
                value=self._mag_range,
                min=self._mag_range[0],
                max=self._mag_range[1],
                step=0.1,
                description="Magnitude",
                style=LABEL_STYLE,
                continuous_update=False,
                readout_format=".1f",
            )
            self._year_slider = W.IntRangeSlider(
                value=self._year_range,
                min=self._year_range[0],
                max=self._year_range[1],
                description="Periode (jaren)",
                style=LABEL_STYLE,
                continuous_update=False,
            )
            controls += [self._show, self._magnitude, self._year_slider]
        self._chart = W.HTML()
        self._syncing = False
        for control in controls:
            control.observe(self._on_control, names="value")
        box = W.GridBox(
            controls,
            layout=W.Layout(grid_template_columns="repeat(auto-fill, minmax(320px, 1fr))", grid_gap="6px 18px"),
        )
        super().__init__(children=[box, self._chart], **kwargs)
        self.add_class("datavaardig-map")
        start = {"variable": variable if variable is not None else (variables[0] if variables else None)}
        if self._quakes is not None:
            start |= {"magnitude": list(self._mag_range), "years": list(self._year_range), "show_earthquakes": True}
        self.value = start

    @staticmethod
    def _quakes_in_rd(earthquakes: pd.DataFrame) -> gpd.GeoDataFrame:
        missing = {"lat", "lon", "magnitude", "tijdstip"} - set(earthquakes.columns)
        if missing:
            raise ValueError(f"De aardbevingen missen de kolommen {sorted(missing)}; gebruik dv.load('aardbevingen').")
        points = gpd.points_from_xy(earthquakes["lon"], earthquakes["lat"], crs="EPSG:4326")
        return gpd.GeoDataFrame(pd.DataFrame(earthquakes), geometry=points).to_crs(RD_NEW)

    # -- state ------------------------------------------------------------------------
    @T.validate("value")
    def _check(self, proposal):
        value = dict(proposal["value"])
        allowed = [v for _, v in self._variable.options]
        if value.get("variable") not in allowed:
            raise T.TraitError(f"Onbekende variabele '{value.get('variable')}'; kies uit {allowed[1:]}.")
        if self._quakes is not None:
            lo, hi = value.get("magnitude", self._mag_range)
            first, last = value.get("years", self._year_range)
            value["magnitude"] = [max(float(lo), self._mag_range[0]), min(float(hi), self._mag_range[1])]
            value["years"] = [max(int(first), self._year_range[0]), min(int(last), self._year_range[1])]
            value["show_earthquakes"] = bool(value.get("show_earthquakes", True))
        return value

    def _on_control(self, _change):
        if self._syncing:
            return
        value = {"variable": self._variable.value}
        if self._quakes is not None:
            value |= {
                "magnitude": list(self._magnitude.value),
                "years": list(self._year_slider.value),
                "show_earthquakes": self._show.value,
            }
        self.value = value

    @T.observe("value")
    def _on_value(self, change):
        v = change["new"]
        self._syncing = True
        try:
            self._variable.value = v["variable"]
            if self._quakes is not None:
                self._magnitude.value, self._year_slider.value = tuple(v["magnitude"]), tuple(v["years"])
                self._show.value = v["show_earthquakes"]
                self._magnitude.disabled = self._year_slider.disabled = not v["show_earthquakes"]
        finally:
            self._syncing = False
        self._draw()

    # -- drawing ----------------------------------------------------------------------
    def _shown_quakes(self, bounds) -> tuple[pd.DataFrame, gpd.GeoDataFrame] | None:
        v = self.value
        if self._quakes is None or not v["show_earthquakes"]:
            return None
        q = self._quakes
        minx, miny, maxx, maxy = bounds
        inside = q.geometry.x.between(minx, maxx) & q.geometry.y.between(miny, maxy)
        keep = inside & q["magnitude"].between(*v["magnitude"]) & q["tijdstip"].dt.year.between(*v["years"])
        return pd.DataFrame(q.loc[keep].drop(columns="geometry")), q.loc[keep]

    def _draw(self) -> None:
        v = self.value
        areas = self._areas
        bounds = areas.total_bounds
        with house_style():
            fig, ax = plt.subplots(figsize=(9, 7.5))
            if v["variable"]:
                areas.plot(
                    column=v["variable"],
                    ax=ax,
                    cmap=SEQUENTIAL_CMAP,
                    edgecolor="white",
                    linewidth=1.2,
                    legend=True,
                    legend_kwds={"label": label(v["variable"], self._stats, self._labels), "shrink": 0.6},
                )
            else:
                areas.plot(ax=ax, color="#e8e8e8", edgecolor="#555555", linewidth=1)
            if v["variable"]:
                dutch_ticks(fig.axes[-1].yaxis)  # the colour bar geopandas added
            if self._gas_field is not None:
                self._gas_field.boundary.plot(
                    ax=ax, color=OKABE_ITO["zwart"], linewidth=2, linestyle="--", label="Omtrek Groningenveld"
                )
            shown = self._shown_quakes(bounds)
            if shown is not None:
                table, points = shown
                ax.scatter(
                    points.geometry.x,
                    points.geometry.y,
                    s=(points["magnitude"].clip(lower=0.5) ** 3) * 6,
                    color=OKABE_ITO["vermiljoen"],
                    edgecolor="black",
                    linewidth=0.4,
                    alpha=0.75,
                    label="Aardbeving (grootte = magnitude)",
                )
            for _, row in areas.iterrows():
                point = row.geometry.representative_point()
                ax.annotate(str(row[self._name_column]), (point.x, point.y), ha="center", fontsize=9, path_effects=HALO)
            pad = 3000
            ax.set_xlim(bounds[0] - pad, bounds[2] + pad)
            ax.set_ylim(bounds[1] - pad, bounds[3] + pad)
            ax.set_axis_off()
            title = (
                "Gemeenten naar " + label(v["variable"], self._stats, self._labels).split(" (")[0].lower()
                if v["variable"]
                else "Gemeenten"
            )
            ax.set_title(title + (" en aardbevingen" if shown is not None else ""))
            if self._gas_field is not None or shown is not None:
                ax.legend(loc="lower left", fontsize=10)
            if self._source:
                source_line(fig, "Bron: " + self._source)
            self.result = shown[0] if shown is not None else None
            self.municipality_values = (
                pd.DataFrame(areas[[self._name_column, v["variable"]]])
                .sort_values(v["variable"], ascending=False)
                .reset_index(drop=True)
                if v["variable"]
                else None
            )
            self.alt = self._describe(title)
            self._chart.value = figure_html(fig, self.alt)

    def _describe(self, title: str) -> str:
        v = self.value
        text = f"Kaart: {title}. {len(self._areas)} gemeenten."
        if self.municipality_values is not None and not self.municipality_values.empty:
            values = self.municipality_values.dropna()
            top, bottom = values.iloc[0], values.iloc[-1]
            text += (
                f" Hoogste waarde {top.iloc[0]} ({dutch_number(top.iloc[1])}),"
                f" laagste {bottom.iloc[0]} ({dutch_number(bottom.iloc[1])})."
            )
        if self._gas_field is not None:
            text += " Een stippellijn toont de omtrek van het Groningenveld."
        if self.result is not None:
            lo, hi = (f"{m:.1f}".replace(".", ",") for m in v["magnitude"])
            text += (
                f" {len(self.result)} aardbevingen met magnitude {lo} tot {hi}, "
                f"{v['years'][0]} tot en met {v['years'][1]}."
            )
        return text
