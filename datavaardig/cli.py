"""The `datavaardig` command line. Help text in English; messages for learners in Dutch.

Every sub-command lives in `datavaardig/commands/`, one module per group with `register(subparsers)`, so
this file stays a table of contents. Nothing else imports a command module.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from datavaardig.errors import DatavaardigError

__all__ = ["build_parser", "main", "PROVIDERS"]

# Order is the order of `datavaardig --help`.
PROVIDERS = [
    "datavaardig.commands.start",
    "datavaardig.commands.data",
    "datavaardig.commands.courses",
    "datavaardig.commands.assignments",
    "datavaardig.commands.progress",
    "datavaardig.commands.demo",
    "datavaardig.commands.hub",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="datavaardig",
        description="Data skills training for the Province of Groningen: lessons, self-checks, "
        "graded assignments and dashboards on the province's open data.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for provider in PROVIDERS:
        importlib.import_module(provider).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except DatavaardigError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `datavaardig data info X | head` closed the pipe: not an error worth a traceback.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
