"""Graph's property names are spelled in wire/ only: every other room reads them from the kinds' descriptions.

A name written as a string constant in a room is a second description of the kind that the next kind or
property has to find and change (issue 17). Docstrings may name properties; code takes them from
``constructs_xtap.wire`` (``PARTNER.key``, ``TENANT_ID.name``, ``kind.settings``, the type tree).
"""

from __future__ import annotations

import ast
from pathlib import Path

from constructs_xtap.wire import OBJECT_KINDS

PACKAGE = Path(__file__).resolve().parents[1] / "constructs_xtap"
#: The string constants outside wire/ that may still spell a property name (each one a reviewed exception).
ALLOWED_SPELLINGS = 10


def _property_names() -> set[str]:
    names = {name for kind in OBJECT_KINDS for name in kind.property_names}
    names |= {kind.navigation for kind in OBJECT_KINDS if kind.navigation}
    names.discard("id")  # also every Terraform resource's id attribute: not a Graph spelling to move
    return names


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def spellings_outside_wire(package: Path = PACKAGE) -> list[str]:
    """``path:line: name`` for every string constant outside wire/ equal to a kind's Graph property name."""
    names = _property_names()
    found = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if relative.parts[0] == "wire":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = _docstrings(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value in names
                and id(node) not in docstrings
            ):
                found.append(f"{relative}:{node.lineno}: {node.value}")
    return found


def test_graph_property_names_are_spelled_in_wire_only() -> None:
    found = spellings_outside_wire()
    assert len(found) <= ALLOWED_SPELLINGS, "\n".join(found)


def test_the_spelling_check_finds_constants_but_not_docstrings_or_wire(tmp_path: Path) -> None:
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "kinds.py").write_text('KEY = "tenantId"\n')
    (tmp_path / "room.py").write_text(
        '"""Reads tenantId."""\n\n'
        'def key(partner):\n    """The tenantId."""\n    return partner["tenantId"]\n'
    )
    assert spellings_outside_wire(tmp_path) == ["room.py:5: tenantId"]
