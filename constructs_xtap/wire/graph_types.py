"""Graph's types for the cross-tenant access kinds: the one type tree every room walks.

Each value a kind holds is one :class:`GraphType`: a boolean, a string, an enumeration, an array of one item
type, or an object (a Graph complex type) whose members each have a type. The local Graph checks request
bodies by walking it (answering Graph's 400s), the provider checks hand-written JSON by walking it (answering
diagnostics), the constructs and the exporter read which members a setting has from it.

Sources (Microsoft Graph v1.0 reference, "Cross-tenant access" resource types):
https://learn.microsoft.com/graph/api/resources/crosstenantaccesspolicytargetconfiguration,
…/crosstenantaccesspolicyb2bsetting, …/crosstenantaccesspolicytenantrestrictions, …/devicesfilter,
…/crosstenantaccesspolicyinboundtrust, …/inboundoutboundpolicyconfiguration,
…/defaultinvitationredemptionidentityproviderconfiguration, …/crosstenantusersyncinbound.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from constructs_xtap.wire.graph_enums import (
    ACCESS_TYPES,
    FALLBACK_IDENTITY_PROVIDERS,
    PRIMARY_IDENTITY_PROVIDERS,
    TARGET_TYPES,
)

#: The kinds of a Graph value.
BOOLEAN_KIND = "bool"
STRING_KIND = "string"
ENUM_KIND = "enum"
ARRAY_KIND = "array"
OBJECT_KIND = "object"


@dataclass(frozen=True)
class GraphType:
    """The type of one Graph value.

    ``kind`` is one of ``bool``, ``string``, ``enum`` (a string from ``values``), ``array`` (of ``item``) or
    ``object`` (members ``fields``, in Graph's documented order). ``name`` is Graph's name for the type
    (``crossTenantAccessPolicyB2BSetting``; ``Edm.Boolean``/``Edm.String`` for the primitives), as Graph's
    400 messages name it. Every value is nullable except where a kind says otherwise.
    """

    kind: str
    name: str = ""
    values: frozenset[str] = frozenset()
    item: GraphType | None = None
    fields: Mapping[str, GraphType] = field(default_factory=lambda: MappingProxyType({}))

    def member(self, name: str) -> GraphType:
        """The type of member ``name`` of an object type; ``KeyError`` names the type and the member."""
        try:
            return self.fields[name]
        except KeyError:
            raise KeyError(f"{self.name or self.kind} has no member {name!r}") from None

    @property
    def is_flags(self) -> bool:
        """An object whose members are all booleans (``inboundTrust``, an inbound/outbound pair)."""
        return self.kind == OBJECT_KIND and all(f.kind == BOOLEAN_KIND for f in self.fields.values())

    @property
    def target_lists(self) -> tuple[str, ...]:
        """The members that are target configurations (``usersAndGroups``, ``applications``…), in order."""
        return tuple(name for name, f in self.fields.items() if f is TARGET_CONFIGURATION)


def _object(name: str, **fields: GraphType) -> GraphType:
    return GraphType(OBJECT_KIND, name=name, fields=MappingProxyType(dict(fields)))


def enum(*values: str, name: str = "") -> GraphType:
    """An enumeration of ``values`` (case-sensitive, as Graph compares them)."""
    return GraphType(ENUM_KIND, name=name, values=frozenset(values))


def array(item: GraphType) -> GraphType:
    """An array (Graph's ``Collection(...)``) of ``item``."""
    return GraphType(ARRAY_KIND, name=f"Collection({item.name})", item=item)


BOOLEAN = GraphType(BOOLEAN_KIND, name="Edm.Boolean")
STRING = GraphType(STRING_KIND, name="Edm.String")
ACCESS_TYPE = enum(*sorted(ACCESS_TYPES), name="crossTenantAccessPolicyTargetConfigurationAccessType")
TARGET_TYPE = enum(*sorted(TARGET_TYPES), name="crossTenantAccessPolicyTargetType")

TARGET = _object("crossTenantAccessPolicyTarget", target=STRING, targetType=TARGET_TYPE)
TARGET_CONFIGURATION = _object(
    "crossTenantAccessPolicyTargetConfiguration", accessType=ACCESS_TYPE, targets=array(TARGET)
)
B2B_SETTING = _object(
    "crossTenantAccessPolicyB2BSetting",
    usersAndGroups=TARGET_CONFIGURATION,
    applications=TARGET_CONFIGURATION,
)
DEVICES_FILTER = _object("devicesFilter", mode=ACCESS_TYPE, rule=STRING)
TENANT_RESTRICTIONS = _object(
    "crossTenantAccessPolicyTenantRestrictions",
    usersAndGroups=TARGET_CONFIGURATION,
    applications=TARGET_CONFIGURATION,
    devices=DEVICES_FILTER,
)
INBOUND_TRUST = _object(
    "crossTenantAccessPolicyInboundTrust",
    isMfaAccepted=BOOLEAN,
    isCompliantDeviceAccepted=BOOLEAN,
    isHybridAzureADJoinedDeviceAccepted=BOOLEAN,
)
#: An inbound/outbound pair; Graph answers it with ``null`` members rather than as ``null``.
INBOUND_OUTBOUND = _object(
    "inboundOutboundPolicyConfiguration", inboundAllowed=BOOLEAN, outboundAllowed=BOOLEAN
)
M365_COLLABORATION_INBOUND = _object(
    "crossTenantAccessPolicyM365CollaborationInboundSetting", users=TARGET_CONFIGURATION
)
M365_COLLABORATION_OUTBOUND = _object(
    "crossTenantAccessPolicyM365CollaborationOutboundSetting", usersAndGroups=TARGET_CONFIGURATION
)
APP_SERVICE_CONNECT = _object(
    "crossTenantAccessPolicyAppServiceConnectSetting", applications=TARGET_CONFIGURATION
)
PRIMARY_IDENTITY_PROVIDER = enum(*sorted(PRIMARY_IDENTITY_PROVIDERS), name="b2bIdentityProvidersType")
FALLBACK_IDENTITY_PROVIDER = enum(*sorted(FALLBACK_IDENTITY_PROVIDERS), name="b2bIdentityProvidersType")
IDENTITY_PROVIDERS = _object(
    "defaultInvitationRedemptionIdentityProviderConfiguration",
    primaryIdentityProviderPrecedenceOrder=array(PRIMARY_IDENTITY_PROVIDER),
    fallbackIdentityProvider=FALLBACK_IDENTITY_PROVIDER,
)
USER_SYNC_INBOUND = _object("crossTenantUserSyncInbound", isSyncAllowed=BOOLEAN)
