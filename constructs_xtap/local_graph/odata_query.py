"""The OData query options the local Graph honours: ``$select`` and ``$expand`` (graph-api.md §1.1, §1.8)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from constructs_xtap.local_graph.graph_error import GraphError


def _names(query: Mapping[str, list[str]], option: str) -> list[str]:
    return [name.strip() for value in query.get(option, []) for name in value.split(",") if name.strip()]


def unknown_property(name: str, entity_type: str) -> GraphError:
    """Return Graph's 400 for a query option naming a property the type does not have."""
    return GraphError(400, "BadRequest", f"Could not find a property named '{name}' on type '{entity_type}'.")


def select_properties(
    entity: dict[str, Any], query: Mapping[str, list[str]], entity_type: str, key: str | None
) -> dict[str, Any]:
    """Apply ``$select`` (names are case-sensitive); the entity's ``key`` is always kept."""
    names = _names(query, "$select")
    if not names:
        return entity
    for name in names:
        if name not in entity:
            raise unknown_property(name, entity_type)
    return {name: value for name, value in entity.items() if name in names or name == key}


def expanded(
    query: Mapping[str, list[str]], navigations: Collection[str], entity_type: str
) -> tuple[str, ...]:
    """The navigation properties ``$expand`` names (each once, in order); a name that is not one of the
    type's ``navigations`` is 400 like an unknown ``$select`` name [assumption]."""
    names = _names(query, "$expand")
    for name in names:
        if name not in navigations:
            raise unknown_property(name, entity_type)
    return tuple(dict.fromkeys(names))
