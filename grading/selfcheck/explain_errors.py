"""Dutch explanations of the mistakes beginners make in these lessons: one or two plain sentences with the fix.

`explain(error, namespace)` recognises an exception by its type and message (and, for a misspelt column, by
the table found in its traceback) and returns the explanation, or None for an error it does not know: then
the learner sees Python's own message, never a guess. Used under ordinary cell errors (error_display.py)
and in check messages when the learner's code raised (question.learner_error).

Light on purpose: pandas is never imported here (types are recognised by name), so `import datavaardig`
stays fast. The sentences live in messages.py ("explain.*"), like every sentence a learner reads.
"""

from __future__ import annotations

import builtins
import difflib
import re
from collections.abc import Callable, Mapping

from datavaardig.grading.selfcheck.messages import msg

__all__ = ["RULES", "explain", "explanation_key"]

# A value's name as the learner wrote it, in backticks: never long, never with a backtick of its own.
_MAX_NAME = 40


def _name(value) -> str:
    text = value if isinstance(value, str) else repr(value)
    text = text.replace("`", "'")
    return text if len(text) <= _MAX_NAME else text[: _MAX_NAME - 1] + "…"


def _message(error: BaseException) -> str:
    if isinstance(error, SyntaxError):
        return error.msg or ""
    return str(error)


def _is_pandas(value, kind: str) -> bool:
    return type(value).__name__ == kind and type(value).__module__.partition(".")[0] == "pandas"


def _table_in_traceback(error: BaseException):
    """The DataFrame pandas was working on when it raised (`self` or `obj` in its own frames), innermost first."""
    frames = []
    tb = error.__traceback__
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    for frame in reversed(frames):
        for name in ("self", "obj", "frame"):
            value = frame.f_locals.get(name)
            value = value if _is_pandas(value, "DataFrame") else getattr(value, "obj", None)  # df.loc's indexer
            if _is_pandas(value, "DataFrame"):
                return value
    return None


def _close(word: str, options) -> str | None:
    found = difflib.get_close_matches(word, [o for o in options if isinstance(o, str)], n=1, cutoff=0.6)
    if not found:  # casing: "Magnitude" for "magnitude"
        found = [o for o in options if isinstance(o, str) and o.casefold() == word.casefold()]
    return found[0] if found else None


Rule = Callable[[BaseException, Mapping], "tuple[str, dict] | None"]


# -- pandas -----------------------------------------------------------------------------------------
def _truth_value(error, namespace):
    if isinstance(error, ValueError) and "truth value of a" in str(error) and "is ambiguous" in str(error):
        return "explain.and_or", {}
    return None


def _key_tuple(error, namespace):
    if isinstance(error, KeyError) and error.args and isinstance(error.args[0], tuple):
        names = ", ".join(f'"{_name(part)}"' for part in error.args[0])
        return "explain.columns_tuple", {"columns": names}
    return None


def _key_column(error, namespace):
    if not (isinstance(error, KeyError) and error.args and isinstance(error.args[0], str)):
        return None
    key = error.args[0]
    table = _table_in_traceback(error)
    if table is None:
        return None
    columns = [c for c in table.columns if isinstance(c, str)]
    if key in columns:
        return None
    suggestion = _close(key, columns)
    if suggestion:
        return "explain.column_suggest", {"name": _name(key), "suggestion": _name(suggestion)}
    shown = ", ".join(f"`{_name(c)}`" for c in columns[:8]) + (" …" if len(columns) > 8 else "")
    return "explain.column", {"name": _name(key), "columns": shown}


def _key_row(error, namespace):
    if (
        isinstance(error, KeyError)
        and error.args
        and isinstance(error.args[0], int)
        and _table_in_traceback(error) is not None
    ):
        return "explain.row_label", {"name": _name(error.args[0])}
    return None


def _key_dict(error, namespace):
    if isinstance(error, KeyError) and error.args and not isinstance(error.args[0], tuple):
        key = error.args[0]
        keys = {k for value in namespace.values() if isinstance(value, dict) for k in list(value)[:500]}
        suggestion = _close(key, keys) if isinstance(key, str) else None
        if suggestion:
            return "explain.key_suggest", {"name": _name(key), "suggestion": _name(suggestion)}
        return "explain.key", {"name": _name(key)}
    return None


