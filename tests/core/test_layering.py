"""The layout holds: layers point one way, no import cycles, nothing imports a command, public modules say
what they export.

Every import counts, also one written inside a function (where a cycle would otherwise hide): the graph is
read from the source with `ast`, never by importing. Layers, lowest first (CONTRIBUTING.md, "Layout"):

    core      datavaardig.{settings, errors, catalog, raw, cache, loader, courses}, datavaardig.prepare
    progress  datavaardig.progress        (the learner-event store)
    engine    datavaardig.grading         (selfcheck and assignments, which share nothing)
    widgets   datavaardig.widgets
    content   datavaardig.exercises       (a lesson's questions: may use widgets' colours)
    hub       datavaardig.hub             (JupyterHub: accounts, spawner, the learner's workspace)
    top       datavaardig.cli, datavaardig.__main__, datavaardig.commands

The package root `datavaardig/__init__.py` is the learners' facade (`dv.load`, `dv.bind`): it counts as core
for what imports it, may import only core at import time, and only `bind` lazily from the engine.
"""

from __future__ import annotations

import ast
import tomllib
from functools import cache
from pathlib import Path

import pytest

from tests.support.paths import REPO

LAYERS = ["core", "progress", "engine", "widgets", "content", "hub", "top"]
FACADE_LAZY_ALLOWED = {"datavaardig.grading.selfcheck.lesson"}


@cache
def package_dirs() -> dict[str, Path]:
    """Package name → folder, from pyproject's package-dir mapping (the one source of the layout)."""
    setuptools = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    mapping = setuptools["package-dir"]
    found = {}
    for package in setuptools["packages"]:
        base = max((p for p in mapping if package == p or package.startswith(p + ".")), key=len)
        found[package] = (
            REPO / mapping[base] / Path(*package[len(base) :].strip(".").split(".") if package != base else ())
        )
    return found


@cache
def modules() -> dict[str, Path]:
    """Every module of the package: dotted name → file."""
    found = {}
    for package, folder in package_dirs().items():
        for path in folder.glob("*.py"):
            name = package if path.stem == "__init__" else f"{package}.{path.stem}"
            found[name] = path
    return found


def layer(module: str) -> str:
    parts = module.split(".")
    if module == "datavaardig" or (
        len(parts) >= 2
        and parts[1] in ("settings", "errors", "catalog", "raw", "cache", "loader", "courses", "prepare")
    ):
        return "core"
    second = parts[1] if len(parts) > 1 else ""
    return {
        "progress": "progress",
        "grading": "engine",
        "widgets": "widgets",
        "exercises": "content",
        "hub": "hub",
        "cli": "top",
        "__main__": "top",
        "commands": "top",
        "_catalog": "core",
        "_courses": "core",
    }[second]


def _target(name: str) -> str | None:
    """The package module an imported dotted name is, or is in (None for third-party code)."""
    known = modules()
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return None


@cache
def imports() -> dict[str, list[tuple[str, bool, int]]]:
    """Module → [(imported package module, at import time?, line)], every import statement in the file."""
    graph: dict[str, list[tuple[str, bool, int]]] = {}
    for module, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        toplevel = {id(node) for node in tree.body}
        # A statement under `if TYPE_CHECKING:`/`try:` at module level still runs at import time.
        for node in tree.body:
            if isinstance(node, (ast.If, ast.Try)):
                toplevel |= {id(child) for child in ast.walk(node)}
        edges = []
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{path}:{node.lineno}: relative import (use datavaardig.…)"
                names = [f"{node.module}.{alias.name}" for alias in node.names]
            for name in names:
                target = _target(name)
                if target and target != module:
                    edges.append((target, id(node) in toplevel, node.lineno))
        graph[module] = edges
    return graph


def test_the_scan_sees_the_whole_package():
    found = modules()
    assert "datavaardig.grading.selfcheck.question" in found and "datavaardig.progress.store" in found
    assert "datavaardig.grading.assignments.executor.sandbox" in found and "datavaardig.commands.demo" in found
    assert sum(len(edges) for edges in imports().values()) > 100


def test_every_package_folder_is_listed_for_the_wheel():
    """A subpackage missing from pyproject's list silently goes missing from the wheel."""
    listed = set(package_dirs())
    for package, folder in package_dirs().items():
        for child in folder.iterdir():
            if (child / "__init__.py").is_file():
                assert f"{package}.{child.name}" in listed, f"{child} is a package but not in pyproject.toml"


def test_layers_point_one_way():
    wrong = []
    for module, edges in imports().items():
        for target, _eager, line in edges:
            if module == "datavaardig":
                continue  # the facade: its own test below
            if LAYERS.index(layer(target)) > LAYERS.index(layer(module)):
                wrong.append(
                    f"{modules()[module].relative_to(REPO)}:{line} ({layer(module)}) imports {target} ({layer(target)})"
                )
    assert wrong == []


def test_the_two_engines_share_nothing():
    selfcheck, assignments = "datavaardig.grading.selfcheck", "datavaardig.grading.assignments"
    crossing = [
        (module, target)
        for module, edges in imports().items()
        for target, _eager, _line in edges
        if (module.startswith(selfcheck) and target.startswith(assignments))
        or (module.startswith(assignments) and target.startswith(selfcheck))
    ]
    assert crossing == []


def test_the_facade_imports_only_core_and_bind():
    for target, eager, line in imports()["datavaardig"]:
        if eager:
            assert layer(target) == "core", f"datavaardig/__init__.py:{line} imports {target} at import time"
        else:
            assert target in FACADE_LAZY_ALLOWED, f"datavaardig/__init__.py:{line} imports {target}"


def test_nothing_imports_a_command_module():
    users = [
        (module, target)
        for module, edges in imports().items()
        for target, _eager, _line in edges
        if target.startswith("datavaardig.commands") and module != "datavaardig.cli"
    ]
    assert users == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles_not_even_through_a_function():
    # A package's __init__ importing its own modules is not a cycle of concern; everything else is.
    graph = {
        module: {t for t, _e, _l in edges if not (module.startswith(t + ".") and modules()[t].stem == "__init__")}
        for module, edges in imports().items()
    }
    graph = {
        m: {t for t in targets if not (t.startswith(m + ".") and modules()[m].stem == "__init__")}
        for m, targets in graph.items()
    }
    assert _cycles(graph) == []


def _public_modules() -> list[str]:
    return sorted(
        m
        for m, path in modules().items()
        if not any(part.startswith("_") for part in m.split(".")[1:])
        and ".migrations" not in m
        and not m.startswith("datavaardig.exercises.")  # content: `from … import *` hands out q1, q2, …
        and path.read_text(encoding="utf-8").strip()
    )


@pytest.mark.parametrize("module", _public_modules())
def test_public_module_declares_all(module):
    tree = ast.parse(modules()[module].read_text(encoding="utf-8"))
    declared = [
        node
        for node in tree.body
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        and any(
            isinstance(t, ast.Name) and t.id == "__all__"
            for t in getattr(node, "targets", [getattr(node, "target", None)])
        )
    ]
    if not declared:
        # A package whose __init__ holds only its docstring exports nothing.
        body = [n for n in tree.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
        body = [n for n in body if not (isinstance(n, ast.ImportFrom) and n.module == "__future__")]
        assert not body, f"{module} has no __all__"
        return
    names = ast.literal_eval(declared[0].value)
    defined = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            for target in getattr(node, "targets", [getattr(node, "target", None)]):
                if isinstance(target, ast.Name):
                    defined.add(target.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            defined |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
    assert sorted(set(names) - defined) == [], f"{module}: __all__ names what it does not define"
