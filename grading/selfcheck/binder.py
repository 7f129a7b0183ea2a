"""Where questions read the learner's variables: the namespace the notebook hands over with `bind`.

Explicit on purpose: a check never walks call frames, so what it reads is exactly what the learner
sees in their notebook (`globals()`), and tests can bind any dict. A leaf: it imports nothing of the
engine, so every other module may use it.
"""

from __future__ import annotations

from collections.abc import MutableMapping

__all__ = ["MISSING", "set_namespace", "unbind", "bound_namespace", "lookup"]

_namespace: MutableMapping | None = None

MISSING = object()


def set_namespace(namespace: MutableMapping) -> None:
    """Let every question read the learner's variables from `namespace`."""
    global _namespace
    if not isinstance(namespace, MutableMapping):
        raise TypeError("dv.bind verwacht de variabelen van je notebook: schrijf `dv.bind(globals())`.")
    _namespace = namespace


def unbind() -> None:
    """Forget the bound namespace (tests)."""
    global _namespace
    _namespace = None


def bound_namespace() -> MutableMapping | None:
    return _namespace


def lookup(name: str):
    """The learner's value for `name`, or MISSING when the notebook has no such variable."""
    if _namespace is None:
        return MISSING
    return _namespace.get(name, MISSING)
