"""Sign-in: Entra ID through oauthenticator's Azure AD authenticator (with a Dutch button), and for the demo and
the tests local accounts (`datavaardig.hub.accounts`).

The local accounts hand the hub each person's groups, like Entra ID does, so the trainer role reaches a trainer
the same way in the demo, the tests and production.
"""

from __future__ import annotations

import asyncio

from jupyterhub.auth import Authenticator
from oauthenticator.azuread import AzureAdOAuthenticator
from traitlets import Unicode

from datavaardig.hub import accounts

__all__ = ["EntraAuthenticator", "LocalAccountsAuthenticator"]

# JupyterHub's sign-in page is English and its custom HTML is no setting; the one button people see is Dutch.
# Rendered by JupyterHub with the page's context (authenticator_login_url keeps the ?next= of the visit).
ENTRA_HTML = """<div class="service-login">
  <h1>datavaardig</h1>
  <p>Leren werken met data, met de open data van de provincie.</p>
  <a role="button" class="btn btn-jupyter btn-lg" href="{{ authenticator_login_url }}">
    Aanmelden met {{ authenticator.login_service }}</a>
</div>"""


class EntraAuthenticator(AzureAdOAuthenticator):
    """oauthenticator's Azure AD authenticator (configured as `c.AzureAdOAuthenticator`), Dutch on the page."""

    def get_custom_html(self, base_url):
        return ENTRA_HTML


class LocalAccountsAuthenticator(Authenticator):
    accounts_file = Unicode(help="JSON file written by datavaardig.hub.accounts.create_accounts").tag(config=True)
    trainers_group = Unicode("trainers", help="hub group of the trainers").tag(config=True)

    async def authenticate(self, handler, data):
        name = self.normalize_username(str(data.get("username", "")))
        # scrypt is slow on purpose: keep the hub's event loop free while it runs.
        account = await asyncio.to_thread(accounts.verify, self.accounts_file, name, str(data.get("password", "")))
        if account is None:
            return None
        return {"name": name, "groups": [self.trainers_group] if account.get("trainer") else []}
