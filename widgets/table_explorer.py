"""TableExplorer: filter, sort and page through a table, and see the pandas code that does the same.

State: `value` = {"filters": {column: state}, "sort": column|None, "ascending": bool, "rows": int};
`result` = the selected rows (all of them, sorted); `code` = pandas that turns `df` into `result`.
"""

from __future__ import annotations

import html

import ipywidgets as W
import pandas as pd
import traitlets as T

from datavaardig.widgets._filters import LABEL_STYLE, filter_for
from datavaardig.widgets._render import dutch_number, is_numeric, label

__all__ = ["DEFAULT_ROWS", "TableExplorer"]

DEFAULT_ROWS = 10


class TableExplorer(W.VBox):
    """Explore a DataFrame without code; the code appears below, ready to copy into a notebook."""

    value = T.Dict(help="Selection: filters (only active ones), sort column, ascending, rows shown.")
    result = T.Instance(pd.DataFrame, allow_none=True, help="The selected rows, sorted.")
    code = T.Unicode(help="pandas code that produces `result` from a frame called `df`.")
    summary = T.Unicode(help="Plain-text summary of the selection.")

    def __init__(
        self, df: pd.DataFrame, *, columns=None, labels=None, title: str | None = None, frame_name: str = "df", **kwargs
    ):
        if not isinstance(df, pd.DataFrame):
            raise TypeError("TableExplorer verwacht een pandas DataFrame, bijvoorbeeld dv.load('aardbevingen').")
        columns = list(columns) if columns is not None else [c for c in df.columns if c != "geometry"]
        missing = [c for c in columns if c not in df.columns]
        if missing:
            raise ValueError(f"Deze kolommen bestaan niet in de tabel: {missing}. Kies uit {list(df.columns)}.")
        # Explicit columns narrow the table (and the code starts with that column selection).
        self._columns = columns if len(columns) < len(df.columns) else None
        self._df = pd.DataFrame(df[columns])
        self._df.attrs = dict(df.attrs)
        self._name = frame_name
        self._labels = labels or {}
        self._filters = {c: f for c in columns if (f := filter_for(self._df, c, labels))}
        self._syncing = False

        sortable = [c for c in columns if c in self._df.columns]
        self._sort = W.Dropdown(
            options=[("niet sorteren", None)] + [(label(c, self._df, labels), c) for c in sortable],
            value=None,
            description="Sorteer op",
            style=LABEL_STYLE,
        )
        self._order = W.Dropdown(
            options=[("oplopend (klein → groot)", True), ("aflopend (groot → klein)", False)],
            value=True,
            description="Volgorde",
            style=LABEL_STYLE,
        )
        self._rows = W.BoundedIntText(
            value=DEFAULT_ROWS,
            min=1,
            max=500,
            step=5,
            description="Aantal rijen tonen",
            style=LABEL_STYLE,
            layout=W.Layout(width="220px"),
        )
        self._reset = W.Button(description="Filters wissen", tooltip="Zet alle filters terug")
        self._summary = W.HTML()
        self._table = W.HTML()
        self._code = W.HTML()

        for control in [f.control for f in self._filters.values()] + [self._sort, self._order, self._rows]:
            control.observe(self._on_control, names="value")
        self._reset.on_click(lambda _: self.reset())

        heading = f"<h3>{html.escape(title)}</h3>" if title else ""
        filter_box = W.GridBox(
            [f.control for f in self._filters.values()],
            layout=W.Layout(grid_template_columns="repeat(auto-fill, minmax(320px, 1fr))", grid_gap="6px 18px"),
        )
        children = [
            W.HTML(f"{heading}<strong>Filters</strong>"),
            filter_box,
            W.HBox([self._sort, self._order, self._rows, self._reset], layout=W.Layout(flex_flow="row wrap")),
            self._summary,
            self._table,
            W.HTML("<strong>Dezelfde selectie in pandas-code</strong>"),
            self._code,
        ]
        super().__init__(children=children, **kwargs)
        self.add_class("datavaardig-table-explorer")
        self.value = self._state_from_controls()

    # -- state ---------------------------------------------------------------------------
    def _state_from_controls(self) -> dict:
        active = {c: f.state for c, f in self._filters.items() if f.state is not None}
        return {
            "filters": active,
            "sort": self._sort.value,
            "ascending": self._order.value,
            "rows": int(self._rows.value),
        }

    @T.validate("value")
    def _check_value(self, proposal):
        value = dict(proposal["value"])
        unknown = [c for c in value.get("filters", {}) if c not in self._filters]
        if unknown:
            raise T.TraitError(f"Geen filter voor kolom(men) {unknown}; wel voor {list(self._filters)}.")
        if value.get("sort") not in (None, *self._df.columns):
            raise T.TraitError(f"Kan niet sorteren op '{value['sort']}': die kolom bestaat niet.")
        return {
            "filters": dict(value.get("filters", {})),
            "sort": value.get("sort"),
            "ascending": bool(value.get("ascending", True)),
            "rows": int(value.get("rows", DEFAULT_ROWS)),
        }

    def _on_control(self, _change):
        if not self._syncing:
            self.value = self._state_from_controls()

    @T.observe("value")
    def _on_value(self, change):
        value = change["new"]
        self._syncing = True
        try:  # controls follow `value` when it is set from code; then `value` follows the clamped controls
            for column, f in self._filters.items():
                f.set_state(value["filters"].get(column))
            self._sort.value = value["sort"]
            self._order.value = value["ascending"]
            self._rows.value = value["rows"]
        finally:
            self._syncing = False
        clamped = self._state_from_controls()
        if clamped != value:
            self.value = clamped
            return
        self._apply()

    def reset(self) -> None:
        """All filters off, no sorting (the rows setting stays)."""
        self.value = {"filters": {}, "sort": None, "ascending": True, "rows": self.value["rows"]}

    # -- selection, code and display ---------------------------------------------------
    def _select(self) -> pd.DataFrame:
        selection = self._df
        for column in self.value["filters"]:
            selection = selection[self._filters[column].mask(selection)]
        if self.value["sort"]:
            selection = selection.sort_values(self.value["sort"], ascending=self.value["ascending"])
        return selection

    def _code_lines(self) -> list[str]:
        name = "selectie"
        lines = [f"{name} = {self._name}" + (f"[{self._columns!r}]" if self._columns else "")]
        lines += [f"{name} = {self._filters[c].code(name)}" for c in self.value["filters"]]
        if self.value["sort"]:
            lines.append(f'{name} = {name}.sort_values("{self.value["sort"]}", ascending={self.value["ascending"]})')
        lines.append(f"{name}.head({self.value['rows']})")
        return lines

    def _apply(self) -> None:
        selection = self._select()
        self.result = selection
        self.code = "\n".join(self._code_lines())
        self._code.value = f"<pre style='font-size:1.05em'><code>{html.escape(self.code)}</code></pre>"
        total, chosen = len(self._df), len(selection)
        share = dutch_number(100 * chosen / total, 1) if total else "0"
        self.summary = f"{chosen} van {total} rijen geselecteerd ({share} %)"
        self._summary.value = (
            f"<p><strong>{dutch_number(chosen)}</strong> van {dutch_number(total)} rijen geselecteerd ({share} %).</p>"
            + self._stats_html(selection)
        )
        shown = selection.head(self.value["rows"])
        caption = f"Eerste {len(shown)} van {dutch_number(chosen)} geselecteerde rijen"
        table = shown.rename(columns=lambda c: label(c, self._df, self._labels)).to_html(
            index=False, na_rep="–", border=0, float_format=lambda v: dutch_number(v, 2), classes="datavaardig-table"
        )
        table = table.replace(">\n  <thead>", f">\n  <caption>{caption}</caption>\n  <thead>", 1)
        # A scrolling region must be reachable by keyboard (tabindex) and named for screen readers.
        self._table.value = (
            f'<div tabindex="0" role="region" aria-label="{caption}" '
            f'style="overflow:auto;max-height:480px">{table}</div>'
        )

    def _stats_html(self, selection: pd.DataFrame) -> str:
        numeric = [c for c in selection.columns if is_numeric(selection[c])]
        if not numeric or selection.empty:
            return ""
        rows = "".join(
            f"<tr><th scope='row'>{html.escape(label(c, self._df, self._labels))}</th>"
            f"<td>{dutch_number(selection[c].min(), 2)}</td><td>{dutch_number(selection[c].mean(), 2)}</td>"
            f"<td>{dutch_number(selection[c].max(), 2)}</td></tr>"
            for c in numeric
        )
        return (
            "<table class='datavaardig-summary'><caption>Samenvatting van de selectie</caption>"
            "<thead><tr><th scope='col'>Kolom</th><th scope='col'>Minimum</th><th scope='col'>Gemiddelde</th>"
            f"<th scope='col'>Maximum</th></tr></thead><tbody>{rows}</tbody></table>"
        )
