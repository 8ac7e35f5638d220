"""Graph's error envelope (graph-api.md §3.3) and the exception the local Graph raises to answer with it."""

from __future__ import annotations

import datetime
from typing import Any

# Codes and messages used when a status is answered without a specific error (faults, generic failures).
# 429's message and innerError extras are the documented throttling sample (vector error_throttled_429).
DEFAULT_ERRORS: dict[int, tuple[str, str]] = {
    400: ("Request_BadRequest", "Bad request."),
    401: ("InvalidAuthenticationToken", "Access token validation failure."),
    403: ("Authorization_RequestDenied", "Insufficient privileges to complete the operation."),
    404: ("Request_ResourceNotFound", "Resource not found."),
    405: ("Request_BadRequest", "Specified HTTP method is not allowed for the request target."),
    409: (
        "Request_MultipleObjectsWithSameKeyValue",
        "Another object with the same value for property tenantId already exists.",
    ),
    429: ("TooManyRequests", "Please retry again later."),
    500: ("generalException", "General exception while processing."),
    502: ("badGateway", "Bad gateway."),
    503: ("serviceNotAvailable", "The service is temporarily unavailable. Please retry later."),
    504: ("gatewayTimeout", "The gateway timed out."),
}


class GraphError(Exception):
    """An error answered in Graph's envelope: ``{"error": {"code", "message", "details"?, "innerError"}}``."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        headers: dict[str, str] | None = None,
        *,
        details: list[dict[str, str]] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}
        self.details = details or []


def method_not_allowed() -> GraphError:
    """Return Graph's 405 (graph-api.md §3.3 item 6)."""
    return GraphError(
        405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target."
    )


def graph_now() -> str:
    """Return the current UTC time as Graph writes ``innerError.date`` (seconds, no zone suffix)."""
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S")


def error_body(
    status: int,
    code: str,
    message: str,
    request_id: str,
    client_request_id: str,
    details: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    """Return Graph's error envelope; innerError always has date, request-id and client-request-id;
    ``details`` (e.g. ``ConflictingObjects``, vector error_duplicate_identitysync_409) only when given."""
    inner: dict[str, Any] = {
        "date": graph_now(),
        "request-id": request_id,
        "client-request-id": client_request_id,
    }
    if status == 429:
        # The documented throttling sample carries these extra innerError members.
        inner.update({"code": "429", "message": "Please retry after", "status": "429"})
    error: dict[str, Any] = {"code": code, "message": message}
    if details:
        error["details"] = [dict(detail) for detail in details]
    error["innerError"] = inner
    return {"error": error}


def default_error_body(status: int, request_id: str, client_request_id: str) -> dict[str, Any]:
    """Return the envelope Graph would plausibly send for ``status`` with no more specific error."""
    code, message = DEFAULT_ERRORS.get(status, ("UnknownError", f"HTTP {status}."))
    return error_body(status, code, message, request_id, client_request_id)
