"""FigureQuestion: inspects the learner's matplotlib Figure or Axes and says what is still missing.

Looks at what a reader of the chart sees: the kind of chart, title, axis labels (with units), and
optionally the plotted values against `data`.
"""

from __future__ import annotations

from typing import ClassVar

from datavaardig.grading.selfcheck.messages import msg
from datavaardig.grading.selfcheck.question import Question, Stop, Verdict, call_class_value, class_value, not_attempted
from datavaardig.grading.selfcheck.values import type_name

__all__ = ["FigureQuestion"]


class FigureQuestion(Question):
    kind: ClassVar[str] = "figure"
    chart: ClassVar[str | None] = None  # "line", "bar", "barh", "scatter" or "hist"
    axes_index: ClassVar[int] = 0
    title_required: ClassVar[bool] = True
    xlabel_contains: ClassVar[list[str] | None] = None  # alternatives, case-insensitive (e.g. units)
    ylabel_contains: ClassVar[list[str] | None] = None
    data = None  # optional callable: the expected plotted values (y, bar heights or counts)
    min_points: ClassVar[int | None] = None
    tolerance: ClassVar[float] = 1e-6  # relative, for comparing plotted values

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
        from datavaardig.grading.selfcheck.compare.figures import chart_kinds  # matplotlib only for figure questions

        ax = self.axes()
        texts = [ax.get_title(loc) for loc in ("center", "left", "right")]
        suptitle = getattr(ax.figure, "_suptitle", None)
        texts.append(suptitle.get_text() if suptitle is not None else "")
        if any("____" in t for t in texts + [ax.get_xlabel(), ax.get_ylabel()]):
            return not_attempted()
        problems = []
        kinds = chart_kinds(ax)
        if not kinds:
            problems.append(msg("figure_empty"))
        elif self.chart and self.chart not in kinds:
            seen = " + ".join(msg(f"chart.{k}") for k in sorted(kinds))
            problems.append(msg("figure_chart", expected=msg(f"chart.{self.chart}"), actual=seen))
        if self.title_required and not any(t.strip() for t in texts):
            problems.append(msg("figure_title"))
        for axis, label, wanted in (
            ("x", ax.get_xlabel(), self.xlabel_contains),
            ("y", ax.get_ylabel(), self.ylabel_contains),
        ):
            problems += _label_problems(axis, label, wanted)
        chart_ok = bool(kinds) and (not self.chart or self.chart in kinds)
        if chart_ok and (self.min_points or class_value(self, "data") is not None):
            problems += self._data_problems(ax)
        return self.verdict_incorrect(problems) if problems else self.verdict_correct()

    def _data_problems(self, ax) -> list[str]:
        import numpy as np

        from datavaardig.grading.selfcheck.compare.figures import plotted_values

        series = plotted_values(ax, self.chart)
        longest = max((len(s) for s in series), default=0)
        if self.min_points and longest < self.min_points:
            return [msg("figure_too_few", actual=longest, minimum=self.min_points)]
        if class_value(self, "data") is None:
            return []
        wanted = np.asarray(call_class_value(self, "data"), dtype="float64").ravel()
        same_length = [s for s in series if len(s) == len(wanted)]
        if not same_length:
            return [msg("figure_data_count", actual=longest, expected=len(wanted))]
        for values in same_length:
            if np.allclose(values, wanted, rtol=self.tolerance, atol=1e-12, equal_nan=True):
                return []
        values = same_length[0]
        position = int(np.flatnonzero(~np.isclose(values, wanted, rtol=self.tolerance, atol=1e-12, equal_nan=True))[0])
        return [msg("figure_data_values", position=position, actual=f"{values[position]:g}")]


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
