"""The tenants the local Graph hosts, each stored as its own ``tenantInformation`` object (kind
``tenant_information``, keyed by its tenant id) in the ``ObjectStore``: what the tenant lookups
(``findTenantInformationByTenantId`` / ``ByDomainName``, anchors-turn2.md §4) answer, and which tenants the
token endpoint issues tokens for (:func:`find_tenant_information` answers the lookups).
"""

from __future__ import annotations

import copy
from typing import Any

from constructs_xtap.local_graph.graph_error import GraphError
from constructs_xtap.local_graph.graph_routes import Route
from constructs_xtap.local_graph.object_store import ObjectStore
from constructs_xtap.wire import is_guid
from constructs_xtap.wire.graph_properties import (
    DEFAULT_DOMAIN_NAME,
    DISPLAY_NAME,
    FEDERATION_BRAND_NAME,
    TENANT_ID,
)
from constructs_xtap.wire.object_kinds import TENANT_INFORMATION

KIND = TENANT_INFORMATION.name
#: What ``POST /_xtap/tenants`` takes: every tenantInformation property but the brand name.
REGISTRATION_FIELDS = (TENANT_ID.name, DISPLAY_NAME.name, DEFAULT_DOMAIN_NAME.name)
_FIELDS_TEXT = "{" + ", ".join(f'"{name}"' for name in REGISTRATION_FIELDS) + "}"


class TenantRegistrationError(ValueError):
    """A refused registration: ``status`` 400 (bad body) or 409 (the tenant id or domain is taken)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def tenant_information(tenant_id: str, display_name: str, default_domain_name: str) -> dict[str, Any]:
    """Return a tenantInformation as Graph answers it (``federationBrandName`` null, as documented)."""
    return {
        TENANT_ID.name: tenant_id.lower(),
        FEDERATION_BRAND_NAME.name: None,
        DISPLAY_NAME.name: display_name,
        DEFAULT_DOMAIN_NAME.name: default_domain_name,
    }


def check_registration(body: Any) -> dict[str, Any]:
    """Return the tenantInformation of a ``POST /_xtap/tenants`` body ``{"tenantId", "displayName",
    "defaultDomainName"}`` (all non-empty strings, ``tenantId`` a GUID); else ``TenantRegistrationError``
    400."""
    if not isinstance(body, dict):
        raise TenantRegistrationError(400, f"the body must be {_FIELDS_TEXT}")
    unknown = sorted(set(body) - set(REGISTRATION_FIELDS))
    if unknown:
        raise TenantRegistrationError(
            400, f"unknown member(s) {', '.join(unknown)}; expected {REGISTRATION_FIELDS}"
        )
    for name in REGISTRATION_FIELDS:
        value = body.get(name)
        if not isinstance(value, str) or not value.strip():
            raise TenantRegistrationError(400, f"'{name}' is required and must be a non-empty string")
    tenant_id, display_name, domain_name = (body[name] for name in REGISTRATION_FIELDS)
    if not is_guid(tenant_id):
        raise TenantRegistrationError(400, f"'{TENANT_ID.name}' must be a GUID, not {tenant_id!r}")
    return tenant_information(tenant_id, display_name, domain_name)


class TenantRegistry:
    """Registered tenants, in registration order; the home tenant is registered first and always stays."""

    def __init__(self, objects: ObjectStore) -> None:
        self.objects = objects

    def register(self, information: dict[str, Any]) -> dict[str, Any]:
        """Register a checked tenantInformation; 409 ``TenantRegistrationError`` if its tenant id or
        default domain name (case-insensitive) is already registered."""
        with self.objects.lock:
            tenant_id, domain_name = information[TENANT_ID.name], information[DEFAULT_DOMAIN_NAME.name]
            if self.get(tenant_id) is not None:
                raise TenantRegistrationError(409, f"tenant {tenant_id} is already registered")
            if self.by_domain(domain_name) is not None:
                raise TenantRegistrationError(
                    409, f"domain {domain_name} already belongs to a registered tenant"
                )
            self.objects.put(tenant_id, KIND, tenant_id, copy.deepcopy(information))
            self.objects.save()
            return copy.deepcopy(information)

    def get(self, tenant_id: str) -> dict[str, Any] | None:
        """Return a copy of the tenantInformation of ``tenant_id`` (case-insensitive), or None."""
        with self.objects.lock:
            found = self.objects.get(tenant_id, KIND, tenant_id)
            return copy.deepcopy(found) if found is not None else None

    def by_domain(self, domain_name: str) -> dict[str, Any] | None:
        """Return the tenantInformation whose ``defaultDomainName`` is ``domain_name`` (case-insensitive)."""
        wanted = domain_name.lower()
        for _, _, information in self.objects.of_kind(KIND):
            if str(information.get(DEFAULT_DOMAIN_NAME.name, "")).lower() == wanted:
                return information
        return None

    def list(self) -> list[dict[str, Any]]:
        """Every registered tenantInformation, in registration order."""
        return [information for _, _, information in self.objects.of_kind(KIND)]

    def is_registered(self, tenant: str) -> bool:
        """True for a registered tenant id or default domain name (as an authority path names a tenant)."""
        return self.get(tenant) is not None or self.by_domain(tenant) is not None

    def tenant_id_of(self, tenant: str) -> str | None:
        """The tenant id a tenant id or default domain name stands for, or None."""
        found = self.get(tenant) or self.by_domain(tenant)
        return found[TENANT_ID.name] if found is not None else None


def tenant_not_found(name: str, value: str) -> GraphError:
    """Return the 404 for a tenant id or domain name no registered tenant has (server.py assumption 17)."""
    return GraphError(404, "Request_ResourceNotFound", f"No tenant was found with {name} '{value}'.")


def find_tenant_information(tenants: TenantRegistry, route: Route) -> dict[str, Any]:
    """Answer a tenant lookup (anchors-turn2.md §4): ``findTenantInformationByTenantId(tenantId='{id}')``
    or, for ``route.target`` ``by_domain``, ``findTenantInformationByDomainName(domainName='{domain}')``,
    from the registered tenants, whichever tenant asks; ``GraphError`` 404 when nothing is found."""
    if route.target == "by_domain":
        found = tenants.by_domain(route.args["domain_name"])
        if found is None:
            raise tenant_not_found("domain name", route.args["domain_name"])
        return found
    found = tenants.get(route.args["tenant_id"])
    if found is None:
        raise tenant_not_found("tenant id", route.args["tenant_id"])
    return found
