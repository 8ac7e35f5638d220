"""Every kind of Graph object the project manages, described once as data (shared/reference object-kinds.md).

Each room serves every kind from its description: the local Graph routes and stores by it, and the Graph
client, provider and constructs will build on the same table, so that a new kind adds a description here and
at most one small file per room, never a renamed copy of the partner's files.

Paths are relative to the API version root (``https://graph.microsoft.com/v1.0``); ``{tenant_id}`` stands for
the partner's tenant id. Sources: graph-api.md §1.0-1.8 (paths, verbs, status codes), §2.1, §2.9-2.12
(properties).
"""

from __future__ import annotations

from dataclasses import dataclass

POLICY_PATH = "/policies/crossTenantAccessPolicy"


@dataclass(frozen=True)
class ObjectKind:
    """One kind of Graph object: where it lives, how it is keyed, created and deleted, what it holds.

    ``create`` is the HTTP verb that brings it into being (POST to ``collection_path`` for a partner, PUT
    for an identity synchronization, PATCH for a singleton that always exists). ``delete`` is ``"DELETE"``,
    ``"reset"`` (POST ``path + reset_action``) or ``"restore"`` (PATCH ``documented_default`` back).
    ``settings`` are the writable nested properties; ``create_only`` those Graph accepts on create only;
    ``read_only`` those Graph returns but refuses on write. A kind with ``key`` ``None`` is a singleton.
    """

    name: str
    path: str
    key: str | None
    create: str
    delete: str
    settings: tuple[str, ...]
    scalars: tuple[str, ...] = ()
    create_only: tuple[str, ...] = ()
    read_only: tuple[str, ...] = ()
    collection_path: str | None = None
    parent: str | None = None
    reset_action: str | None = None
    read_only_kind: bool = False


#: The settings both the default configuration and partners carry (graph-api.md §2.1, §2.9, §2.10).
SHARED_SETTINGS: tuple[str, ...] = (
    "inboundTrust",
    "b2bCollaborationInbound",
    "b2bCollaborationOutbound",
    "b2bDirectConnectInbound",
    "b2bDirectConnectOutbound",
    "tenantRestrictions",
    "m365CollaborationInbound",
    "m365CollaborationOutbound",
    "appServiceConnectInbound",
)

PARTNER = ObjectKind(
    name="partner",
    path=f"{POLICY_PATH}/partners/{{tenant_id}}",
    collection_path=f"{POLICY_PATH}/partners",
    key="tenantId",
    create="POST",
    delete="DELETE",
    settings=("automaticUserConsentSettings", *SHARED_SETTINGS),
    scalars=("isServiceProvider",),
    create_only=("isServiceProvider",),
    read_only=("tenantId", "isInMultiTenantOrganization"),
)

DEFAULT = ObjectKind(
    name="default",
    path=f"{POLICY_PATH}/default",
    key=None,
    create="PATCH",
    delete="reset",
    reset_action="/resetToSystemDefault",
    settings=(*SHARED_SETTINGS, "invitationRedemptionIdentityProviderConfiguration"),
    read_only=("id", "isServiceDefault", "automaticUserConsentSettings"),  # R17
)

POLICY = ObjectKind(
    name="policy",
    path=POLICY_PATH,
    key=None,
    create="PATCH",
    delete="restore",
    settings=(),
    scalars=("displayName", "allowedCloudEndpoints"),
    read_only=("id",),
)

IDENTITY_SYNCHRONIZATION = ObjectKind(
    name="identity_synchronization",
    path=f"{POLICY_PATH}/partners/{{tenant_id}}/identitySynchronization",
    key="tenantId",
    parent="partner",
    create="PUT",
    delete="DELETE",
    settings=("userSyncInbound",),
    scalars=("displayName",),
    read_only=("tenantId",),
)

TENANT_INFORMATION = ObjectKind(
    name="tenant_information",
    path="/tenantRelationships/findTenantInformationByTenantId(tenantId='{tenant_id}')",
    key="tenantId",
    create="",
    delete="",
    settings=(),
    scalars=("tenantId", "displayName", "defaultDomainName", "federationBrandName"),
    read_only_kind=True,
)

#: Lookup by domain name: the same kind, found by another key (graph-api.md §1.0, anchors-turn2.md).
TENANT_INFORMATION_BY_DOMAIN_PATH = (
    "/tenantRelationships/findTenantInformationByDomainName(domainName='{domain_name}')"
)

OBJECT_KINDS: tuple[ObjectKind, ...] = (
    PARTNER,
    DEFAULT,
    POLICY,
    IDENTITY_SYNCHRONIZATION,
    TENANT_INFORMATION,
)
