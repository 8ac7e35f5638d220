"""Reading a Graph request's JSON body, answered as Graph does when it is empty or unreadable."""

from __future__ import annotations

import json
from typing import Any

from constructs_xtap.local_graph.graph_error import GraphError


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
