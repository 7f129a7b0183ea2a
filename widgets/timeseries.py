"""TimeSeriesExplorer: one measured quantity over time, per day, month or year, with a rolling mean.

State: `value` = {"variabele", "periode": [first_year, last_year], "per": "dag"|"maand"|"jaar",
"bewerking", "venster": periods in the rolling mean (0 or 1 = off)}; `result` = the resampled table
(one column per group); `trend` = its rolling mean (None when off); `alt` = the text alternative;
`onvolledig` = the periods left out because the data covers only part of them.

A period the measurements only partly cover (the running year, a station that started in March) is left
out rather than drawn: half a year's mean temperature or rainfall looks like a dramatic drop, and a
presenter in front of a room should not have to explain that away. The chart says what it left out.
"""

from __future__ import annotations

import html

import ipywidgets as W
import matplotlib.pyplot as plt
import pandas as pd
import traitlets as T

from datavaardig.widgets._filters import LABEL_STYLE
from datavaardig.widgets._render import (
    aggregate_label,
    dutch_number,
    dutch_ticks,
    figure_html,
    is_datetime,
    is_numeric,
    label,
    source_of,
)
from datavaardig.widgets.style import PALETTE, house_style, source_line

__all__ = ["BEWERKINGEN", "FREQUENCIES", "PERIOD_FORMAT", "SUM_HINTS", "TimeSeriesExplorer"]

FREQUENCIES = {"dag": "D", "maand": "MS", "jaar": "YS"}
BEWERKINGEN = {"gemiddelde": "mean", "som": "sum", "minimum": "min", "maximum": "max"}
# How a period is named in Dutch text (alt text, the note on left-out periods).
PERIOD_FORMAT = {"dag": "%d-%m-%Y", "maand": "%m-%Y", "jaar": "%Y"}
# Quantities that add up over time (rain, sunshine, production): their default is the sum.
SUM_HINTS = ("neerslag_mm", "zon_uren", "verdamping", "volume", "gaswinning", "aantal")


