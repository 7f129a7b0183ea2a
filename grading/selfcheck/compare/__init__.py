"""Explained comparison: what differs between a learner's value and the expected one, in sentences.

`scalars.explain` is the entry point (numbers, text, collections); it hands tables to `frames` (pandas
only when a question is about pandas). `figures` reads a matplotlib Axes the way a reader sees it.
`rules.Rules` says how strict a comparison is.
"""

from __future__ import annotations

from datavaardig.grading.selfcheck.compare.rules import Rules
from datavaardig.grading.selfcheck.compare.scalars import explain, same

__all__ = ["Rules", "explain", "same"]
