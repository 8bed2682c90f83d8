"""The architecture the README describes, checked on the code: no import cycles, no imports hidden in
functions to dodge one, capabilities reached only through their service, and an import contract
(`lint-imports`, run by `make lint`) that fails the build when a lower layer imports a higher one."""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("assistant", "retrieval", "tools", "connectors", "prompts")
CAPABILITIES = ("search", "account_mapping", "private_mapping", "partner_match", "next_best_action",
                "content_drafts")


def _modules() -> dict[str, Path]:
    out = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            out[name.removesuffix(".__init__")] = path
    return out


MODULES = _modules()


def _resolve(name: str) -> str | None:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports(path: Path) -> list[tuple[str, range, bool]]:
    """(imported module of ours, its lines, inside a function) for every import statement in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    in_function = {sub.lineno for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                   for sub in ast.walk(node) if isinstance(sub, ast.Import | ast.ImportFrom)}
    found = []
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in PACKAGES:
            targets = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in MODULES else node.module
                       for a in node.names]
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names if a.name.split(".")[0] in PACKAGES]
        for target in targets:
            if (resolved := _resolve(target)) is not None:
                found.append((resolved, range(node.lineno, node.end_lineno + 1), node.lineno in in_function))
    return found


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in MODULES.items():
        for target, _, _ in _imports(path):
            if target != name:
                graph[name].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack, on_stack, found = [], set(), []
    counter = 0
    for root in sorted(MODULES):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycles_between_modules():
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    graph = defaultdict(set, {"tools.types": {"tools.registry"}, "tools.registry": {"tools.types"}})
    assert _cycles(graph) == [["tools.registry", "tools.types"]]


def test_imports_inside_functions_are_only_heavy_optional_dependencies_with_a_reason():
    unexplained = []
    for name, path in MODULES.items():
        lines = path.read_text(encoding="utf-8").splitlines()
        for target, span, in_function in _imports(path):
            if in_function and not any("# heavy:" in lines[i - 1] for i in span):
                unexplained.append(f"{name}:{span.start} imports {target}")
    assert unexplained == []


def test_capabilities_reach_each_other_only_through_their_service():
    crossing = []
    for name, path in MODULES.items():
        parts = name.split(".")
        own = parts[1] if parts[0] == "tools" and len(parts) > 2 else None
        for target, span, _ in _imports(path):
            t = target.split(".")
            if t[0] == "tools" and len(t) > 2 and t[1] in CAPABILITIES and t[1] != own and t[2] != "service":
                crossing.append(f"{name}:{span.start} imports {target}")
    assert crossing == []


@pytest.mark.slow
def test_the_import_contract_fails_the_build_when_a_lower_layer_imports_a_higher_one(tmp_path):
    """`lint-imports` on a copy of the code: clean as it is; broken once retrieval imports the engine."""
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "web"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    lint = [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"]
    env = {"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"}
    clean = subprocess.run(lint, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    records = tmp_path / "retrieval" / "records.py"
    records.write_text(records.read_text(encoding="utf-8") + "\nfrom assistant.engine import agent  # noqa\n",
                       encoding="utf-8")
    broken = subprocess.run(lint, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert broken.returncode != 0
    assert "retrieval.records -> assistant.engine.agent" in broken.stdout
