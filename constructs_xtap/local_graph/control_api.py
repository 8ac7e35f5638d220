"""The test-only HTTP API under ``/_xtap`` (no token needed), for tests and scripts in other processes.

``POST /_xtap/faults``, ``GET``/``DELETE /_xtap/faults``, ``GET``/``DELETE /_xtap/requests``,
``POST /_xtap/tokens/revoke``, ``POST /_xtap/reset``, ``GET /_xtap/partners`` (the home tenant's),
``POST /_xtap/tenants`` (register a tenant: ``{"tenantId", "displayName", "defaultDomainName"}`` -> 201
with its tenantInformation; 400 for a missing or empty member or a tenant id that is not a GUID, 409 for a
tenant id or domain already registered) and ``GET /_xtap/tenants`` (``{"tenants": [tenantInformation, ...]}``,
the home tenant first).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from constructs_xtap.local_graph.access_tokens import AccessTokens
from constructs_xtap.local_graph.fault_queue import FaultError, FaultQueue, parse_faults
from constructs_xtap.local_graph.kind_store import KindStore
from constructs_xtap.local_graph.reply import PLAIN_JSON, Reply
from constructs_xtap.local_graph.request_log import RequestLog
from constructs_xtap.local_graph.tenant_registry import (
    TenantRegistrationError,
    TenantRegistry,
    check_registration,
)


def _error(status: int, message: str) -> Reply:
    return Reply(status, {"error": {"code": "xtapControlError", "message": message}}, content_type=PLAIN_JSON)


@dataclass
class ControlApi:
    """Answers ``/_xtap/...`` requests against the running local Graph's parts."""

    store: KindStore
    tenants: TenantRegistry
    faults: FaultQueue
    log: RequestLog
    tokens: AccessTokens
    reset: Callable[[], None]

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
        elif route == "/_xtap/tenants":
            if method == "POST":
                return self._register_tenant(body)
            if method == "GET":
                return Reply(200, {"tenants": self.tenants.list()}, content_type=PLAIN_JSON)
        else:
            return _error(404, f"no local Graph control endpoint {path}; see constructs_xtap.local_graph")
        return _error(405, f"{method} is not supported on {route}")

    def _register_tenant(self, body: bytes) -> Reply:
        try:
            payload = json.loads(body or b"null")
        except ValueError as error:
            return _error(400, f"the body of POST /_xtap/tenants must be JSON: {error}")
        try:
            registered = self.tenants.register(check_registration(payload))
        except TenantRegistrationError as error:
            return _error(error.status, str(error))
        return Reply(201, registered, content_type=PLAIN_JSON)
