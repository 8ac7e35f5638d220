"""Dotted paths into a Graph object (``userSyncInbound.isSyncAllowed``): read a value, or put one.

A kind's Terraform attribute may live below the top of its Graph object
(:attr:`~constructs_xtap.wire.object_kinds.KindAttribute.graph_name`), and the picture reads members of
settings the same way; every room reads and writes such paths with these two functions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def graph_value(graph_object: Mapping[str, Any] | None, dotted: str) -> Any:
    """The value at a dotted Graph path (``inboundTrust.isMfaAccepted``); ``None`` where any step is missing
    or not an object."""
    value: Any = graph_object
    for step in dotted.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(step)
    return value


def put_graph_value(body: dict[str, Any], dotted: str, value: Any) -> None:
    """Set ``value`` at a dotted Graph path in ``body``, making the objects on the way."""
    *parents, last = dotted.split(".")
    for step in parents:
        body = body.setdefault(step, {})
    body[last] = value
