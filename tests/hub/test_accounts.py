"""Who someone is on the machine: Linux names from hub names, demo passwords kept only as hashes, and the
check that every account can reach the Python its server runs."""

from __future__ import annotations

import json
import os
import re
import stat

from datavaardig.hub import accounts, userenv
from datavaardig.hub.system_users import MAX_NAME, linux_name


def test_a_simple_name_keeps_its_shape():
    assert linux_name("cursist1", "dv-") == "dv-cursist1"


def test_an_entra_address_becomes_a_valid_unique_linux_name():
    one = linux_name("J.Jansen@provinciegroningen.nl", "dv-")
    other = linux_name("j.jansen@extern.nl", "dv-")
    for name in (one, other):
        assert re.fullmatch(r"[a-z][a-z0-9-]*", name) and len(name) <= MAX_NAME and name.startswith("dv-j-jansen-")
    assert one != other  # same local part, different people: never one account
    assert linux_name("J.Jansen@provinciegroningen.nl", "dv-") == one  # and the same person always the same


def test_a_long_name_is_cut_to_linuxs_limit_without_colliding():
    a, b = linux_name("a" * 60, "dv-"), linux_name("a" * 59 + "b", "dv-")
    assert len(a) <= MAX_NAME and len(b) <= MAX_NAME and a != b


def test_demo_passwords_are_stored_only_as_hashes(tmp_path):
    path = tmp_path / "accounts.json"
    passwords = accounts.create_accounts(path, [("trainer", True), ("cursist1", False)])
    text = path.read_text()
    assert passwords["trainer"] not in text and passwords["cursist1"] not in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert accounts.verify(path, "trainer", passwords["trainer"])["trainer"] is True
    assert accounts.verify(path, "cursist1", passwords["trainer"]) is None
    assert accounts.verify(path, "niemand", "x") is None
    assert set(json.loads(text)) == {"trainer", "cursist1"}


def test_a_file_in_a_private_folder_is_not_reachable_for_other_accounts(tmp_path):
    private = tmp_path / "prive"
    private.mkdir()
    program = private / "python"
    program.write_text("")
    os.chmod(program, 0o755)
    os.chmod(tmp_path, 0o755)
    os.chmod(private, 0o700)
    assert not userenv.reachable_by_all(program)
    os.chmod(private, 0o755)
    assert userenv.reachable_by_all(program) == all(p.stat().st_mode & stat.S_IXOTH for p in program.resolve().parents)
