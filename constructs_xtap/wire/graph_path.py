"""Dotted paths into Graph objects (``inboundTrust.isMfaAccepted``, ``userSyncInbound.isSyncAllowed``): how
``KindAttribute.graph_name`` and ``SettingColumn.graph_name`` name a member of a setting."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def graph_value(graph_object: Mapping[str, Any] | None, graph_name: str) -> Any:
    """The value at the dotted Graph path ``graph_name``; ``None`` where any step is missing or not an
    object."""
    value: Any = graph_object
    for part in graph_name.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def put_graph_value(body: dict[str, Any], graph_name: str, value: Any) -> None:
    """Set ``value`` at the dotted Graph path ``graph_name`` in ``body``, making the objects on the way."""
    *parents, last = graph_name.split(".")
    for part in parents:
        body = body.setdefault(part, {})
    body[last] = value
