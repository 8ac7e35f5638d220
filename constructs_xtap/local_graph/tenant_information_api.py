"""The tenant lookups (anchors-turn2.md §4): ``GET /{v1.0|beta}/tenantRelationships/
findTenantInformationByTenantId(tenantId='{id}')`` and ``...findTenantInformationByDomainName(
domainName='{domain}')``, answered from the registered tenants (tenant_registry.py), whichever tenant asks.

200 with a tenantInformation (``tenantId``, ``federationBrandName``, ``displayName``, ``defaultDomainName``)
and ``@odata.context`` ``$metadata#microsoft.graph.tenantInformation``, as documented; an unregistered tenant
or domain is ``404 Request_ResourceNotFound`` (server.py assumption 17).
"""

from __future__ import annotations

from constructs_xtap.local_graph.graph_error import GraphError
from constructs_xtap.local_graph.graph_routes import Route
from constructs_xtap.local_graph.reply import Reply
from constructs_xtap.local_graph.tenant_registry import TenantRegistry


def tenant_not_found(name: str, value: str) -> GraphError:
    """Return the 404 for a tenant id or domain name no registered tenant has [assumption]."""
    return GraphError(404, "Request_ResourceNotFound", f"No tenant was found with {name} '{value}'.")


class TenantInformationApi:
    """Answers both lookups; the caller has checked the token and ``CrossTenantInformation.ReadBasic.All``."""

    def __init__(self, tenants: TenantRegistry, graph_endpoint: str) -> None:
        self.tenants = tenants
        self.graph_endpoint = graph_endpoint

    def handle(self, route: Route) -> Reply:
        """Answer one lookup (``GraphError`` 404 when nothing is found)."""
        if route.target == "by_domain":
            found = self.tenants.by_domain(route.args["domain_name"])
            if found is None:
                raise tenant_not_found("domain name", route.args["domain_name"])
        else:
            found = self.tenants.get(route.args["tenant_id"])
            if found is None:
                raise tenant_not_found("tenant id", route.args["tenant_id"])
        context = f"{self.graph_endpoint}/{route.version}/$metadata#microsoft.graph.tenantInformation"
        return Reply(200, {"@odata.context": context, **found})
