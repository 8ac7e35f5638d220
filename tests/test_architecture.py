"""The four rooms stay apart: imports point one way, and every package's __init__ re-exports sorted names.

constructs (user-facing) -> provider (Terraform-facing) -> graph (Microsoft-facing); the local Graph
(test-facing) shares only the wire format with them.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "constructs_xtap"

# What each room may import from this project, besides itself.
ALLOWED = {
    "wire": set(),
    "graph": {"wire"},
    "provider": {"graph", "wire"},
    "local_graph": {"wire"},
    "constructs": {"wire"},
    "testing": {"constructs", "wire"},
    "picture": {"wire"},
    "export": {"graph", "wire"},
    "guardrails": {"constructs", "wire"},
}


def _project_imports(path: Path) -> set[str]:
    """The rooms (second component of ``constructs_xtap.<room>``) that the module at ``path`` imports."""
    rooms: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "constructs_xtap" and len(parts) > 1:
                rooms.add(parts[1])
    return rooms


@pytest.mark.parametrize("room", sorted(ALLOWED))
def test_room_imports_only_the_rooms_below_it(room: str) -> None:
    crossings = {
        str(path.relative_to(PACKAGE)): sorted(_project_imports(path) - ALLOWED[room] - {room})
        for path in (PACKAGE / room).rglob("*.py")
    }
    assert {k: v for k, v in crossings.items() if v} == {}


def test_architecture_test_sees_every_room() -> None:
    rooms = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert rooms - set(ALLOWED) == {"cli", "toolchain"}  # the glue that wires rooms together


def _isort_style(name: str) -> tuple[int, str]:
    if name.isupper():
        return 0, name
    return (1 if name[:1].isupper() else 2), name


@pytest.mark.parametrize(
    "package",
    sorted(f"constructs_xtap.{p.name}" for p in PACKAGE.iterdir() if (p / "__init__.py").exists()),
)
def test_package_all_is_sorted_and_resolves(package: str) -> None:
    module = importlib.import_module(package)
    # ruff's isort-style order (RUF022): CONSTANTS, then Classes, then functions, each alphabetical.
    assert module.__all__ == sorted(module.__all__, key=_isort_style)
    for name in module.__all__:
        assert getattr(module, name) is not None


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _module_level_imports(body: list[ast.stmt]) -> list[ast.Import | ast.ImportFrom]:
    """The imports a module runs when it is imported: not in functions or classes' methods, not under
    ``if TYPE_CHECKING:`` (its ``else`` does run)."""
    found: list[ast.Import | ast.ImportFrom] = []
    for node in body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        elif isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                found += _module_level_imports(node.body)
            found += _module_level_imports(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, *(h.body for h in node.handlers), node.orelse, node.finalbody):
                found += _module_level_imports(block)
        elif isinstance(node, (ast.With, ast.ClassDef)):
            found += _module_level_imports(node.body)
    return found


def _import_graph() -> dict[str, set[str]]:
    """Module -> the project modules it imports at module level. ``from pkg import name`` imports
    ``pkg.name`` when that is a module (else ``pkg``); a package's ``__init__`` is the package itself."""
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for module, path in paths.items():
        is_package = path.name == "__init__.py"
        edges: set[str] = set()
        for node in _module_level_imports(ast.parse(path.read_text(encoding="utf-8")).body):
            if isinstance(node, ast.Import):
                edges |= {alias.name for alias in node.names if alias.name in paths}
                continue
            if node.level:
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            for alias in node.names:
                if f"{source}.{alias.name}" in paths:
                    edges.add(f"{source}.{alias.name}")
                elif source in paths:
                    edges.add(source)
        graph[module] = edges - {module}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` (its modules in order, the first repeated at the end), or ``None``."""
    done: set[str] = set()
    for start in sorted(graph):
        if start in done:
            continue
        path: list[str] = []
        on_path: set[str] = set()
        stack: list[tuple[str, list[str]]] = [(start, sorted(graph[start]))]
        path.append(start)
        on_path.add(start)
        while stack:
            module, pending = stack[-1]
            if not pending:
                stack.pop()
                path.pop()
                on_path.discard(module)
                done.add(module)
                continue
            following = pending.pop(0)
            if following in on_path:
                return [*path[path.index(following) :], following]
            if following not in done:
                stack.append((following, sorted(graph[following])))
                path.append(following)
                on_path.add(following)
    return None


def test_no_import_cycle_between_modules() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]  # the search finds one
    graph = _import_graph()
    assert "constructs_xtap.guardrails.suppressed_rule_id" in graph  # the walk sees the modules
    cycle = _cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])
