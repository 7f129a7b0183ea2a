"""Small layout glue shared by the Voila dashboards: a titled section around a widget."""

from __future__ import annotations

import html

import ipywidgets as W

__all__ = ["section"]


def section(title: str, explanation: str, widget: W.Widget) -> W.VBox:
    """A section: an h2 heading (for screen-reader navigation), one explaining sentence, the widget."""
    intro = f"<h2>{html.escape(title)}</h2>" + (f"<p>{html.escape(explanation)}</p>" if explanation else "")
    box = W.VBox([W.HTML(intro), widget], layout=W.Layout(margin="0 0 28px 0"))
    box.add_class("datavaardig-section")
    return box
