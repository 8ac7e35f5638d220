"""The cross-tenant access policy of one tenant (graph-api.md §1.7): ``GET`` and ``PATCH
/{v1.0|beta}/policies/crossTenantAccessPolicy``.

Stored as the tenant's ``policy`` object once changed; until then GET answers the documented policy
(documented_defaults.py). The caller has checked the token and its app roles.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping

from constructs_xtap.local_graph.documented_defaults import documented_default
from constructs_xtap.local_graph.graph_error import method_not_allowed
from constructs_xtap.local_graph.graph_routes import Route
from constructs_xtap.local_graph.object_store import ObjectStore
from constructs_xtap.local_graph.odata_query import select_properties
from constructs_xtap.local_graph.policy_payload import ENTITY_TYPE, apply_policy_update, check_policy_update
from constructs_xtap.local_graph.reply import Reply
from constructs_xtap.local_graph.request_body import parse_json
from constructs_xtap.wire.object_kinds import POLICY


class PolicyApi:
    """Answers GET (200, the policy itself: no ``value`` wrapper) and PATCH (204)."""

    def __init__(self, objects: ObjectStore, graph_endpoint: str) -> None:
        self.objects = objects
        self.graph_endpoint = graph_endpoint

    def handle(self, route: Route, tenant: str, query: Mapping[str, list[str]], body: bytes) -> Reply:
        """Answer one request (``GraphError`` for every failure)."""
        if route.method == "GET":
            with self.objects.lock:
                stored = self.objects.get(tenant, POLICY.name)
                current = copy.deepcopy(stored) if stored is not None else documented_default(POLICY.name)
            context = (
                f"{self.graph_endpoint}/{route.version}/$metadata#policies/crossTenantAccessPolicy/$entity"
            )
            return Reply(200, {"@odata.context": context, **select_properties(current, query, ENTITY_TYPE)})
        if route.method == "PATCH":
            checked = check_policy_update(parse_json(body))
            with self.objects.lock:
                current = self.objects.get(tenant, POLICY.name) or documented_default(POLICY.name)
                self.objects.put(tenant, POLICY.name, "", apply_policy_update(current, checked))
                self.objects.save()
            return Reply(204)
        raise method_not_allowed()
