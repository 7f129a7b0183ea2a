"""FigureQuestion: inspects the learner's matplotlib Figure or Axes and says what is still missing.

Looks at what a reader of the chart sees: the kind of chart, a title (`set_title` or `fig.suptitle`), axis
labels (with units), the plotted data whatever the orientation or order of the table, and the markers and
styles the question asks for. Every figure question states its `data`: a chart with the right labels and the
wrong numbers is not right.
"""

from __future__ import annotations

from typing import ClassVar

from datavaardig.grading.selfcheck.messages import msg
from datavaardig.grading.selfcheck.question import Question, Stop, Verdict, call_class_value, class_value, not_attempted
from datavaardig.grading.selfcheck.values import type_name

__all__ = ["FigureQuestion"]


class FigureQuestion(Question):
    kind: ClassVar[str] = "figure"
    # "line", "bar", "barh", "scatter" or "hist"; a tuple accepts each (("bar", "barh") for "staafgrafiek").
    chart: ClassVar[str | tuple[str, ...] | None] = None
    axes_index: ClassVar[int] = 0
    title_required: ClassVar[bool] = True
    # Alternatives, case-insensitive (e.g. units). When a question accepts standing and lying bars, the label
    # of the axis with the values moves with them: written for standing bars, read from x for lying ones.
    xlabel_contains: ClassVar[list[str] | None] = None
    ylabel_contains: ClassVar[list[str] | None] = None
    # The expected plotted values: a sequence (y, bar sizes or counts), a Series (its labels name the bars)
    # or an (x, y) pair for a scatter. A callable, computed when checked.
    data = None
    ordered: ClassVar[bool] = False  # bars in this order: left to right, or top to bottom when lying
    marker_required: ClassVar[bool] = False  # a point on every value of the line (`marker="o"`)
    transparent: ClassVar[bool] = False  # see-through points (`alpha` below 1)
    max_point_size: ClassVar[float | None] = None  # small points: `s` at most this (points²)
    min_points: ClassVar[int | None] = None
    tolerance: ClassVar[float] = 1e-6  # relative, for comparing plotted values
    # (callable giving data a learner plots by mistake, Dutch sentence naming the cause), as on EqualityQuestion
    mistakes: ClassVar[list | tuple] = ()

    def accepted_charts(self) -> set[str]:
        return {self.chart} if isinstance(self.chart, str) else set(self.chart or ())

    def axes(self):
        import numpy as np
        from matplotlib.axes import Axes
        from matplotlib.figure import Figure, SubFigure

        value = self.learner_value(self.var)
        if isinstance(value, Axes):
            return value
        if isinstance(value, (Figure, SubFigure)):
            if not value.axes:
                raise Stop(self.verdict_incorrect([msg("figure_no_axes")]))
            if self.axes_index >= len(value.axes):
                raise Stop(
                    self.verdict_incorrect([msg("figure_axes_index", count=len(value.axes), index=self.axes_index + 1)])
                )
            return value.axes[self.axes_index]
        if isinstance(value, np.ndarray) and value.size and isinstance(value.flat[0], Axes):
            return value.flat[self.axes_index]  # plt.subplots(2) hands back an array of Axes
        raise Stop(self.verdict_incorrect([msg("figure_not_figure", var=self.var, actual_type=type_name(value))]))

    def evaluate(self) -> Verdict:
        # matplotlib only for figure questions
        from datavaardig.grading.selfcheck.compare.figures import (
            chart_kinds,
            drawn_series,
            has_title,
            kind_accepted,
            titles,
        )

        ax = self.axes()
        if any("____" in t for t in titles(ax) + [ax.get_xlabel(), ax.get_ylabel()]):
            return not_attempted()
        problems = []
        kinds = chart_kinds(ax)
        accepted = self.accepted_charts()
        if not kinds:
            problems.append(msg("figure_empty"))
        elif accepted and not kinds & accepted:
            names = [msg(f"chart.{k}") for k in sorted(accepted)]
            wanted = msg("or_join", items=", ".join(names[:-1]), last=names[-1]) if len(names) > 1 else names[0]
            seen = " + ".join(msg(f"chart.{k}") for k in sorted(kinds))
            problems.append(msg("figure_chart", expected=wanted, actual=seen))
        if self.title_required and not has_title(ax):
            problems.append(msg("figure_title"))
        xlabel, ylabel = self.xlabel_contains, self.ylabel_contains
        if {"bar", "barh"} <= accepted and "barh" in kinds and "bar" not in kinds:
            xlabel, ylabel = ylabel, xlabel  # lying bars: the values run along the x axis
        problems += _label_problems("x", ax.get_xlabel(), xlabel)
        problems += _label_problems("y", ax.get_ylabel(), ylabel)
        chart_ok = bool(kinds) and (not accepted or bool(kinds & accepted))
        if chart_ok:
            drawn = [d for d in drawn_series(ax) if not accepted or kind_accepted(d.kind, accepted)]
            problems += self._data_problems(drawn)
            problems += self._style_problems(drawn)
        return self.verdict_incorrect(problems) if problems else self.verdict_correct()

    def _data_problems(self, drawn) -> list[str]:
        from datavaardig.grading.selfcheck.compare.figures import data_problems, wanted_from

        longest = max((len(d.values) for d in drawn), default=0)
        if self.min_points and longest < self.min_points:
            return [msg("figure_too_few", actual=longest, minimum=self.min_points)]
        if class_value(self, "data") is None:
            return []
        wanted = wanted_from(call_class_value(self, "data"))
        problems = data_problems(drawn, wanted, self.ordered, self.tolerance)
        if problems:
            for mistake, cause in self.mistakes:
                if not data_problems(drawn, wanted_from(mistake()), self.ordered, self.tolerance):
                    return [cause]
        return problems

    def _style_problems(self, drawn) -> list[str]:
        from datavaardig.grading.selfcheck.compare.figures import NO_MARKER

        problems = []
        lines = [d.artist for d in drawn if d.kind == "line"]
        if self.marker_required and lines and not any(line.get_marker() not in NO_MARKER for line in lines):
            problems.append(msg("figure_marker"))
        points = [d.artist for d in drawn if d.kind == "scatter"]
        if self.transparent and points and not all(_alpha(p) < 1 for p in points):
            problems.append(msg("figure_transparent"))
        if self.max_point_size is not None and points and not all(_size(p) <= self.max_point_size for p in points):
            problems.append(msg("figure_points_large"))
        return problems


