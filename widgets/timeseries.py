"""TimeSeriesExplorer: one measured quantity over time, per day, month or year, with a rolling mean.

State: `value` = {"variable", "years": [first_year, last_year], "period": "day"|"month"|"year",
"aggregate", "window": periods in the rolling mean (0 or 1 = off)}; `result` = the resampled table
(one column per group); `trend` = its rolling mean (None when off); `alt` = the text alternative;
`partial_periods` = the periods left out because the data covers only part of them.
Codes are English ("month", "sum"); the learner sees the Dutch words of PERIOD_WORDS and AGGREGATE_WORDS.

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
    AGGREGATE_WORDS,
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

__all__ = ["AGGREGATES", "FREQUENCIES", "PERIOD_FORMAT", "PERIOD_WORDS", "SUM_HINTS", "TimeSeriesExplorer"]

FREQUENCIES = {"day": "D", "month": "MS", "year": "YS"}
# The Dutch word for a period: its button (capitalised), the x-axis label and the title ("… per maand").
PERIOD_WORDS = {"day": "dag", "month": "maand", "year": "jaar"}
AGGREGATES = ("mean", "sum", "min", "max")  # pandas method names, in the dropdown's order
# How a period is named in Dutch text (alt text, the note on left-out periods).
PERIOD_FORMAT = {"day": "%d-%m-%Y", "month": "%m-%Y", "year": "%Y"}
# Quantities that add up over time (rain, sunshine, production): their default is the sum.
SUM_HINTS = ("neerslag_mm", "zon_uren", "verdamping", "volume", "gaswinning", "aantal")


class TimeSeriesExplorer(W.VBox):
    value = T.Dict(help='{"variable", "years", "period", "aggregate", "window"}')
    result = T.Instance(pd.DataFrame, allow_none=True, help="Resampled values, one column per group.")
    trend = T.Instance(pd.DataFrame, allow_none=True, help="Rolling mean of `result` (None when off).")
    alt = T.Unicode(help="Text alternative of the chart.")
    partial_periods = T.List(help="Periods left out (per group) because the data covers them only partly.")

    def __init__(
        self,
        df: pd.DataFrame,
        *,
        time: str | None = None,
        variables=None,
        group: str | None = None,
        variable: str | None = None,
        period: str | None = None,
        labels=None,
        **kwargs,
    ):
        if not isinstance(df, pd.DataFrame):
            raise TypeError("TimeSeriesExplorer verwacht een pandas DataFrame, bijvoorbeeld dv.load('weer').")
        time = time or next((c for c in df.columns if is_datetime(df[c])), None)
        if time is None or time not in df.columns or not is_datetime(df[time]):
            raise ValueError(
                f"Geef met time=… een kolom met datums; deze tabel heeft er geen (kolommen: {list(df.columns)})."
            )
        if group is not None and group not in df.columns:
            raise ValueError(f"Kolom '{group}' bestaat niet; kies uit {list(df.columns)}.")
        self._df, self._time, self._group, self._labels = df, time, group, labels or {}
        variables = list(
            variables or [c for c in df.columns if is_numeric(df[c]) and c != group and not c.endswith("nummer")]
        )
        years = df[time].dt.year
        self._years = (int(years.min()), int(years.max()))
        # Data measured per month cannot be shown per day: offer only what the data can carry.
        self._step = step = df[time].drop_duplicates().sort_values().diff().median()
        frequencies = [f for f in FREQUENCIES if not (f == "day" and step >= pd.Timedelta(days=28))]

        self._variable = W.Dropdown(
            options=[(label(c, df, labels), c) for c in variables], description="Grootheid", style=LABEL_STYLE
        )
        self._year_slider = W.IntRangeSlider(
            value=self._years,
            min=self._years[0],
            max=self._years[1],
            description="Periode (jaren)",
            style=LABEL_STYLE,
            continuous_update=False,
            layout=W.Layout(width="min(100%, 560px)"),
        )
        self._period = W.ToggleButtons(
            options=[(PERIOD_WORDS[f].capitalize(), f) for f in frequencies],
            description="Per",
            style={**LABEL_STYLE, "button_width": "auto"},
        )
        self._aggregate = W.Dropdown(
            options=[(AGGREGATE_WORDS[a], a) for a in AGGREGATES], description="Bewerking", style=LABEL_STYLE
        )
        self._window = W.IntSlider(
            value=0,
            min=0,
            max=36,
            description="Voortschrijdend gemiddelde over (perioden)",
            style=LABEL_STYLE,
            continuous_update=False,
            layout=W.Layout(width="min(100%, 760px)"),
        )
        # A row of its own on a dashboard (template CSS): next to other controls its long label left no track.
        self._window.add_class("datavaardig-full-row")
        self._chart = W.HTML()
        self._syncing = False
        for control in (self._variable, self._year_slider, self._period, self._aggregate, self._window):
            control.observe(self._on_control, names="value")
        controls = W.GridBox(
            [self._variable, self._aggregate, self._year_slider, self._window],
            layout=W.Layout(grid_template_columns="repeat(auto-fill, minmax(340px, 1fr))", grid_gap="6px 18px"),
        )
        super().__init__(children=[controls, self._period, self._chart], **kwargs)
        self.add_class("datavaardig-timeseries")
        variable = variable or variables[0]
        self.value = {
            "variable": variable,
            "period": period or ("month" if "month" in frequencies else frequencies[0]),
            "aggregate": self._default_aggregate(variable),
        }

    @staticmethod
    def _default_aggregate(column: str) -> str:
        return "sum" if any(hint in column for hint in SUM_HINTS) else "mean"

    # -- state ------------------------------------------------------------------------
    @T.validate("value")
    def _check(self, proposal):
        value = {
            "years": list(self._years),
            "period": "month",
            "aggregate": "mean",
            "window": 0,
            **proposal["value"],
        }
        variables = [v for _, v in self._variable.options]
        if value.get("variable") not in variables:
            raise T.TraitError(f"Onbekende grootheid '{value.get('variable')}'; kies uit {variables}.")
        frequencies = [v for _, v in self._period.options]
        if value["period"] not in frequencies:
            raise T.TraitError(f"'period' moet een van {frequencies} zijn, niet '{value['period']}'.")
        if value["aggregate"] not in AGGREGATES:
            raise T.TraitError(f"Onbekende bewerking '{value['aggregate']}'; kies uit {list(AGGREGATES)}.")
        first, last = (int(y) for y in value["years"])
        first, last = max(first, self._years[0]), min(last, self._years[1])
        if first > last:
            raise T.TraitError(f"De periode moet tussen {self._years[0]} en {self._years[1]} liggen.")
        value["years"], value["window"] = [first, last], max(0, int(value["window"]))
        return value

    def _on_control(self, change):
        if self._syncing:
            return
        aggregate = self._aggregate.value
        if change["owner"] is self._variable:  # a new quantity gets its natural aggregation
            aggregate = self._default_aggregate(change["new"])
        self.value = {
            "variable": self._variable.value,
            "years": list(self._year_slider.value),
            "period": self._period.value,
            "aggregate": aggregate,
            "window": self._window.value,
        }

    @T.observe("value")
    def _on_value(self, change):
        v = change["new"]
        self._syncing = True
        try:
            self._variable.value, self._period.value, self._aggregate.value = v["variable"], v["period"], v["aggregate"]
            self._year_slider.value, self._window.value = tuple(v["years"]), v["window"]
        finally:
            self._syncing = False
        self._draw()

    # -- data and drawing -------------------------------------------------------------
    def _resample(self) -> tuple[pd.DataFrame, list[str]]:
        v = self.value
        frame = self._df[self._df[self._time].dt.year.between(*v["years"])]
        keys = [pd.Grouper(key=self._time, freq=FREQUENCIES[v["period"]])] + ([self._group] if self._group else [])
        grouped = frame.groupby(keys, observed=True)[v["variable"]]
        how = v["aggregate"]
        # min_count=1: a period without any measurement is missing, not a sum of zero.
        table = grouped.sum(min_count=1) if how == "sum" else getattr(grouped, how)()
        table = table.unstack(self._group) if self._group else table.to_frame(label(v["variable"], self._df))
        table.index.name = PERIOD_WORDS[v["period"]]  # the learner may print `result`: a Dutch index name
        return self._without_partial_periods(table, frame)

    def _without_partial_periods(self, table: pd.DataFrame, frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
        """Blank out periods at the edges of each group's measurements that they cover only partly; name them."""
        offset = pd.tseries.frequencies.to_offset(FREQUENCIES[self.value["period"]])
        times = frame.groupby(self._group, observed=True)[self._time] if self._group else None
        fmt = PERIOD_FORMAT[self.value["period"]]
        left_out = []
        table = table.copy()
        for column in table.columns:
            # Compare by resampled column name; without groups there is one column for the whole frame.
            span = frame[self._time] if times is None else times.get_group(column)
            first, last = span.min(), span.max()
            shown = table.index[table[column].notna()]
            # Only the first and the last period can be partial: the measurements in between are contiguous.
            for start in dict.fromkeys(shown[[0, -1]] if len(shown) else []):
                # Complete: measured from the period's first step up to its last one.
                if start < first or start + offset - self._step > last:
                    table.loc[start, column] = float("nan")
                    left_out.append(f"{column}: {start:{fmt}}" if self._group else f"{start:{fmt}}")
        return table.dropna(how="all"), left_out

    def _draw(self) -> None:
        v = self.value
        table, self.partial_periods = self._resample()
        window = v["window"]
        trend = table.rolling(window, min_periods=max(1, window // 2)).mean() if window > 1 else None
        quantity = label(v["variable"], self._df, self._labels)
        period = PERIOD_WORDS[v["period"]]
        title = f"{aggregate_label(v['aggregate'], quantity).split(' (')[0]} per {period}"
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
            if v["aggregate"] == "sum" and (table.min(numeric_only=True) >= 0).all():
                ax.set_ylim(bottom=0)  # totals are compared by height: the axis starts at zero
            ax.set_xlabel(period.capitalize())
            ax.set_ylabel(aggregate_label(v["aggregate"], quantity))
            if self._group or trend is not None:  # below the chart: never on top of the lines
                ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=2)
            if source_of(self._df):
                source_line(fig, source_of(self._df))
            self.result, self.trend = table, trend
            self.alt = self._describe(title, table, trend)
            self._chart.value = figure_html(fig, self.alt) + self._partial_note()

    def _describe(self, title, table, trend) -> str:
        first, last = self.value["years"]
        text = f"Lijngrafiek: {title}, {first} tot en met {last}."
        for column in table.columns:
            series = table[column].dropna()
            if series.empty:
                continue
            low, high = series.idxmin(), series.idxmax()
            fmt = PERIOD_FORMAT[self.value["period"]]
            name = f"{column}: " if self._group else ""
            text += (
                f" {name}laagste {dutch_number(series.min(), 1)} ({low.strftime(fmt)}), "
                f"hoogste {dutch_number(series.max(), 1)} ({high.strftime(fmt)})."
            )
        if trend is not None:
            text += f" Dikke lijn: voortschrijdend gemiddelde over {self.value['window']} perioden."
        if self.partial_periods:
            text += f" Niet getoond, want maar deels gemeten: {', '.join(self.partial_periods)}."
        return text

    def _partial_note(self) -> str:
        if not self.partial_periods:
            return ""
        return (
            '<p class="datavaardig-note">Niet getoond, want maar deels gemeten (een gemiddelde of totaal '
            f"van een halve periode zou misleiden): {html.escape(', '.join(self.partial_periods))}.</p>"
        )
