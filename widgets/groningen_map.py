"""GroningenMap: an offline map (no tile server) of municipalities coloured by a CBS figure, with the
gas-field outline and earthquake epicentres filtered by magnitude and period.

Drawn in RD New (EPSG:28992), the Dutch national grid, so shapes and distances are true.
State: `value` = {"variabele", "magnitude": [lo, hi], "periode": [first_year, last_year], "bevingen": bool};
`result` = the earthquakes shown on the map; `gemeentewaarden` = municipality → value of the variable.
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
    value = T.Dict(help='{"variabele", "magnitude", "periode", "bevingen"}')
    result = T.Instance(pd.DataFrame, allow_none=True, help="Earthquakes shown (inside the map, filtered).")
    gemeentewaarden = T.Instance(pd.DataFrame, allow_none=True, help="Municipality, value of the variable.")
    alt = T.Unicode(help="Text alternative of the map.")

    def __init__(
        self,
        grenzen: gpd.GeoDataFrame,
        *,
        cijfers: pd.DataFrame | None = None,
        bevingen: pd.DataFrame | None = None,
        veld: gpd.GeoDataFrame | None = None,
        variabele: str | None = None,
        sleutel: str = "gemeentecode",
        labels=None,
        bron: str | None = None,
        **kwargs,
    ):
        if not isinstance(grenzen, gpd.GeoDataFrame):
            raise TypeError("GroningenMap verwacht gemeentegrenzen als GeoDataFrame: dv.load('gemeentegrenzen').")
        for name, frame in (("grenzen", grenzen), ("cijfers", cijfers)):
            if frame is not None and sleutel not in frame.columns:
                raise ValueError(f"De tabel '{name}' heeft geen kolom '{sleutel}' om gemeenten op te koppelen.")
        self._labels = labels or {}
        self._cijfers = cijfers
        areas = grenzen.to_crs(RD_NEW)
        if cijfers is not None:
            # The figures decide which municipalities are on the map (e.g. only the province's).
            extra = [c for c in cijfers.columns if c not in areas.columns or c == sleutel]
            areas = areas.merge(pd.DataFrame(cijfers[extra]), on=sleutel, how="inner")
            if areas.empty:
                raise ValueError(f"Geen enkele {sleutel} uit de cijfers komt voor in de grenzen: kloppen de codes?")
        self._areas = areas
        self._name_column = "gemeente" if "gemeente" in areas.columns else sleutel
        variables = [c for c in (cijfers.columns if cijfers is not None else []) if is_numeric(cijfers[c])]
        self._veld = veld.to_crs(RD_NEW) if veld is not None else None
        self._quakes = self._quakes_in_rd(bevingen) if bevingen is not None else None
        self._bron = bron or ", ".join(
            dict.fromkeys(
                str(f.attrs["bron"]).removeprefix("Bron: ")
                for f in (cijfers, bevingen, grenzen, veld)
                if f is not None and f.attrs.get("bron")
            )
        )

        self._variabele = W.Dropdown(
            options=[("geen (alleen grenzen)", None)] + [(label(c, cijfers, labels), c) for c in variables],
            description="Kleur gemeenten naar",
            style=LABEL_STYLE,
        )
        controls = [self._variabele]
        if self._quakes is not None:
            mags = self._quakes["magnitude"]
            years = self._quakes["tijdstip"].dt.year
            self._mag_range = (float(mags.min()), float(mags.max()))
            self._year_range = (int(years.min()), int(years.max()))
            self._toon = W.Checkbox(value=True, description="Aardbevingen tonen", indent=False)
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
            self._periode = W.IntRangeSlider(
                value=self._year_range,
                min=self._year_range[0],
                max=self._year_range[1],
                description="Periode (jaren)",
                style=LABEL_STYLE,
                continuous_update=False,
            )
            controls += [self._toon, self._magnitude, self._periode]
        self._chart = W.HTML()
        self._syncing = False
        for control in controls:
            control.observe(self._on_control, names="value")
        box = W.GridBox(
            controls,
            layout=W.Layout(grid_template_columns="repeat(auto-fill, minmax(320px, 1fr))", grid_gap="6px 18px"),
        )
        super().__init__(children=[box, self._chart], **kwargs)
        self.add_class("datavaardig-kaart")
        start = {"variabele": variabele if variabele is not None else (variables[0] if variables else None)}
        if self._quakes is not None:
            start |= {"magnitude": list(self._mag_range), "periode": list(self._year_range), "bevingen": True}
        self.value = start

    @staticmethod
    def _quakes_in_rd(bevingen: pd.DataFrame) -> gpd.GeoDataFrame:
        missing = {"lat", "lon", "magnitude", "tijdstip"} - set(bevingen.columns)
        if missing:
            raise ValueError(f"De aardbevingen missen de kolommen {sorted(missing)}; gebruik dv.load('aardbevingen').")
        points = gpd.points_from_xy(bevingen["lon"], bevingen["lat"], crs="EPSG:4326")
        return gpd.GeoDataFrame(pd.DataFrame(bevingen), geometry=points).to_crs(RD_NEW)

    # -- state ------------------------------------------------------------------------
    @T.validate("value")
    def _check(self, proposal):
        value = dict(proposal["value"])
        allowed = [v for _, v in self._variabele.options]
        if value.get("variabele") not in allowed:
            raise T.TraitError(f"Onbekende variabele '{value.get('variabele')}'; kies uit {allowed[1:]}.")
        if self._quakes is not None:
            lo, hi = value.get("magnitude", self._mag_range)
            first, last = value.get("periode", self._year_range)
            value["magnitude"] = [max(float(lo), self._mag_range[0]), min(float(hi), self._mag_range[1])]
            value["periode"] = [max(int(first), self._year_range[0]), min(int(last), self._year_range[1])]
            value["bevingen"] = bool(value.get("bevingen", True))
        return value

    def _on_control(self, _change):
        if self._syncing:
            return
        value = {"variabele": self._variabele.value}
        if self._quakes is not None:
            value |= {
                "magnitude": list(self._magnitude.value),
                "periode": list(self._periode.value),
                "bevingen": self._toon.value,
            }
        self.value = value

    @T.observe("value")
    def _on_value(self, change):
        v = change["new"]
        self._syncing = True
        try:
            self._variabele.value = v["variabele"]
            if self._quakes is not None:
                self._magnitude.value, self._periode.value = tuple(v["magnitude"]), tuple(v["periode"])
                self._toon.value = v["bevingen"]
                self._magnitude.disabled = self._periode.disabled = not v["bevingen"]
        finally:
            self._syncing = False
        self._draw()

    # -- drawing ----------------------------------------------------------------------
    def _shown_quakes(self, bounds) -> tuple[pd.DataFrame, gpd.GeoDataFrame] | None:
        v = self.value
        if self._quakes is None or not v["bevingen"]:
            return None
        q = self._quakes
        minx, miny, maxx, maxy = bounds
        inside = q.geometry.x.between(minx, maxx) & q.geometry.y.between(miny, maxy)
        keep = inside & q["magnitude"].between(*v["magnitude"]) & q["tijdstip"].dt.year.between(*v["periode"])
        return pd.DataFrame(q.loc[keep].drop(columns="geometry")), q.loc[keep]

    def _draw(self) -> None:
        v = self.value
        areas = self._areas
        bounds = areas.total_bounds
        with house_style():
            fig, ax = plt.subplots(figsize=(9, 7.5))
            if v["variabele"]:
                areas.plot(
                    column=v["variabele"],
                    ax=ax,
                    cmap=SEQUENTIAL_CMAP,
                    edgecolor="white",
                    linewidth=1.2,
                    legend=True,
                    legend_kwds={"label": label(v["variabele"], self._cijfers, self._labels), "shrink": 0.6},
                )
            else:
                areas.plot(ax=ax, color="#e8e8e8", edgecolor="#555555", linewidth=1)
            if v["variabele"]:
                dutch_ticks(fig.axes[-1].yaxis)  # the colour bar geopandas added
            if self._veld is not None:
                self._veld.boundary.plot(
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
                "Gemeenten naar " + label(v["variabele"], self._cijfers, self._labels).split(" (")[0].lower()
                if v["variabele"]
                else "Gemeenten"
            )
            ax.set_title(title + (" en aardbevingen" if shown is not None else ""))
            if self._veld is not None or shown is not None:
                ax.legend(loc="lower left", fontsize=10)
            if self._bron:
                source_line(fig, "Bron: " + self._bron)
            self.result = shown[0] if shown is not None else None
            self.gemeentewaarden = (
                pd.DataFrame(areas[[self._name_column, v["variabele"]]])
                .sort_values(v["variabele"], ascending=False)
                .reset_index(drop=True)
                if v["variabele"]
                else None
            )
            self.alt = self._describe(title)
            self._chart.value = figure_html(fig, self.alt)

    def _describe(self, title: str) -> str:
        v = self.value
        text = f"Kaart: {title}. {len(self._areas)} gemeenten."
        if self.gemeentewaarden is not None and not self.gemeentewaarden.empty:
            values = self.gemeentewaarden.dropna()
            top, bottom = values.iloc[0], values.iloc[-1]
            text += (
                f" Hoogste waarde {top.iloc[0]} ({dutch_number(top.iloc[1])}),"
                f" laagste {bottom.iloc[0]} ({dutch_number(bottom.iloc[1])})."
            )
        if self._veld is not None:
            text += " Een stippellijn toont de omtrek van het Groningenveld."
        if self.result is not None:
            lo, hi = (f"{m:.1f}".replace(".", ",") for m in v["magnitude"])
            text += (
                f" {len(self.result)} aardbevingen met magnitude {lo} tot {hi}, "
                f"{v['periode'][0]} tot en met {v['periode'][1]}."
            )
        return text