class TimeSeriesExplorer(W.VBox):
    value = T.Dict(help='{"variabele", "periode", "per", "bewerking", "venster"}')
    result = T.Instance(pd.DataFrame, allow_none=True, help="Resampled values, one column per group.")
    trend = T.Instance(pd.DataFrame, allow_none=True, help="Rolling mean of `result` (None when off).")
    alt = T.Unicode(help="Text alternative of the chart.")
    onvolledig = T.List(help="Periods left out (per group) because the data covers them only partly.")

    def __init__(
        self,
        df: pd.DataFrame,
        *,
        tijd: str | None = None,
        variabelen=None,
        groep: str | None = None,
        variabele: str | None = None,
        per: str | None = None,
        labels=None,
        **kwargs,
    ):
        if not isinstance(df, pd.DataFrame):
            raise TypeError("TimeSeriesExplorer verwacht een pandas DataFrame, bijvoorbeeld dv.load('weer').")
        tijd = tijd or next((c for c in df.columns if is_datetime(df[c])), None)
        if tijd is None or tijd not in df.columns or not is_datetime(df[tijd]):
            raise ValueError(
                f"Geef met tijd=… een kolom met datums; deze tabel heeft er geen (kolommen: {list(df.columns)})."
            )
        if groep is not None and groep not in df.columns:
            raise ValueError(f"Kolom '{groep}' bestaat niet; kies uit {list(df.columns)}.")
        self._df, self._tijd, self._groep, self._labels = df, tijd, groep, labels or {}
        variabelen = list(
            variabelen or [c for c in df.columns if is_numeric(df[c]) and c != groep and not c.endswith("nummer")]
        )
        years = df[tijd].dt.year
        self._years = (int(years.min()), int(years.max()))
        # Data measured per month cannot be shown per day: offer only what the data can carry.
        self._step = step = df[tijd].drop_duplicates().sort_values().diff().median()
        frequencies = [f for f in FREQUENCIES if not (f == "dag" and step >= pd.Timedelta(days=28))]

        self._variabele = W.Dropdown(
            options=[(label(c, df, labels), c) for c in variabelen], description="Grootheid", style=LABEL_STYLE
        )
        self._periode = W.IntRangeSlider(
            value=self._years,
            min=self._years[0],
            max=self._years[1],
            description="Periode (jaren)",
            style=LABEL_STYLE,
            continuous_update=False,
            layout=W.Layout(width="min(100%, 560px)"),
        )
        self._per = W.ToggleButtons(
            options=[(f.capitalize(), f) for f in frequencies],
            description="Per",
            style={**LABEL_STYLE, "button_width": "auto"},
        )
        self._bewerking = W.Dropdown(options=list(BEWERKINGEN), description="Bewerking", style=LABEL_STYLE)
        self._venster = W.IntSlider(
            value=0,
            min=0,
            max=36,
            description="Voortschrijdend gemiddelde over (perioden)",
            style=LABEL_STYLE,
            continuous_update=False,
            layout=W.Layout(width="min(100%, 760px)"),
        )
        # A row of its own on a dashboard (template CSS): next to other controls its long label left no track.
        self._venster.add_class("datavaardig-volle-rij")
        self._chart = W.HTML()
        self._syncing = False
        for control in (self._variabele, self._periode, self._per, self._bewerking, self._venster):
            control.observe(self._on_control, names="value")
        controls = W.GridBox(
            [self._variabele, self._bewerking, self._periode, self._venster],
            layout=W.Layout(grid_template_columns="repeat(auto-fill, minmax(340px, 1fr))", grid_gap="6px 18px"),
        )
        super().__init__(children=[controls, self._per, self._chart], **kwargs)
        self.add_class("datavaardig-tijdreeks")
        variabele = variabele or variabelen[0]
        self.value = {
            "variabele": variabele,
            "per": per or ("maand" if "maand" in frequencies else frequencies[0]),
            "bewerking": self._default_bewerking(variabele),
        }

    @staticmethod
    def _default_bewerking(column: str) -> str:
        return "som" if any(hint in column for hint in SUM_HINTS) else "gemiddelde"

    # -- state ------------------------------------------------------------------------
    @T.validate("value")
    def _check(self, proposal):
        value = {
            "periode": list(self._years),
            "per": "maand",
            "bewerking": "gemiddelde",
            "venster": 0,
            **proposal["value"],
        }
        variables = [v for _, v in self._variabele.options]
        if value.get("variabele") not in variables:
            raise T.TraitError(f"Onbekende grootheid '{value.get('variabele')}'; kies uit {variables}.")
        frequencies = [v for _, v in self._per.options]
        if value["per"] not in frequencies:
            raise T.TraitError(f"'per' moet een van {frequencies} zijn, niet '{value['per']}'.")
        if value["bewerking"] not in BEWERKINGEN:
            raise T.TraitError(f"Onbekende bewerking '{value['bewerking']}'; kies uit {list(BEWERKINGEN)}.")
        first, last = (int(y) for y in value["periode"])
        first, last = max(first, self._years[0]), min(last, self._years[1])
        if first > last:
            raise T.TraitError(f"De periode moet tussen {self._years[0]} en {self._years[1]} liggen.")
        value["periode"], value["venster"] = [first, last], max(0, int(value["venster"]))
        return value

    def _on_control(self, change):
        if self._syncing:
            return
        bewerking = self._bewerking.value
        if change["owner"] is self._variabele:  # a new quantity gets its natural aggregation
            bewerking = self._default_bewerking(change["new"])
        self.value = {
            "variabele": self._variabele.value,
            "periode": list(self._periode.value),
            "per": self._per.value,
            "bewerking": bewerking,
            "venster": self._venster.value,
        }

    @T.observe("value")
    def _on_value(self, change):
        v = change["new"]
        self._syncing = True
        try:
            self._variabele.value, self._per.value, self._bewerking.value = v["variabele"], v["per"], v["bewerking"]
            self._periode.value, self._venster.value = tuple(v["periode"]), v["venster"]
        finally:
            self._syncing = False
        self._draw()

    # -- data and drawing -------------------------------------------------------------
    def _resample(self) -> tuple[pd.DataFrame, list[str]]:
        v = self.value
        frame = self._df[self._df[self._tijd].dt.year.between(*v["periode"])]
        keys = [pd.Grouper(key=self._tijd, freq=FREQUENCIES[v["per"]])] + ([self._groep] if self._groep else [])
        grouped = frame.groupby(keys, observed=True)[v["variabele"]]
        how = BEWERKINGEN[v["bewerking"]]
        # min_count=1: a period without any measurement is missing, not a sum of zero.
        table = grouped.sum(min_count=1) if how == "sum" else getattr(grouped, how)()
        table = table.unstack(self._groep) if self._groep else table.to_frame(label(v["variabele"], self._df))
        table.index.name = v["per"]
        return self._without_partial_periods(table, frame)

    def _without_partial_periods(self, table: pd.DataFrame, frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
        """Blank out periods at the edges of each group's measurements that they cover only partly; name them."""
        offset = pd.tseries.frequencies.to_offset(FREQUENCIES[self.value["per"]])
        times = frame.groupby(self._groep, observed=True)[self._tijd] if self._groep else None
        fmt = PERIOD_FORMAT[self.value["per"]]
        left_out = []
        table = table.copy()
        for column in table.columns:
            # Compare by resampled column name; without groups there is one column for the whole frame.
            span = frame[self._tijd] if times is None else times.get_group(column)
            first, last = span.min(), span.max()
            shown = table.index[table[column].notna()]
            # Only the first and the last period can be partial: the measurements in between are contiguous.
            for start in dict.fromkeys(shown[[0, -1]] if len(shown) else []):
                # Complete: measured from the period's first step up to its last one.
                if start < first or start + offset - self._step > last:
                    table.loc[start, column] = float("nan")
                    left_out.append(f"{column}: {start:{fmt}}" if self._groep else f"{start:{fmt}}")
        return table.dropna(how="all"), left_out

    def _draw(self) -> None:
        v = self.value
        table, self.onvolledig = self._resample()
        window = v["venster"]
        trend = table.rolling(window, min_periods=max(1, window // 2)).mean() if window > 1 else None
        quantity = label(v["variabele"], self._df, self._labels)
        title = f"{aggregate_label(v['bewerking'], quantity).split(' (')[0]} per {v['per']}"
        with house_style():
            fig, ax = plt.subplots()
            for i, column in enumerate(table.columns):
                colour = PALETTE[i % len(PALETTE)]
                ax.plot(
                    table.index,
                    table[column],
                    color=colour,
                    alpha=0.35 if trend is not None else 1,
                    linewidth=1.2 if trend is not None else 2,
                    label=str(column),
                )
                if trend is not None:
                    ax.plot(
                        trend.index,
                        trend[column],
                        color=colour,
                        linewidth=2.6,
                        label=f"{column}, gemiddelde over {window} perioden",
                    )
            ax.set_title(title)
            dutch_ticks(ax.yaxis)
            if v["bewerking"] == "som" and (table.min(numeric_only=True) >= 0).all():
                ax.set_ylim(bottom=0)  # totals are compared by height: the axis starts at zero
            ax.set_xlabel(v["per"].capitalize())
            ax.set_ylabel(aggregate_label(v["bewerking"], quantity))
            if self._groep or trend is not None:  # below the chart: never on top of the lines
                ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=2)
            if source_of(self._df):
                source_line(fig, source_of(self._df))
            self.result, self.trend = table, trend
            self.alt = self._describe(title, table, trend)
            self._chart.value = figure_html(fig, self.alt) + self._partial_note()

    def _describe(self, title, table, trend) -> str:
        first, last = self.value["periode"]
        text = f"Lijngrafiek: {title}, {first} tot en met {last}."
        for column in table.columns:
            series = table[column].dropna()
            if series.empty:
                continue
            low, high = series.idxmin(), series.idxmax()
            fmt = PERIOD_FORMAT[self.value["per"]]
            name = f"{column}: " if self._groep else ""
            text += (
                f" {name}laagste {dutch_number(series.min(), 1)} ({low.strftime(fmt)}), "
                f"hoogste {dutch_number(series.max(), 1)} ({high.strftime(fmt)})."
            )
        if trend is not None:
            text += f" Dikke lijn: voortschrijdend gemiddelde over {self.value['venster']} perioden."
        if self.onvolledig:
            text += f" Niet getoond, want maar deels gemeten: {', '.join(self.onvolledig)}."
        return text

    def _partial_note(self) -> str:
        if not self.onvolledig:
            return ""
        return (
            '<p class="datavaardig-noot">Niet getoond, want maar deels gemeten (een gemiddelde of totaal '
            f"van een halve periode zou misleiden): {html.escape(', '.join(self.onvolledig))}.</p>"
        )
