"""The default configuration of one tenant (graph-api.md §1.6): ``GET`` and ``PATCH
/{v1.0|beta}/policies/crossTenantAccessPolicy/default`` and ``POST .../default/resetToSystemDefault``.

Stored as the tenant's ``default`` object only once changed; until then (and after a reset) GET answers the
service default (documented_defaults.py). The caller has checked the token and its app roles.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping

from constructs_xtap.local_graph.default_payload import (
    ENTITY_TYPE,
    apply_default_update,
    check_default_update,
)
from constructs_xtap.local_graph.documented_defaults import documented_default
from constructs_xtap.local_graph.graph_error import method_not_allowed
from constructs_xtap.local_graph.graph_routes import Route
from constructs_xtap.local_graph.object_store import ObjectStore
from constructs_xtap.local_graph.odata_query import select_properties
from constructs_xtap.local_graph.reply import Reply
from constructs_xtap.local_graph.request_body import parse_json
from constructs_xtap.wire.object_kinds import DEFAULT

ENTITY_SET = "policies/crossTenantAccessPolicy/default"


class DefaultApi:
    """Answers GET (200), PATCH (204) and resetToSystemDefault (204) on a tenant's default configuration."""

    def __init__(self, objects: ObjectStore, graph_endpoint: str) -> None:
        self.objects = objects
        self.graph_endpoint = graph_endpoint

    def handle(self, route: Route, tenant: str, query: Mapping[str, list[str]], body: bytes) -> Reply:
        """Answer one request (``GraphError`` for every failure)."""
        if route.target == "action":  # POST .../resetToSystemDefault: no body needed, none answered
            with self.objects.lock:
                if self.objects.remove(tenant, DEFAULT.name):
                    self.objects.save()
            return Reply(204)
        if route.method == "GET":
            with self.objects.lock:
                stored = self.objects.get(tenant, DEFAULT.name)
                current = copy.deepcopy(stored) if stored is not None else documented_default(DEFAULT.name)
            context = f"{self.graph_endpoint}/{route.version}/$metadata#{ENTITY_SET}/$entity"
            return Reply(200, {"@odata.context": context, **select_properties(current, query, ENTITY_TYPE)})
        if route.method == "PATCH":
            checked = check_default_update(parse_json(body))
            with self.objects.lock:
                current = self.objects.get(tenant, DEFAULT.name) or documented_default(DEFAULT.name)
                apply_default_update(current, checked)
                self.objects.put(tenant, DEFAULT.name, "", current)
                self.objects.save()
            return Reply(204)
        raise method_not_allowed()
