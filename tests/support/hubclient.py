"""A person at a JupyterHub, in code: sign in with a password, start their server through the hub's REST API,
read and write files and run code in a kernel of their server. Shared by tests/hub and benchmarks/hub.py.

Everything goes through the proxy's public address, like a browser's requests do.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field

import requests
import websocket

__all__ = ["HubUser", "Outputs", "SignInFailed"]


class SignInFailed(AssertionError):
    """The hub did not accept the name and password."""


@dataclass
class Outputs:
    text: str = ""  # stdout + results (text/plain) + Markdown shown, in order
    markdown: list[str] = field(default_factory=list)
    error: str | None = None  # "ErrorName: message" of an uncaught exception


class HubUser:
    def __init__(self, base_url: str, name: str, password: str):
        self.base = base_url.rstrip("/")
        self.name = name
        self.password = password
        self.session = requests.Session()
        self.token: str | None = None

    # -- the hub ---------------------------------------------------------------------------------------------
    def sign_in(self) -> HubUser:
        self.session.get(f"{self.base}/hub/login", timeout=60)
        xsrf = self.session.cookies.get("_xsrf", "")
        r = self.session.post(
            f"{self.base}/hub/login",
            data={"username": self.name, "password": self.password, "_xsrf": xsrf},
            allow_redirects=False,
            timeout=120,
        )
        if r.status_code != 302 or "/hub/login" in r.headers.get("Location", ""):
            raise SignInFailed(f"{self.name}: sign-in refused ({r.status_code})")
        # Signing in binds a new xsrf token to the new session: the one the login response set.
        xsrf = r.cookies.get("_xsrf") or xsrf
        r = self.session.post(
            f"{self.base}/hub/api/users/{self.name}/tokens",
            headers={"X-XSRFToken": xsrf},
            json={"note": "datavaardig tests", "expires_in": 3600},
            timeout=60,
        )
        r.raise_for_status()
        self.token = r.json()["token"]
        return self

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"token {self.token}"}

    def hub_api(self, method: str, path: str, **kwargs) -> requests.Response:
        return requests.request(method, f"{self.base}/hub/api{path}", headers=self.headers(), timeout=120, **kwargs)

    def start_server(self, timeout: float = 600) -> float:
        """Ask the hub for my server and wait until it answers; returns the seconds it took."""
        started = time.monotonic()
        r = self.hub_api("POST", f"/users/{self.name}/server")
        assert r.status_code in (201, 202, 400), r.text  # 400: already running
        while True:
            info = self.hub_api("GET", f"/users/{self.name}").json()
            server = info.get("servers", {}).get("")
            if server and server.get("ready"):
                return time.monotonic() - started
            if server is None and time.monotonic() - started > 5:
                raise AssertionError(f"{self.name}: the server stopped while starting")
            assert time.monotonic() - started < timeout, f"{self.name}: server not ready in {timeout}s"
            time.sleep(0.5)

    def stop_server(self) -> None:
        r = self.hub_api("DELETE", f"/users/{self.name}/server")
        assert r.status_code in (202, 204, 400), r.text

    # -- a server (mine or, to prove I cannot, someone else's) -------------------------------------------------
    def server(self, method: str, path: str, owner: str | None = None, **kwargs) -> requests.Response:
        return requests.request(
            method,
            f"{self.base}/user/{owner or self.name}/api{path}",
            headers=self.headers(),
            timeout=120,
            **kwargs,
        )

    def read_file(self, path: str, owner: str | None = None) -> requests.Response:
        return self.server("GET", f"/contents/{path}", owner=owner)

    def write_text(self, path: str, text: str) -> None:
        r = self.server("PUT", f"/contents/{path}", json={"type": "file", "format": "text", "content": text})
        assert r.status_code in (200, 201), r.text

    def open_notebook(self, path: str) -> str:
        """Open a notebook as JupyterLab does (a session: its kernel runs in the notebook's folder); kernel id."""
        r = self.server(
            "POST", "/sessions", json={"path": path, "type": "notebook", "name": path, "kernel": {"name": "python3"}}
        )
        assert r.status_code == 201, r.text
        return r.json()["kernel"]["id"]

    def run(self, kernel_id: str, code: str, timeout: float = 300) -> Outputs:
        """Execute `code` in the kernel over its websocket; collect what a notebook would show."""
        ws_url = self.base.replace("http", "ws", 1) + f"/user/{self.name}/api/kernels/{kernel_id}/channels"
        ws = websocket.create_connection(ws_url, header=[f"Authorization: token {self.token}"], timeout=timeout)
        try:
            msg_id = uuid.uuid4().hex
            ws.send(
                json.dumps(
                    {
                        "header": {
                            "msg_id": msg_id,
                            "msg_type": "execute_request",
                            "username": self.name,
                            "session": uuid.uuid4().hex,
                            "version": "5.3",
                        },
                        "parent_header": {},
                        "metadata": {},
                        "content": {"code": code, "silent": False, "store_history": True, "allow_stdin": False},
                        "channel": "shell",
                    }
                )
            )
            out = Outputs()
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                msg = json.loads(ws.recv())
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind, content = msg["msg_type"], msg["content"]
                if kind == "stream":
                    out.text += content["text"]
                elif kind in ("execute_result", "display_data"):
                    data = content.get("data", {})
                    if "text/markdown" in data:
                        out.markdown.append(data["text/markdown"])
                    out.text += data.get("text/markdown") or data.get("text/plain", "")
                elif kind == "error":
                    out.error = f"{content['ename']}: {content['evalue']}"
                elif kind == "status" and content.get("execution_state") == "idle":
                    return out
            raise AssertionError(f"{self.name}: code did not finish in {timeout}s")
        finally:
            ws.close()
