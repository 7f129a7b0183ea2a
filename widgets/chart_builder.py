"""ChartBuilder: choose x, y, chart type and grouping; get a labelled matplotlib chart with alt text.

State: `value` = {"x", "y" (None = count rows), "kind", "group", "aggregate"}; `result` = the table
that was drawn (aggregated per x and group for line/bar, bin counts for a histogram); `alt` = the
text alternative of the chart; `message` = why no chart could be drawn.
Codes are English ("bar", "mean"); the learner sees the Dutch labels of KINDS and AGGREGATE_WORDS.
"""

from __future__ import annotations

import html

import ipywidgets as W
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import traitlets as T

from datavaardig.widgets._filters import LABEL_STYLE
from datavaardig.widgets._render import (
    AGGREGATE_WORDS,
    aggregate_label,
    dutch_number,
    dutch_ticks,
    figure_html,
    group_values,
    is_datetime,
    is_numeric,
    label,
    source_of,
)
from datavaardig.widgets.style import house_style, source_line

__all__ = ["AGGREGATES", "ChartBuilder", "KIND_NAMES", "KINDS", "MAX_BARS", "MAX_GROUPS", "YEAR"]

# Chart kind → the label on its toggle button.
KINDS = {"line": "Lijn", "bar": "Staven", "scatter": "Spreiding", "histogram": "Histogram"}
# Chart kind → how the alt text names it.
KIND_NAMES = {"line": "Lijngrafiek", "bar": "Staafdiagram", "scatter": "Spreidingsdiagram", "histogram": "Histogram"}
AGGREGATES = ("mean", "sum", "max", "min", "median")  # pandas method names, in the dropdown's order
YEAR = ":year"  # suffix of a derived x option: the year of a date column
MAX_GROUPS = 12  # more colours than this are no longer told apart, also not with Okabe-Ito
MAX_BARS = 60


