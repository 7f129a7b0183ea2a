"""The deployment configuration of `datavaardig hub`: read from a YAML file (and the environment), checked
before anything starts, and turned into one `HubSettings` record that the JupyterHub configuration is made of.

A deployment that lacks something essential (a public https URL and TLS, the cookie secret, the Entra ID
application) is refused with every gap named at once, in Dutch and English: a hub that starts half-configured
would sign people in over plain HTTP or lose every session at the next restart. `--demo` needs none of it:
local accounts on 127.0.0.1. The example with every key explained is `deploy/hub/datavaardig-hub.yaml`.
"""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import yaml

from datavaardig.errors import DatavaardigError

__all__ = [
    "DEFAULT_TRAINERS_GROUP",
    "DemoAccount",
    "EntraSettings",
    "HubConfigError",
    "HubSettings",
    "Limits",
    "demo_settings",
    "load_settings",
    "parse_memory",
]

DEFAULT_TRAINERS_GROUP = "trainers"
ENV = {
    "tenant_id": "DATAVAARDIG_ENTRA_TENANT_ID",
    "client_id": "DATAVAARDIG_ENTRA_CLIENT_ID",
    "client_secret": "DATAVAARDIG_ENTRA_CLIENT_SECRET",
}
_NAME = re.compile(r"^[a-z][a-z0-9-]{0,15}$")


class HubConfigError(DatavaardigError):
    """A deployment configuration that is missing something essential or says something impossible."""

    def __init__(self, source: str, problems: list[str]):
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(
            f"De hub start niet: de configuratie {source} is niet compleet. / The hub will not start: the "
            f"configuration {source} is incomplete.\n{lines}\nZie / see deploy/hub/datavaardig-hub.yaml."
        )


@dataclass(frozen=True)
class Limits:
    """What one person's server may use (cgroup v1 for memory and CPU where the kernel offers it)."""

    memory_mb: int = 2048
    cpus: float = 1.0
    processes: int = 256  # RLIMIT_NPROC: counts every process of the person's Linux account
    open_files: int = 4096


@dataclass(frozen=True)
class EntraSettings:
    """Sign-in with the province's Microsoft 365 (Entra ID, formerly Azure AD)."""

    tenant_id: str
    client_id: str
    client_secret: str
    allowed_groups: tuple[str, ...]
    scopes: tuple[str, ...] = ("openid", "profile", "email")
    username_claim: str = "preferred_username"

    def __repr__(self) -> str:  # never print the secret in a traceback or log line
        return f"EntraSettings(tenant_id={self.tenant_id!r}, client_id={self.client_id!r}, client_secret=***)"


@dataclass(frozen=True)
class DemoAccount:
    name: str
    trainer: bool = False


@dataclass(frozen=True)
class HubSettings:
    demo: bool
    public_url: str  # what people type; Entra redirects back to <public_url>/hub/oauth_callback
    ip: str  # where the proxy listens
    port: int
    state_dir: Path  # 0700 root: the hub's database, cookie secret, demo accounts
    shared_dir: Path  # readable by everyone: the prepared datasets all learners load
    cookie_secret_file: Path
    hub_port: int = 8081
    proxy_api_port: int = 8001
    tls_cert: str | None = None
    tls_key: str | None = None
    behind_tls_proxy: bool = False
    entra: EntraSettings | None = None
    trainers_group: str = DEFAULT_TRAINERS_GROUP
    demo_accounts: tuple[DemoAccount, ...] = ()
    admins: tuple[str, ...] = ()
    user_prefix: str = "dv-"
    home_base: Path = Path("/home")
    limits: Limits = field(default_factory=Limits)
    idle_timeout_s: int = 3600
    cull_every_s: int = 300
    data_mirror: str | None = None
    prepare_data: bool = True
    user_python: str | None = None  # filled in at start (datavaardig.hub.userenv)

    @property
    def accounts_file(self) -> Path:
        return self.state_dir / "demo-accounts.json"

    @property
    def dataset_cache(self) -> Path:
        return self.shared_dir / "cache"

    def to_json(self) -> str:
        data = asdict(self)
        return json.dumps(data, default=str, indent=1)

    @classmethod
    def from_json(cls, text: str) -> HubSettings:
        data = json.loads(text)
        for key in ("state_dir", "shared_dir", "cookie_secret_file", "home_base"):
            data[key] = Path(data[key])
        data["limits"] = Limits(**data["limits"])
        data["entra"] = _entra_from(data["entra"]) if data["entra"] else None
        data["demo_accounts"] = tuple(DemoAccount(**a) for a in data["demo_accounts"])
        data["admins"] = tuple(data["admins"])
        return cls(**data)


