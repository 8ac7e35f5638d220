"""The Graph partner endpoints of one tenant: ``/{v1.0|beta}/policies/crossTenantAccessPolicy/partners``
(list, create) and ``.../partners/{tenantId}`` (get, update, delete). The caller (graph_api.py) has routed
the request and checked the token and its app roles."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from constructs_xtap.local_graph.collection_pages import SKIPTOKEN, CollectionPages
from constructs_xtap.local_graph.graph_error import method_not_allowed
from constructs_xtap.local_graph.graph_routes import Route
from constructs_xtap.local_graph.identity_sync_policy import NAVIGATION
from constructs_xtap.local_graph.odata_query import expanded, select_properties
from constructs_xtap.local_graph.partner_payload import check_create, check_update
from constructs_xtap.local_graph.partner_store import PartnerStore
from constructs_xtap.local_graph.reply import Reply
from constructs_xtap.local_graph.request_body import parse_json

ENTITY_TYPE = "microsoft.graph.crossTenantAccessPolicyConfigurationPartner"


class PartnerApi:
    """Answers the partner collection and entity requests against one tenant's ``PartnerStore``."""

    def __init__(self, graph_endpoint: str, pages: CollectionPages) -> None:
        self.graph_endpoint = graph_endpoint
        self.pages = pages

    def handle(self, route: Route, store: PartnerStore, query: Mapping[str, list[str]], body: bytes) -> Reply:
        """Answer one request (``GraphError`` for every failure)."""
        if route.target == "collection":
            return self._collection(route.method, route.version, store, query, body)
        return self._entity(route.method, route.version, store, route.args["tenant_id"], query, body)

    def _context(self, version: str, entity: bool) -> str:
        suffix = "/$entity" if entity else ""
        return f"{self.graph_endpoint}/{version}/$metadata#policies/crossTenantAccessPolicy/partners{suffix}"

    def _collection_url(self, version: str) -> str:
        return f"{self.graph_endpoint}/{version}/policies/crossTenantAccessPolicy/partners"

    def _collection(
        self, method: str, version: str, store: PartnerStore, query: Mapping[str, list[str]], body: bytes
    ) -> Reply:
        if method == "GET":
            return self._list(version, store, query)
        if method == "POST":
            created = store.create(check_create(parse_json(body)))
            location = f"{self._collection_url(version)}/{created['tenantId']}"
            return Reply(
                201, {"@odata.context": self._context(version, True), **created}, {"Location": location}
            )
        raise method_not_allowed()

    def _list(self, version: str, store: PartnerStore, query: Mapping[str, list[str]]) -> Reply:
        """One page of the partners (server.py assumption 15): ``$select`` and ``$expand`` apply to every
        page, as the next link carries them on; ``$top`` and ``$skip`` are ignored."""
        expand = expanded(query, NAVIGATION, ENTITY_TYPE)
        partners = store.list(expand_identity_sync=expand)
        keys = [p["tenantId"].lower() for p in partners]
        page = self.pages.page(keys, query.get(SKIPTOKEN), scope=store.tenant)
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
        self,
        method: str,
        version: str,
        store: PartnerStore,
        tenant_id: str,
        query: Mapping[str, list[str]],
        body: bytes,
    ) -> Reply:
        if method == "GET":
            expand = expanded(query, NAVIGATION, ENTITY_TYPE)
            partner = self._select(store.get(tenant_id, expand_identity_sync=expand), query, expand)
            return Reply(200, {"@odata.context": self._context(version, True), **partner})
        if method == "PATCH":
            settings = check_update(parse_json(body))
            store.update(tenant_id, settings)
            return Reply(204)
        if method == "DELETE":
            store.delete(tenant_id)
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
