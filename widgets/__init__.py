"""Composite widgets to explore the province's data, and the Voila dashboards built from them.

Every widget takes DataFrames (from `datavaardig.load`) and never loads data itself; its state is in
traitlets (`value`, `result`) so notebooks, dashboards and tests drive it the same way.
"""

from __future__ import annotations

from datavaardig.widgets.chart_builder import ChartBuilder
from datavaardig.widgets.groningen_map import GroningenMap
from datavaardig.widgets.multiple_choice import MultipleChoice
from datavaardig.widgets.style import source_line, use_house_style
from datavaardig.widgets.table_explorer import TableExplorer
from datavaardig.widgets.timeseries import TimeSeriesExplorer

__all__ = [
    "ChartBuilder",
    "GroningenMap",
    "MultipleChoice",
    "TableExplorer",
    "TimeSeriesExplorer",
    "source_line",
    "use_house_style",
]
