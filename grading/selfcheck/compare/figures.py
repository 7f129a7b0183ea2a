"""Reading a matplotlib Axes the way a reader sees it: which kinds of chart, which titles, which values.

Equivalent charts read the same: a title set with `set_title` (any position) or `fig.suptitle`; bars read
left to right, or top to bottom for horizontal bars, whether the order comes from sorting the table or from
`invert_yaxis()`; a line read along its x axis, however the table was sorted; a scatter as a set of points.
Also understands what pandas' `.plot` draws, since that calls the same matplotlib functions.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.collections import PathCollection
from matplotlib.container import BarContainer
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon

from datavaardig.grading.selfcheck.messages import join_items, msg

__all__ = [
    "NO_MARKER",
    "Drawn",
    "Wanted",
    "axis_label",
    "chart_kinds",
    "data_problems",
    "drawn_series",
    "has_title",
    "kind_accepted",
    "learner_axes",
    "plotted_values",
    "titles",
    "wanted_from",
]

NO_MARKER = (None, "None", "none", "", " ")


# -- texts --------------------------------------------------------------------------------------------------
def titles(ax) -> list[str]:
    """Every title a reader sees above this chart: left, centre, right and the figure's suptitle."""
    texts = [ax.get_title(loc) for loc in ("center", "left", "right")]
    figure = ax.figure
    while figure is not None:  # a SubFigure's suptitle and its parent figure's
        suptitle = getattr(figure, "_suptitle", None)
        texts.append(suptitle.get_text() if suptitle is not None else "")
        parent = getattr(figure, "figure", None)
        figure = parent if parent is not figure else None
    return texts


def has_title(ax) -> bool:
    return any(text.strip() for text in titles(ax))


def axis_label(ax, axis: str) -> str:
    return ax.get_xlabel() if axis == "x" else ax.get_ylabel()


# -- what is drawn -------------------------------------------------------------------------------------------
def _is_marker_only(line: Line2D) -> bool:
    return line.get_linestyle() in ("None", "none", "", " ") and line.get_marker() not in NO_MARKER


def _drawn_lines(ax) -> list[Line2D]:
    return [line for line in ax.get_lines() if line.get_visible() and len(np.atleast_1d(line.get_xdata())) > 0]


def _bars(ax) -> list[BarContainer]:
    return [c for c in ax.containers if isinstance(c, BarContainer) and len(c.patches)]


def _horizontal(container: BarContainer) -> bool:
    return getattr(container, "orientation", "vertical") == "horizontal"


def _contiguous(container: BarContainer) -> bool:
    """Histogram bars touch each other; bar-chart bars have gaps between them."""
    patches = container.patches
    if len(patches) < 2:
        return False
    edges = sorted((p.get_x(), p.get_x() + p.get_width()) for p in patches)
    return all(np.isclose(right, nxt_left) for (_, right), (nxt_left, _) in zip(edges, edges[1:]))


def chart_kinds(ax) -> set[str]:
    kinds = set()
    for line in _drawn_lines(ax):
        if _is_marker_only(line):
            kinds.add("scatter")
        elif len(np.atleast_1d(line.get_xdata())) > 1:
            kinds.add("line")
    for container in _bars(ax):
        horizontal = _horizontal(container)
        kinds.add("barh" if horizontal else "bar")
        if not horizontal and _contiguous(container):
            kinds.add("hist")
    if any(isinstance(c, PathCollection) and len(c.get_offsets()) for c in ax.collections):
        kinds.add("scatter")
    if any(isinstance(p, Polygon) for p in ax.patches) and not _bars(ax):
        kinds.add("hist")  # histtype="step" draws one outline polygon
    return kinds


@dataclass(frozen=True)
class Drawn:
    """One drawn series as a reader reads it."""

    kind: str  # line | scatter | bar | barh | hist
    values: np.ndarray  # y of a line (along x) or scatter, sizes of bars in reading order
    labels: tuple[str, ...] | None = None  # category of each bar in reading order
    x: np.ndarray | None = None  # x of each point (lines and scatters), as numbers
    artist: object = None
    zigzag: bool = False  # a line drawn back and forth along x: its table was not in x order


