"""Pseudonyms: keyed, stable, private key file, re-identification only with the key."""

from __future__ import annotations

import os
import stat

import pytest

from datavaardig.progress import privacy


@pytest.fixture
def fresh_home(tmp_path, monkeypatch):
    monkeypatch.setenv("DATAVAARDIG_HOME", str(tmp_path))
    monkeypatch.delenv(privacy.KEY_ENV, raising=False)
    return tmp_path


def test_key_file_is_created_once_with_owner_only_permissions(fresh_home):
    key = privacy.pseudonym_key()
    path = privacy.key_path()
    assert path.is_relative_to(fresh_home)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert privacy.pseudonym_key() == key and len(key) == 64


def test_key_file_readable_by_others_is_refused(fresh_home):
    privacy.pseudonym_key()
    os.chmod(privacy.key_path(), 0o644)
    with pytest.raises(privacy.PrivacyError, match="chmod 600"):
        privacy.pseudonym_key()


def test_environment_key_wins_and_must_not_be_trivial(fresh_home, monkeypatch):
    monkeypatch.setenv(privacy.KEY_ENV, "kort")
    with pytest.raises(privacy.PrivacyError, match="te kort"):
        privacy.pseudonym_key()
    monkeypatch.setenv(privacy.KEY_ENV, "x" * 32)
    assert privacy.pseudonym_key() == b"x" * 32
    assert not privacy.key_path().exists()


def test_pseudonym_is_stable_per_key_and_hides_the_id():
    a, b = b"a" * 32, b"b" * 32
    p = privacy.pseudonym("j.jansen", a)
    assert p == privacy.pseudonym("j.jansen", a)
    assert p != privacy.pseudonym("j.jansen", b)
    assert p != privacy.pseudonym("p.pietersen", a)
    assert "jansen" not in p and p.startswith("ps-") and len(p) == 15


def test_reidentify_needs_the_right_key():
    key = b"k" * 32
    people = ["j.jansen", "p.pietersen", "a.de.vries"]
    p = privacy.pseudonym("p.pietersen", key)
    assert privacy.reidentify(p, people, key) == "p.pietersen"
    with pytest.raises(privacy.PrivacyError, match="Geen deelnemer"):
        privacy.reidentify(p, people, b"z" * 32)
    with pytest.raises(privacy.PrivacyError, match="geen pseudoniem"):
        privacy.reidentify("p.pietersen", people, key)


def test_retention_days_setting(monkeypatch):
    monkeypatch.delenv(privacy.RETENTION_ENV, raising=False)
    assert privacy.retention_days() == 365
    monkeypatch.setenv(privacy.RETENTION_ENV, "30")
    assert privacy.retention_days() == 30
    monkeypatch.setenv(privacy.RETENTION_ENV, "nul")
    with pytest.raises(privacy.PrivacyError, match="geen geldig aantal"):
        privacy.retention_days()
