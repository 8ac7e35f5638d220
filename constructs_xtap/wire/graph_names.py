"""The one mapping between this project's snake_case names and Graph's exact camelCase wire names.

Graph property names are case-sensitive: peers that serialised ``b2BCollaborationInbound`` got
``400 Request_BadRequest Invalid property 'b2BCollaborationInbound'`` (peers.md). Mechanical case
conversion gets the acronyms wrong (``b2b``, ``AD``), so every name is listed here explicitly.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType
from typing import Any

SNAKE_TO_GRAPH: MappingProxyType[str, str] = MappingProxyType(
    {
        # crossTenantAccessPolicyConfigurationPartner (graph-api.md §2.1)
        "tenant_id": "tenantId",
        "is_service_provider": "isServiceProvider",
        "is_in_multi_tenant_organization": "isInMultiTenantOrganization",
        "inbound_trust": "inboundTrust",
        "automatic_user_consent_settings": "automaticUserConsentSettings",
        "b2b_collaboration_inbound": "b2bCollaborationInbound",
        "b2b_collaboration_outbound": "b2bCollaborationOutbound",
        "b2b_direct_connect_inbound": "b2bDirectConnectInbound",
        "b2b_direct_connect_outbound": "b2bDirectConnectOutbound",
        "tenant_restrictions": "tenantRestrictions",
        "m365_collaboration_inbound": "m365CollaborationInbound",
        "m365_collaboration_outbound": "m365CollaborationOutbound",
        "app_service_connect_inbound": "appServiceConnectInbound",
        # crossTenantAccessPolicyConfigurationDefault (§2.10)
        "invitation_redemption_identity_provider_configuration": (
            "invitationRedemptionIdentityProviderConfiguration"
        ),
        "primary_identity_provider_precedence_order": "primaryIdentityProviderPrecedenceOrder",
        "fallback_identity_provider": "fallbackIdentityProvider",
        # crossTenantAccessPolicyB2BSetting / TenantRestrictions / M365 settings (§2.3, §2.8, §2.9)
        "users_and_groups": "usersAndGroups",
        "applications": "applications",
        "users": "users",
        "devices": "devices",
        # crossTenantAccessPolicyTargetConfiguration / Target (§2.4, §2.5)
        "access_type": "accessType",
        "targets": "targets",
        "target": "target",
        "target_type": "targetType",
        # devicesFilter (§2.8)
        "mode": "mode",
        "rule": "rule",
        # crossTenantAccessPolicyInboundTrust (§2.6) — note the upper-case "AD" in the hybrid name
        "is_mfa_accepted": "isMfaAccepted",
        "is_compliant_device_accepted": "isCompliantDeviceAccepted",
        "is_hybrid_azure_ad_joined_device_accepted": "isHybridAzureADJoinedDeviceAccepted",
        # inboundOutboundPolicyConfiguration (§2.7)
        "inbound_allowed": "inboundAllowed",
        "outbound_allowed": "outboundAllowed",
    }
)

GRAPH_TO_SNAKE: MappingProxyType[str, str] = MappingProxyType({v: k for k, v in SNAKE_TO_GRAPH.items()})


def to_graph_name(snake: str) -> str:
    """Return Graph's wire name for a snake_case name; ``KeyError`` names the unknown key."""
    try:
        return SNAKE_TO_GRAPH[snake]
    except KeyError:
        raise KeyError(f"no Graph wire name is known for {snake!r}") from None


def to_snake_name(graph: str) -> str:
    """Return the snake_case name for one of Graph's wire names; ``KeyError`` names the unknown key."""
    try:
        return GRAPH_TO_SNAKE[graph]
    except KeyError:
        raise KeyError(f"no snake_case name is known for Graph property {graph!r}") from None


def to_graph(value: Any) -> Any:
    """Rename every dict key of a snake_case structure to Graph's wire names (values untouched)."""
    return _renamed(value, to_graph_name)


def to_snake(value: Any) -> Any:
    """Rename every dict key of a Graph structure to snake_case (values untouched)."""
    return _renamed(value, to_snake_name)


def _renamed(value: Any, rename: Callable[[str], str]) -> Any:
    if isinstance(value, dict):
        return {rename(k): _renamed(v, rename) for k, v in value.items()}
    if isinstance(value, list):
        return [_renamed(v, rename) for v in value]
    return value
