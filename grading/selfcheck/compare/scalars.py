"""Explained equality of plain values: numbers, text, booleans, lists, sets and dictionaries.

`explain(actual, expected, rules)` returns a list of sentences; an empty list means equal. The
sentences describe the learner's value and the shape of the difference, never the expected value.
"""

from __future__ import annotations

import math
from collections import Counter

from datavaardig.grading.selfcheck.compare.rules import Rules
from datavaardig.grading.selfcheck.messages import join_items, msg
from datavaardig.grading.selfcheck.values import (
    describe,
    is_bool,
    is_frame,
    is_number,
    is_pandas,
    is_series,
    plain_scalar,
    type_name,
)

__all__ = ["explain", "same"]


def explain(actual, expected, rules: Rules) -> list[str]:
    if is_pandas(expected):
        # Lazy for speed, not for a cycle (frames imports rules, never this module): a check of a
        # number must not pay for importing pandas.
        from datavaardig.grading.selfcheck.compare.frames import explain_pandas

        return explain_pandas(actual, expected, rules)
    expected = plain_scalar(expected)
    actual = plain_scalar(actual)
    if is_bool(expected):
        if is_bool(actual):
            return [] if bool(actual) == bool(expected) else [msg("value_wrong", actual=describe(actual))]
        return [_wrong_type(actual, expected)]
    if is_number(expected):
        return _explain_number(actual, expected, rules)
    if isinstance(expected, str):
        if not isinstance(actual, str):
            return [_wrong_type(actual, expected)]
        return _explain_text(actual, expected, rules)
    if isinstance(expected, (set, frozenset)):
        if not isinstance(actual, (set, frozenset)):
            return [_wrong_type(actual, expected)]
        return _explain_unordered(list(actual), list(expected), rules)
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [_wrong_type(actual, expected)]
        return _explain_dict(actual, expected, rules)
    if _is_sequence(expected):
        if not rules.ordered and isinstance(actual, (set, frozenset)):
            actual = list(actual)  # a set holds the same answer when the question asks for no order
        if not _is_sequence(actual):
            return [_wrong_type(actual, expected)]
        actual_items, expected_items = _items(actual), _items(expected)
        if rules.ordered:
            return _explain_sequence(actual_items, expected_items, rules)
        return _explain_unordered(actual_items, expected_items, rules)
    if expected is None:
        return [] if actual is None else [_wrong_type(actual, expected)]
    return [] if _plain_equal(actual, expected) else [msg("value_wrong", actual=describe(actual))]


def same(actual, expected, rules: Rules) -> bool:
    return not explain(actual, expected, rules)


def _wrong_type(actual, expected) -> str:
    line = msg("wrong_type", actual_type=type_name(actual), expected_type=type_name(expected))
    if is_number(expected) and _decimal_comma(actual):
        line += " " + msg("tip_decimal_comma")
    elif is_number(expected) and (is_series(actual) or is_frame(actual) or _is_collection(actual)):
        line += " " + msg("tip_one_number")
    elif is_number(expected) and isinstance(actual, str):
        line += " " + msg("tip_text_to_number")
    elif isinstance(expected, (list, tuple)) and (is_series(actual) or type(actual).__name__ == "Index"):
        line += " " + msg("tip_to_list")
    return line


def _explain_number(actual, expected, rules: Rules) -> list[str]:
    if not is_number(actual):
        return [_wrong_type(actual, expected)]
    if isinstance(expected, complex) or isinstance(actual, complex):
        return [] if actual == expected else [msg("number_wrong", actual=describe(actual))]
    if math.isnan(expected) or math.isnan(actual):
        if math.isnan(expected) and math.isnan(actual):
            return []
        return [msg("number_nan")] if math.isnan(actual) else [msg("number_wrong", actual=describe(actual))]
    tolerance = rules.number_tolerance()
    if _close(actual, expected, rules, tolerance):
        return []
    return [_number_diagnosis(actual, expected, rules, tolerance)]


def _close(actual, expected, rules: Rules, tolerance: float | None, scale: float = 1.0) -> bool:
    if tolerance is not None:
        return abs(actual - expected) <= tolerance * scale
    return math.isclose(actual, expected, rel_tol=rules.rel_tolerance, abs_tol=1e-12)


def _number_diagnosis(actual, expected, rules: Rules, tolerance: float | None) -> str:
    """One sentence on what is wrong with a number, naming a cause only when the answer itself shows it."""
    shown = describe(actual)
    # Rounded further than the question asks. Where it asks for the exact value, only a rounding to two or
    # three decimals is named: a one-decimal answer (a median of one-decimal magnitudes) is often another
    # method that happens to match the rounded value, and "afgerond" would then point at the wrong cause.
    digits = range(0, rules.decimals) if rules.decimals is not None else range(2, 4)
    for digit in digits:
        if math.isclose(actual, round(expected, digit), rel_tol=0, abs_tol=1e-9):
            if rules.decimals is not None:
                count = msg("decimals.one" if rules.decimals == 1 else "decimals.many", n=rules.decimals)
                return msg("number_rounded_decimals", actual=shown, decimals=count)
            return msg("number_rounded", actual=shown)
    # A share between 0 and 1 where a percentage is asked.
    if 0 < abs(actual) <= 1 and abs(expected) > 1 and _close(actual * 100, expected, rules, tolerance, scale=100):
        return msg("number_fraction", actual=shown)
    # A count or a year is a whole number: a fraction means another column or calculation.
    if isinstance(expected, int) and not float(actual).is_integer():
        return msg("number_not_whole", actual=shown)
    if rules.direction_hints:
        return msg("number_too_large" if actual > expected else "number_too_small", actual=shown)
    return msg("number_wrong", actual=shown)


