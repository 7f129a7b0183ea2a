"""Imported once in the grader's forkserver: everything a submission needs, loaded before the fork.

Importing pandas, matplotlib and IPython takes ~1.5 s; forking an interpreter that already has them
takes milliseconds. Each submission is a fresh fork of this module's state, so nothing one learner
does reaches the next. Only the forkserver imports this module, never the grader itself.
"""

from __future__ import annotations

import os
import sys
import tempfile

# The shell's profile and history must not land in the trainer's home.
# One fixed folder per user, reused by every run (nothing in it matters: history is off).
_ipython_dir = os.path.join(tempfile.gettempdir(), f"datavaardig-ipython-{os.getuid()}")
os.makedirs(_ipython_dir, mode=0o700, exist_ok=True)
os.environ.setdefault("IPYTHONDIR", _ipython_dir)
# One thread per native library: helper threads alive in the forkserver would be copied into every
# fork mid-lock (a deadlock), and a sandbox runs on one core anyway.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_MAX_THREADS"):
    os.environ[_name] = "1"
os.environ["ARROW_DEFAULT_MEMORY_POOL"] = "system"
os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"  # as ipykernel sets it

from IPython.core.displayhook import DisplayHook  # noqa: E402
from IPython.core.displaypub import DisplayPublisher  # noqa: E402
from IPython.core.inputtransformer2 import TransformerManager  # noqa: E402
from IPython.core.interactiveshell import InteractiveShell  # noqa: E402
from IPython.lib.pretty import pretty  # noqa: E402
from traitlets.config import Config  # noqa: E402

from datavaardig.grading.assignments.executor import guard  # noqa: E402

__all__ = ["CellDisplayHook", "CellDisplayPublisher", "GUARD", "SHELL", "ZMQLikeCellShell"]


class CellDisplayHook(DisplayHook):
    """Last-expression values become an `execute_result` output (ipykernel's ZMQShellDisplayHook)."""

    def start_displayhook(self):
        self._data = None

    def write_output_prompt(self):
        pass

    def write_format_data(self, format_dict, md_dict=None):
        self._data = (format_dict, md_dict)

    def finish_displayhook(self):
        if self._data is not None:
            data, metadata = self._data
            self.shell.cell_outputs.rich("execute_result", data, metadata, count=self.prompt_count)
        self._data = None


class CellDisplayPublisher(DisplayPublisher):
    """`display(...)` and inline figures become `display_data` outputs."""

    def publish(self, data, metadata=None, source=None, *, transient=None, update=False, **kwargs):
        self.shell.cell_outputs.rich("display_data", data, metadata)

    def clear_output(self, wait=False):
        self.shell.cell_outputs.items.clear()


class ZMQLikeCellShell(InteractiveShell):
    """An InteractiveShell whose tracebacks become `error` outputs (ipykernel's ZMQInteractiveShell).

    "ZMQ" in the class name is on purpose: pandas (`in_ipython_frontend`) looks for it to format
    tables for a notebook rather than a terminal, and the output must match a real kernel's.
    """

    cell_outputs = None

    def _showtraceback(self, etype, evalue, stb):
        self.cell_outputs.error(etype.__name__, str(evalue), list(stb))

    def init_displayhook(self):
        from IPython.core.display_trap import DisplayTrap

        self.displayhook = CellDisplayHook(parent=self, shell=self, cache_size=self.cache_size)
        self.configurables.append(self.displayhook)
        self.display_trap = DisplayTrap(hook=self.displayhook)

    def init_display_pub(self):
        self.display_pub = CellDisplayPublisher(parent=self, shell=self)
        self.configurables.append(self.display_pub)

    def enable_gui(self, gui=None):
        pass  # inline figures need no GUI event loop

    def init_history(self):
        super().init_history()
        self.history_manager.enabled = False


def _build_shell() -> ZMQLikeCellShell:
    config = Config()
    config.HistoryManager.enabled = False
    config.HistoryManager.hist_file = ":memory:"
    config.InteractiveShell.colors = "nocolor"
    config.InteractiveShell.autocall = 0
    shell = ZMQLikeCellShell.instance(config=config)
    # pandas decides at import whether it runs in a Jupyter kernel (`get_ipython().kernel`): wider tables,
    # max_columns 20. Import it as a kernel would, with the shell in place.
    shell.kernel = None
    pandas_was_loaded = "pandas" in sys.modules
    with shell.builtin_trap:
        global pandas
        import numpy  # noqa: F401
        import pandas
        import pyarrow
        import pyarrow.parquet

        pyarrow.set_cpu_count(1)
        pyarrow.set_io_thread_count(1)
        import matplotlib.pyplot  # noqa: F401

        import datavaardig
        import datavaardig.loader  # noqa: F401
    if pandas_was_loaded:  # someone imported pandas first: set what its kernel default would be
        pandas.set_option("display.max_columns", 20)
    shell.enable_matplotlib("inline")
    shell.pristine_transform = TransformerManager().transform_cell
    shell.pristine_pretty = pretty
    return shell


def _warm_up() -> None:
    """Run once what nearly every submission runs (lazy imports inside pandas, parquet, reprs)."""
    import io

    from datavaardig import catalog

    catalog.load_catalog()
    frame = pandas.DataFrame(
        {"t": pandas.to_datetime(["2020-01-01", "2021-06-01"], utc=True), "x": [1.5, 2.5], "s": ["a", "b"]}
    )
    buffer = io.BytesIO()
    frame.to_parquet(buffer)
    frame = pandas.read_parquet(io.BytesIO(buffer.getvalue()))
    frame.groupby(frame["t"].dt.year).size()
    frame[frame["x"] >= 2].head()
    frame["s"].value_counts().sort_index()
    frame["x"].mean()
    SHELL.display_formatter.format(frame)
    SHELL.display_formatter.format(frame["x"])


SHELL = _build_shell()
_warm_up()
GUARD = guard.Snapshot()
