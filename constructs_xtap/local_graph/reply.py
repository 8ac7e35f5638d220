"""One HTTP answer of the local Graph: status, headers and a JSON (or raw) body."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

GRAPH_JSON = (
    "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8"
)
PLAIN_JSON = "application/json; charset=utf-8"


@dataclass
class Reply:
    """``body`` is JSON-encoded unless it is ``bytes``/``str`` (sent as is) or ``None`` (no body)."""

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = GRAPH_JSON

    def payload(self) -> bytes:
        """Return the body bytes."""
        if self.body is None:
            return b""
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode("utf-8")
        return json.dumps(self.body, separators=(",", ":")).encode("utf-8")