def _chained(error, namespace):
    if type(error).__name__ in ("ChainedAssignmentError", "SettingWithCopyWarning"):
        return "explain.chained_assignment", {}
    return None


def _dt_accessor(error, namespace):
    if isinstance(error, AttributeError) and "Can only use .dt accessor" in str(error):
        return "explain.dt_accessor", {}
    return None


def _series_date_part(error, namespace):
    match = re.search(r"'Series' object has no attribute '(year|month|day|hour|minute|weekday|date)'", str(error))
    if isinstance(error, AttributeError) and match:
        return "explain.series_date_part", {"part": match.group(1)}
    return None


def _frame_attribute(error, namespace):
    match = re.search(r"'(DataFrame|Series)' object has no attribute '(\w+)'", str(error))
    if not (isinstance(error, AttributeError) and match):
        return None
    name = match.group(2)
    table = getattr(error, "obj", None)
    table = table if _is_pandas(table, "DataFrame") else _table_in_traceback(error)
    suggestion = _close(name, list(table.columns)) if table is not None else None
    if suggestion:
        return "explain.attribute_column", {"name": _name(name), "suggestion": _name(suggestion)}
    return "explain.attribute_table", {"kind": match.group(1), "name": _name(name)}


def _list_method(error, namespace):
    match = re.search(
        r"'list' object has no attribute '(mean|max|min|sum|count|round|describe|sort_values|head)'", str(error)
    )
    if isinstance(error, AttributeError) and match:
        return "explain.list_method", {"name": match.group(1)}
    return None


def _text_reduction(error, namespace):
    if isinstance(error, TypeError) and re.search(r"Cannot perform reduction '\w+' with string dtype", str(error)):
        return "explain.text_column", {}
    return None


def _compare_time(error, namespace):
    if isinstance(error, TypeError) and re.search(r"Invalid comparison between dtype=datetime64", str(error)):
        return "explain.compare_time", {}
    return None


def _compare_kinds(error, namespace):
    text = str(error)
    if isinstance(error, TypeError) and (
        re.search(r"not supported between instances of '(str|int|float)' and '(str|int|float)'", text)
        or re.search(r"Invalid comparison between dtype=\w+ and (str|int|float)", text)
    ):
        return "explain.compare_kinds", {}
    return None


# -- plain Python -----------------------------------------------------------------------------------
def _float_text(error, namespace):
    match = re.search(r"could not convert string to float: '(.*)'", str(error))
    if isinstance(error, ValueError) and match:
        if "," in match.group(1):
            return "explain.float_comma", {}
        return "explain.float_text", {"text": _name(match.group(1))}
    return None


def _int_text(error, namespace):
    match = re.search(r"invalid literal for int\(\) with base 10: '(.*)'", str(error))
    if isinstance(error, ValueError) and match:
        key = "explain.int_decimal" if re.search(r"[.,]", match.group(1)) else "explain.int_text"
        return key, {"text": _name(match.group(1))}
    return None


def _index_range(error, namespace):
    text = str(error)
    if isinstance(error, IndexError) and ("index out of range" in text or "out-of-bounds" in text):
        return "explain.index_range", {}
    return None


def _name_error(error, namespace):
    if not isinstance(error, NameError) or isinstance(error, UnboundLocalError):
        return None
    name = getattr(error, "name", None) or (re.findall(r"name '(\w+)' is not defined", str(error)) or [None])[0]
    if not name:
        return None
    for value in namespace.values():  # df[magnitude]: a column name without quotes
        if _is_pandas(value, "DataFrame") and name in value.columns:
            return "explain.name_column", {"name": _name(name)}
    suggestion = _close(name, [n for n in namespace if not n.startswith("_")])
    if suggestion:
        return "explain.name_suggest", {"name": _name(name), "suggestion": _name(suggestion)}
    return "explain.name", {"name": _name(name)}


def _text_plus_number(error, namespace):
    if isinstance(error, TypeError) and re.search(r'can only concatenate str \(not "(int|float)"\) to str', str(error)):
        return "explain.text_plus_number", {}
    return None


def _operand(error, namespace):
    match = re.search(r"unsupported operand type\(s\) for .+: '(\w+)' and '(\w+)'", str(error))
    if not (isinstance(error, TypeError) and match):
        return None
    kinds = {match.group(1), match.group(2)}
    if "NoneType" in kinds:
        return "explain.none_value", {}
    if "str" in kinds:
        return "explain.calculate_with_text", {}
    return None


