"""deploy/kubernetes/: the Zero to JupyterHub values are valid for the chart (merged with the chart's defaults
and validated against the chart's own schema, as `helm install` does) and the single-user image is built
from the same lock, uv and program as the one-machine hub."""

from __future__ import annotations

import ast
import copy
import os
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.support.paths import REPO

K8S = REPO / "deploy" / "kubernetes"


def _chart() -> Path:
    """The chart's defaults and schema: `DATAVAARDIG_Z2JH`, else `shared/z2jh` beside the checkout or above."""
    explicit = os.environ.get("DATAVAARDIG_Z2JH")
    if explicit:
        return Path(explicit)
    for folder in REPO.parents:
        if (folder / "shared" / "z2jh" / "values.schema.yaml").is_file():
            return folder / "shared" / "z2jh"
    pytest.fail("The Zero to JupyterHub chart files are missing: shared/z2jh (see its SOURCE.md) or DATAVAARDIG_Z2JH")


def deep_merge(base: dict, override: dict) -> dict:
    """Helm's merge of a values file over the chart's defaults: mappings merge, anything else replaces."""
    merged = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


@pytest.fixture(scope="module")
def chart():
    folder = _chart()
    return (
        yaml.safe_load((folder / "values.yaml").read_text()),
        yaml.safe_load((folder / "values.schema.yaml").read_text()),
    )


@pytest.fixture(scope="module")
def ours():
    return yaml.safe_load((K8S / "values.yaml").read_text())


def test_deep_merge_merges_mappings_and_replaces_the_rest():
    assert deep_merge({"a": {"b": 1, "c": [1]}, "d": 1}, {"a": {"c": [2]}, "e": 2}) == {
        "a": {"b": 1, "c": [2]},
        "d": 1,
        "e": 2,
    }


def test_our_values_merged_with_the_chart_defaults_pass_the_chart_schema(chart, ours):
    defaults, schema = chart
    jsonschema.validate(deep_merge(defaults, ours), schema)


def test_the_schema_check_catches_a_mistake(chart, ours):
    defaults, schema = chart
    wrong = deep_merge(ours, {"singleuser": {"memory": {"limitt": "2G"}}})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(deep_merge(defaults, wrong), schema)


def test_values_say_what_the_one_machine_hub_does(ours):
    from datavaardig.hub.jhconfig import TRAINER_ROLE, TRAINER_SCOPES

    single = ours["singleuser"]
    assert single["cmd"] == ["python", "-m", "datavaardig.hub.singleuser"]
    assert single["defaultUrl"] == "/lab/tree/index.ipynb"
    assert single["memory"]["limit"] and single["storage"]["capacity"]
    azure = ours["hub"]["config"]["AzureAdOAuthenticator"]
    role = ours["hub"]["loadRoles"][TRAINER_ROLE]
    assert sorted(role["scopes"]) == sorted(TRAINER_SCOPES)
    assert set(role["groups"]) <= set(azure["allowed_groups"])
    assert azure["authorize_url"].endswith("/oauth2/v2.0/authorize")
    assert ours["cull"]["enabled"] and ours["proxy"]["https"]["enabled"]
    # The role hook is Python the chart pastes into jupyterhub_config.py: it must at least parse, and set it.
    for name, code in ours["hub"]["extraConfig"].items():
        tree = ast.parse(code, name)
        assert "pre_spawn_hook" in code and role["groups"][0] in code and tree.body


def test_the_image_installs_the_lock_with_the_makefiles_uv_and_runs_the_hubs_program():
    dockerfile = (K8S / "Dockerfile").read_text()
    makefile = (REPO / "Makefile").read_text()
    uv = re.search(r"^UV_VERSION := (\S+)", makefile, re.M).group(1)
    assert f"ARG UV_VERSION={uv}" in dockerfile
    assert "COPY requirements.lock" in dockerfile and "uv pip sync --system" in dockerfile
    assert "--no-deps" in dockerfile  # the project itself may not re-resolve what the lock fixed
    python = re.search(r"^FROM python:(\d+\.\d+)", dockerfile, re.M).group(1)
    assert 'requires-python = ">=3.11"' in (REPO / "pyproject.toml").read_text() and python == "3.11"
    cmd = re.search(r"^CMD (\[.*\])$", dockerfile, re.M).group(1)
    assert ast.literal_eval(cmd) == yaml.safe_load((K8S / "values.yaml").read_text())["singleuser"]["cmd"]
    assert "USER 1000" in dockerfile and "DATAVAARDIG_CACHE=/opt/datavaardig/cache" in dockerfile
