"""The message catalog: every key in both languages with the same fields; every key the code uses exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

import datavaardig.grading.selfcheck as selfcheck
from datavaardig.grading.selfcheck.messages import CATALOG, msg

SELFCHECK = Path(selfcheck.__file__).resolve().parent
ENGINE_MODULES = sorted(SELFCHECK.rglob("*.py"))  # every module of the engine, so a new kind is included


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_key_has_dutch_and_english_with_same_fields(key):
    entry = CATALOG[key]
    assert set(entry) == {"nl", "en"}, f"{key}: languages {sorted(entry)}"
    assert entry["nl"].strip() and entry["en"].strip()
    assert fields(entry["nl"]) == fields(entry["en"]), key
    assert entry["nl"] != entry["en"] or key == "chart.hist", f"{key}: English text not translated"


def test_no_template_has_a_field_for_the_expected_value():
    # Counts ("verwacht 10") and types are allowed; a field holding the expected value itself is not.
    for key, entry in CATALOG.items():
        assert not (fields(entry["nl"]) & {"expected_value", "answer", "correct_value"}), key


def test_every_key_used_in_the_engine_exists():
    used = set()
    for name in ENGINE_MODULES:
        source = name.read_text(encoding="utf-8")
        used |= set(re.findall(r'msg\(\s*"([a-z_.]+)"', source))
        used |= {f"chart.{kind}" for kind in ("line", "bar", "barh", "scatter", "hist")}
        used |= {"axis.x", "axis.y"}
    assert used, "the scan found no msg() calls: the test itself is broken"
    assert sorted(used - set(CATALOG)) == []


def test_language_follows_setting(monkeypatch):
    monkeypatch.setenv("DATAVAARDIG_LANG", "en")
    assert msg("hint", n=1, total=2, hint="x").startswith("**Hint 1 of 2:**")
    monkeypatch.setenv("DATAVAARDIG_LANG", "fr")  # unsupported: Dutch, the default
    assert msg("hint", n=1, total=2, hint="x").startswith("**Hint 1 van 2:**")
