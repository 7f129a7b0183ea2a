"""Reading a matplotlib Axes the way a reader sees it: which kinds of chart, which values are drawn.

Also understands what pandas' `.plot` draws, since that calls the same matplotlib functions.
"""

from __future__ import annotations

import numpy as np
from matplotlib.collections import PathCollection
from matplotlib.container import BarContainer
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon

__all__ = ["chart_kinds", "learner_axes", "plotted_values"]


def _is_marker_only(line: Line2D) -> bool:
    return line.get_linestyle() in ("None", "none", "", " ") and line.get_marker() not in (None, "None", "", " ")


def _drawn_lines(ax) -> list[Line2D]:
    return [line for line in ax.get_lines() if line.get_visible() and len(np.atleast_1d(line.get_xdata())) > 0]


def _bars(ax) -> list[BarContainer]:
    return [c for c in ax.containers if isinstance(c, BarContainer) and len(c.patches)]


def _contiguous(container: BarContainer) -> bool:
    """Histogram bars touch each other; bar-chart bars have gaps between them."""
    patches = container.patches
    if len(patches) < 2:
        return False
    edges = [(p.get_x(), p.get_x() + p.get_width()) for p in patches]
    return all(np.isclose(right, nxt_left) for (_, right), (nxt_left, _) in zip(edges, edges[1:]))


def chart_kinds(ax) -> set[str]:
    kinds = set()
    for line in _drawn_lines(ax):
        if _is_marker_only(line):
            kinds.add("scatter")
        elif len(np.atleast_1d(line.get_xdata())) > 1:
            kinds.add("line")
    for container in _bars(ax):
        horizontal = getattr(container, "orientation", "vertical") == "horizontal"
        kinds.add("barh" if horizontal else "bar")
        if not horizontal and _contiguous(container):
            kinds.add("hist")
    if any(isinstance(c, PathCollection) and len(c.get_offsets()) for c in ax.collections):
        kinds.add("scatter")
    if any(isinstance(p, Polygon) for p in ax.patches) and not _bars(ax):
        kinds.add("hist")  # histtype="step" draws one outline polygon
    return kinds


def plotted_values(ax, chart: str | None) -> list[np.ndarray]:
    """Candidate value series: y of each line, heights (or widths) of each bar group, y of scatters."""
    series = []
    if chart in (None, "line", "scatter"):
        for line in _drawn_lines(ax):
            series.append(np.asarray(line.get_ydata(), dtype="float64"))
    if chart in (None, "bar", "barh", "hist"):
        for container in _bars(ax):
            horizontal = getattr(container, "orientation", "vertical") == "horizontal"
            sizes = [p.get_width() if horizontal else p.get_height() for p in container.patches]
            series.append(np.asarray(sizes, dtype="float64"))
    if chart in (None, "scatter"):
        for collection in ax.collections:
            if isinstance(collection, PathCollection) and len(collection.get_offsets()):
                series.append(np.asarray(collection.get_offsets(), dtype="float64")[:, 1])
    return series


def learner_axes(value, name: str):
    """The Axes a CustomQuestion inspects: the learner's Axes, or the first Axes of their Figure.

    Anything else is the learner's mistake, answered with how to make one (`Incorrect`).
    """
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from datavaardig.grading.selfcheck.outcomes import Incorrect

    if isinstance(value, Figure) and value.axes:
        return value.axes[0]
    if isinstance(value, Axes):
        return value
    raise Incorrect(f"`{name}` moet een assenstelsel zijn: maak het met `fig, {name} = plt.subplots()`.")