def _none_subscript(error, namespace):
    if isinstance(error, TypeError) and "'NoneType' object is not subscriptable" in str(error):
        return "explain.none_value", {}
    return None


def _not_callable(error, namespace):
    match = re.search(r"'(\w+)' object is not callable", str(error))
    if not (isinstance(error, TypeError) and match):
        return None
    if match.group(1) in ("DataFrame", "Series"):
        return "explain.table_not_callable", {}
    shadowed = [
        n for n in namespace if hasattr(builtins, n) and callable(getattr(builtins, n)) and not n.startswith("_")
    ]
    shadowed = [n for n in shadowed if not callable(namespace[n])]
    if shadowed:
        return "explain.shadowed_function", {"name": _name(shadowed[0])}
    return "explain.not_callable", {"kind": _name(match.group(1))}


def _arguments(error, namespace):
    text = str(error)
    missing = re.search(r"missing \d+ required positional arguments?: (.+)$", text)
    if isinstance(error, TypeError) and missing:
        return "explain.argument_missing", {"names": _name(missing.group(1))}
    if isinstance(error, TypeError) and re.search(r"takes \d+ positional arguments? but \d+ (were|was) given", text):
        return "explain.argument_extra", {}
    return None


def _zero_division(error, namespace):
    if isinstance(error, ZeroDivisionError):
        return "explain.zero_division", {}
    return None


def _module(error, namespace):
    if isinstance(error, ModuleNotFoundError):
        return "explain.module", {"name": _name(error.name or "")}
    return None


def _plot_lengths(error, namespace):
    text = str(error)
    if isinstance(error, ValueError) and (
        "must have same first dimension" in text or "must be the same size" in text or "shape mismatch" in text
    ):
        return "explain.plot_lengths", {}
    return None


def _syntax(error, namespace):
    if not isinstance(error, SyntaxError):
        return None
    text = _message(error)
    if isinstance(error, IndentationError):
        if text.startswith("expected an indented block"):
            return "explain.indent_missing", {}
        if text.startswith("unexpected indent"):
            return "explain.indent_unexpected", {}
        return "explain.indent_mismatch", {}
    if "instead of '='" in text or text.startswith("cannot assign to comparison"):
        return "explain.assign_compare", {}
    if text.startswith("expected ':'"):
        return "explain.colon", {}
    match = re.search(r"'([(\[{])' was never closed", text)
    if match:
        return "explain.bracket_open", {"bracket": match.group(1)}
    if text.startswith(("unmatched", "closing parenthesis")):
        return "explain.bracket_close", {}
    if text.startswith(("unterminated string literal", "EOL while scanning", "unterminated triple-quoted")):
        return "explain.quote_open", {}
    if "Perhaps you forgot a comma" in text:
        return "explain.comma", {}
    return None


# Most specific first: a KeyError is a column of a table before it is a key of a dictionary.
RULES: tuple[Rule, ...] = (
    _syntax,
    _truth_value,
    _key_tuple,
    _key_column,
    _key_row,
    _key_dict,
    _chained,
    _dt_accessor,
    _series_date_part,
    _frame_attribute,
    _list_method,
    _text_reduction,
    _compare_time,
    _compare_kinds,
    _float_text,
    _int_text,
    _index_range,
    _name_error,
    _text_plus_number,
    _operand,
    _none_subscript,
    _not_callable,
    _arguments,
    _zero_division,
    _module,
    _plot_lengths,
)


def explanation_key(error: BaseException, namespace: Mapping | None = None) -> tuple[str, dict] | None:
    """The catalog key and fields of the explanation, or None when the error is not one we explain."""
    namespace = namespace if namespace is not None else {}
    for rule in RULES:
        try:
            found = rule(error, namespace)
        except Exception:  # an explanation must never hide the learner's own error
            found = None
        if found is not None:
            return found
    return None


def explain(error: BaseException, namespace: Mapping | None = None) -> str | None:
    """One or two Dutch sentences (Markdown) saying what went wrong and how to fix it, or None."""
    found = explanation_key(error, namespace)
    return msg(found[0], **found[1]) if found else None
