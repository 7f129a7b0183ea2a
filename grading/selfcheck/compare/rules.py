"""How strictly a comparison judges: the `Rules` a question passes to `compare.explain`."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Rules"]


@dataclass(frozen=True)
class Rules:
    """How strictly to compare; the defaults suit most questions (attributes on EqualityQuestion)."""

    tolerance: float | None = None  # absolute tolerance for numbers; None = tight relative tolerance
    rel_tolerance: float = 1e-9
    ignore_case: bool = False
    strip: bool = True
    ordered: bool = True  # lists and tuples: order counts
    key: str | list[str] | None = None  # DataFrame rows are matched on this column (or columns)
    check_index: bool = False
    check_order: bool = True  # DataFrame/Series row order
    check_dtype: bool = True
    check_column_order: bool = False
    check_name: bool = False
