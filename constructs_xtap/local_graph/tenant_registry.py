"""The tenants the local Graph hosts, each stored as its own ``tenantInformation`` object (kind
``tenant_information``, keyed by its tenant id) in the ``ObjectStore``: what the tenant lookups
(``findTenantInformationByTenantId`` / ``ByDomainName``, anchors-turn2.md §4) answer, and which tenants the
token endpoint issues tokens for.
"""

from __future__ import annotations

import copy
from typing import Any

from constructs_xtap.local_graph.object_store import ObjectStore
from constructs_xtap.wire import is_guid
from constructs_xtap.wire.object_kinds import TENANT_INFORMATION

KIND = TENANT_INFORMATION.name
REGISTRATION_FIELDS = ("tenantId", "displayName", "defaultDomainName")


class TenantRegistrationError(ValueError):
    """A refused registration: ``status`` 400 (bad body) or 409 (the tenant id or domain is taken)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def tenant_information(tenant_id: str, display_name: str, default_domain_name: str) -> dict[str, Any]:
    """Return a tenantInformation as Graph answers it (``federationBrandName`` null, as documented)."""
    return {
        "tenantId": tenant_id.lower(),
        "federationBrandName": None,
        "displayName": display_name,
        "defaultDomainName": default_domain_name,
    }


def check_registration(body: Any) -> dict[str, Any]:
    """Return the tenantInformation of a ``POST /_xtap/tenants`` body ``{"tenantId", "displayName",
    "defaultDomainName"}`` (all non-empty strings, ``tenantId`` a GUID); else ``TenantRegistrationError``
    400."""
    if not isinstance(body, dict):
        raise TenantRegistrationError(
            400, 'the body must be {"tenantId", "displayName", "defaultDomainName"}'
        )
    unknown = sorted(set(body) - set(REGISTRATION_FIELDS))
    if unknown:
        raise TenantRegistrationError(
            400, f"unknown member(s) {', '.join(unknown)}; expected {REGISTRATION_FIELDS}"
        )
    for name in REGISTRATION_FIELDS:
        value = body.get(name)
        if not isinstance(value, str) or not value.strip():
            raise TenantRegistrationError(400, f"'{name}' is required and must be a non-empty string")
    if not is_guid(body["tenantId"]):
        raise TenantRegistrationError(400, f"'tenantId' must be a GUID, not {body['tenantId']!r}")
    return tenant_information(body["tenantId"], body["displayName"], body["defaultDomainName"])


class TenantRegistry:
    """Registered tenants, in registration order; the home tenant is registered first and always stays."""

    def __init__(self, objects: ObjectStore) -> None:
        self.objects = objects

    def register(self, information: dict[str, Any]) -> dict[str, Any]:
        """Register a checked tenantInformation; 409 ``TenantRegistrationError`` if its tenant id or
        default domain name (case-insensitive) is already registered."""
        with self.objects.lock:
            tenant_id = information["tenantId"]
            if self.get(tenant_id) is not None:
                raise TenantRegistrationError(409, f"tenant {tenant_id} is already registered")
            if self.by_domain(information["defaultDomainName"]) is not None:
                raise TenantRegistrationError(
                    409, f"domain {information['defaultDomainName']} already belongs to a registered tenant"
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
            if str(information.get("defaultDomainName", "")).lower() == wanted:
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
        return found["tenantId"] if found is not None else None
