"""A Graph request's JSON body: read it and check it against the wire type tree (wire/graph_types.py),
answered as Graph does (graph-api.md §2.1-2.12, §3.3 items 4-5).

Property names are case-sensitive on the wire: ``b2BCollaborationInbound`` or ``isMfaTrusted`` anywhere in
the body is ``400 Request_BadRequest "Invalid property '<name>'"`` (R22); ``@odata.*`` annotations that SDKs
send carry no data and are dropped.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from constructs_xtap.local_graph.graph_error import GraphError
from constructs_xtap.wire.graph_types import ARRAY_KIND, BOOLEAN_KIND, ENUM_KIND, STRING_KIND, GraphType


def parse_json(body: bytes) -> Any:
    """Parse a request body; Graph answers an empty or unreadable payload with 400 BadRequest."""
    if not body.strip():
        raise GraphError(400, "BadRequest", "Empty Payload. JSON content expected.")
    try:
        return json.loads(body)
    except (UnicodeDecodeError, ValueError):
        raise GraphError(
            400,
            "BadRequest",
            "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of "
            "valid JSON format.",
        ) from None


def bad_request(message: str) -> GraphError:
    """Return the 400 ``Request_BadRequest`` error Graph answers for a malformed body."""
    return GraphError(400, "Request_BadRequest", message)


def describe(value: Any) -> str:
    """A value as a 400 message quotes it (``repr``, cut to 60 characters)."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def is_annotation(name: str) -> bool:
    """True for an ``@odata.*`` annotation (``@odata.type``), which SDKs send and Graph ignores."""
    return name.startswith("@odata.")


def _primitive(name: str, graph_type: GraphType, value: Any, python_type: type) -> Any:
    if not isinstance(value, python_type):
        raise bad_request(
            f"Cannot convert the literal {describe(value)} to the expected type '{graph_type.name}' "
            f"of property '{name}'."
        )
    return value


def check_value(name: str, graph_type: GraphType, value: Any) -> Any:
    """Return ``value`` (of property or member ``name``) checked against ``graph_type``, annotations
    dropped; else a 400 naming it. ``null`` is accepted everywhere (every documented value is nullable)."""
    if value is None:
        return None
    if graph_type.kind == BOOLEAN_KIND:
        return _primitive(name, graph_type, value, bool)
    if graph_type.kind == STRING_KIND:
        return _primitive(name, graph_type, value, str)
    if graph_type.kind == ENUM_KIND:
        if not isinstance(value, str) or value not in graph_type.values:
            allowed = ", ".join(sorted(graph_type.values))
            raise bad_request(
                f"Invalid value {describe(value)} for property '{name}'. Allowed values: {allowed}."
            )
        return value
    if graph_type.kind == ARRAY_KIND:
        if not isinstance(value, list):
            raise bad_request(f"Property '{name}' must be a JSON array.")
        assert graph_type.item is not None
        return [check_value(name, graph_type.item, item) for item in value]
    if not isinstance(value, dict):
        raise bad_request(f"Property '{name}' must be a JSON object of type '{graph_type.name}'.")
    return check_members(graph_type.fields, value)


def check_members(types: Mapping[str, GraphType], value: Mapping[str, Any]) -> dict[str, Any]:
    """Check every member of a JSON object against ``types`` (member name -> type); an unknown or mis-cased
    name is ``Invalid property``."""
    checked: dict[str, Any] = {}
    for key, member in value.items():
        if is_annotation(key):
            continue
        member_type = types.get(key)
        if member_type is None:
            raise bad_request(f"Invalid property '{key}'")
        checked[key] = check_value(key, member_type, member)
    return checked
