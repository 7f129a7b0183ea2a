"""`datavaardig hub`: the whole province in the browser (JupyterHub: sign-in, a server per person, roles)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from datavaardig.hub import launch
from datavaardig.hub.config import load_settings

__all__ = ["cmd_hub", "register"]


def _print_accounts(settings, passwords: dict[str, str]) -> None:
    print("Demo-accounts (de wachtwoorden worden alleen nu getoond / passwords are shown only now):")
    for account in settings.demo_accounts:
        role = "trainer" if account.trainer else "cursist"
        print(f"  {account.name:<10} {role:<8} wachtwoord: {passwords[account.name]}")


def cmd_hub(args) -> int:
    settings = load_settings(Path(args.config) if args.config else None, demo=args.demo)
    overrides = {}
    if args.port:
        overrides.update(
            port=args.port, public_url=f"http://127.0.0.1:{args.port}" if settings.demo else settings.public_url
        )
    if args.state_dir:
        state = Path(args.state_dir).resolve()
        overrides.update(state_dir=state, cookie_secret_file=state / "cookie_secret")
        if settings.demo:
            overrides.update(shared_dir=state.parent / f"{state.name}-gedeeld")
    if overrides:
        settings = replace(settings, **overrides)
    if args.check:
        print(f"De configuratie is compleet / the configuration is complete: {settings.public_url}")
        return 0
    prepared = launch.prepare(settings)
    if prepared.new_passwords:
        _print_accounts(settings, prepared.new_passwords)
    elif settings.demo:
        print(
            f"Demo-accounts bestaan al; de wachtwoorden zijn bij de eerste start getoond. Nieuwe nodig? Verwijder "
            f"{settings.accounts_file} en start opnieuw."
        )
    print(f"JupyterHub start op {settings.public_url} — stoppen met Ctrl+C.", flush=True)
    sys.stdout.flush()
    launch.exec_hub(settings, prepared)
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "hub",
        help="Start JupyterHub: sign-in, a server per person as their own Linux account, learner and trainer roles.",
    )
    p.add_argument("--demo", action="store_true", help="local demo accounts on 127.0.0.1 (one trainer, three learners)")
    p.add_argument("--config", metavar="FILE", help="deployment file (see deploy/hub/datavaardig-hub.yaml)")
    p.add_argument("--port", type=int, help="port the hub listens on (demo default 8000)")
    p.add_argument("--state-dir", metavar="DIR", help="where the hub keeps its database and secrets")
    p.add_argument("--check", action="store_true", help="only check the configuration, start nothing")
    p.set_defaults(func=cmd_hub)
