"""Every Graph property of the kinds this project manages, described once: its names, type and words.

A property has one Graph name (case-sensitive on the wire), one Terraform attribute name, one type
(:mod:`constructs_xtap.wire.graph_types`) and the words people read: ``title`` is how the plan summary, the
picture's column groups and messages name it. A setting the constructs take also says which constructs class
writes it and under which keyword argument, so the exporter and the constructs read both from here.

Which kind holds which property, and whether a client may write it, is the kind's business
(:mod:`constructs_xtap.wire.object_kinds`): the same property has the same type everywhere.

Sources (Microsoft Graph v1.0): crossTenantAccessPolicyConfigurationPartner, …ConfigurationDefault,
crossTenantAccessPolicy, crossTenantIdentitySyncPolicyPartner and tenantInformation resource types
(https://learn.microsoft.com/graph/api/resources/crosstenantaccesspolicy-overview).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from constructs_xtap.wire.graph_types import (
    APP_SERVICE_CONNECT,
    B2B_SETTING,
    BOOLEAN,
    IDENTITY_PROVIDERS,
    INBOUND_OUTBOUND,
    INBOUND_TRUST,
    M365_COLLABORATION_INBOUND,
    M365_COLLABORATION_OUTBOUND,
    STRING,
    TENANT_RESTRICTIONS,
    USER_SYNC_INBOUND,
    GraphType,
    array,
    enum,
)

#: The values ``allowedCloudEndpoints`` may hold (crossTenantAccessPolicy: "microsoftonline.com",
#: "microsoftonline.us", "partner.microsoftonline.cn").
ALLOWED_CLOUD_ENDPOINTS: tuple[str, ...] = (
    "microsoftonline.com",
    "microsoftonline.us",
    "partner.microsoftonline.cn",
)


@dataclass(frozen=True)
class GraphProperty:
    """One Graph property: ``name`` (Graph's camelCase), ``attribute`` (Terraform's and the constructs'
    snake_case), ``type``, ``title`` (words for people; the attribute with spaces when empty), and for a
    setting the constructs take, ``construct`` (the class that writes it) and ``keyword`` (its keyword
    argument, the attribute unless given)."""

    name: str
    attribute: str
    type: GraphType
    title: str = ""
    construct: str | None = None
    keyword: str | None = None

    @property
    def words(self) -> str:
        """``title``, or the attribute name with spaces: ``display name``."""
        return self.title or self.attribute.replace("_", " ")

    @property
    def argument(self) -> str:
        """The constructs' keyword argument for it (``automatic_user_consent``)."""
        return self.keyword or self.attribute