def _position_text(value: float) -> str:
    return str(int(round(value))) if float(value).is_integer() else f"{value:g}"


def _clean(text: str) -> str:
    return text.replace("\u2212", "-").strip()


def _bar_labels(ax, container: BarContainer, centres: np.ndarray) -> tuple[str, ...]:
    """The category a reader sees at each bar: the tick label at its position, else the position itself."""
    axis = ax.yaxis if _horizontal(container) else ax.xaxis
    ticks = {}
    for location, label in zip(axis.get_majorticklocs(), axis.get_ticklabels()):
        ticks[round(float(location), 6)] = _clean(label.get_text())
    found = tuple(ticks.get(round(float(c), 6), "") for c in centres)
    return found if all(found) else tuple(_position_text(c) for c in centres)


def _reading_order(ax, container: BarContainer) -> tuple[np.ndarray, np.ndarray]:
    """Bar sizes and centres, left to right; top to bottom for horizontal bars."""
    patches = container.patches
    if _horizontal(container):
        centres = np.array([p.get_y() + p.get_height() / 2 for p in patches], dtype="float64")
        sizes = np.array([p.get_width() for p in patches], dtype="float64")
        order = np.argsort(centres if ax.yaxis_inverted() else -centres, kind="stable")
    else:
        centres = np.array([p.get_x() + p.get_width() / 2 for p in patches], dtype="float64")
        sizes = np.array([p.get_height() for p in patches], dtype="float64")
        order = np.argsort(-centres if ax.xaxis_inverted() else centres, kind="stable")
    return sizes[order], centres[order]


def drawn_series(ax) -> list[Drawn]:
    """Everything drawn on the Axes, each as a reader reads it."""
    found = []
    for line in _drawn_lines(ax):
        xy = np.asarray(line.get_xydata(), dtype="float64").reshape(-1, 2)
        kind = "scatter" if _is_marker_only(line) else "line"
        # A line reads along x: drawn from a table sorted the other way (newest first) it looks the same.
        order = np.argsort(xy[:, 0], kind="stable") if kind == "line" else np.arange(len(xy))
        steps = np.diff(xy[:, 0])
        zigzag = kind == "line" and bool(np.any(steps > 0) and np.any(steps < 0))
        found.append(Drawn(kind, xy[order, 1], None, xy[order, 0], line, zigzag))
    for container in _bars(ax):
        sizes, centres = _reading_order(ax, container)
        if _horizontal(container):
            kind = "barh"
        else:
            kind = "hist" if _contiguous(container) else "bar"
        found.append(Drawn(kind, sizes, _bar_labels(ax, container, centres), centres, container))
    for collection in ax.collections:
        if isinstance(collection, PathCollection) and len(collection.get_offsets()):
            xy = np.asarray(collection.get_offsets(), dtype="float64").reshape(-1, 2)
            found.append(Drawn("scatter", xy[:, 1], None, xy[:, 0], collection))
    return found


def plotted_values(ax, chart: str | None = None) -> list[np.ndarray]:
    """Candidate value series: y of each line or scatter, bar sizes in reading order."""
    return [d.values for d in drawn_series(ax) if chart is None or kind_accepted(d.kind, {chart})]


def kind_accepted(kind: str, accepted: set[str]) -> bool:
    """A histogram is drawn as touching bars: a bar question accepts it, and a histogram question its bars."""
    return kind in accepted or (kind == "hist" and "bar" in accepted) or (kind == "bar" and "hist" in accepted)


# -- what should be drawn ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Wanted:
    """The data a question asks to plot: values, and the category of each value or the x of each point."""

    values: np.ndarray
    labels: tuple[str, ...] | None = None
    x: np.ndarray | None = None  # for scatter questions that pair x with y