def _entra_from(data: dict) -> EntraSettings:
    return EntraSettings(**{**data, "allowed_groups": tuple(data["allowed_groups"]), "scopes": tuple(data["scopes"])})


def parse_memory(value) -> int:
    """'2G', '512M', 2048 (MB) → megabytes."""
    if isinstance(value, int):
        return value
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([GgMm])i?[Bb]?\s*", str(value))
    if not match:
        raise ValueError(f"geheugen '{value}' begrijp ik niet (voorbeeld: 2G of 512M)")
    number, unit = float(match.group(1)), match.group(2).upper()
    return int(number * 1024) if unit == "G" else int(number)


DEFAULT_DEMO_ACCOUNTS = (
    DemoAccount("trainer", trainer=True),
    DemoAccount("cursist1"),
    DemoAccount("cursist2"),
    DemoAccount("cursist3"),
)


def demo_settings(state_dir: Path, port: int = 8000, **overrides) -> HubSettings:
    """Local accounts on 127.0.0.1, nothing to configure: `datavaardig hub --demo`."""
    settings = HubSettings(
        demo=True,
        public_url=f"http://127.0.0.1:{port}",
        ip="127.0.0.1",
        port=port,
        state_dir=state_dir,
        shared_dir=state_dir.parent / f"{state_dir.name}-gedeeld",
        cookie_secret_file=state_dir / "cookie_secret",
        demo_accounts=DEFAULT_DEMO_ACCOUNTS,
    )
    return replace(settings, **overrides)


def load_settings(path: Path | None, *, demo: bool = False, environ: dict[str, str] | None = None) -> HubSettings:
    """Read and check a deployment file; with `demo`, the file (optional) only adjusts the demo."""
    environ = dict(os.environ if environ is None else environ)
    source = str(path) if path else "(geen bestand / no file)"
    raw: dict = {}
    if path is not None:
        try:
            raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except OSError as exc:
            raise HubConfigError(source, [f"het bestand is niet te lezen / cannot read the file: {exc}"]) from exc
        except yaml.YAMLError as exc:
            raise HubConfigError(source, [f"geen geldige YAML / not valid YAML: {exc}"]) from exc
        if not isinstance(raw, dict):
            raise HubConfigError(source, ["het bestand moet sleutels bevatten / the file must be a mapping"])
    demo = demo or bool(raw.get("demo"))
    problems: list[str] = []
    try:
        settings = _read(raw, demo, environ, problems)
    except (TypeError, ValueError) as exc:
        raise HubConfigError(source, [str(exc)]) from exc
    if problems:
        if path is None:
            problems.append(
                "geen configuratie gegeven: --config BESTAND, of probeer alles uit met --demo / no --config given; try --demo"
            )
        raise HubConfigError(source, problems)
    return settings


