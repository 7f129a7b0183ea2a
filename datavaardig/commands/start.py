"""`datavaardig start`: JupyterLab on the course start page, on 127.0.0.1, in the learner's own workspace.

The lessons are copied (and on later starts, updated without overwriting the learner's changes) into
`settings.workspace_dir()`; JupyterLab opens there, in Dutch, never in the course source.
"""

from __future__ import annotations

import os
import sys

from datavaardig import settings
from datavaardig.hub import profiles, workspace

__all__ = ["cmd_start", "register"]


def _jupyter_argv(args, root) -> list[str]:
    argv = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--ip=127.0.0.1",
        f"--port={args.port}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.default_url=/lab/tree/index.ipynb",
        *profiles.server_args(_role(args)),
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


def _role(args) -> str:
    return profiles.TRAINER if args.trainer else profiles.LEARNER


def _sync_workspace():
    target = settings.workspace_dir()
    report = workspace.sync(settings.courses_dir(), target)
    if report.added and not (report.updated or report.kept):
        print(f"De lessen staan in je eigen werkmap: {target}")
    elif report.updated or report.restored:
        print(f"Lessen bijgewerkt in {target}: {len(report.updated) + len(report.restored)}.")
    if report.kept:
        print(
            f"{len(report.kept)} les(sen) die je zelf hebt aangepast zijn bewaard; de nieuwe versie staat ernaast "
            f"(zie {target / workspace.NOTES})."
        )
    return target


def cmd_start(args) -> int:
    if not args.skip_data:
        _prepare_data()
    root = _sync_workspace()
    argv = _jupyter_argv(args, root)
    print(f"JupyterLab start op http://127.0.0.1:{args.port}/lab/tree/index.ipynb — stoppen met Ctrl+C.")
    # Replaces this process: Ctrl+C goes straight to Jupyter.
    os.execve(argv[0], argv, profiles.server_env(_role(args)))


def register(subparsers) -> None:
    p = subparsers.add_parser("start", help="Open JupyterLab on the course start page (127.0.0.1).")
    p.add_argument("--port", type=int, default=8888, help="port on 127.0.0.1 (default 8888)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser window")
    p.add_argument("--skip-data", action="store_true", help="do not prepare the datasets first")
    p.add_argument(
        "--trainer", action="store_true", help="show nbgrader's authoring tools (create assignment, formgrader)"
    )
    p.set_defaults(func=cmd_start)
