"""Sign-in with Entra ID, without Azure: a real hub starts with the production configuration (https with a
certificate, cookie secret, the Entra app) and its login sends the browser to the tenant's authorize URL with
the configured client id, scopes and callback. The browser is never followed to Microsoft."""

from __future__ import annotations

import os
import subprocess
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from tests.support.hub import HubProcess

pytestmark = pytest.mark.slow

TENANT, CLIENT = "9d2f4c1e-0000-4000-8000-00000000a001", "5b7e3a90-0000-4000-8000-00000000c002"
LEARNERS, TRAINERS = "11111111-aaaa-4000-8000-000000000001", "22222222-bbbb-4000-8000-000000000002"


@pytest.fixture(scope="module")
def entra_hub(mirror):
    assert os.geteuid() == 0, "the hub runs as root"
    hub = HubProcess()
    tls = hub.base / "tls"
    tls.mkdir()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(tls / "key.pem"), "-out", str(tls / "cert.pem")],
        check=True,
        capture_output=True,
    )  # fmt: skip
    secret = tls / "cookie_secret"
    secret.write_text(os.urandom(32).hex())
    os.chmod(secret, 0o600)
    hub.url = f"https://127.0.0.1:{hub.port}"
    hub.reconfigure(
        demo=False,
        public_url=hub.url,
        tls={"cert": str(tls / "cert.pem"), "key": str(tls / "key.pem")},
        secrets={"cookie_secret_file": str(secret)},
        entra={"tenant_id": TENANT, "client_id": CLIENT, "allowed_groups": [LEARNERS], "trainers_group": TRAINERS},
        prepare_data=False,
    )
    hub.env["DATAVAARDIG_ENTRA_CLIENT_SECRET"] = "test-geheim"
    hub.ca = str(tls / "cert.pem")  # requests checks the hub's certificate against it
    try:
        yield hub.start()
    finally:
        hub.close()


def test_oauth_login_redirects_to_the_tenants_authorize_url(entra_hub):
    r = requests.get(f"{entra_hub.url}/hub/oauth_login", allow_redirects=False, verify=entra_hub.ca, timeout=60)
    assert r.status_code == 302
    target = urlsplit(r.headers["Location"])
    query = parse_qs(target.query)
    assert (target.scheme, target.netloc) == ("https", "login.microsoftonline.com")
    assert target.path == f"/{TENANT}/oauth2/v2.0/authorize"
    assert query["client_id"] == [CLIENT]
    assert query["response_type"] == ["code"]
    assert query["redirect_uri"] == [f"{entra_hub.url}/hub/oauth_callback"]
    assert set(query["scope"][0].split()) == {"openid", "profile", "email"}
    assert query["state"][0]  # ties the callback to this browser


def test_the_login_page_offers_microsoft_365_and_no_password_form(entra_hub):
    page = requests.get(f"{entra_hub.url}/hub/login", verify=entra_hub.ca, timeout=60).text
    assert "Aanmelden met Microsoft 365 (Provincie Groningen)" in page and 'name="password"' not in page
    assert 'href="/hub/oauth_login' in page


def test_the_hub_serves_only_https(entra_hub):
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(f"http://127.0.0.1:{entra_hub.port}/hub/login", timeout=30)


def test_the_callback_refuses_a_forged_state(entra_hub):
    r = requests.get(
        f"{entra_hub.url}/hub/oauth_callback?code=x&state=vervalst",
        allow_redirects=False,
        verify=entra_hub.ca,
        timeout=60,
    )
    assert r.status_code in (400, 403)
