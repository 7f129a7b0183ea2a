"""One import root, installable editable and as a wheel, and one set of versions everywhere."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

from tests.support.paths import REPO

# conda-forge spells a few PyPI names differently.
CONDA_NAMES = {"build": "python-build"}


def _pyproject():
    return tomllib.loads((REPO / "pyproject.toml").read_text())


def _declared() -> dict[str, Requirement]:
    project = _pyproject()["project"]
    reqs = project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra]
    return {canonicalize_name(Requirement(r).name): Requirement(r) for r in reqs}


def _locked() -> dict[str, str]:
    pins = {}
    for line in (REPO / "requirements.lock").read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;#]+)", line)
        if match:
            pins[canonicalize_name(match.group(1).split("[")[0])] = match.group(2)
    return pins


def _conda() -> dict[str, SpecifierSet]:
    deps = yaml.safe_load((REPO / "environment.yml").read_text())["dependencies"]
    # Packages conda-forge lacks stand in the pip: section; they count the same.
    from_pip = [d for entry in deps if isinstance(entry, dict) for d in entry.get("pip", [])]
    specs = {}
    for dep in [d for d in deps if isinstance(d, str)] + from_pip:
        if dep in ("pip",) or dep.startswith(("python>=", "-e")):
            continue
        name, spec = re.match(r"^([A-Za-z0-9_.\-]+)(.*)$", dep).groups()
        specs[canonicalize_name(name)] = SpecifierSet(spec)
    return specs


def test_every_declared_dependency_is_locked_within_its_range():
    locked = _locked()
    for name, req in _declared().items():
        assert name in locked, f"{name} is in pyproject.toml but not in requirements.lock: run `make lock`"
        assert req.specifier.contains(locked[name], prereleases=True), (
            f"requirements.lock pins {name}=={locked[name]}, outside pyproject's {req.specifier}: run `make lock`"
        )


def test_environment_yml_names_the_same_packages_with_the_same_ranges():
    declared, conda = _declared(), _conda()
    expected = {canonicalize_name(CONDA_NAMES.get(n, n)): r.specifier for n, r in declared.items()}
    assert set(conda) == set(expected), (
        f"only in environment.yml: {sorted(set(conda) - set(expected))}; "
        f"only in pyproject.toml: {sorted(set(expected) - set(conda))}"
    )
    for name, spec in expected.items():
        assert conda[name] == spec, f"{name}: environment.yml {conda[name]} vs pyproject {spec}"


def test_the_installed_environment_is_the_lock():
    from importlib.metadata import PackageNotFoundError, version

    for name, pinned in _locked().items():
        try:
            assert version(name) == pinned, f"{name}: installed {version(name)}, locked {pinned}"
        except PackageNotFoundError:
            pytest.fail(f"{name} is locked but not installed: run `make setup`")


def test_no_top_level_imports_of_mapped_folders():
    pattern = re.compile(r"^\s*(import|from)\s+(datasets|widgets|grading|exercises)(\s|\.|$)", re.M)
    offenders = []
    for path in REPO.rglob("*.py"):
        if ".venv" in path.parts or "build" in path.parts:
            continue
        if pattern.search(path.read_text(encoding="utf-8", errors="replace")):
            offenders.append(str(path.relative_to(REPO)))
    assert not offenders, f"import through datavaardig.<name> instead: {offenders}"
    assert not (REPO / "datasets" / "__init__.py").exists(), "datasets/ is data, not a package"


CHECK = """
import importlib, json, sys
import datavaardig
from datavaardig.catalog import catalog_dir, load_catalog
mods = [importlib.import_module(m) for m in ("datavaardig.widgets", "datavaardig.grading", "datavaardig.exercises")]
try:
    importlib.import_module("grading")  # must not exist as a top-level name
    top = True
except ImportError:
    top = False
print(json.dumps({"root": datavaardig.__file__, "mods": [m.__file__ for m in mods],
                  "catalog": str(catalog_dir()), "ids": len(load_catalog()), "top_level_grading": top}))
