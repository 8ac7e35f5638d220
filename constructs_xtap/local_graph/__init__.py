"""The local Graph: an HTTPS stand-in for the Graph cross-tenant access policy endpoints, the tenant lookups
and the Entra token endpoint, hosting any number of tenants."""

from constructs_xtap.local_graph.client_registry import READ_ROLE, TENANT_INFORMATION_ROLE, WRITE_ROLE
from constructs_xtap.local_graph.collection_pages import DEFAULT_PAGE_SIZE
from constructs_xtap.local_graph.server import APP_ROLES, LocalGraph

__all__ = [
    "APP_ROLES",
    "DEFAULT_PAGE_SIZE",
    "READ_ROLE",
    "TENANT_INFORMATION_ROLE",
    "WRITE_ROLE",
    "LocalGraph",
]
