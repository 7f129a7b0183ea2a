"""Undo the learner's tampering before each test cell runs.

Learner code and the trainer's test cells share one interpreter (tests must see the learner's
variables), so before a test cell we put back what learner code may have changed to fake a pass:
builtins (`len`, `AssertionError`, `print` …), functions and classes of the libraries tests use
(`math.isclose`, `pd.DataFrame.equals`, `np.array_equal` …), trace/profile hooks and gc callbacks.
The snapshot is taken in the pre-forked interpreter, before any learner code exists.

Limits (documented for trainers): audit hooks cannot be removed in CPython, and objects the learner
hands to a test (a value whose `__eq__` always says True) still run learner code; the grader flags
background threads alive at test time as "needs review".
"""

from __future__ import annotations

import builtins
import gc
import sys
import threading
import types

__all__ = ["PROTECTED_MODULES", "Snapshot"]

PROTECTED_MODULES = (
    "builtins",
    "math",
    "operator",
    "numpy",
    "numpy.testing",
    "pandas",
    "pandas.testing",
    "pandas.api.types",
    "datavaardig",
    "sys",
    "os",
    "json",
    "traceback",
)


class Snapshot:
    """Attribute dicts of the protected modules and of the Python classes they export."""

    def __init__(self, module_names=PROTECTED_MODULES):
        self.modules: dict[types.ModuleType, dict] = {}
        self.classes: dict[type, dict] = {}
        for name in module_names:
            module = sys.modules.get(name)
            if module is None:
                continue
            self.modules[module] = dict(vars(module))
            for value in list(vars(module).values()):
                if isinstance(value, type) and not _is_builtin_type(value):
                    for cls in value.__mro__:
                        if not _is_builtin_type(cls) and cls not in self.classes:
                            self.classes[cls] = dict(vars(cls))
        self.builtin_names = dict(vars(builtins))
        self.builtins_module = builtins
        self.threads = threading.active_count()

    def restore(self) -> None:
        sys.settrace(None)
        sys.setprofile(None)
        threading.settrace(None)  # type: ignore[arg-type]
        threading.setprofile(None)  # type: ignore[arg-type]
        gc.callbacks.clear()
        for module, saved in self.modules.items():
            current = vars(module)
            for key, value in saved.items():
                if current.get(key, _MISSING) is not value:
                    current[key] = value
        for name in set(vars(builtins)) - set(self.builtin_names):
            delattr(builtins, name)
        for cls, saved in self.classes.items():
            current = vars(cls)
            for key in [k for k in current if k not in saved]:
                try:
                    delattr(cls, key)
                except (AttributeError, TypeError):
                    pass
            for key, value in saved.items():
                if current.get(key, _MISSING) is not value:
                    try:
                        setattr(cls, key, value)
                    except (AttributeError, TypeError):
                        pass

    def shadowed_builtins(self, namespace: dict) -> dict:
        """Learner variables that hide a builtin (`len = …`): taken out while a test cell runs."""
        return {
            k: namespace[k]
            for k in list(namespace)
            if k in self.builtin_names and not k.startswith("__") and namespace[k] is not self.builtin_names[k]
        }

    def extra_threads(self) -> int:
        return threading.active_count() - self.threads


_MISSING = object()


def _is_builtin_type(cls: type) -> bool:
    # C types (int, object, numpy.ndarray) cannot be patched from Python; skip them.
    return not getattr(cls, "__flags__", 0) & (1 << 9)  # Py_TPFLAGS_HEAPTYPE