ID = GraphProperty("id", "id", STRING)
TENANT_ID = GraphProperty("tenantId", "tenant_id", STRING, "tenant id")
DISPLAY_NAME = GraphProperty("displayName", "display_name", STRING)
IS_SERVICE_PROVIDER = GraphProperty("isServiceProvider", "is_service_provider", BOOLEAN, "service provider")
IS_IN_MULTI_TENANT_ORGANIZATION = GraphProperty(
    "isInMultiTenantOrganization", "is_in_multi_tenant_organization", BOOLEAN, "multitenant organization"
)
IS_SERVICE_DEFAULT = GraphProperty("isServiceDefault", "is_service_default", BOOLEAN, "service default")
INBOUND_TRUST_SETTING = GraphProperty(
    "inboundTrust", "inbound_trust", INBOUND_TRUST, "inbound trust", construct="InboundTrust"
)
AUTOMATIC_USER_CONSENT_SETTINGS = GraphProperty(
    "automaticUserConsentSettings",
    "automatic_user_consent_settings",
    INBOUND_OUTBOUND,
    "automatic consent",
    construct="AutomaticUserConsent",
    keyword="automatic_user_consent",
)
B2B_COLLABORATION_INBOUND = GraphProperty(
    "b2bCollaborationInbound", "b2b_collaboration_inbound", B2B_SETTING, "B2B collaboration", "B2BSetting"
)
B2B_COLLABORATION_OUTBOUND = GraphProperty(
    "b2bCollaborationOutbound", "b2b_collaboration_outbound", B2B_SETTING, "B2B collaboration", "B2BSetting"
)
B2B_DIRECT_CONNECT_INBOUND = GraphProperty(
    "b2bDirectConnectInbound", "b2b_direct_connect_inbound", B2B_SETTING, "B2B direct connect", "B2BSetting"
)
B2B_DIRECT_CONNECT_OUTBOUND = GraphProperty(
    "b2bDirectConnectOutbound", "b2b_direct_connect_outbound", B2B_SETTING, "B2B direct connect", "B2BSetting"
)
TENANT_RESTRICTIONS_SETTING = GraphProperty(
    "tenantRestrictions",
    "tenant_restrictions",
    TENANT_RESTRICTIONS,
    "tenant restrictions",
    "TenantRestrictions",
)
M365_COLLABORATION_INBOUND_SETTING = GraphProperty(
    "m365CollaborationInbound",
    "m365_collaboration_inbound",
    M365_COLLABORATION_INBOUND,
    "inbound Microsoft 365 collaboration",
    "M365CollaborationInbound",
)
M365_COLLABORATION_OUTBOUND_SETTING = GraphProperty(
    "m365CollaborationOutbound",
    "m365_collaboration_outbound",
    M365_COLLABORATION_OUTBOUND,
    "outbound Microsoft 365 collaboration",
    "M365CollaborationOutbound",
)
APP_SERVICE_CONNECT_INBOUND = GraphProperty(
    "appServiceConnectInbound",
    "app_service_connect_inbound",
    APP_SERVICE_CONNECT,
    "inbound app service connect",
    "AppServiceConnectInbound",
)
#: Undocumented, but present in real partner responses (Teams' cross-cloud meetings write it); accepted as
#: an inbound/outbound pair like automaticUserConsentSettings [assumption].
CROSS_CLOUD_MEETING_CONFIGURATION = GraphProperty(
    "crossCloudMeetingConfiguration",
    "cross_cloud_meeting_configuration",
    INBOUND_OUTBOUND,
    "cross-cloud meetings",
)
INVITATION_REDEMPTION_IDENTITY_PROVIDER_CONFIGURATION = GraphProperty(
    "invitationRedemptionIdentityProviderConfiguration",
    "invitation_redemption_identity_provider_configuration",
    IDENTITY_PROVIDERS,
    "invitation redemption identity providers",
    construct="InvitationRedemption",
    keyword="invitation_redemption",
)
ALLOWED_CLOUD_ENDPOINTS_PROPERTY = GraphProperty(
    "allowedCloudEndpoints",
    "allowed_cloud_endpoints",
    array(enum(*ALLOWED_CLOUD_ENDPOINTS)),
    "allowed clouds",
)
USER_SYNC_INBOUND_SETTING = GraphProperty(
    "userSyncInbound", "user_sync_inbound", USER_SYNC_INBOUND, "identity sync"
)
DEFAULT_DOMAIN_NAME = GraphProperty("defaultDomainName", "default_domain_name", STRING)
FEDERATION_BRAND_NAME = GraphProperty("federationBrandName", "federation_brand_name", STRING)

#: The four B2B settings, in schema order (a partner's and the default's).
B2B_SETTINGS: tuple[GraphProperty, ...] = (
    B2B_COLLABORATION_INBOUND,
    B2B_COLLABORATION_OUTBOUND,
    B2B_DIRECT_CONNECT_INBOUND,
    B2B_DIRECT_CONNECT_OUTBOUND,
)
#: The settings Graph added in 2026 (Microsoft 365 collaboration, app service connect), in schema order.
SETTINGS_2026: tuple[GraphProperty, ...] = (
    M365_COLLABORATION_INBOUND_SETTING,
    M365_COLLABORATION_OUTBOUND_SETTING,
    APP_SERVICE_CONNECT_INBOUND,
)

#: Every property, by its Graph name.
GRAPH_PROPERTIES: Mapping[str, GraphProperty] = MappingProxyType(
    {
        p.name: p
        for p in (
            ID,
            TENANT_ID,
            DISPLAY_NAME,
            IS_SERVICE_PROVIDER,
            IS_IN_MULTI_TENANT_ORGANIZATION,
            IS_SERVICE_DEFAULT,
            INBOUND_TRUST_SETTING,
            AUTOMATIC_USER_CONSENT_SETTINGS,
            B2B_COLLABORATION_INBOUND,
            B2B_COLLABORATION_OUTBOUND,
            B2B_DIRECT_CONNECT_INBOUND,
            B2B_DIRECT_CONNECT_OUTBOUND,
            TENANT_RESTRICTIONS_SETTING,
            M365_COLLABORATION_INBOUND_SETTING,
            M365_COLLABORATION_OUTBOUND_SETTING,
            APP_SERVICE_CONNECT_INBOUND,
            CROSS_CLOUD_MEETING_CONFIGURATION,
            INVITATION_REDEMPTION_IDENTITY_PROVIDER_CONFIGURATION,
            ALLOWED_CLOUD_ENDPOINTS_PROPERTY,
            USER_SYNC_INBOUND_SETTING,
            DEFAULT_DOMAIN_NAME,
            FEDERATION_BRAND_NAME,
        )
    }
)


def graph_property(name: str) -> GraphProperty:
    """The property Graph calls ``name``; ``KeyError`` names it."""
    try:
        return GRAPH_PROPERTIES[name]
    except KeyError:
        raise KeyError(f"no Graph property {name!r} is described in wire.graph_properties") from None
