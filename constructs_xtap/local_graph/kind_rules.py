"""The per-kind rules of the local Graph: what the one kind handler (kind_api.py) and store (kind_store.py)
cannot read from a kind's description (wire/object_kinds.py), as one small table keyed by kind name
(:data:`RULES`): R7/R8 (partner deletes), R17/R18 (default), R19/R20 (policy), R6 (identity
synchronization's 409), the tenant lookups' role.

A kind without an entry gets :class:`KindRules` itself (Graph's usual 404 and 409, the policy roles): a new
kind needs a subclass here only for a rule of its own. Every message is Graph's where documented, else
marked [assumption] in server.py's list.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from constructs_xtap.local_graph.client_registry import READ_ROLE, TENANT_INFORMATION_ROLE, WRITE_ROLE
from constructs_xtap.local_graph.graph_error import GraphError
from constructs_xtap.local_graph.graph_routes import Route
from constructs_xtap.local_graph.request_body import bad_request
from constructs_xtap.local_graph.tenant_registry import TenantRegistry, find_tenant_information
from constructs_xtap.wire.graph_properties import (
    AUTOMATIC_USER_CONSENT_SETTINGS,
    DISPLAY_NAME,
    INVITATION_REDEMPTION_IDENTITY_PROVIDER_CONFIGURATION,
    IS_IN_MULTI_TENANT_ORGANIZATION,
    IS_SERVICE_DEFAULT,
    IS_SERVICE_PROVIDER,
)
from constructs_xtap.wire.graph_types import FALLBACK_IDENTITY_PROVIDER, IDENTITY_PROVIDERS, INBOUND_OUTBOUND
from constructs_xtap.wire.object_kinds import (
    DEFAULT,
    IDENTITY_SYNCHRONIZATION,
    PARTNER,
    POLICY,
    TENANT_INFORMATION,
    ObjectKind,
)

CONFLICT_MESSAGE = (
    "A conflicting object with one or more of the specified property values is present in the directory."
)
#: R20: "The crossTenantAccessPolicy object size is currently limited to 25KB."
POLICY_SIZE_LIMIT = 25 * 1024


class KindRules:
    """One kind's own rules; this base holds what every kind without rules of its own gets.

    ``words`` name one object in messages (``partner configuration``); ``body_type`` is the type a body
    that is not an object is told to represent (the kind's entity type when empty); ``read_only_message``
    (with ``{name}``) answers a write of a read-only property, ``None`` treating it as an unknown name;
    ``names_first`` rejects unknown names before any value is checked; ``initial`` holds the non-null values
    of a new object; ``answered_with`` what a singleton answers besides its ``documented_default`` until
    changed; ``read_roles``/``write_roles`` the app roles of which a token needs one (graph-api.md §4.1).
    """

    kind: ObjectKind | None = None
    words = ""
    body_type = ""
    read_only_message: str | None = None
    names_first = True
    initial: Mapping[str, Any] = MappingProxyType({})
    answered_with: Mapping[str, Any] = MappingProxyType({})
    read_roles: tuple[str, ...] = (READ_ROLE, WRITE_ROLE)
    write_roles: tuple[str, ...] = (WRITE_ROLE,)

    def roles(self, method: str) -> set[str]:
        """The app roles of which a token needs one for ``method``."""
        return set(self.read_roles if method == "GET" else self.write_roles)

    def untouched(self, kind: ObjectKind) -> dict[str, Any] | None:
        """What a singleton answers until changed (a fresh copy); ``None`` for a kind that is not one."""
        if kind.documented_default is None:
            return None
        plain: dict[str, Any] = json.loads(json.dumps(dict(kind.documented_default)))  # tuples as lists
        return {**copy.deepcopy(dict(self.answered_with)), **plain}

    def check(self, body: dict[str, Any]) -> None:
        """Refuse (``GraphError``) a body the type walk passed but the kind's rules do not."""

    def changed(self, obj: dict[str, Any], body: dict[str, Any]) -> None:
        """Finish (or refuse, ``GraphError``) an object that ``body`` changed, before it is stored."""

    def not_found(self, key: str) -> GraphError:
        """Graph's 404 for an object that does not exist (a partner: graph-api.md §3.3 item 8
        [assumption])."""
        return GraphError(
            404,
            "Request_ResourceNotFound",
            f"Resource '{key}' does not exist or one of its queried reference-property objects are not "
            "present.",
        )

    def conflict(self, kind: ObjectKind) -> GraphError:
        """The 409 for creating an object that exists."""
        return GraphError(
            409,
            "Request_MultipleObjectsWithSameKeyValue",
            f"Another object with the same value for property {kind.key} already exists.",
        )

    def delete_refusal(
        self, key: str, obj: dict[str, Any], children: tuple[ObjectKind, ...]
    ) -> GraphError | None:
        """The error refusing to delete ``obj`` (which has the ``children`` kinds under it), or ``None``."""
        return None

    def lookup(self, tenants: TenantRegistry, route: Route) -> dict[str, Any] | None:
        """A read-only function kind's answer; ``None`` for a kind of stored objects."""
        return None


class PartnerRules(KindRules):
    """A partner is keyed by a tenant GUID; a service provider's cannot be deleted (R8), nor one that still
    has an identity synchronization policy (§1.5, R7); status and code [assumption]."""

    kind = PARTNER
    words = "partner configuration"
    body_type = PARTNER.entity_type.removeprefix("microsoft.graph.")
    read_only_message = "Property '{name}' is read-only and cannot be set."
    initial = MappingProxyType({IS_IN_MULTI_TENANT_ORGANIZATION.name: False})

    def delete_refusal(
        self, key: str, obj: dict[str, Any], children: tuple[ObjectKind, ...]
    ) -> GraphError | None:
        if obj.get(IS_SERVICE_PROVIDER.name) is True:
            return bad_request(
                f"The partner configuration for tenant '{key}' belongs to a cloud service provider "
                f"({IS_SERVICE_PROVIDER.name} is true) and cannot be deleted."
            )
        if IDENTITY_SYNCHRONIZATION in children:
            return bad_request(
                f"The partner configuration for tenant '{key.lower()}' has an identity synchronization "
                "policy and cannot be deleted. Delete the policy first (DELETE "
                f"{IDENTITY_SYNCHRONIZATION.path.format(tenant_id=key.lower())}), then the partner."
            )
        return None


class IdentitySyncRules(KindRules):
    """A partner without a policy is the documented 404 of PATCH (graph-api.md §3.3 item 3; its status and
    its use for GET and DELETE [assumption]); a second PUT the documented 409 (vector
    error_duplicate_identitysync_409, R6)."""

    kind = IDENTITY_SYNCHRONIZATION
    words = "identity synchronization policy"

    def not_found(self, key: str) -> GraphError:
        return GraphError(
            404, "Directory_ObjectNotFound", "Unable to read the company information from the directory."
        )

    def conflict(self, kind: ObjectKind) -> GraphError:
        return GraphError(
            409,
            "Request_MultipleObjectsWithSameKeyValue",
            CONFLICT_MESSAGE,
            details=[{"code": "ConflictingObjects", "message": CONFLICT_MESSAGE}],
        )


#: The member of the identity provider configuration that names the fallback provider.
_FALLBACK = next(n for n, t in IDENTITY_PROVIDERS.fields.items() if t is FALLBACK_IDENTITY_PROVIDER)


class DefaultRules(KindRules):
    """Untouched, the default configuration answers the system default plus ``isServiceDefault: true`` and
    the read-only consent pair, always false (graph-api.md §5.14, R17). R18: one fallback identity provider
    is always enabled, so a configuration without one is 400 [assumption]. ``null`` puts a property back to
    its service default [assumption]; a changed configuration is no longer the service default."""

    kind = DEFAULT
    words = "default configuration"
    read_only_message = "Property '{name}' is read-only and cannot be updated in the default configuration."
    answered_with = MappingProxyType(
        {
            IS_SERVICE_DEFAULT.name: True,
            AUTOMATIC_USER_CONSENT_SETTINGS.name: dict.fromkeys(INBOUND_OUTBOUND.fields, False),
        }
    )

    def check(self, body: dict[str, Any]) -> None:
        name = INVITATION_REDEMPTION_IDENTITY_PROVIDER_CONFIGURATION.name
        providers = body.get(name)
        if providers is not None and providers.get(_FALLBACK) is None:
            raise bad_request(
                f"Property '{name}' needs a '{_FALLBACK}': one fallback identity provider must always be "
                "enabled."
            )

    def changed(self, obj: dict[str, Any], body: dict[str, Any]) -> None:
        service_default = self.untouched(DEFAULT) or {}
        for name, value in body.items():
            if value is None:
                obj[name] = service_default[name]
        obj[IS_SERVICE_DEFAULT.name] = False


class PolicyRules(KindRules):
    """Untouched, the policy answers as vector get_policy_v1 shows it (without the documentation's ``value``
    wrapper, §1.7) with the documented empty ``allowedCloudEndpoints`` (§2.11). Every name is checked in
    order (a read-only ``id`` is an unknown one); neither member may be null; R20: at most 25 KB as compact
    JSON (documented status; code and message [assumption])."""

    kind = POLICY
    words = "cross-tenant access policy"
    names_first = False
    answered_with = MappingProxyType(
        {
            "@odata.type": f"#{POLICY.entity_type}",
            DISPLAY_NAME.name: "CrossTenantAccessPolicy",
            "definition": "Cross tenant access policy...",
        }
    )

    def check(self, body: dict[str, Any]) -> None:
        for name in POLICY.scalars:
            if name in body and body[name] is None:
                raise bad_request(f"Property '{name}' cannot be null.")

    def changed(self, obj: dict[str, Any], body: dict[str, Any]) -> None:
        if len(json.dumps(obj, separators=(",", ":")).encode("utf-8")) > POLICY_SIZE_LIMIT:
            raise bad_request("The cross-tenant access policy would exceed its size limit of 25KB.")


class TenantLookupRules(KindRules):
    """The tenant lookups are functions answered from the registered tenants (tenant_registry.py), needing
    ``CrossTenantInformation.ReadBasic.All`` (anchors-turn2.md §4)."""

    kind = TENANT_INFORMATION
    words = "tenant"
    read_roles = (TENANT_INFORMATION_ROLE,)

    def lookup(self, tenants: TenantRegistry, route: Route) -> dict[str, Any] | None:
        return find_tenant_information(tenants, route)


#: The rules of every kind that has its own, by kind name.
RULES: Mapping[str, KindRules] = MappingProxyType(
    {
        rules.kind.name: rules
        for rules in (PartnerRules(), IdentitySyncRules(), DefaultRules(), PolicyRules(), TenantLookupRules())
        if rules.kind is not None
    }
)


def rules_of(kind: ObjectKind) -> KindRules:
    """The rules of ``kind`` (the base rules, named by the kind, when it has none of its own)."""
    found = RULES.get(kind.name)
    if found is not None:
        return found
    rules = KindRules()
    rules.words = kind.name.replace("_", " ")
    return rules
