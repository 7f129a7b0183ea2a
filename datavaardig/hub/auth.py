"""The demo's sign-in: local accounts (`datavaardig.hub.accounts`) as a JupyterHub authenticator.

It hands the hub each person's groups, like the Entra ID authenticator does, so the trainer role reaches a
trainer the same way in the demo, the tests and production.
"""

from __future__ import annotations

import asyncio

from jupyterhub.auth import Authenticator
from traitlets import Unicode

from datavaardig.hub import accounts

__all__ = ["LocalAccountsAuthenticator"]


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
