"""Explained differences between pandas objects: type, columns, rows (by key), dtype and values.

Rows are matched on `key` columns when the question names them, on the index when `check_index`
is set, else by position. Sentences name the learner's values and missing row keys (as the issue
asks: "'Loppersum' ontbreekt"), never an expected value.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from datavaardig.grading.selfcheck.compare.rules import Rules
from datavaardig.grading.selfcheck.messages import join_items, msg
from datavaardig.grading.selfcheck.values import describe, is_frame, is_series, type_name

__all__ = ["explain_pandas", "MAX_COLUMNS_REPORTED"]

MAX_COLUMNS_REPORTED = 3


def explain_pandas(actual, expected, rules: Rules) -> list[str]:
    series = is_series(expected)
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
    return [line]


def _explain_table(a: pd.DataFrame, e: pd.DataFrame, rules: Rules, series: bool) -> list[str]:
    lines = [] if series else _explain_columns(a, e, rules)
    keys = [rules.key] if isinstance(rules.key, str) else list(rules.key or [])
    if series or any(k not in e.columns for k in keys):
        keys = []
    if any(k not in a.columns for k in keys):
        return lines + [msg("frame_key_missing", key=", ".join(keys))]
    if keys or rules.check_index:
        a_ix = a.set_index(keys) if keys else a
        e_ix = e.set_index(keys) if keys else e
        if not e_ix.index.has_duplicates:
            row_lines, a_al, e_al, labels = _align_by_label(a_ix, e_ix, rules, keys, series)
            lines += row_lines
            if a_al is None:
                return lines
            return lines + _explain_cells(a_al, e_al, labels, rules, series)
    if len(a) != len(e):
        return lines + [msg("series_rows" if series else "frame_rows", actual=len(a), expected=len(e))]
    if not rules.check_order:
        a, e = _sorted(a, e)
    labels = a.index  # the learner's own row labels, as they see them in their output
    return lines + _explain_cells(a.reset_index(drop=True), e.reset_index(drop=True), labels, rules, series)


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
        lines.append(msg("frame_rows_missing", key=where, keys=_labels(missing)))
    if len(extra):
        lines.append(msg("frame_rows_extra", key=where, keys=_labels(extra)))
    if not len(missing) and not len(extra) and rules.check_order and not a.index.equals(e.index):
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
    if isinstance(dtype, pd.CategoricalDtype):
        return "category"
    if pd.api.types.is_string_dtype(dtype) or pd.api.types.is_object_dtype(dtype):
        return "text"
    return {"i": "int", "u": "int", "f": "float", "b": "bool", "M": "datetime", "m": "timedelta"}.get(
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
    numeric = {"int", "float"}
    if _family(a.dtype) in numeric and _family(e.dtype) in numeric:
        av = a.astype("float64").to_numpy()
        ev = e.astype("float64").to_numpy()
        if rules.tolerance is not None:
            close = np.isclose(av, ev, rtol=0, atol=rules.tolerance, equal_nan=True)
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
