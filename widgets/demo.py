"""The workshop dashboards in Voila, warm before the first visitor (`datavaardig demo`).

Plain Voila starts and runs a fresh kernel for every page view (seconds of waiting). Here Voila keeps
a pool of kernels per dashboard that have already run the notebook (`preheat_kernel`), and this
command prints the address only once every pooled kernel has finished rendering, so the first
visitor gets a page at once. The page loads nothing from the internet (template `datavaardig`).
"""

from __future__ import annotations

import asyncio
import os
import sys
from importlib.resources import files
from pathlib import Path

from datavaardig.errors import DatavaardigError
from datavaardig.widgets import preload

__all__ = [
    "DASHBOARDS",
    "dashboards",
    "DemoError",
    "DENIED_EXTENSIONS",
    "find_dashboard",
    "prepare_environment",
    "REFILL_DELAY_S",
    "serve",
    "TEMPLATE",
    "TEMPLATES_ROOT",
    "voila_argv",
]

DASHBOARDS = Path(str(files("datavaardig.widgets") / "dashboards"))
# JUPYTER_PATH entry holding voila/templates/datavaardig (found by Voila's template lookup).
TEMPLATES_ROOT = Path(str(files("datavaardig.widgets")))
TEMPLATE = "datavaardig"


class DemoError(DatavaardigError):
    """Unknown dashboard name or a server that cannot start."""


def dashboards() -> dict[str, Path]:
    """Dashboard slug → notebook, e.g. "het-weer-in-groningen"."""
    return {p.stem: p for p in sorted(DASHBOARDS.glob("*.ipynb"))}


def find_dashboard(name: str) -> Path:
    known = dashboards()
    wanted = name.lower().removesuffix(".ipynb").replace(" ", "-")
    matches = [slug for slug in known if slug == wanted] or [slug for slug in known if wanted in slug]
    if len(matches) != 1:
        raise DemoError(f"Onbekend dashboard '{name}'. Kies uit: {', '.join(known)}.")
    return known[matches[0]]


# Refilling the pool means a new kernel running the whole notebook; on a small machine that competes
# for the CPU with the page the visitor who took the kernel is loading. Wait until that page is up.
REFILL_DELAY_S = 5

DENIED_EXTENSIONS = ["@jupyter/nbgrader", "@jupyter-notebook/lab-extension", "@voila-dashboards/jupyterlab-preview"]


def voila_argv(port: int, pool_size: int, only: Path | None, *, preload_scripts: bool = True) -> list[str]:
    """Voila's command-line configuration for the demo."""
    argv = [
        str(DASHBOARDS),
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
        "--no-browser",
        f"--template={TEMPLATE}",
        "--theme=light",
        "--VoilaConfiguration.show_tracebacks=False",
        # A dashboard needs only the widget manager; every other installed JupyterLab extension
        # (nbgrader, notebook, lab preview) would be fetched and started on each page view.
        "--VoilaConfiguration.extension_denylist=" + repr(DENIED_EXTENSIONS),
        "--HTMLExporter.language_code=nl",
    ]
    scripts = preload.scripts() if preload_scripts else []
    if scripts:  # read by the datavaardig template (resources.preload)
        argv.append(f"--VoilaConfiguration.resources={{'preload': {scripts!r}}}")
    argv += [
        "--preheat_kernel=True",
        f"--pool_size={0 if only else pool_size}",
        f"--VoilaKernelManager.fill_delay={REFILL_DELAY_S}",
    ]
    if only:  # only the chosen dashboard keeps a pool; the others still open, from a cold kernel
        argv.append(
            f'--VoilaKernelManager.kernel_pools_config={{"default": {{"pool_size": 0}}, '
            f'"{only.name}": {{"pool_size": {pool_size}}}}}'
        )
    return argv


def prepare_environment() -> None:
    """Voila finds the datavaardig template through JUPYTER_PATH; the kernels inherit the environment."""
    paths = [str(TEMPLATES_ROOT)] + [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    os.environ["JUPYTER_PATH"] = os.pathsep.join(dict.fromkeys(paths))
    os.environ.setdefault("MPLBACKEND", "Agg")


def serve(port: int, pool_size: int, only: Path | None, *, preload_scripts: bool = True, announce=print) -> None:
    """Run Voila in this process until interrupted; announce the address once the pools are warm."""
    prepare_environment()
    from voila.app import Voila

    class DemoVoila(Voila):
        def start(self):
            # Scheduled before the loop runs; Voila's kernel manager filled its pools on the same loop.
            asyncio.get_event_loop().call_soon(lambda: asyncio.ensure_future(self._announce_when_warm()))
            super().start()

        async def _announce_when_warm(self):
            # Voila's pools (private API, pinned voila<0.6): each entry resolves to a render task that
            # finishes when the notebook has run in that kernel.
            failures = []
            for notebook, pool in list(self.kernel_manager._pools.items()):
                for entry in list(pool):
                    try:
                        content = await entry
                        await content["task"]
                    except Exception as exc:  # a broken dashboard must not keep the others offline
                        failures.append(f"{notebook}: {exc}")
            base = f"http://127.0.0.1:{self.port}"
            targets = [only] if only else list(dashboards().values())
            lines = [f"{base}/voila/render/{p.name}" for p in targets]
            for failure in failures:
                print(f"Waarschuwing: dashboard kon niet vooraf draaien: {failure}", file=sys.stderr)
            announce("Klaar. Open in de browser:\n  " + "\n  ".join(lines), flush=True)

    app = DemoVoila()
    app.initialize(voila_argv(port, pool_size, only, preload_scripts=preload_scripts))
    app.start()
