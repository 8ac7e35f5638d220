"""The per-kind rules of the local Graph: what the one kind handler (kind_api.py) and store (kind_store.py)
cannot read from a kind's description (wire/object_kinds.py), as one small table keyed by kind name.

A kind without an entry gets :class:`KindRules`' defaults (Graph's usual 404 and 409, the policy roles): a
new kind needs a line here only for a rule of its own. Every message is Graph's where documented, else
marked [assumption] in server.py's list.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
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
    OBJECT_KINDS,
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


def resource_not_found(key: str) -> GraphError:
    """Return Graph's 404 for an object that does not exist (a partner: graph-api.md §3.3 item 8
    [assumption])."""
    return GraphError(
        404,
        "Request_ResourceNotFound",
        f"Resource '{key}' does not exist or one of its queried reference-property objects are not present.",
    )


def _nothing(*_: Any) -> None:
    return None


@dataclass(frozen=True)
class KindRules:
    """One kind's own rules.

    ``words`` name one object in messages (``partner configuration``); ``body_type`` is the type a body
    that is not an object is told to represent (the kind's entity type when empty); ``read_only_message``
    (with ``{name}``) answers a write of a read-only property, ``None`` treating it as an unknown name;
    ``names_first`` rejects unknown names before any value is checked. ``check(body)`` runs after the type
    walk, ``changed(object, body)`` after a PATCH is applied (either raises a ``GraphError``);
    ``untouched()`` is what a singleton answers until changed; ``initial`` the non-null values of a new
    object; ``delete_refusal(key, object, children)`` the error refusing a delete, or ``None``;
    ``lookup(tenants, route)`` answers a read-only function kind; ``read_roles``/``write_roles`` the app roles
    of which a token needs one (graph-api.md §4.1).
    """

    words: str
    body_type: str = ""
    read_only_message: str | None = None
    names_first: bool = True
    check: Callable[[dict[str, Any]], None] = _nothing
    changed: Callable[[dict[str, Any], dict[str, Any]], None] = _nothing
    untouched: Callable[[], dict[str, Any]] | None = None
    initial: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    not_found: Callable[[str], GraphError] = resource_not_found
    conflict: Callable[[ObjectKind], GraphError] | None = None
    delete_refusal: Callable[[str, dict[str, Any], tuple[ObjectKind, ...]], GraphError | None] = _nothing
    lookup: Callable[[TenantRegistry, Route], dict[str, Any]] | None = None
    read_roles: tuple[str, ...] = (READ_ROLE, WRITE_ROLE)
    write_roles: tuple[str, ...] = (WRITE_ROLE,)

    def roles(self, method: str) -> set[str]:
        """The app roles of which a token needs one for ``method``."""
        return set(self.read_roles if method == "GET" else self.write_roles)

    def conflict_error(self, kind: ObjectKind) -> GraphError:
        """The 409 for creating an object that exists."""
        if self.conflict is not None:
            return self.conflict(kind)
        return GraphError(
            409,
            "Request_MultipleObjectsWithSameKeyValue",
            f"Another object with the same value for property {kind.key} already exists.",
        )


def _plain(value: Mapping[str, Any] | None) -> dict[str, Any]:
    """A plain, mutable JSON copy of a read-only mapping (tuples become lists)."""
    result: dict[str, Any] = json.loads(json.dumps(dict(value or {})))
    return result


# -- partner ---------------------------------------------------------------------------------------------
def _partner_delete_refusal(
    key: str, partner: dict[str, Any], children: tuple[ObjectKind, ...]
) -> GraphError | None:
    """A cloud service provider's partner cannot be deleted (R8), nor one that still has an identity
    synchronization policy (§1.5, R7); status and code [assumption]."""
    if partner.get(IS_SERVICE_PROVIDER.name) is True:
        return bad_request(
            f"The partner configuration for tenant '{key}' belongs to a cloud service provider "
            f"({IS_SERVICE_PROVIDER.name} is true) and cannot be deleted."
        )
    if IDENTITY_SYNCHRONIZATION in children:
        return bad_request(
            f"The partner configuration for tenant '{key.lower()}' has an identity synchronization policy "
            "and cannot be deleted. Delete the policy first (DELETE "
            f"{IDENTITY_SYNCHRONIZATION.path.format(tenant_id=key.lower())}), then the partner."
        )
    return None


# -- identity synchronization ------------------------------------------------------------------------------
def _identity_sync_not_found(_: str) -> GraphError:
    """The 404 for a partner without a policy: the documented code and message for PATCH (graph-api.md §3.3
    item 3); its status, and its use for GET and DELETE, are [assumption]s."""
    return GraphError(
        404, "Directory_ObjectNotFound", "Unable to read the company information from the directory."
    )


def _identity_sync_conflict(_: ObjectKind) -> GraphError:
    """The documented 409 for a second PUT (vector error_duplicate_identitysync_409, R6)."""
    return GraphError(
        409,
        "Request_MultipleObjectsWithSameKeyValue",
        CONFLICT_MESSAGE,
        details=[{"code": "ConflictingObjects", "message": CONFLICT_MESSAGE}],
    )


# -- default configuration -------------------------------------------------------------------------------
def _service_default() -> dict[str, Any]:
    """The default configuration as GET answers it untouched (graph-api.md §5.14): the system default plus
    ``isServiceDefault: true`` and the read-only consent pair, always false (R17)."""
    return {
        IS_SERVICE_DEFAULT.name: True,
        AUTOMATIC_USER_CONSENT_SETTINGS.name: dict.fromkeys(INBOUND_OUTBOUND.fields, False),
        **_plain(DEFAULT.documented_default),
    }


#: The member of the identity provider configuration that names the fallback provider.
_FALLBACK = next(n for n, t in IDENTITY_PROVIDERS.fields.items() if t is FALLBACK_IDENTITY_PROVIDER)


def _fallback_required(body: dict[str, Any]) -> None:
    """R18: one fallback identity provider is always enabled, so a configuration without one is 400
    [assumption]."""
    name = INVITATION_REDEMPTION_IDENTITY_PROVIDER_CONFIGURATION.name
    providers = body.get(name)
    if providers is not None and providers.get(_FALLBACK) is None:
        raise bad_request(
            f"Property '{name}' needs a '{_FALLBACK}': one fallback identity provider must always be enabled."
        )


def _default_changed(configuration: dict[str, Any], body: dict[str, Any]) -> None:
    """``null`` puts a property back to its service default [assumption]; a changed configuration is no
    longer the service default."""
    service_default = _service_default()
    for name, value in body.items():
        if value is None:
            configuration[name] = copy.deepcopy(service_default[name])
    configuration[IS_SERVICE_DEFAULT.name] = False


# -- policy ------------------------------------------------------------------------------------------------
def _documented_policy() -> dict[str, Any]:
    """The policy as vector get_policy_v1 shows it (without the documentation's ``value`` wrapper, §1.7),
    with the documented empty ``allowedCloudEndpoints`` (§2.11)."""
    return {
        "@odata.type": f"#{POLICY.entity_type}",
        DISPLAY_NAME.name: "CrossTenantAccessPolicy",
        "definition": "Cross tenant access policy...",
        **_plain(POLICY.documented_default),
    }


def _policy_not_null(body: dict[str, Any]) -> None:
    for name in POLICY.scalars:
        if name in body and body[name] is None:
            raise bad_request(f"Property '{name}' cannot be null.")


def _policy_size_cap(policy: dict[str, Any], _: dict[str, Any]) -> None:
    """R20 (documented status; code and message [assumption]), measured as compact JSON."""
    if len(json.dumps(policy, separators=(",", ":")).encode("utf-8")) > POLICY_SIZE_LIMIT:
        raise bad_request("The cross-tenant access policy would exceed its size limit of 25KB.")


RULES: Mapping[str, KindRules] = MappingProxyType(
    {
        PARTNER.name: KindRules(
            words="partner configuration",
            body_type=PARTNER.entity_type.removeprefix("microsoft.graph."),
            read_only_message="Property '{name}' is read-only and cannot be set.",
            initial=MappingProxyType({IS_IN_MULTI_TENANT_ORGANIZATION.name: False}),
            delete_refusal=_partner_delete_refusal,
        ),
        DEFAULT.name: KindRules(
            words="default configuration",
            read_only_message=(
                "Property '{name}' is read-only and cannot be updated in the default configuration."
            ),
            check=_fallback_required,
            changed=_default_changed,
            untouched=_service_default,
        ),
        POLICY.name: KindRules(
            words="cross-tenant access policy",
            names_first=False,
            check=_policy_not_null,
            changed=_policy_size_cap,
            untouched=_documented_policy,
        ),
        IDENTITY_SYNCHRONIZATION.name: KindRules(
            words="identity synchronization policy",
            not_found=_identity_sync_not_found,
            conflict=_identity_sync_conflict,
        ),
        TENANT_INFORMATION.name: KindRules(
            words="tenant",
            lookup=find_tenant_information,
            read_roles=(TENANT_INFORMATION_ROLE,),
        ),
    }
)


def rules_of(kind: ObjectKind) -> KindRules:
    """The rules of ``kind`` (the defaults, named by the kind, when it has none of its own)."""
    return RULES.get(kind.name) or KindRules(words=kind.name.replace("_", " "))


KINDS: Mapping[str, ObjectKind] = MappingProxyType({kind.name: kind for kind in OBJECT_KINDS})
