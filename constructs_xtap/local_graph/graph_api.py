"""Every Graph request (``/v1.0/...`` and ``/beta/...``): checks the bearer token, finds the tenant it was
issued for (its ``tid``), routes by the kinds' table (graph_routes.py), checks the app roles the kind needs
(kind_rules.py) and hands the request to the one kind handler (kind_api.py), acting on that tenant's objects
only.

Roles: reads need ``Policy.Read.All`` or ``Policy.ReadWrite.CrossTenantAccess``, writes the latter
(graph-api.md §4.1); the tenant lookups need ``CrossTenantInformation.ReadBasic.All`` (anchors-turn2.md §4).
Otherwise ``403 Authorization_RequestDenied`` (vector error_forbidden_403).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from constructs_xtap.local_graph.access_tokens import AccessTokens, invalid_token
from constructs_xtap.local_graph.graph_error import GraphError
from constructs_xtap.local_graph.graph_routes import KINDS, VERSIONS, Route, route
from constructs_xtap.local_graph.kind_api import KindApi
from constructs_xtap.local_graph.kind_rules import rules_of
from constructs_xtap.local_graph.reply import Reply
from constructs_xtap.local_graph.tenant_registry import TenantRegistry


def forbidden() -> GraphError:
    """Return the documented 403 (vector error_forbidden_403)."""
    return GraphError(
        403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."
    )


def is_graph_path(path: str) -> bool:
    """True for paths under ``/v1.0`` or ``/beta``."""
    first = path.lstrip("/").split("/", 1)[0]
    return first in VERSIONS


def needed_roles(found: Route) -> set[str]:
    """The app roles of which a token needs one for this request."""
    return rules_of(KINDS[found.kind]).roles(found.method)


@dataclass
class GraphApi:
    """Routes Graph requests to the kind handler (``kinds``) for the tenant of the bearer token."""

    tenants: TenantRegistry
    tokens: AccessTokens
    kinds: KindApi

    def handle(
        self, method: str, path: str, query: Mapping[str, list[str]], headers: Mapping[str, str], body: bytes
    ) -> Reply:
        """Answer one Graph request (``GraphError`` for every failure); ``headers`` keys are lower-case.

        The token is checked first (401), then the path (400/405), then the roles (403), then the body.
        """
        claims = self.tokens.check(headers.get("authorization"))
        tenant = str(claims.get("tid") or "")
        if self.tenants.get(tenant) is None:
            raise invalid_token(f"Access token validation failure. Tenant '{tenant}' is not hosted here.")
        found = route(method, path)
        if not set(claims.get("roles") or []) & needed_roles(found):
            raise forbidden()
        return self.kinds.handle(found, tenant, query, body)
