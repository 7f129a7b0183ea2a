"""JupyterHub's configuration made from `HubSettings`: `configure(c, settings)` is all jupyterhub_config.py does.

Kept in one function so that the demo, the tests and production configure the same hub, differing only in
what `HubSettings` says (local accounts or Entra ID, 127.0.0.1 or a public https address).
"""

from __future__ import annotations

import sys

from datavaardig.hub.config import HubSettings

__all__ = ["CULLER", "TRAINER_ROLE", "TRAINER_SCOPES", "configure"]

TRAINER_ROLE = "datavaardig-trainer"
# Trainers see who takes part and whose server runs (the hub's admin page, read-only); they cannot open a
# learner's server or files, start or stop servers, or change accounts.
TRAINER_SCOPES = [
    "admin-ui",
    "list:users",
    "read:users",
    "read:users:activity",
    "read:servers",
    "list:groups",
    "read:groups",
]
CULLER = "idle-culler"


def configure(c, settings: HubSettings) -> None:
    state = settings.state_dir
    scheme = "https" if settings.tls_cert else "http"
    c.JupyterHub.bind_url = f"{scheme}://{settings.ip}:{settings.port}/"
    if settings.tls_cert:
        c.JupyterHub.ssl_cert = settings.tls_cert
        c.JupyterHub.ssl_key = settings.tls_key
    c.JupyterHub.hub_ip = "127.0.0.1"
    c.JupyterHub.hub_port = settings.hub_port
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{settings.proxy_api_port}"
    c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
    c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(settings.cookie_secret_file)
    c.JupyterHub.pid_file = str(state / "jupyterhub.pid")
    # Servers keep running through a hub restart (an update, a crash): nobody loses an open notebook.
    c.JupyterHub.cleanup_servers = False
    # A server gets 5 s to stop on SIGINT before SIGTERM (the default 30 s slows every culled server).
    c.LocalProcessSpawner.interrupt_timeout = 5
    c.JupyterHub.template_vars = {"announcement_login": "Meld je aan om verder te leren. / Sign in to continue."}

    _authentication(c, settings)
    _spawner(c, settings)
    _roles_and_services(c, settings)


def _authentication(c, settings: HubSettings) -> None:
    c.Authenticator.admin_users = set(settings.admins)
    c.Authenticator.manage_groups = True  # group membership comes from the sign-in, every time
    if settings.entra is None:
        c.JupyterHub.authenticator_class = "datavaardig.hub.auth.LocalAccountsAuthenticator"
        c.LocalAccountsAuthenticator.accounts_file = str(settings.accounts_file)
        c.LocalAccountsAuthenticator.trainers_group = settings.trainers_group
        c.Authenticator.allow_all = True  # only the accounts in the file can sign in at all
        return
    entra = settings.entra
    base = f"https://login.microsoftonline.com/{entra.tenant_id}/oauth2/v2.0"
    # oauthenticator's Azure AD authenticator with a Dutch sign-in button; it reads c.AzureAdOAuthenticator.
    c.JupyterHub.authenticator_class = "datavaardig.hub.auth.EntraAuthenticator"
    a = c.AzureAdOAuthenticator
    a.tenant_id = entra.tenant_id
    a.client_id = entra.client_id
    a.client_secret = entra.client_secret
    a.oauth_callback_url = f"{settings.public_url}/hub/oauth_callback"
    # The v2.0 endpoints: they take the OpenID scopes and put the user's group ids in the id token.
    a.authorize_url = f"{base}/authorize"
    a.token_url = f"{base}/token"
    a.scope = list(entra.scopes)
    a.username_claim = entra.username_claim
    a.auth_state_groups_key = "user.groups"
    a.allowed_groups = set(entra.allowed_groups)
    a.login_service = "Microsoft 365 (Provincie Groningen)"


def _spawner(c, settings: HubSettings) -> None:
    c.JupyterHub.spawner_class = "datavaardig.hub.spawner.WorkspaceSpawner"
    s = c.WorkspaceSpawner
    s.cmd = [settings.user_python or sys.executable, "-m", "datavaardig.hub.singleuser"]
    s.user_prefix = settings.user_prefix
    s.home_base = str(settings.home_base)
    s.trainers_group = settings.trainers_group
    s.memory_limit_mb = settings.limits.memory_mb
    s.cpus = settings.limits.cpus
    s.max_processes = settings.limits.processes
    s.max_open_files = settings.limits.open_files
    env = {"DATAVAARDIG_CACHE": str(settings.dataset_cache)}
    if settings.data_mirror:
        env["DATAVAARDIG_DATA"] = str(settings.data_mirror)
    s.extra_env = env
    s.default_url = "/lab/tree/index.ipynb"
    # Twenty people signing in at once on two cores: servers start a few at a time (WorkspaceSpawner), the
    # last one after a few minutes.
    s.start_timeout = 600
    s.http_timeout = 240


def _roles_and_services(c, settings: HubSettings) -> None:
    c.JupyterHub.services = [
        {
            "name": CULLER,
            "command": [
                sys.executable,
                "-m",
                "datavaardig.hub.culler",
                f"--timeout={settings.idle_timeout_s}",
                f"--cull-every={settings.cull_every_s}",
            ],
        }
    ]
    c.JupyterHub.load_roles = [
        {
            "name": TRAINER_ROLE,
            "description": "Trainers: wie doet mee en wiens server draait (alleen lezen).",
            "scopes": TRAINER_SCOPES,
            "groups": [settings.trainers_group],
        },
        {
            "name": "datavaardig-idle-culler",
            "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
            "services": [CULLER],
        },
    ]