"""


def _check_in(cwd: Path, env_extra: dict | None = None) -> dict:
    env = dict(os.environ, **(env_extra or {}))
    out = subprocess.run([sys.executable, "-c", CHECK], cwd=cwd, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_editable_install_maps_the_top_level_folders(tmp_path):
    info = _check_in(tmp_path)
    assert info["root"] == str(REPO / "datavaardig" / "__init__.py")
    assert info["mods"] == [str(REPO / d / "__init__.py") for d in ("widgets", "grading", "exercises")]
    assert info["catalog"] == str(REPO / "datasets")
    assert info["ids"] >= 11 and info["top_level_grading"] is False


@pytest.mark.slow
def test_wheel_installs_with_subpackages_and_catalog(tmp_path):
    dist, target = tmp_path / "dist", tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(REPO)],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    wheel = next(dist.glob("datavaardig-*.whl"))
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    # PYTHONPATH comes before the editable finder, so this imports the wheel's copy.
    info = _check_in(tmp_path, {"PYTHONPATH": str(target)})
    assert info["root"].startswith(str(target))
    assert all(m.startswith(str(target / "datavaardig")) for m in info["mods"])
    assert info["catalog"] == str(target / "datavaardig" / "_catalog")
    assert info["ids"] >= 11 and info["top_level_grading"] is False
    assert (target / "bin" / "datavaardig").is_file()
    # The demo's page assets: its Voila template and the list of scripts it preloads.
    widgets = target / "datavaardig" / "widgets"
    assert (widgets / "voila" / "templates" / "datavaardig" / "index.html.j2").is_file()
    assert (widgets / "voila" / "preload.json").is_file()
    # Every subpackage of the layout, the store's migrations, the graded sources a trainer needs, the lessons.
    installed = target / "datavaardig"
    for package in _pyproject()["tool"]["setuptools"]["packages"]:
        folder = target.joinpath(*package.split("."))
        assert folder.is_dir() and any(folder.iterdir()), f"{package} is missing from the wheel"
        assert package.startswith("datavaardig._") or (folder / "__init__.py").is_file(), package
    revisions = sorted(p.name for p in (installed / "progress" / "migrations" / "versions").glob("0*.py"))
    assert revisions == sorted(
        p.name for p in (REPO / "datavaardig" / "progress" / "migrations" / "versions").glob("0*.py")
    )
    assert (installed / "progress" / "migrations" / "script.py.mako").is_file()
    graded = sorted(
        p.relative_to(REPO / "exercises").as_posix() for p in (REPO / "exercises" / "graded").glob("*/*.ipynb")
    )
    assert graded and graded == sorted(
        p.relative_to(installed / "exercises").as_posix()
        for p in (installed / "exercises" / "graded").glob("*/*.ipynb")
    )
    lessons = sorted(p.relative_to(REPO / "courses").as_posix() for p in (REPO / "courses").glob("*/*.ipynb"))
    assert lessons == sorted(
        p.relative_to(installed / "_courses").as_posix() for p in (installed / "_courses").glob("*/*.ipynb")
    )
    # The installed package lists its courses and questions from outside any checkout.
    env = {k: v for k, v in os.environ.items() if k != "DATAVAARDIG_ROOT"}
    env["PYTHONPATH"] = str(target)
    listed = subprocess.run(
        [sys.executable, "-m", "datavaardig", "courses", "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert listed.returncode == 0, listed.stderr
    courses = json.loads(listed.stdout)["courses"]
    assert {c["id"] for c in courses} == {p.parent.name for p in (REPO / "courses").glob("*/course.yml")}
    assert all(lesson["questions"] and not lesson["error"] for c in courses for lesson in c["lessons"])
    from_wheel = subprocess.run(
        [sys.executable, "-c", "import datavaardig.grading.selfcheck.lesson as m; print(m.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert from_wheel.stdout.strip().startswith(str(target))


def test_makefile_installs_from_the_lock():
    makefile = (REPO / "Makefile").read_text()
    assert "uv pip sync" in makefile and "requirements.lock" in makefile
    assert "--no-deps -e ." in makefile


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text()
    readme = (REPO / "README.md").read_text()
    assert "exec make test" in ci and "DATAVAARDIG_DATA" in ci
    assert "make test" in readme and "make start" in readme
