"""The Graph identity synchronization endpoint of one partner (graph-api.md §1.8):
``/{v1.0|beta}/policies/crossTenantAccessPolicy/partners/{tenantId}/identitySynchronization``.

PUT creates (204, a second PUT 409), GET answers it (200, ``$select`` honoured), PATCH updates (204),
DELETE removes it (204). The caller (graph_api.py) has routed the request and checked the token and its app
roles.
"""

from __future__ import annotations

from collections.abc import Mapping

from constructs_xtap.local_graph.graph_error import method_not_allowed
from constructs_xtap.local_graph.graph_routes import Route
from constructs_xtap.local_graph.identity_sync_policy import ENTITY_TYPE, NAVIGATION, check_identity_sync
from constructs_xtap.local_graph.odata_query import select_properties
from constructs_xtap.local_graph.partner_store import PartnerStore
from constructs_xtap.local_graph.reply import Reply
from constructs_xtap.local_graph.request_body import parse_json


class IdentitySyncApi:
    """Answers the four documented methods on a partner's ``identitySynchronization``."""

    def __init__(self, graph_endpoint: str) -> None:
        self.graph_endpoint = graph_endpoint

    def handle(self, route: Route, store: PartnerStore, query: Mapping[str, list[str]], body: bytes) -> Reply:
        """Answer one request (``GraphError`` for every failure; a missing partner is its 404)."""
        method, version, tenant_id = route.method, route.version, route.args["tenant_id"]
        if method == "GET":
            policy = select_properties(store.get_identity_sync(tenant_id), query, ENTITY_TYPE)
            return Reply(200, {"@odata.context": self._context(version, tenant_id), **policy})
        if method == "PUT":
            store.create_identity_sync(tenant_id, check_identity_sync(parse_json(body), tenant_id))
            return Reply(204)
        if method == "PATCH":
            store.update_identity_sync(tenant_id, check_identity_sync(parse_json(body), tenant_id))
            return Reply(204)
        if method == "DELETE":
            store.delete_identity_sync(tenant_id)
            return Reply(204)
        raise method_not_allowed()

    def _context(self, version: str, tenant_id: str) -> str:
        return (
            f"{self.graph_endpoint}/{version}/$metadata#policies/crossTenantAccessPolicy/"
            f"partners('{tenant_id.lower()}')/{NAVIGATION}/$entity"
        )