def _read(raw: dict, demo: bool, environ: dict[str, str], problems: list[str]) -> HubSettings:
    listen = raw.get("listen") or {}
    state_dir = Path(raw.get("state_dir") or ("/var/lib/datavaardig/demo" if demo else "/var/lib/datavaardig/hub"))
    port = int(listen.get("port") or (8000 if demo else 443))
    base = demo_settings(state_dir, port) if demo else None
    users = raw.get("users") or {}
    limits_raw = raw.get("limits") or {}
    limits = Limits(
        memory_mb=parse_memory(limits_raw.get("memory", Limits.memory_mb)),
        cpus=float(limits_raw.get("cpu", Limits.cpus)),
        processes=int(limits_raw.get("processes", Limits.processes)),
        open_files=int(limits_raw.get("open_files", Limits.open_files)),
    )
    cull = raw.get("idle_culler") or {}
    internal = raw.get("internal_ports") or {}
    tls = raw.get("tls") or {}
    secrets = raw.get("secrets") or {}
    prefix = str(users.get("prefix", "dv-"))
    if not re.fullmatch(r"[a-z][a-z0-9-]{0,7}", prefix):
        problems.append(
            f"users.prefix '{prefix}': kleine letters, cijfers en '-', hoogstens 8 tekens / lowercase, at most 8"
        )
    common = dict(
        state_dir=state_dir,
        shared_dir=Path(raw.get("shared_dir") or (base.shared_dir if base else "/var/lib/datavaardig/gedeeld")),
        hub_port=int(internal.get("hub", 8081)),
        proxy_api_port=int(internal.get("proxy_api", 8001)),
        user_prefix=prefix,
        home_base=Path(users.get("home_base", "/home")),
        limits=limits,
        idle_timeout_s=int(float(cull.get("timeout_minutes", 60)) * 60),
        cull_every_s=int(cull.get("every_seconds", 300)),
        admins=tuple(raw.get("admins") or ()),
        data_mirror=raw.get("data_mirror") or environ.get("DATAVAARDIG_DATA") or None,
        prepare_data=bool(raw.get("prepare_data", True)),
        trainers_group=str(raw.get("trainers_group") or DEFAULT_TRAINERS_GROUP),
    )
    if demo:
        accounts = raw.get("demo_accounts")
        if accounts:
            common["demo_accounts"] = tuple(
                DemoAccount(str(a["name"]), bool(a.get("trainer", False))) for a in accounts
            )
        for account in common.get("demo_accounts", DEFAULT_DEMO_ACCOUNTS):
            if not _NAME.match(account.name):
                problems.append(f"demo-account '{account.name}': kleine letters en cijfers / lowercase letters, digits")
        return replace(base, ip=str(listen.get("ip", "127.0.0.1")), **common)

    public_url = str(raw.get("public_url") or "").rstrip("/")
    if not public_url:
        problems.append(
            "public_url ontbreekt (het https-adres van de hub) / public_url is missing (the hub's https URL)"
        )
    elif not public_url.startswith("https://"):
        problems.append(f"public_url '{public_url}' moet met https:// beginnen / must start with https://")
    cert, key, behind = tls.get("cert"), tls.get("key"), bool(tls.get("behind_proxy", False))
    if not behind and not (cert and key):
        problems.append(
            "tls ontbreekt: geef tls.cert en tls.key, of tls.behind_proxy: true als een proxy ervoor TLS afhandelt "
            "/ tls is missing: give tls.cert and tls.key, or tls.behind_proxy: true"
        )
    for name, value in (("tls.cert", cert), ("tls.key", key)):
        if value and not Path(value).is_file():
            problems.append(f"{name}: bestand {value} bestaat niet / file does not exist")
    secret_file = secrets.get("cookie_secret_file")
    if not secret_file:
        problems.append(
            "secrets.cookie_secret_file ontbreekt (maak het met `openssl rand -hex 32 > BESTAND; chmod 600 BESTAND`) "
            "/ secrets.cookie_secret_file is missing"
        )
    elif not Path(secret_file).is_file():
        problems.append(f"secrets.cookie_secret_file: {secret_file} bestaat niet / does not exist")
    elif stat.S_IMODE(Path(secret_file).stat().st_mode) & 0o077:
        problems.append(
            f"secrets.cookie_secret_file: {secret_file} is leesbaar voor anderen (chmod 600) / readable by others"
        )
    entra = _read_entra(raw.get("entra"), environ, problems)
    # With Entra ID the trainers are an Entra group: its object id names the hub group too.
    common["trainers_group"] = str((raw.get("entra") or {}).get("trainers_group") or common["trainers_group"])
    return HubSettings(
        demo=False,
        public_url=public_url,
        ip=str(listen.get("ip", "0.0.0.0")),
        port=port,
        cookie_secret_file=Path(secret_file or state_dir / "cookie_secret"),
        tls_cert=cert if not behind else None,
        tls_key=key if not behind else None,
        behind_tls_proxy=behind,
        entra=entra,
        **common,
    )


def _read_entra(raw, environ: dict[str, str], problems: list[str]) -> EntraSettings | None:
    raw = dict(raw or {})
    values = {k: str(environ.get(env) or raw.get(k) or "").strip() for k, env in ENV.items()}
    secret_file = raw.get("client_secret_file")
    if not values["client_secret"] and secret_file:
        try:
            values["client_secret"] = Path(secret_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            problems.append(f"entra.client_secret_file: {exc}")
    missing = [f"entra.{k} ({ENV[k]})" for k, v in values.items() if not v]
    groups = tuple(str(g) for g in raw.get("allowed_groups") or ())
    trainers = str(raw.get("trainers_group") or "")
    if not groups:
        missing.append("entra.allowed_groups")
    if not trainers:
        missing.append("entra.trainers_group")
    if missing:
        problems.append(
            "aanmelden met Microsoft 365 (Entra ID) is niet ingesteld, ontbreekt: / sign-in with Microsoft 365 "
            "(Entra ID) is not configured, missing: " + ", ".join(missing)
        )
        return None
    scopes = tuple(raw.get("scopes") or EntraSettings.scopes)
    # Trainers sign in too: their group is always allowed.
    allowed = groups if trainers in groups else (*groups, trainers)
    return EntraSettings(
        tenant_id=values["tenant_id"],
        client_id=values["client_id"],
        client_secret=values["client_secret"],
        allowed_groups=allowed,
        scopes=scopes,
        username_claim=str(raw.get("username_claim") or EntraSettings.username_claim),
    )
