"""The `____` placeholder a learner replaces with an answer.

It is a single object (compared with `is`), so "not attempted" is told apart from every real answer,
including None, 0 and "". Arithmetic, indexing and calls on it give the placeholder back, so a
lesson that still has `x = ____ * 2` runs top to bottom and its check says "not attempted" instead of
a TypeError.
"""

from __future__ import annotations

__all__ = ["contains_placeholder", "Placeholder"]


class Placeholder:
    """Type of `____`; there is exactly one instance."""

    _instance: Placeholder | None = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "____"

    __str__ = __repr__

    def __reduce__(self):
        # Pickling (copy, multiprocessing) must give back the one instance, never a second one.
        return (Placeholder, ())

    def _absorb(self, *args, **kwargs):
        return self

    __call__ = __getitem__ = _absorb
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _absorb
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = _absorb
    __pow__ = __rpow__ = __neg__ = __pos__ = __abs__ = _absorb


____ = Placeholder()


def contains_placeholder(value, _depth: int = 0) -> bool:
    """True when the value is `____` or a plain container holds it (e.g. `[____, 3]`)."""
    if value is ____:
        return True
    if _depth > 3:
        return False
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(contains_placeholder(item, _depth + 1) for item in value)
    if isinstance(value, dict):
        return any(contains_placeholder(item, _depth + 1) for item in value.values())
    return False
