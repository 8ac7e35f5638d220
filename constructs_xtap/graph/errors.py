"""Everything the Graph client raises, built from Graph's error envelope (graph-api.md §3.3).

The hierarchy::

    GraphError                      catch this for "anything went wrong talking to Graph"
    ├── GraphRequestError           no HTTP answer: connection refused/reset, timeout, TLS failure
    ├── GraphAuthenticationError    the token endpoint refused to issue a token (AADSTS… codes)
    ├── GraphResponseError          Graph answered 2xx with a body we cannot use (not a JSON object)
    └── GraphStatusError            Graph answered with an error status; carries its envelope
        ├── GraphBadRequest         400 (e.g. Request_BadRequest "Invalid property '…'")
        ├── GraphUnauthorized       401 even after one fresh token
        ├── GraphForbidden          403 (Authorization_RequestDenied: a missing permission)
        ├── GraphNotFound           404
        ├── GraphConflict           409 (Request_MultipleObjectsWithSameKeyValue)
        ├── GraphThrottled          429 after every retry the deadline allowed
        └── GraphServerError        5xx after every retry the deadline allowed

Messages carry method, path, status, ``error.code``, message, ``request-id`` and the number of tries.
They never carry a header, a token or a request body, so they are safe to log and to show in Terraform.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GraphEnvelope:
    """The interesting parts of Graph's ``{"error": {"code", "message", "innerError": {…}}}`` answer."""

    code: str | None = None
    message: str | None = None
    request_id: str | None = None
    client_request_id: str | None = None


class GraphError(Exception):
    """Base of every error raised by :class:`~constructs_xtap.graph.GraphClient`."""

    def __init__(
        self,
        message: str,
        *,
        method: str = "",
        path: str = "",
        tries: int = 0,
        stopped_early: str | None = None,
    ) -> None:
        super().__init__(message)
        self.method = method
        self.path = path
        self.tries = tries
        #: Why retrying stopped before the try limit: the next wait would have passed the retry deadline.
        self.stopped_early = stopped_early

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class GraphRequestError(GraphError):
    """No HTTP answer came back: connection refused or reset, timeout, or a TLS failure."""


class GraphAuthenticationError(GraphError):
    """The token endpoint refused to issue a token (wrong secret, unknown client, bad assertion…)."""

    def __init__(self, message: str, *, error: str | None = None, description: str | None = None) -> None:
        super().__init__(message)
        self.error = error
        self.description = description


class GraphResponseError(GraphError):
    """Graph answered successfully but with a body this client cannot use."""


class GraphStatusError(GraphError):
    """Graph answered with an error status; the parsed envelope is kept on the exception."""

    def __init__(
        self,
        *,
        method: str,
        path: str,
        status: int,
        envelope: GraphEnvelope,
        tries: int,
        retry_after: float | None = None,
        stopped_early: str | None = None,
    ) -> None:
        self.status = status
        self.envelope = envelope
        self.retry_after = retry_after
        super().__init__(
            self._format(method, path, status, envelope, tries, stopped_early),
            method=method,
            path=path,
            tries=tries,
            stopped_early=stopped_early,
        )

    @property
    def code(self) -> str | None:
        return self.envelope.code

    @property
    def graph_message(self) -> str | None:
        return self.envelope.message

    @property
    def request_id(self) -> str | None:
        return self.envelope.request_id

    @staticmethod
    def _format(
        method: str, path: str, status: int, envelope: GraphEnvelope, tries: int, stopped_early: str | None
    ) -> str:
        code = envelope.code or "no error code"
        text = f"{method} {path} answered {status} {code}"
        if envelope.message:
            text += f": {envelope.message}"
        text += f" (request-id {envelope.request_id or 'not given'}"
        if envelope.client_request_id:
            text += f", client-request-id {envelope.client_request_id}"
        text += f"; {tries} {'try' if tries == 1 else 'tries'}"
        if stopped_early:
            text += f"; {stopped_early}"
        return text + ")"


class GraphBadRequest(GraphStatusError):
    """400: Graph rejected the request itself (unknown property, invalid value)."""


class GraphUnauthorized(GraphStatusError):
    """401: the token was rejected, and a freshly acquired one was rejected too."""


class GraphForbidden(GraphStatusError):
    """403: the application lacks a permission (Graph code ``Authorization_RequestDenied``)."""


class GraphNotFound(GraphStatusError):
    """404: there is no such object."""


class GraphConflict(GraphStatusError):
    """409: an object with the same key already exists (``Request_MultipleObjectsWithSameKeyValue``)."""


class GraphThrottled(GraphStatusError):
    """429: Graph kept throttling until the retry deadline (or the try limit) ran out."""


class GraphServerError(GraphStatusError):
    """5xx: Graph kept failing until the retry deadline ran out (or the status is not retryable)."""


_BY_STATUS: dict[int, type[GraphStatusError]] = {
    400: GraphBadRequest,
    401: GraphUnauthorized,
    403: GraphForbidden,
    404: GraphNotFound,
    409: GraphConflict,
    429: GraphThrottled,
}


def status_error_class(status: int) -> type[GraphStatusError]:
    """The most specific :class:`GraphStatusError` subclass for an HTTP status."""
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if status >= 500:
        return GraphServerError
    return GraphStatusError
