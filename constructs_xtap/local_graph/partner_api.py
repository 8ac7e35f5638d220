"""The Graph partner endpoints: ``/{v1.0|beta}/policies/crossTenantAccessPolicy/partners[/{tenantId}]``,
and the route to a partner's ``/identitySynchronization`` (answered by ``IdentitySyncApi``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from constructs_xtap.local_graph.access_tokens import AccessTokens
from constructs_xtap.local_graph.client_registry import READ_ROLE, WRITE_ROLE
from constructs_xtap.local_graph.collection_pages import SKIPTOKEN, CollectionPages
from constructs_xtap.local_graph.graph_error import GraphError, method_not_allowed
from constructs_xtap.local_graph.identity_sync_api import IdentitySyncApi
from constructs_xtap.local_graph.identity_sync_policy import NAVIGATION
from constructs_xtap.local_graph.odata_query import expanded, select_properties
from constructs_xtap.local_graph.partner_payload import check_create, check_update
from constructs_xtap.local_graph.partner_store import PartnerStore
from constructs_xtap.local_graph.reply import Reply
from constructs_xtap.local_graph.request_body import parse_json

VERSIONS = ("v1.0", "beta")
COLLECTION = ("policies", "crosstenantaccesspolicy", "partners")
ENTITY_TYPE = "microsoft.graph.crossTenantAccessPolicyConfigurationPartner"


def forbidden() -> GraphError:
    """Return the documented 403 (vector error_forbidden_403)."""
    return GraphError(
        403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."
    )


def is_graph_path(path: str) -> bool:
    """True for paths under ``/v1.0`` or ``/beta``."""
    first = path.lstrip("/").split("/", 1)[0]
    return first in VERSIONS


class PartnerApi:
    """Routes Graph requests to the partner store after checking the bearer token and its app roles."""

    def __init__(
        self, store: PartnerStore, tokens: AccessTokens, graph_endpoint: str, pages: CollectionPages
    ) -> None:
        self.store = store
        self.tokens = tokens
        self.graph_endpoint = graph_endpoint
        self.pages = pages
        self.identity_sync = IdentitySyncApi(store, graph_endpoint)

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
        # Below a partner, only its navigation property (segments are case-insensitive, as above).
        unknown = [s for s in extra[1:2] if s.lower() != NAVIGATION.lower()] + extra[2:3]
        if unknown:
            raise GraphError(400, "BadRequest", f"Resource not found for the segment '{unknown[0]}'.")
        roles = set(claims.get("roles") or [])
        needed = {READ_ROLE, WRITE_ROLE} if method == "GET" else {WRITE_ROLE}
        if not roles & needed:
            raise forbidden()
        if not extra:
            return self._collection(method, version, query, body)
        if len(extra) == 2:
            return self.identity_sync.handle(method, version, extra[0], query, body)
        return self._entity(method, version, extra[0], query, body)

    def _context(self, version: str, entity: bool) -> str:
        suffix = "/$entity" if entity else ""
        return f"{self.graph_endpoint}/{version}/$metadata#policies/crossTenantAccessPolicy/partners{suffix}"

    def _collection_url(self, version: str) -> str:
        return f"{self.graph_endpoint}/{version}/policies/crossTenantAccessPolicy/partners"

    def _collection(self, method: str, version: str, query: Mapping[str, list[str]], body: bytes) -> Reply:
        if method == "GET":
            return self._list(version, query)
        if method == "POST":
            created = self.store.create(check_create(parse_json(body)))
            location = f"{self._collection_url(version)}/{created['tenantId']}"
            return Reply(
                201, {"@odata.context": self._context(version, True), **created}, {"Location": location}
            )
        raise method_not_allowed()

    def _list(self, version: str, query: Mapping[str, list[str]]) -> Reply:
        """One page of the partners (server.py assumption 15): ``$select`` and ``$expand`` apply to every
        page, as the next link carries them on; ``$top`` and ``$skip`` are ignored."""
        expand = expanded(query, NAVIGATION, ENTITY_TYPE)
        partners = self.store.list(expand_identity_sync=expand)
        page = self.pages.page([p["tenantId"].lower() for p in partners], query.get(SKIPTOKEN))
        answer: dict[str, Any] = {
            "@odata.context": self._context(version, False),
            "value": [self._select(p, query, expand) for p in partners[page.start : page.stop]],
        }
        if page.next_token is not None:
            answer["@odata.nextLink"] = self._next_link(version, query, page.next_token)
        return Reply(200, answer)

    def _next_link(self, version: str, query: Mapping[str, list[str]], token: str) -> str:
        """The absolute URL of the next page: this request's query options, then the new ``$skiptoken``."""
        options = [(name, value) for name, values in query.items() if name != SKIPTOKEN for value in values]
        options.append((SKIPTOKEN, token))
        encoded = "&".join(f"{quote(name, safe='$')}={quote(value, safe=',$')}" for name, value in options)
        return f"{self._collection_url(version)}?{encoded}"

    def _entity(
        self, method: str, version: str, tenant_id: str, query: Mapping[str, list[str]], body: bytes
    ) -> Reply:
        if method == "GET":
            expand = expanded(query, NAVIGATION, ENTITY_TYPE)
            partner = self._select(self.store.get(tenant_id, expand_identity_sync=expand), query, expand)
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
    def _select(partner: dict[str, Any], query: Mapping[str, list[str]], expand: bool) -> dict[str, Any]:
        """Apply ``$select`` (documented for list and get); an expanded navigation is kept whatever is
        selected (vector list_partners_expand_identitysync_v1)."""
        if not expand:
            return select_properties(partner, query, ENTITY_TYPE)
        navigation = partner.pop(NAVIGATION)
        return {**select_properties(partner, query, ENTITY_TYPE), NAVIGATION: navigation}
