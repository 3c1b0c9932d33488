"""The shape of the code a new engineer reads: small modules and functions, no import cycles,
and the kind of a record asked of the registry (generator/doctypes), never of its class."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
RECORD_CLASSES = {"Regulation", "Meeting", "Person", "Organization"}


def _modules() -> dict[str, ast.Module]:
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        modules[name] = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return modules


def test_no_module_over_400_lines_nor_function_over_60() -> None:
    long_modules, long_functions = [], []
    for name, tree in _modules().items():
        if tree.body and (length := tree.body[-1].end_lineno or 0) > 400:
            long_modules.append((name, length))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > 60:
                    long_functions.append((name, node.name, length))
    assert long_modules == []
    assert long_functions == []


def _imports(name: str, tree: ast.Module, known: set[str]) -> set[str]:
    """The package's modules that `tree` imports when it runs (not those for type checking)."""
    found = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {module for module in found if module in known and module != name}


def test_no_import_cycles() -> None:
    modules = _modules()
    graph = {name: _imports(name, tree, set(modules)) for name, tree in modules.items()}
    cycles: list[list[str]] = []
    state: dict[str, str] = {}

    def visit(name: str, path: list[str]) -> None:
        state[name] = "open"
        for target in sorted(graph[name]):
            if state.get(target) == "open":
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_only_the_registry_asks_a_records_class() -> None:
    asked = []
    for name, tree in _modules().items():
        if name.startswith("generator.doctypes"):
            continue
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "isinstance"
            ):
                classes = {n.id for n in ast.walk(node.args[1]) if isinstance(n, ast.Name)}
                if classes & RECORD_CLASSES:
                    asked.append((name, node.lineno, sorted(classes & RECORD_CLASSES)))
    assert asked == []
