"""Describing a learner's value in a message: its kind in words and a short, one-line rendering.

Only ever applied to the learner's own values (never to the expected answer).
"""

from __future__ import annotations

import numbers
import reprlib

from datavaardig.grading.selfcheck.messages import msg

__all__ = [
    "describe",
    "is_bool",
    "is_frame",
    "is_number",
    "is_pandas",
    "is_series",
    "plain_scalar",
    "type_key",
    "type_name",
]

_short = reprlib.Repr()
_short.maxstring = 50
_short.maxother = 50
_short.maxlist = _short.maxtuple = _short.maxset = _short.maxdict = 6


def is_pandas(value) -> bool:
    # Checked by module name so that plain-number checks never import pandas.
    return type(value).__module__.partition(".")[0] == "pandas"


def is_series(value) -> bool:
    return is_pandas(value) and type(value).__name__ == "Series"


def is_frame(value) -> bool:
    return is_pandas(value) and type(value).__name__ == "DataFrame"


def is_bool(value) -> bool:
    return isinstance(value, bool) or type(value).__name__ == "bool_"


def is_number(value) -> bool:
    """Python and numpy numbers, but not True/False (bool is an int subclass in Python)."""
    return isinstance(value, numbers.Number) and not is_bool(value)


def type_key(value) -> str:
    if value is None:
        return "type.none"
    if is_bool(value):
        return "type.bool"
    if is_number(value):
        return "type.number"
    if isinstance(value, str):
        return "type.text"
    if is_series(value):
        return "type.series"
    if is_frame(value):
        return "type.dataframe"
    for kind, key in ((list, "type.list"), (tuple, "type.tuple"), ((set, frozenset), "type.set"), (dict, "type.dict")):
        if isinstance(value, kind):
            return key
    if type(value).__name__ == "ndarray" or type(value).__name__.endswith("Array"):  # numpy and pandas arrays
        return "type.array"
    if callable(value):
        return "type.function"
    return "type.other"


def type_name(value) -> str:
    """`een getal`, `een lijst`, … in the learner's language."""
    return msg(type_key(value), name=type(value).__name__)


def plain_scalar(value):
    """numpy/pandas scalars as Python values, so `np.int64(3)` shows as `3`."""
    item = getattr(value, "item", None)
    if item is not None and getattr(value, "shape", None) == ():
        try:
            return item()
        except (TypeError, ValueError):
            return value
    return value


def describe(value) -> str:
    """One line, at most ~60 characters: enough to recognise, never a whole table."""
    if is_frame(value):
        rows, cols = value.shape
        return f"<DataFrame {rows}×{cols}>"
    if is_series(value):
        return f"<Series {len(value)}>"
    value = plain_scalar(value)
    if type(value).__name__ in ("Timestamp", "Timedelta", "Period"):
        return str(value)
    if isinstance(value, float):
        text = repr(round(value, 6)) if abs(value) < 1e15 else repr(value)
    else:
        text = _short.repr(value)
    return text.replace("\n", " ").replace("`", "'")
