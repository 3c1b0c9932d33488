"""The shape of the code a new engineer reads: small modules and functions, layers that import
only downwards, no import cycles, and the kind of a record asked of the registry
(generator/doctypes), never of its class."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
RECORD_CLASSES = {"Regulation", "Meeting", "Person", "Organization"}
# The README's "Layout", bottom up: a layer imports its own and lower layers only.
LAYERS = ("core", "doctypes", "content", "site", "formats", "mkdocs", "app")
BESIDE_CORE = {"generator", "generator.resources"}  # the package itself; its files
OUTSIDE = {*BESIDE_CORE, "generator.__main__"}
# What makes an output: none of it below the site layer.
OUTPUT_LIBRARIES = {"mkdocs", "material", "pypandoc", "typst", "lxml", "markdown", "jinja2", "pagefind"}


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


# The corpus's typed lookups (`Corpus.regulation`, `Corpus.person`): the one place outside the
# registry that turns an id into a record of one class.
TYPED_LOOKUPS = {"generator.core.corpus"}


def _asks_a_class(node: ast.AST) -> str | None:
    """What `node` asks of a record's class: `isinstance(x, Meeting)`, `cast(Regulation, x)`,
    or a comparison with a kind (`kind is Kind.MEETING`, `kind in (Kind.PERSON, …)`)."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args:
        argument = node.args[1] if node.func.id == "isinstance" and len(node.args) > 1 else node.args[0]
        if node.func.id in ("isinstance", "cast"):
            classes = {n.id for n in ast.walk(argument) if isinstance(n, ast.Name)} & RECORD_CLASSES
            if classes:
                return f"{node.func.id} {sorted(classes)}"
    if isinstance(node, ast.Compare):
        for part in ast.walk(node):
            if (
                isinstance(part, ast.Attribute)
                and isinstance(part.value, ast.Name)
                and part.value.id == "Kind"
            ):
                return f"compares with Kind.{part.attr}"
    return None


def test_only_the_registry_asks_a_records_class() -> None:
    asked = []
    for name, tree in _modules().items():
        if name.startswith("generator.doctypes") or name in TYPED_LOOKUPS | {"generator.core.model"}:
            continue
        for node in ast.walk(tree):
            if (question := _asks_a_class(node)) is not None:
                asked.append((name, getattr(node, "lineno", 0), question))
    assert asked == []


def test_asking_a_records_class_is_seen() -> None:
    """The test above finds each way of asking (so that its empty list means something)."""
    for code in (
        "isinstance(record, Meeting)",
        "cast(Regulation, record)",
        "kind is Kind.MEETING",
        "entry.kind in (Kind.PERSON, Kind.ORGANIZATION)",
        "ref['kind'] == Kind.REGULATION",
    ):
        assert any(_asks_a_class(node) for node in ast.walk(ast.parse(code))), code
    assert not any(_asks_a_class(node) for node in ast.walk(ast.parse("page_md(Kind.PERSON, id_)")))


def _layer(module: str) -> int:
    if module in BESIDE_CORE or module.startswith("generator.resources."):
        return 0
    if module == "generator.__main__":
        return len(LAYERS) - 1
    return LAYERS.index(module.split(".")[1])


def _run_time_imports(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, module) of every import that runs, at the top or in a function; imports for type
    checking only (`if TYPE_CHECKING:`) are left out."""
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            return
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found.extend((node.lineno, f"{node.module}.{alias.name}") for alias in node.names)
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def test_every_module_belongs_to_a_layer() -> None:
    strays = [
        name
        for name in _modules()
        if name not in OUTSIDE
        and not name.startswith("generator.resources.")
        and name.split(".")[1] not in LAYERS
    ]
    assert strays == []


def test_layers_import_only_downwards() -> None:
    """core < doctypes < content < site < formats < mkdocs < app, at run time. A record type's
    page builder names the site's `PageContexts` in its signature, for type checking only."""
    modules = _modules()
    upwards = [
        (name, line, target)
        for name, tree in modules.items()
        for line, target in _run_time_imports(tree)
        if target in modules and _layer(target) > _layer(name)
    ]
    assert upwards == []


def test_the_core_content_and_types_know_no_output() -> None:
    """Loading and checking a corpus imports nothing that makes an output, not even for types."""
    lower = {name: tree for name, tree in _modules().items() if _layer(name) <= LAYERS.index("content")}
    found = []
    for name, tree in lower.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            found += [
                (name, node.lineno, module) for module in modules if module.split(".")[0] in OUTPUT_LIBRARIES
            ]
    assert found == []


def test_regpub_check_loads_no_output_library() -> None:
    """`regpub check` on the sample imports neither MkDocs nor pandoc, Typst, lxml or Jinja."""
    script = (
        "import json, sys\n"
        "from generator.app.cli import entry_point\n"
        "sys.argv = ['regpub', 'check', '--content', 'regulations']\n"
        "try:\n    entry_point()\nexcept SystemExit as done:\n    assert done.code == 0, done.code\n"
        "print(json.dumps(sorted({name.split('.')[0] for name in sys.modules})))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=PACKAGE.parent, capture_output=True, text=True, check=True
    )
    loaded = set(json.loads(run.stdout.strip().splitlines()[-1]))
    assert "generator" in loaded
    assert loaded & OUTPUT_LIBRARIES == set()
