"""The people at the session's hub (`hub` in tests/conftest.py): signed in once, servers started on demand."""

from __future__ import annotations

import pytest

from tests.support.hubclient import HubUser


@pytest.fixture(scope="session")
def person(hub):
    """`person("cursist1")`: that demo account, signed in through the login form, with its server running."""
    people: dict[str, HubUser] = {}

    def get(name: str, server: bool = True) -> HubUser:
        if name not in people:
            people[name] = HubUser(hub.url, name, hub.passwords[name]).sign_in()
        if server:
            people[name].start_server()
        return people[name]

    return get