def _alpha(artist) -> float:
    import numpy as np
    from matplotlib.colors import to_rgba

    alpha = artist.get_alpha()
    if alpha is not None:
        return float(alpha)
    if not hasattr(artist, "get_facecolor"):  # a Line2D drawn as points
        return float(to_rgba(artist.get_markerfacecolor())[3])
    colours = np.asarray(artist.get_facecolor(), dtype="float64").reshape(-1, 4)
    return float(colours[:, 3].max()) if len(colours) else 1.0


def _size(artist) -> float:
    sizes = getattr(artist, "get_sizes", None)
    if sizes is not None:
        values = sizes()
        return float(max(values)) if len(values) else 0.0
    return float(artist.get_markersize()) ** 2  # a Line2D drawn as points: markersize is in points


def _label_problems(axis: str, label: str, wanted: list[str] | None) -> list[str]:
    if not wanted:
        return []
    axis_name = msg(f"axis.{axis}")
    if not label.strip():
        return [msg("figure_label_missing", axis=axis_name, setter=f"ax.set_{axis}label")]
    if not any(option.casefold() in label.casefold() for option in wanted):
        options = (
            msg("or_join", items=", ".join(f"`{o}`" for o in wanted[:-1]), last=f"`{wanted[-1]}`")
            if len(wanted) > 1
            else f"`{wanted[0]}`"
        )
        return [msg("figure_label_content", axis=axis_name, label=label.replace("`", "'"), options=options)]
    return []
