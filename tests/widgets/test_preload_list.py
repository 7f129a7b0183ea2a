"""The preload list: used only for the front-end versions it was recorded with, and passed to Voila."""

from __future__ import annotations

import json

from datavaardig.widgets import preload
from datavaardig.widgets.demo import voila_argv
from tests.support import preload_recorder


def write(path, versions, scripts):
    path.write_text(json.dumps({"versions": versions, "scripts": scripts}), encoding="utf-8")
    return path


def test_committed_list_belongs_to_the_installed_front_end():
    manifest = preload.read_manifest()
    assert manifest["versions"] == preload.front_end_versions(), (
        "voila/preload.json was recorded for other front-end versions: record it again with `make preload`"
    )
    assert len(manifest["scripts"]) == len(set(manifest["scripts"])) > 20
    assert "voila/static/voila.js" in manifest["scripts"]


def test_list_for_other_versions_is_not_used(tmp_path):
    versions = preload.front_end_versions()
    assert preload.scripts(write(tmp_path / "ok.json", versions, ["voila/static/voila.js"])) == [
        "voila/static/voila.js"
    ]
    older = {**versions, "voila": "0.4.0"}
    assert preload.scripts(write(tmp_path / "old.json", older, ["voila/static/voila.js"])) == []
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    assert preload.scripts(tmp_path / "broken.json") == []
    assert preload.scripts(tmp_path / "missing.json") == []


def test_page_scripts_keeps_own_server_in_request_order_once():
    origin = "http://127.0.0.1:8866"
    requested = [
        f"{origin}/voila/static/voila.js",
        f"{origin}/voila/templates/datavaardig/static/voila-style.js?v=abc",  # already in <head>
        "https://cdn.example.org/x.js",
        f"{origin}/voila/labextensions/@jupyter-widgets/jupyterlab-manager/static/84.js?v=1",
        f"{origin}/voila/static/voila.js",
    ]
    assert preload_recorder.page_scripts(requested, origin) == [
        "voila/static/voila.js",
        "voila/labextensions/@jupyter-widgets/jupyterlab-manager/static/84.js?v=1",
    ]


def test_demo_passes_the_list_to_the_template_unless_switched_off():
    option = next(a for a in voila_argv(8866, 2, None) if a.startswith("--VoilaConfiguration.resources="))
    assert "'preload': [" in option and "voila/static/voila.js" in option
    assert not [a for a in voila_argv(8866, 2, None, preload_scripts=False) if "resources" in a]
