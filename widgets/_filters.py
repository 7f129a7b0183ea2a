"""One filter per column for the table explorer: the control, whether it filters, and its pandas code.

Each filter yields both a boolean mask and the line of pandas a learner would write for it; the
explorer applies the masks and shows the lines, and a test proves they give the same rows.
"""

from __future__ import annotations

import ipywidgets as W
import pandas as pd

from datavaardig.widgets._render import MAX_OPTIONS, is_datetime, is_numeric, is_text, label

LABEL_STYLE = {"description_width": "initial"}


class ColumnFilter:
    """Base: `control` is the widget; `state` is JSON-able; `None` state means "no filter"."""

    kind = "none"

    def __init__(self, df: pd.DataFrame, column: str, labels=None):
        self.column = column
        self.title = label(column, df, labels)
        self.control = self._make_control(df[column])

    def _make_control(self, series):  # pragma: no cover - abstract
        raise NotImplementedError

    @property
    def state(self):
        raise NotImplementedError

    def set_state(self, state) -> None:
        raise NotImplementedError

    def mask(self, frame: pd.DataFrame) -> pd.Series:
        raise NotImplementedError

    def code(self, name: str) -> str:
        """The condition as pandas code on the frame called `name`."""
        raise NotImplementedError


class RangeFilter(ColumnFilter):
    kind = "range"

    def _make_control(self, series):
        lo, hi = float(series.min()), float(series.max())
        self.full = (lo, hi)
        integer = pd.api.types.is_integer_dtype(series)
        cls = W.IntRangeSlider if integer else W.FloatRangeSlider
        step = 1 if integer else max((hi - lo) / 100, 0.1) if hi > lo else 0.1
        self.full = (int(lo), int(hi)) if integer else self.full
        return cls(
            value=self.full,
            min=self.full[0],
            max=self.full[1],
            step=step,
            description=self.title,
            style=LABEL_STYLE,
            continuous_update=False,
            layout=W.Layout(width="100%"),
        )

    @property
    def state(self):
        value = tuple(self.control.value)
        return None if value == tuple(self.full) else [value[0], value[1]]

    def set_state(self, state):
        self.control.value = tuple(state) if state is not None else self.full

    def mask(self, frame):
        lo, hi = self.state
        return frame[self.column].between(lo, hi)

    def code(self, name):
        lo, hi = self.state
        return f'{name}[{name}["{self.column}"].between({lo!r}, {hi!r})]'


class YearFilter(ColumnFilter):
    """Dates filtered by year: `.dt.year.between(…)` is code a beginner can read and change."""

    kind = "years"

    def _make_control(self, series):
        years = series.dt.year
        self.full = (int(years.min()), int(years.max()))
        return W.IntRangeSlider(
            value=self.full,
            min=self.full[0],
            max=self.full[1],
            step=1,
            description=f"{self.title} (jaar)",
            style=LABEL_STYLE,
            continuous_update=False,
            layout=W.Layout(width="100%"),
        )

    @property
    def state(self):
        value = tuple(self.control.value)
        return None if value == self.full else [value[0], value[1]]

    def set_state(self, state):
        self.control.value = tuple(state) if state is not None else self.full

    def mask(self, frame):
        lo, hi = self.state
        return frame[self.column].dt.year.between(lo, hi)

    def code(self, name):
        lo, hi = self.state
        return f'{name}[{name}["{self.column}"].dt.year.between({lo}, {hi})]'


class ChoiceFilter(ColumnFilter):
    """A short list of text values: pick one or more (Ctrl/Shift + click, or arrows and space)."""

    kind = "choice"

    def _make_control(self, series):
        options = sorted(str(v) for v in series.dropna().unique())
        return W.SelectMultiple(
            options=options, value=(), rows=min(6, len(options)), description=self.title, style=LABEL_STYLE
        )

    @property
    def state(self):
        return list(self.control.value) or None

    def set_state(self, state):
        self.control.value = tuple(state or ())

    def mask(self, frame):
        return frame[self.column].isin(self.state)

    def code(self, name):
        return f'{name}[{name}["{self.column}"].isin({self.state!r})]'


class ContainsFilter(ColumnFilter):
    """Many distinct texts (e.g. place names): a box that matches part of the text, any case."""

    kind = "contains"

    def _make_control(self, series):
        return W.Text(
            value="",
            description=f"{self.title} bevat",
            placeholder="bijv. Loppersum",
            style=LABEL_STYLE,
            continuous_update=False,
        )

    @property
    def state(self):
        return self.control.value.strip() or None

    def set_state(self, state):
        self.control.value = state or ""

    def mask(self, frame):
        return frame[self.column].str.contains(self.state, case=False, regex=False, na=False)

    def code(self, name):
        return f'{name}[{name}["{self.column}"].str.contains({self.state!r}, case=False, regex=False, na=False)]'


class YesNoFilter(ColumnFilter):
    kind = "yes/no"

    def _make_control(self, series):
        return W.Dropdown(
            options=[("alle", None), ("ja", True), ("nee", False)],
            value=None,
            description=self.title,
            style=LABEL_STYLE,
        )

    @property
    def state(self):
        return self.control.value

    def set_state(self, state):
        self.control.value = state

    def mask(self, frame):
        return frame[self.column] == self.state

    def code(self, name):
        return f'{name}[{name}["{self.column}"] == {self.state!r}]'


def filter_for(df: pd.DataFrame, column: str, labels=None) -> ColumnFilter | None:
    """The fitting filter for a column's type, or None (geometry, lists, empty columns)."""
    series = df[column]
    if series.dropna().empty:
        return None
    if pd.api.types.is_bool_dtype(series):
        return YesNoFilter(df, column, labels)
    if is_datetime(series):
        return YearFilter(df, column, labels)
    if is_numeric(series):
        return RangeFilter(df, column, labels)
    if is_text(series):
        few = series.nunique() <= MAX_OPTIONS
        return (ChoiceFilter if few else ContainsFilter)(df, column, labels)
    return None
