"""`datavaardig start`: JupyterLab on the course start page, on 127.0.0.1."""

from __future__ import annotations

import os
import sys

from datavaardig import settings

__all__ = ["cmd_start", "register"]


def _jupyter_argv(args) -> list[str]:
    courses = settings.courses_dir()
    argv = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--ip=127.0.0.1",
        f"--port={args.port}",
        f"--ServerApp.root_dir={courses}",
        "--LabApp.default_url=/lab/tree/index.ipynb",
    ]
    if args.no_browser:
        argv.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        argv.append("--allow-root")  # Jupyter refuses root without it (containers, CI)
    return argv


def _prepare_data() -> None:
    """First use: build the dataset cache so the first lesson opens at once; never block the start."""
    from datavaardig import catalog
    from datavaardig.loader import build_stale

    if build_stale(list(catalog.load_catalog()), desc="Datasets voorbereiden (eenmalig)"):
        print(
            "Let op: niet alle datasets staan klaar (zie hierboven); de lessen met die datasets werken "
            "pas als dit is opgelost.",
            file=sys.stderr,
        )


def cmd_start(args) -> int:
    if not args.skip_data:
        _prepare_data()
    argv = _jupyter_argv(args)
    print(f"JupyterLab start op http://127.0.0.1:{args.port}/lab/tree/index.ipynb — stoppen met Ctrl+C.")
    os.execv(argv[0], argv)  # replaces this process: Ctrl+C goes straight to Jupyter


def register(subparsers) -> None:
    p = subparsers.add_parser("start", help="Open JupyterLab on the course start page (127.0.0.1).")
    p.add_argument("--port", type=int, default=8888, help="port on 127.0.0.1 (default 8888)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser window")
    p.add_argument("--skip-data", action="store_true", help="do not prepare the datasets first")
    p.set_defaults(func=cmd_start)
