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
