"""`datavaardig demo [NAME] [--list]`: the workshop dashboards on 127.0.0.1 (see datavaardig.widgets.demo)."""

from __future__ import annotations

from datavaardig.widgets.demo import DemoError, dashboards, find_dashboard, serve

__all__ = ["register"]


def cmd_demo(args) -> int:
    if args.list:
        for slug in dashboards():
            print(slug)
        return 0
    only = find_dashboard(args.name) if args.name else None
    if args.pool_size < 1:
        raise DemoError("--pool-size moet minstens 1 zijn.")
    print(f"Dashboards worden opgewarmd op http://127.0.0.1:{args.port}/ (even geduld) …", flush=True)
    try:
        serve(args.port, args.pool_size, only, preload_scripts=not args.no_preload)
    except OSError as exc:
        raise DemoError(f"Kan de server niet starten op poort {args.port}: {exc}. Kies een andere --port.") from exc
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "demo", help="Serve the workshop dashboards with Voila on 127.0.0.1, kernels warm before the first visitor."
    )
    p.add_argument("name", nargs="?", help="one dashboard (e.g. het-weer-in-groningen); default: all")
    p.add_argument("--port", type=int, default=8866, help="port on 127.0.0.1 (default 8866)")
    p.add_argument(
        "--pool-size",
        type=int,
        default=2,
        help="warm kernels kept ready per dashboard (default 2; each visitor takes one)",
    )
    p.add_argument("--list", action="store_true", help="list the dashboards and exit")
    p.add_argument(
        "--no-preload",
        action="store_true",
        help="do not announce the page's scripts up front (slower; to compare, or to record the list)",
    )
    p.set_defaults(func=cmd_demo)
