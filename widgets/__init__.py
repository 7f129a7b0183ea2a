"""Composite widgets to explore the province's data, and the Voila dashboards built from them.

Every widget takes DataFrames (from `datavaardig.load`) and never loads data itself; its state is in
traitlets (`value`, `result`) so notebooks, dashboards and tests drive it the same way.
"""
from __future__ import annotations

from .chart_builder import ChartBuilder
from .groningen_map import GroningenMap
from .multiple_choice import MultipleChoice
from .style import bronregel, use_house_style
from .table_explorer import TableExplorer
from .timeseries import TimeSeriesExplorer

__all__ = ["ChartBuilder", "GroningenMap", "MultipleChoice", "TableExplorer", "TimeSeriesExplorer", "bronregel", "use_house_style"]
