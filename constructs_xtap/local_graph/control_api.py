"""The test-only HTTP API under ``/_xtap`` (no token needed), for tests and scripts in other processes.

``POST /_xtap/faults``, ``GET``/``DELETE /_xtap/faults``, ``GET``/``DELETE /_xtap/requests``,
``POST /_xtap/tokens/revoke``, ``POST /_xtap/reset``, ``GET /_xtap/partners``.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from constructs_xtap.local_graph.access_tokens import AccessTokens
from constructs_xtap.local_graph.fault_queue import FaultError, FaultQueue, parse_faults
from constructs_xtap.local_graph.partner_store import PartnerStore
from constructs_xtap.local_graph.reply import PLAIN_JSON, Reply
from constructs_xtap.local_graph.request_log import RequestLog


def _error(status: int, message: str) -> Reply:
    return Reply(status, {"error": {"code": "xtapControlError", "message": message}}, content_type=PLAIN_JSON)


class ControlApi:
    """Answers ``/_xtap/...`` requests against the running local Graph's parts."""

    def __init__(
        self,
        store: PartnerStore,
        faults: FaultQueue,
        log: RequestLog,
        tokens: AccessTokens,
        reset: Callable[[], None],
    ) -> None:
        self.store = store
        self.faults = faults
        self.log = log
        self.tokens = tokens
        self.reset = reset

    def handle(self, method: str, path: str, body: bytes) -> Reply:
        """Answer one control request."""
        route = path.rstrip("/")
        if route == "/_xtap/faults":
            if method == "POST":
                try:
                    payload = json.loads(body or b"null")
                except ValueError as error:
                    return _error(
                        400, f'the body of POST /_xtap/faults must be JSON {{"faults": [...]}}: {error}'
                    )
                try:
                    self.faults.add(parse_faults(payload))
                except FaultError as error:
                    return _error(400, str(error))
                return Reply(200, {"faults": self.faults.pending()}, content_type=PLAIN_JSON)
            if method == "DELETE":
                self.faults.clear()
                return Reply(204)
            if method == "GET":
                return Reply(200, {"faults": self.faults.pending()}, content_type=PLAIN_JSON)
        elif route == "/_xtap/requests":
            if method == "GET":
                return Reply(200, {"requests": self.log.entries()}, content_type=PLAIN_JSON)
            if method == "DELETE":
                self.log.clear()
                return Reply(204)
        elif route == "/_xtap/tokens/revoke":
            if method == "POST":
                self.tokens.revoke_all()
                return Reply(204)
        elif route == "/_xtap/reset":
            if method == "POST":
                self.reset()
                return Reply(204)
        elif route == "/_xtap/partners":
            if method == "GET":
                return Reply(200, {"partners": self.store.snapshot()}, content_type=PLAIN_JSON)
        else:
            return _error(404, f"no local Graph control endpoint {path}; see constructs_xtap.local_graph")
        return _error(405, f"{method} is not supported on {route}")
