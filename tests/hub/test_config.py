"""The deployment file is checked before anything starts: every essential gap named at once, in Dutch and
English; the example in deploy/hub/ is complete once its files exist; the demo needs nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from datavaardig.hub.config import HubConfigError, HubSettings, load_settings, parse_memory
from tests.support.paths import REPO

EXAMPLE = REPO / "deploy" / "hub" / "datavaardig-hub.yaml"
ENTRA_ENV = {
    "DATAVAARDIG_ENTRA_TENANT_ID": "tenant-1",
    "DATAVAARDIG_ENTRA_CLIENT_ID": "client-1",
    "DATAVAARDIG_ENTRA_CLIENT_SECRET": "geheim-1",
}


def _write(tmp_path: Path, config: dict) -> Path:
    path = tmp_path / "hub.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def _complete(tmp_path: Path) -> dict:
    """The example file, with the files it names made in tmp_path."""
    config = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    for name in ("cert", "key"):
        (tmp_path / name).write_text("-----BEGIN-----\n")
        config["tls"][name] = str(tmp_path / name)
    secret = tmp_path / "cookie_secret"
    secret.write_text("ab" * 32)
    os.chmod(secret, 0o600)
    config["secrets"]["cookie_secret_file"] = str(secret)
    client = tmp_path / "client_secret"
    client.write_text("s3cr3t\n")
    config["entra"]["client_secret_file"] = str(client)
    return config


def test_without_configuration_every_essential_gap_is_named_in_both_languages():
    with pytest.raises(HubConfigError) as caught:
        load_settings(None, environ={})
    problems = "\n".join(caught.value.problems)
    for dutch, english in (
        ("public_url ontbreekt", "public_url is missing"),
        ("tls ontbreekt", "tls is missing"),
        ("cookie_secret_file ontbreekt", "cookie_secret_file is missing"),
        ("Entra ID) is niet ingesteld", "is not configured"),
    ):
        assert dutch in problems and english in problems
    assert "De hub start niet" in str(caught.value) and "The hub will not start" in str(caught.value)


def test_the_example_is_complete_once_its_files_exist(tmp_path):
    settings = load_settings(_write(tmp_path, _complete(tmp_path)), environ={})
    assert settings.public_url == "https://leren.provinciegroningen.nl" and not settings.demo
    assert settings.entra.client_secret == "s3cr3t"
    assert settings.trainers_group == "33333333-3333-3333-3333-333333333333"
    # Trainers may sign in too, also when only the learners' group is listed.
    assert settings.trainers_group in settings.entra.allowed_groups
    assert settings.limits.memory_mb == 2048 and settings.idle_timeout_s == 3600
    assert "s3cr3t" not in repr(settings)


def test_plain_http_and_a_readable_secret_are_refused(tmp_path):
    config = _complete(tmp_path)
    config["public_url"] = "http://leren.provinciegroningen.nl"
    os.chmod(config["secrets"]["cookie_secret_file"], 0o644)
    with pytest.raises(HubConfigError) as caught:
        load_settings(_write(tmp_path, config), environ={})
    problems = "\n".join(caught.value.problems)
    assert "moet met https:// beginnen" in problems and "leesbaar voor anderen" in problems


def test_entra_settings_may_come_from_the_environment(tmp_path):
    config = _complete(tmp_path)
    del config["entra"]["tenant_id"], config["entra"]["client_id"], config["entra"]["client_secret_file"]
    with pytest.raises(HubConfigError) as caught:
        load_settings(_write(tmp_path, config), environ={})
    assert "DATAVAARDIG_ENTRA_CLIENT_ID" in str(caught.value)
    settings = load_settings(_write(tmp_path, config), environ=ENTRA_ENV)
    assert (settings.entra.tenant_id, settings.entra.client_id, settings.entra.client_secret) == (
        "tenant-1",
        "client-1",
        "geheim-1",
    )


def test_tls_may_end_at_a_proxy_in_front(tmp_path):
    config = _complete(tmp_path)
    config["tls"] = {"behind_proxy": True}
    settings = load_settings(_write(tmp_path, config), environ={})
    assert settings.behind_tls_proxy and settings.tls_cert is None


def test_the_demo_needs_nothing_and_settings_survive_the_trip_to_jupyterhub(tmp_path):
    settings = load_settings(None, demo=True, environ={})
    assert settings.demo and settings.public_url == "http://127.0.0.1:8000" and settings.entra is None
    assert [a.name for a in settings.demo_accounts] == ["trainer", "cursist1", "cursist2", "cursist3"]
    assert [a.trainer for a in settings.demo_accounts] == [True, False, False, False]
    full = load_settings(_write(tmp_path, _complete(tmp_path)), environ={})
    for original in (settings, full):
        assert HubSettings.from_json(original.to_json()) == original


@pytest.mark.parametrize(("text", "mb"), [("2G", 2048), ("512M", 512), ("1.5G", 1536), (300, 300), ("1GiB", 1024)])
def test_memory_sizes(text, mb):
    assert parse_memory(text) == mb


def test_the_command_refuses_without_a_traceback(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DATAVAARDIG_ENTRA")}
    out = subprocess.run([sys.executable, "-m", "datavaardig", "hub"], capture_output=True, text=True, env=env)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "public_url ontbreekt" in out.stderr and "--demo" in out.stderr
    ok = subprocess.run(
        [sys.executable, "-m", "datavaardig", "hub", "--check", "--config", str(_write(tmp_path, _complete(tmp_path)))],
        capture_output=True,
        text=True,
        env=env,
    )
    assert ok.returncode == 0 and "compleet" in ok.stdout, ok.stderr