class ChartBuilder(W.VBox):
    value = T.Dict(help='{"x", "y", "kind", "group", "aggregate"}; y None counts rows.')
    result = T.Instance(pd.DataFrame, allow_none=True, help="The numbers that were drawn.")
    alt = T.Unicode(help="Text alternative describing the chart (also the <img alt>).")
    message = T.Unicode(help="Why a chart could not be drawn (empty when it was).")

    def __init__(
        self,
        df: pd.DataFrame,
        *,
        x=None,
        y=None,
        kind="bar",
        group=None,
        aggregate="mean",
        labels=None,
        **kwargs,
    ):
        if not isinstance(df, pd.DataFrame):
            raise TypeError("ChartBuilder verwacht een pandas DataFrame, bijvoorbeeld dv.load('weer').")
        self._df = df
        self._labels = labels or {}
        columns = [c for c in df.columns if c != "geometry"]
        x_options = []
        for c in columns:
            if is_datetime(df[c]):
                x_options.append((f"{self._label(c)}: jaar", c + YEAR))
            x_options.append((self._label(c), c))
        y_options = [("aantal rijen", None)] + [(self._label(c), c) for c in columns if is_numeric(df[c])]
        groups = [
            c for c in columns if not is_numeric(df[c]) and not is_datetime(df[c]) and 1 < df[c].nunique() <= MAX_GROUPS
        ]
        self._x = W.Dropdown(options=x_options, description="x-as", style=LABEL_STYLE)
        self._y = W.Dropdown(options=y_options, description="y-as", style=LABEL_STYLE)
        self._kind = W.ToggleButtons(
            options=[(name, code) for code, name in KINDS.items()],
            description="Soort grafiek",
            style={**LABEL_STYLE, "button_width": "auto"},
        )
        self._group = W.Dropdown(
            options=[("geen", None)] + [(self._label(c), c) for c in groups], description="Kleur per", style=LABEL_STYLE
        )
        self._aggregate = W.Dropdown(
            options=[(AGGREGATE_WORDS[a], a) for a in AGGREGATES], description="Bewerking per x", style=LABEL_STYLE
        )
        self._chart = W.HTML()
        self._notice = W.HTML()
        self._syncing = False
        for control in (self._x, self._y, self._kind, self._group, self._aggregate):
            control.observe(self._on_control, names="value")
        controls = W.GridBox(
            [self._x, self._y, self._group, self._aggregate],
            layout=W.Layout(grid_template_columns="repeat(auto-fill, minmax(300px, 1fr))", grid_gap="6px 18px"),
        )
        super().__init__(children=[self._kind, controls, self._notice, self._chart], **kwargs)
        self.add_class("datavaardig-chart-builder")
        default_x = x or (x_options[0][1] if x_options else None)
        self.value = {"x": default_x, "y": y, "kind": kind, "group": group, "aggregate": aggregate}

    def _label(self, column):
        return label(column, self._df, self._labels)

    # -- state -----------------------------------------------------------------------
    @T.validate("value")
    def _check(self, proposal):
        value = {"x": None, "y": None, "kind": "bar", "group": None, "aggregate": "mean", **proposal["value"]}
        for key, control in (("x", self._x), ("y", self._y), ("group", self._group)):
            allowed = [v for _, v in control.options]
            if value[key] not in allowed:
                raise T.TraitError(f"'{value[key]}' kan niet als {key}; kies uit {[a for a in allowed if a]}.")
        if value["kind"] not in KINDS:
            raise T.TraitError(f"Onbekende soort grafiek '{value['kind']}'; kies uit {list(KINDS)}.")
        if value["aggregate"] not in AGGREGATES:
            raise T.TraitError(f"Onbekende bewerking '{value['aggregate']}'; kies uit {list(AGGREGATES)}.")
        return value

    def _on_control(self, _change):
        if not self._syncing:
            self.value = {
                "x": self._x.value,
                "y": self._y.value,
                "kind": self._kind.value,
                "group": self._group.value,
                "aggregate": self._aggregate.value,
            }

    @T.observe("value")
    def _on_value(self, change):
        v = change["new"]
        self._syncing = True
        try:
            self._x.value, self._y.value, self._kind.value = v["x"], v["y"], v["kind"]
            self._group.value, self._aggregate.value = v["group"], v["aggregate"]
        finally:
            self._syncing = False
        # Aggregation only means something for line and bar charts of a measured y.
        self._aggregate.disabled = v["kind"] not in ("line", "bar") or v["y"] is None
        self._y.disabled = v["kind"] == "histogram"
        self._draw()

    # -- data and drawing ------------------------------------------------------------
    def _x_series(self, frame):
        x = self.value["x"]
        if x.endswith(YEAR):
            return frame[x.removesuffix(YEAR)].dt.year.rename("jaar")
        return frame[x]

    def _x_label(self):
        x = self.value["x"]
        return "Jaar" if x.endswith(YEAR) else self._label(x)

    def _y_label(self):
        v = self.value
        if v["kind"] == "histogram" or v["y"] is None:
            return "Aantal"
        if v["kind"] == "scatter" or self._one_row_per_x():
            return self._label(v["y"])
        return aggregate_label(v["aggregate"], self._label(v["y"]))

    def _one_row_per_x(self) -> bool:
        """One row per x (and group): an aggregation changes nothing, so the labels do not name it."""
        v = self.value
        keys = [self._x_series(self._df)] + ([self._df[v["group"]]] if v["group"] else [])
        return bool(self._df.groupby(keys, observed=True).size().max() == 1)

    def _aggregated(self) -> pd.DataFrame:
        v = self.value
        frame = self._df
        keys = [self._x_series(frame)] + ([group_values(frame[v["group"]])] if v["group"] else [])
        if v["y"] is None:
            table = frame.groupby(keys, observed=True).size()
        else:
            table = frame.groupby(keys, observed=True)[v["y"]].agg(v["aggregate"])
        table = table.unstack(v["group"]) if v["group"] else table.to_frame(self._y_label())
        return table.sort_index()

    def _histogram(self, ax) -> pd.DataFrame:
        v = self.value
        x = self._x_series(self._df)
        if not (is_numeric(x) or is_datetime(x)):
            raise ValueError("Een histogram heeft getallen op de x-as nodig. Kies een kolom met getallen.")
        values = x.dropna()
        edges = np.histogram_bin_edges(values.astype("float64"), bins=30)
        counts = {}
        if v["group"]:
            for name, part in self._df.groupby(group_values(self._df[v["group"]]), observed=True):
                # Outlines instead of see-through fills: overlapping colours would mix into a third one.
                counts[str(name)] = ax.hist(
                    self._x_series(part).dropna(), bins=edges, histtype="step", linewidth=2.5, label=str(name)
                )[0]
        else:
            counts["Aantal"] = ax.hist(values, bins=edges)[0]
        table = pd.DataFrame(counts, index=pd.Index(edges[:-1], name="van"))
        table.insert(0, "tot", edges[1:])
        return table

    def _draw(self) -> None:
        v = self.value
        self.message = ""
        with house_style():
            fig, ax = plt.subplots()
            try:
                if v["kind"] == "histogram":
                    table = self._histogram(ax)
                elif v["kind"] == "scatter":
                    table = self._scatter(ax)
                else:
                    table = self._aggregated()
                    if v["kind"] == "bar" and len(table) > MAX_BARS:
                        raise ValueError(
                            f"Dat worden {len(table)} staven: te veel om te lezen. "
                            "Kies een lijn, of een x-as met minder waarden (bijvoorbeeld het jaar)."
                        )
                    longest = max((len(str(i)) for i in table.index), default=0)
                    table.plot(
                        kind=v["kind"],  # "line" and "bar" are pandas' own names
                        ax=ax,
                        legend=bool(v["group"]),
                        rot=0 if len(table) * max(longest, 4) < 60 else 45 if len(table) < 20 else 90,
                    )
                    if v["kind"] == "bar" and 0 < ax.get_xticklabels()[0].get_rotation() < 90:
                        for tick in ax.get_xticklabels():  # slanted names end under their own bar
                            tick.set_ha("right")
                            tick.set_rotation_mode("anchor")
            except (ValueError, TypeError) as exc:
                plt.close(fig)
                self.result, self.alt, self.message = None, "", str(exc)
                self._notice.value = f"<p role='alert'><strong>Let op:</strong> {html.escape(str(exc))}</p>"
                self._chart.value = ""
                return
            dutch_ticks(ax.yaxis)
            ax.set_xlabel(self._x_label())
            ax.set_ylabel(self._y_label())
            title = self._title()
            ax.set_title(title)
            if v["group"]:
                ax.legend(title=self._label(v["group"]))
            if source_of(self._df):
                source_line(fig, source_of(self._df))
            self.result = table
            self.alt = self._describe(title, table)
            self._notice.value = ""
            self._chart.value = figure_html(fig, self.alt)

    def _scatter(self, ax) -> pd.DataFrame:
        v = self.value
        if v["y"] is None:
            raise ValueError("Een spreidingsdiagram heeft een kolom met getallen op de y-as nodig.")
        table = pd.DataFrame({self._x_label(): self._x_series(self._df), self._label(v["y"]): self._df[v["y"]]})
        if v["group"]:
            table["groep"] = group_values(self._df[v["group"]]).astype("str")  # a column the learner may read
        table = table.dropna()
        parts = table.groupby("groep") if v["group"] else [(None, table)]
        for name, part in parts:
            ax.scatter(part.iloc[:, 0], part.iloc[:, 1], s=18, alpha=0.7, label=name)
        return table

    def _title(self) -> str:
        v = self.value
        x = self._x_label().split(" (")[0].lower()
        if v["kind"] == "histogram":
            return f"Verdeling van {x}"
        if v["kind"] == "scatter":
            return f"{self._label(v['y']).split(' (')[0]} tegen {x}"
        return f"{self._y_label().split(' (')[0]} per {x}"

    def _describe(self, title: str, table: pd.DataFrame) -> str:
        text = f"{KIND_NAMES[self.value['kind']]}: {title}. Horizontaal {self._x_label()}, verticaal {self._y_label()}."
        numbers = table.select_dtypes("number")
        if self.value["kind"] in ("line", "bar") and not numbers.empty:
            stacked = numbers.stack()
            if not stacked.empty:
                where = stacked.idxmax()
                where = where[0] if isinstance(where, tuple) else where
                text += (
                    f" Van {table.index.min()} tot {table.index.max()}; hoogste waarde "
                    f"{dutch_number(stacked.max(), 2)} bij {where}."
                )
        if self.value["group"]:
            text += f" Eén kleur per {self._label(self.value['group']).lower()}."
        return text
