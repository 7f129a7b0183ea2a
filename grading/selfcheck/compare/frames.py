"""Explained differences between pandas objects: type, columns, rows (by key or label), dtype and values.

Rows are matched on `key` columns when the question names them, on their labels when those carry meaning
(a named index, text or time labels: what groupby, value_counts and set_index give), else as a collection of
rows. Row order counts only when the question asks for one (`Rules.ordered`), and then a table whose only
difference is its order is told so. An answer that holds the labels in a column (`reset_index()`,
`groupby(..., as_index=False)`) is read as the same table. Sentences name the learner's values and missing
row labels ("'Loppersum' ontbreekt"), never an expected value.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from datavaardig.grading.selfcheck.compare.rules import Rules
from datavaardig.grading.selfcheck.messages import join_items, msg
from datavaardig.grading.selfcheck.values import describe, is_frame, is_series, type_name

__all__ = ["explain_pandas", "labels_carry_meaning", "MAX_COLUMNS_REPORTED"]

MAX_COLUMNS_REPORTED = 3


def labels_carry_meaning(index: pd.Index) -> bool:
    """A named index, or labels that are not row numbers (text, times): part of the answer."""
    if any(name is not None for name in index.names):
        return True
    return not pd.api.types.is_integer_dtype(index.dtype)


def explain_pandas(actual, expected, rules: Rules) -> list[str]:
    series = is_series(expected)
    actual = _labels_from_columns(actual, expected)
    if series and is_series(actual):
        lines = []
        if rules.check_name and actual.name != expected.name:
            lines.append(msg("series_name", actual=describe(actual.name)))
        return lines + _explain_table(actual.to_frame("values"), expected.to_frame("values"), rules, True)
    if not series and is_frame(actual):
        return _explain_table(actual, expected, rules, False)
    line = msg("wrong_type", actual_type=type_name(actual), expected_type=type_name(expected))
    if series and is_frame(actual):
        line += " " + msg("tip_one_column")
    elif is_series(actual):
        line += " " + msg("tip_keep_table")
    elif series and labels_carry_meaning(expected.index) and type(actual).__name__ in ("list", "ndarray", "tuple"):
        line += " " + msg("tip_keep_labels")
    return [line]


def _labels_from_columns(actual, expected):
    """`reset_index()` or `as_index=False` moved the labels into a column: read them as labels again."""
    if not (is_frame(actual) and isinstance(actual.index, pd.RangeIndex)):
        return actual
    names = list(expected.index.names)
    if any(name is None for name in names) or not all(name in actual.columns for name in names):
        return actual
    if is_series(expected):
        values = [c for c in actual.columns if c not in names]
        return actual.set_index(names)[values[0]] if len(values) == 1 else actual
    return actual.set_index(names)


def _by_label(e: pd.DataFrame, rules: Rules) -> bool:
    return labels_carry_meaning(e.index) if rules.check_index is None else rules.check_index


def _explain_table(a: pd.DataFrame, e: pd.DataFrame, rules: Rules, series: bool) -> list[str]:
    lines = [] if series else _explain_columns(a, e, rules)
    keys = [rules.key] if isinstance(rules.key, str) else list(rules.key or [])
    if series or any(k not in e.columns for k in keys):
        keys = []
    if any(k not in a.columns for k in keys):
        return lines + [msg("frame_key_missing", key=", ".join(keys))]
    if keys or _by_label(e, rules):
        a_ix = a.set_index(keys) if keys else a
        e_ix = e.set_index(keys) if keys else e
        if not e_ix.index.has_duplicates:
            if series and rules.check_dtype and _family(a["values"].dtype) != _family(e["values"].dtype):
                # Other values altogether (names where counts are asked): say that before any label.
                return [msg("series_dtype", actual=str(a["values"].dtype), expected=str(e["values"].dtype))]
            if not keys and _labels_lost(a_ix.index, e_ix.index):
                return lines + [msg("series_index_lost" if series else "frame_index_lost")]
            row_lines, a_al, e_al, labels = _align_by_label(a_ix, e_ix, rules, keys, series)
            lines += row_lines
            if a_al is None:
                return lines
            return lines + _explain_cells(a_al, e_al, labels, rules, series)
    if len(a) != len(e):
        return lines + [msg("series_rows" if series else "frame_rows", actual=len(a), expected=len(e))]
    if not rules.ordered:
        a, e = _sorted(a, e)
    labels = a.index  # the learner's own row labels, as they see them in their output
    cells = _explain_cells(a.reset_index(drop=True), e.reset_index(drop=True), labels, rules, series)
    if cells and rules.ordered:
        a_sorted, e_sorted = _sorted(a, e)
        unordered = a_sorted.reset_index(drop=True), e_sorted.reset_index(drop=True)
        if not _explain_cells(*unordered, a_sorted.index, rules, series):
            return lines + [msg("frame_row_order")]
    return lines + cells


def _labels_lost(actual: pd.Index, expected: pd.Index) -> bool:
    """The answer's labels are row numbers 0, 1, 2, … where the question's labels mean something."""
    numbered = isinstance(actual, pd.RangeIndex) or (
        actual.names == [None] and pd.api.types.is_integer_dtype(actual.dtype)
    )
    return numbered and labels_carry_meaning(expected) and not expected.isin(actual).any()


def _explain_columns(a: pd.DataFrame, e: pd.DataFrame, rules: Rules) -> list[str]:
    missing = [describe(c) for c in e.columns if c not in a.columns]
    extra = [describe(c) for c in a.columns if c not in e.columns]
    lines = []
    if missing:
        lines.append(msg("frame_columns_missing", columns=join_items(missing)))
    if extra:
        lines.append(msg("frame_columns_extra", columns=join_items(extra)))
    if not lines and rules.check_column_order and list(a.columns) != list(e.columns):
        lines.append(msg("frame_column_order"))
    return lines


def _align_by_label(a, e, rules: Rules, keys: list[str], series: bool):
    lines = []
    if len(a) != len(e):
        lines.append(msg("series_rows" if series else "frame_rows", actual=len(a), expected=len(e)))
    where = ", ".join(keys) if keys else "index"
    duplicated = a.index[a.index.duplicated()].unique()
    if len(duplicated):
        shown = _labels(duplicated)
        return lines + [msg("frame_key_duplicates", key=where, keys=shown)], None, None, None
    # Hash lookups (get_indexer) on both unique indexes: row-by-row Python, and even Index.isin on
    # pandas' Arrow-backed strings, cost tens of milliseconds for a 1,000-row table.
    positions = a.index.get_indexer(e.index)
    in_actual = positions >= 0
    missing, extra = e.index[~in_actual], a.index[e.index.get_indexer(a.index) < 0]
    if len(missing):
        if len(missing) * 2 > len(e):  # naming most of the rows asked for would give the answer away
            lines.append(msg("frame_rows_missing_count", key=where, count=len(missing), total=len(e)))
        else:
            lines.append(msg("frame_rows_missing", key=where, keys=_labels(missing)))
    if len(extra):
        lines.append(msg("frame_rows_extra", key=where, keys=_labels(extra)))
    if not len(missing) and not len(extra) and rules.ordered and not a.index.equals(e.index):
        lines.append(msg("frame_row_order"))
    e_common = e[in_actual]
    a_al = a.iloc[positions[in_actual]].reset_index(drop=True)
    return lines, a_al, e_common.reset_index(drop=True), e_common.index


def _labels(index, limit: int = 5) -> str:
    return join_items([describe(k) for k in index[:limit]], limit, total=len(index))


def _sorted(a: pd.DataFrame, e: pd.DataFrame):
    """Both tables in one canonical row order, for questions where order does not count."""
    columns = [c for c in e.columns if c in a.columns]
    try:
        return (
            a.sort_values(columns, kind="stable", ignore_index=False),
            e.sort_values(columns, kind="stable", ignore_index=False),
        )
    except TypeError:  # unorderable mixed values: fall back to the given order
        return a, e


def _family(dtype) -> str:
    """The kind of value a learner can see: a count in float64 (from describe) is still a number."""
    if isinstance(dtype, pd.CategoricalDtype):
        return "category"
    if pd.api.types.is_string_dtype(dtype) or pd.api.types.is_object_dtype(dtype):
        return "text"
    return {"i": "number", "u": "number", "f": "number", "b": "bool", "M": "datetime", "m": "timedelta"}.get(
        dtype.kind, str(dtype)
    )


def _explain_cells(a: pd.DataFrame, e: pd.DataFrame, labels: list, rules: Rules, series: bool) -> list[str]:
    lines, reported = [], 0
    value_columns = 0
    for column in [c for c in e.columns if c in a.columns]:
        a_col, e_col = a[column], e[column]
        if rules.check_dtype and _family(a_col.dtype) != _family(e_col.dtype):
            key = "series_dtype" if series else "frame_dtype"
            lines.append(msg(key, column=describe(column), actual=str(a_col.dtype), expected=str(e_col.dtype)))
            continue
        differs = _differs(a_col, e_col, rules)
        count = int(differs.sum())
        if not count:
            continue
        value_columns += 1
        if reported >= MAX_COLUMNS_REPORTED:
            continue
        reported += 1
        position = int(np.flatnonzero(differs)[0])
        fields = dict(count=count, row=describe(labels[position]), actual=describe(a_col.iloc[position]))
        lines.append(
            msg("series_values", **fields) if series else msg("frame_values", column=describe(column), **fields)
        )
    if value_columns > reported:
        lines.append(msg("frame_values_more_columns", count=value_columns - reported))
    return lines


def _differs(a: pd.Series, e: pd.Series, rules: Rules) -> np.ndarray:
    if _family(a.dtype) == "number" and _family(e.dtype) == "number":
        av = a.astype("float64").to_numpy()
        ev = e.astype("float64").to_numpy()
        tolerance = rules.number_tolerance()
        if tolerance is not None:
            close = np.isclose(av, ev, rtol=0, atol=tolerance, equal_nan=True)
        else:
            close = np.isclose(av, ev, rtol=rules.rel_tolerance, atol=1e-12, equal_nan=True)
        return ~close
    both_missing = (a.isna() & e.isna()).to_numpy(dtype=bool)
    try:
        equal = a.eq(e).fillna(False).to_numpy(dtype=bool)
    except (TypeError, ValueError):
        equal = np.array([_safe_equal(x, y) for x, y in zip(a, e)], dtype=bool)
    return ~(equal | both_missing)


def _safe_equal(x, y) -> bool:
    try:
        return bool(x == y)
    except (TypeError, ValueError):
        return False
