"""The local Graph's routing table, generated from the object kinds (wire/object_kinds.py) with
``werkzeug.routing``: every kind's paths under ``/v1.0`` and ``/beta``, with the methods its description
implies (GET always; PATCH unless read-only; POST on a collection or a reset action when the kind is made or
reset that way; PUT and DELETE when the kind is created or deleted with them).

Graph's path segments are case-insensitive, so paths are matched lower-cased (captured ids come back
lower-cased; every key here is a GUID or a domain name, both case-insensitive).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from urllib.parse import unquote

from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import Map, Rule

from constructs_xtap.local_graph.graph_error import GraphError, method_not_allowed
from constructs_xtap.wire.object_kinds import OBJECT_KINDS, ObjectKind

VERSIONS = ("v1.0", "beta")
#: Every kind by the name a :class:`Route` gives.
KINDS: Mapping[str, ObjectKind] = MappingProxyType({kind.name: kind for kind in OBJECT_KINDS})
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Route:
    """What a request asks: its method, a kind, which of the kind's paths (``collection``, ``entity``,
    ``action`` or ``by_domain``), the API version and the path's parameters (``tenant_id``,
    ``domain_name``)."""

    method: str
    kind: str
    target: str
    version: str
    args: dict[str, str]


def _templates(kind: ObjectKind) -> Iterator[tuple[str, str, list[str]]]:
    """``(target, path template, methods)`` for each path of one kind."""
    entity = ["GET"]
    if not kind.read_only_kind:
        entity.append("PATCH")
    if kind.create == "PUT":
        entity.append("PUT")
    if kind.delete == "DELETE":
        entity.append("DELETE")
    if kind.collection_path is not None:
        yield "collection", kind.collection_path, ["GET", "POST"] if kind.create == "POST" else ["GET"]
    yield "entity", kind.path, entity
    if kind.reset_action is not None:
        yield "action", kind.path + kind.reset_action, ["POST"]
    for target, template in kind.lookup_paths:
        yield target, template, ["GET"]


def _rule_path(template: str) -> str:
    """``/policies/x/{tenant_id}`` -> ``/<version>/policies/x/<tenant_id>``, static text lower-cased."""
    return "/<version>" + PLACEHOLDER.sub(lambda m: f"<{m.group(1)}>", template.lower())


ROUTES: list[tuple[str, str, str, list[str]]] = [
    (kind.name, target, template, methods)
    for kind in OBJECT_KINDS
    for target, template, methods in _templates(kind)
]
ROUTE_MAP = Map(
    [
        Rule(_rule_path(template), endpoint=(kind, target), methods=methods)
        for kind, target, template, methods in ROUTES
    ],
    strict_slashes=False,
    merge_slashes=False,
)


def _segment_pattern(segment: str) -> re.Pattern[str]:
    parts = PLACEHOLDER.split(segment.lower())
    # split alternates static text and placeholder names
    return re.compile("".join(re.escape(p) if i % 2 == 0 else "[^/]+" for i, p in enumerate(parts)) + r"\Z")


SEGMENT_PATTERNS: list[list[re.Pattern[str]]] = [
    [_segment_pattern(s) for s in template.strip("/").split("/")] for _, _, template, _ in ROUTES
]


def unknown_segment(segments: list[str]) -> str:
    """The first segment (after the version) that no route has at its place, else the last segment."""
    lowered = [s.lower() for s in segments]
    for index in range(len(lowered)):
        if not any(
            len(patterns) > index
            and all(p.match(s) for p, s in zip(patterns, lowered[: index + 1], strict=False))
            for patterns in SEGMENT_PATTERNS
        ):
            return segments[index]
    return segments[-1] if segments else ""


def route(method: str, path: str) -> Route:
    """Match a Graph request path (``/v1.0/...`` or ``/beta/...``; percent-escapes decoded).

    ``GraphError`` 400 ``BadRequest "Resource not found for the segment '<segment>'."`` for an unknown path
    (server.py assumption 9), 405 for a method the path does not serve (§3.3 item 6).
    """
    segments = [unquote(s) for s in path.strip("/").split("/") if s]
    version = segments[0] if segments else ""
    if version not in VERSIONS:
        raise GraphError(400, "BadRequest", f"Resource not found for the segment '{version}'.")
    lowered = "/" + "/".join(s.lower() for s in segments)
    try:
        (kind, target), args = ROUTE_MAP.bind("graph").match(lowered, method=method)
    except MethodNotAllowed:
        raise method_not_allowed() from None
    except NotFound:
        missing = unknown_segment(segments[1:]) or version
        raise GraphError(400, "BadRequest", f"Resource not found for the segment '{missing}'.") from None
    params = {name: str(value) for name, value in args.items() if name != "version"}
    return Route(method, kind, target, str(args["version"]), params)
