"""The Graph partner endpoints: ``/{v1.0|beta}/policies/crossTenantAccessPolicy/partners[/{tenantId}]``."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from constructs_xtap.local_graph.access_tokens import AccessTokens
from constructs_xtap.local_graph.client_registry import READ_ROLE, WRITE_ROLE
from constructs_xtap.local_graph.graph_error import GraphError
from constructs_xtap.local_graph.partner_payload import check_create, check_update
from constructs_xtap.local_graph.partner_store import PartnerStore
from constructs_xtap.local_graph.reply import Reply

VERSIONS = ("v1.0", "beta")
COLLECTION = ("policies", "crosstenantaccesspolicy", "partners")
ENTITY_TYPE = "microsoft.graph.crossTenantAccessPolicyConfigurationPartner"


def forbidden() -> GraphError:
    """Return the documented 403 (vector error_forbidden_403)."""
    return GraphError(
        403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."
    )


def method_not_allowed() -> GraphError:
    """Return Graph's 405 (graph-api.md §4.4)."""
    return GraphError(
        405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target."
    )


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


def is_graph_path(path: str) -> bool:
    """True for paths under ``/v1.0`` or ``/beta``."""
    first = path.lstrip("/").split("/", 1)[0]
    return first in VERSIONS


class PartnerApi:
    """Routes Graph requests to the partner store after checking the bearer token and its app roles."""

    def __init__(self, store: PartnerStore, tokens: AccessTokens, graph_endpoint: str) -> None:
        self.store = store
        self.tokens = tokens
        self.graph_endpoint = graph_endpoint

    def handle(
        self, method: str, path: str, query: Mapping[str, list[str]], headers: Mapping[str, str], body: bytes
    ) -> Reply:
        """Answer one Graph request (``GraphError`` for every failure); ``headers`` keys are lower-case."""
        claims = self.tokens.check(headers.get("authorization"))
        segments = [s for s in path.strip("/").split("/") if s]
        version, rest = segments[0], segments[1:]
        for index, expected in enumerate(COLLECTION):
            if index >= len(rest) or rest[index].lower() != expected:
                missing = rest[index] if index < len(rest) else "/".join(rest) or version
                raise GraphError(400, "BadRequest", f"Resource not found for the segment '{missing}'.")
        extra = rest[len(COLLECTION) :]
        if len(extra) > 1:
            raise GraphError(400, "BadRequest", f"Resource not found for the segment '{extra[1]}'.")
        roles = set(claims.get("roles") or [])
        needed = {READ_ROLE, WRITE_ROLE} if method == "GET" else {WRITE_ROLE}
        if not roles & needed:
            raise forbidden()
        if not extra:
            return self._collection(method, version, query, body)
        return self._entity(method, version, extra[0], query, body)

    def _context(self, version: str, entity: bool) -> str:
        suffix = "/$entity" if entity else ""
        return f"{self.graph_endpoint}/{version}/$metadata#policies/crossTenantAccessPolicy/partners{suffix}"

    def _collection(self, method: str, version: str, query: Mapping[str, list[str]], body: bytes) -> Reply:
        if method == "GET":
            partners = [self._select(p, query) for p in self.store.list()]
            return Reply(200, {"@odata.context": self._context(version, False), "value": partners})
        if method == "POST":
            created = self.store.create(check_create(parse_json(body)))
            collection = f"{self.graph_endpoint}/{version}/policies/crossTenantAccessPolicy/partners"
            location = f"{collection}/{created['tenantId']}"
            return Reply(
                201, {"@odata.context": self._context(version, True), **created}, {"Location": location}
            )
        raise method_not_allowed()

    def _entity(
        self, method: str, version: str, tenant_id: str, query: Mapping[str, list[str]], body: bytes
    ) -> Reply:
        if method == "GET":
            partner = self._select(self.store.get(tenant_id), query)
            return Reply(200, {"@odata.context": self._context(version, True), **partner})
        if method == "PATCH":
            settings = check_update(parse_json(body))
            self.store.update(tenant_id, settings)
            return Reply(204)
        if method == "DELETE":
            self.store.delete(tenant_id)
            return Reply(204)
        raise method_not_allowed()

    @staticmethod
    def _select(partner: dict[str, Any], query: Mapping[str, list[str]]) -> dict[str, Any]:
        """Apply ``$select`` (documented for list and get); the key ``tenantId`` is always kept."""
        selected = query.get("$select")
        if not selected:
            return partner
        names = [name.strip() for value in selected for name in value.split(",") if name.strip()]
        for name in names:
            if name not in partner:
                raise GraphError(
                    400, "BadRequest", f"Could not find a property named '{name}' on type '{ENTITY_TYPE}'."
                )
        return {key: value for key, value in partner.items() if key in names or key == "tenantId"}