def _label_text(value) -> str:
    item = getattr(value, "item", None)
    value = item() if callable(item) and getattr(value, "shape", None) == () else value
    return _position_text(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def wanted_from(data) -> Wanted:
    """A question's `data`: a sequence of values, a Series (its index labels the bars) or an (x, y) pair."""
    if isinstance(data, tuple) and len(data) == 2:
        return Wanted(np.asarray(data[1], dtype="float64").ravel(), None, np.asarray(data[0], dtype="float64").ravel())
    labels = None
    index = getattr(data, "index", None)
    if index is not None and type(data).__name__ == "Series":
        # Lazy for speed: only figure checks with labelled data reach this; plain numbers never load pandas.
        from datavaardig.grading.selfcheck.compare.frames import labels_carry_meaning

        if labels_carry_meaning(index):
            labels = tuple(_label_text(label) for label in index)
    return Wanted(np.asarray(data, dtype="float64").ravel(), labels)


# -- comparing -----------------------------------------------------------------------------------------------
def _close(a: np.ndarray, b: np.ndarray, rtol: float) -> np.ndarray:
    return np.isclose(a, b, rtol=rtol, atol=1e-9, equal_nan=True)


def _same(a: np.ndarray, b: np.ndarray, rtol: float) -> bool:
    return a.shape == b.shape and bool(np.all(_close(a, b, rtol)))


def _pairs(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    points = np.column_stack([x, y])
    return points[np.lexsort((points[:, 1], points[:, 0]))]


def _matches(drawn: Drawn, wanted: Wanted, ordered: bool, rtol: float) -> bool:
    if len(drawn.values) != len(wanted.values):
        return False
    if wanted.x is not None:
        return drawn.x is not None and _same(_pairs(drawn.x, drawn.values), _pairs(wanted.x, wanted.values), rtol)
    if drawn.labels is not None and wanted.labels is not None and set(drawn.labels) == set(wanted.labels):
        if ordered and drawn.labels != wanted.labels:
            return False
        mine = dict(zip(drawn.labels, drawn.values))
        return _same(np.array([mine[label] for label in wanted.labels]), wanted.values, rtol)
    if ordered or drawn.kind in ("line", "hist"):
        return _same(drawn.values, wanted.values, rtol)
    return _same(np.sort(drawn.values), np.sort(wanted.values), rtol)


def data_problems(drawn: list[Drawn], wanted: Wanted, ordered: bool, rtol: float) -> list[str]:
    """Empty when one of the drawn series shows the wanted data; else one sentence on the closest one."""
    matching = [d for d in drawn if _matches(d, wanted, ordered, rtol)]
    if any(not d.zigzag for d in matching):
        return []
    if matching:  # the right values, joined in another order than along the x axis
        return [msg("figure_line_zigzag")]
    if not drawn:
        return [msg("figure_empty")]
    same_length = [d for d in drawn if len(d.values) == len(wanted.values)]
    if not same_length:
        longest = max(len(d.values) for d in drawn)
        return [msg("figure_data_count", actual=longest, expected=len(wanted.values))]
    closest = same_length[0]
    if wanted.x is not None and closest.x is not None:
        if _same(_pairs(closest.values, closest.x), _pairs(wanted.x, wanted.values), rtol):
            return [msg("figure_axes_swapped")]
        return [msg("figure_points_wrong")]
    if ordered and _same(np.sort(closest.values), np.sort(wanted.values), rtol):
        return [msg("figure_order")]
    if closest.labels is not None and wanted.labels is not None:
        missing = [label for label in wanted.labels if label not in closest.labels]
        if missing:
            return [msg("figure_categories_missing", labels=join_items(missing))]
        mine = dict(zip(closest.labels, closest.values))
        for label, value in zip(wanted.labels, wanted.values):
            if not _close(np.array([mine[label]]), np.array([value]), rtol)[0]:
                return [msg("figure_category_value", label=label, actual=f"{mine[label]:g}")]
    if ordered or closest.kind in ("line", "hist"):
        position = int(np.flatnonzero(~_close(closest.values, wanted.values, rtol))[0])
        return [msg("figure_data_values", position=position, actual=f"{closest.values[position]:g}")]
    # Order does not count: name a drawn value that occurs nowhere in the data asked for.
    for value in closest.values:
        if not np.any(_close(wanted.values, np.full(len(wanted.values), value), rtol)):
            return [msg("figure_value_unexpected", actual=f"{value:g}")]
    return [msg("figure_data_wrong")]


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