def _explain_text(actual: str, expected: str, rules: Rules) -> list[str]:
    a, e = (actual.strip(), expected.strip()) if rules.strip else (actual, expected)
    if rules.ignore_case:
        a, e = a.casefold(), e.casefold()
    if a == e:
        return []
    if not rules.ignore_case and a.casefold() == e.casefold():
        first = msg("text_case")
    elif not rules.strip and a.strip() == e.strip():
        first = msg("text_whitespace")
    else:
        first = msg("text_wrong", actual=describe(actual))
    case = msg("text_rule_case_ignored" if rules.ignore_case else "text_rule_case_counts")
    spaces = msg("text_rule_strip" if rules.strip else "text_rule_no_strip")
    return [first, msg("text_rules", case=case, spaces=spaces)]


def _decimal_comma(value) -> bool:
    """`3,6` written the Dutch way: Python reads a tuple of a whole number and a short fraction."""
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        and 0 <= value[1] < 1000
    )


def _is_collection(value) -> bool:
    """Many values where one is asked: a list, a numpy or pandas array, an Index."""
    return not isinstance(value, (str, bytes)) and hasattr(value, "__len__") and hasattr(value, "__iter__")


def _is_sequence(value) -> bool:
    return isinstance(value, (list, tuple)) or type(value).__name__ == "ndarray"


def _items(value) -> list:
    return value.tolist() if type(value).__name__ == "ndarray" else list(value)


def _explain_sequence(actual: list, expected: list, rules: Rules) -> list[str]:
    """An ordered answer: wrong items are named first; "the order" only when it is the only difference."""
    missing, extra = _match(actual, expected, rules)
    if len(actual) != len(expected):
        return [msg("length", actual=len(actual), expected=len(expected)), *_missing_extra(missing, extra)]
    if missing or extra:
        return _missing_extra(missing, extra)
    if any(not same(a, e, rules) for a, e in zip(actual, expected)):
        return [msg("seq_order")]
    return []


def _explain_unordered(actual: list, expected: list, rules: Rules) -> list[str]:
    missing, extra = _match(actual, expected, rules)
    lines = _missing_extra(missing, extra)
    if lines and len(actual) != len(expected):
        lines.insert(0, msg("length", actual=len(actual), expected=len(expected)))
    return lines


def _missing_extra(missing: int, extra: list) -> list[str]:
    lines = []
    if missing:
        lines.append(msg("collection_missing", count=missing))
    if extra:
        lines.append(msg("collection_extra", items=join_items([describe(x) for x in extra])))
    return lines


def _match(actual: list, expected: list, rules: Rules) -> tuple[int, list]:
    """How many expected items have no partner, and which of the learner's items are left over."""
    if all(_hashable_exact(x) for x in actual + expected) and not rules.ignore_case:
        left = Counter(_key(x, rules) for x in expected)
        extra = []
        for item in actual:
            k = _key(item, rules)
            if left[k] > 0:
                left[k] -= 1
            else:
                extra.append(item)
        return sum(left.values()), extra
    remaining = list(expected)
    extra = []
    for item in actual:  # greedy pairing: collections in lessons are small
        for index, candidate in enumerate(remaining):
            if same(item, candidate, rules):
                del remaining[index]
                break
        else:
            extra.append(item)
    return len(remaining), extra


def _hashable_exact(value) -> bool:
    # Floats need tolerance, so they go through the pairwise path.
    return isinstance(value, (str, int, bool)) or value is None


def _key(value, rules: Rules):
    return value.strip() if rules.strip and isinstance(value, str) else value


def _explain_dict(actual: dict, expected: dict, rules: Rules) -> list[str]:
    lines = []
    missing = [k for k in expected if k not in actual]
    extra = [k for k in actual if k not in expected]
    if missing:
        lines.append(msg("dict_missing_keys", keys=join_items([describe(k) for k in missing])))
    if extra:
        lines.append(msg("dict_extra_keys", keys=join_items([describe(k) for k in extra])))
    for k in expected:
        if k in actual and not same(actual[k], expected[k], rules):
            lines.append(msg("dict_value", key=describe(k), actual=describe(actual[k])))
            break  # one wrong value at a time is easier to act on
    return lines


def _plain_equal(actual, expected) -> bool:
    result = actual == expected
    return bool(result) if isinstance(result, bool) or is_bool(result) else False
