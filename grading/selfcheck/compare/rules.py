"""How strictly a comparison judges: the `Rules` a question passes to `compare.explain`.

The defaults judge as a teacher reads a question: order only counts when the question asks for one, numbers
compare by value whatever their Python/numpy/pandas type, and row labels count when they carry meaning.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Rules"]


@dataclass(frozen=True)
class Rules:
    """How strictly to compare (attributes of the same name on EqualityQuestion)."""

    tolerance: float | None = None  # absolute tolerance for numbers; None = tight relative tolerance
    rel_tolerance: float = 1e-9
    # The question asks to round to this many decimals ("op één decimaal"): any answer within half a unit of
    # that last decimal of the exact value is right, so rounded and unrounded answers both pass.
    decimals: int | None = None
    ignore_case: bool = False
    strip: bool = True
    # Order counts only when the question asks for one ("de nieuwste bovenaan"): lists, tuples, Series and
    # table rows are otherwise compared as collections.
    ordered: bool = False
    key: str | list[str] | None = None  # DataFrame rows are matched on this column (or columns)
    # Row labels (the index): True/False decides; None compares them when they carry meaning (a named index
    # or text labels, as groupby and value_counts give), not when they are row numbers of a filtered table.
    check_index: bool | None = None
    check_dtype: bool = True  # kinds of values (number, text, bool, time); int and float are both numbers
    check_column_order: bool = False
    check_name: bool = False
    # Say "te groot" / "te klein" for a wrong number. Off by default: for a computed answer a direction
    # points at the number, while the cause is nearly always the method.
    direction_hints: bool = False

    def number_tolerance(self) -> float | None:
        """The absolute tolerance for numbers, or None for the tight relative one."""
        if self.decimals is not None:
            # Half a unit of the last asked decimal, plus a hair for binary fractions (round(38.95, 1)).
            half = 0.5 * 10 ** (-self.decimals) + 1e-9
            return max(half, self.tolerance or 0.0)
        return self.tolerance
