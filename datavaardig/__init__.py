"""datavaardig: data skills for the staff of the Province of Groningen.

The learner's front door, what a lesson types after `import datavaardig as dv`: `dv.load("aardbevingen")` is
the one way to get a dataset, `dv.bind(globals())` lets the lesson's self-checks read the notebook. This file
is the facade on top of every layer; the core modules beside it (settings, catalog, loader, courses) know no
engine, widget or lesson (tests/core/test_layering.py).
"""

from __future__ import annotations

from datavaardig.loader import load

__version__ = "0.1.0"
__all__ = ["load", "bind", "__version__"]


def bind(namespace) -> None:
    """Let self-check questions read your notebook's variables: `dv.bind(globals())`."""
    # Lazy for speed (no cycle: the engine never imports this facade): `import datavaardig` must not load
    # the checking engine for a notebook that only loads data.
    from datavaardig.grading.selfcheck.lesson import bind as _bind

    _bind(namespace)
