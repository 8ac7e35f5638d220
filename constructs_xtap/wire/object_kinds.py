"""Every kind of Graph object the project manages, described once as data (shared/reference object-kinds.md).

Each room serves every kind from its description: the local Graph routes and stores by it, and the Graph
client, provider and constructs will build on the same table, so that a new kind adds a description here and
at most one small file per room, never a renamed copy of the partner's files.

Paths are relative to the API version root (``https://graph.microsoft.com/v1.0``); ``{tenant_id}`` stands for
the partner's tenant id. Sources: graph-api.md §1.0-1.8 (paths, verbs, status codes), §2.1, §2.9-2.12
(properties).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any

from constructs_xtap.wire.graph_names import to_graph_name
from constructs_xtap.wire.graph_properties import (
    ALLOWED_CLOUD_ENDPOINTS,
    AUTOMATIC_USER_CONSENT_SETTINGS,
    B2B_SETTINGS,
    INBOUND_TRUST_SETTING,
    INVITATION_REDEMPTION_IDENTITY_PROVIDER_CONFIGURATION,
    SETTINGS_2026,
    TENANT_ID,
    TENANT_RESTRICTIONS_SETTING,
    graph_property,
)
from constructs_xtap.wire.graph_types import GraphType
from constructs_xtap.wire.partner_schema import RESOURCE_TYPE

POLICY_PATH = "/policies/crossTenantAccessPolicy"

#: The kinds of a Terraform attribute the provider and the constructs know how to carry.
JSON = "json"  # a Graph object as a ``jsonencode``-style string
STRING = "string"
BOOL = "bool"
STRING_LIST = "list(string)"
STRING_SET = "set(string)"  # order and repeats carry no meaning


@dataclass(frozen=True)
class KindAttribute:
    """One Terraform attribute of a kind's resource (or data source) and where it lives in Graph.

    ``graph_name`` is a dotted path into Graph's object (``userSyncInbound.isSyncAllowed``); ``None`` for an
    attribute Graph never sees (``id``, ``adopt_existing``). ``use`` is ``"required"``, ``"optional"``,
    ``"computed"`` or ``"optional_computed"``; ``replace`` marks an attribute whose change replaces the
    resource.
    """

    name: str
    graph_name: str | None
    type: str
    use: str
    description: str
    replace: bool = False

    @property
    def settable(self) -> bool:
        """Whether the configuration may set it."""
        return self.use != "computed"


@dataclass(frozen=True)
class TerraformFace:
    """How Terraform sees a kind: its type name, attributes and import id (``None``: not importable)."""

    type_name: str
    description: str
    attributes: tuple[KindAttribute, ...]
    import_id: str | None = None
    data_source: bool = False

    def attribute(self, name: str) -> KindAttribute:
        """The attribute called ``name``; ``KeyError`` names it."""
        for attribute in self.attributes:
            if attribute.name == name:
                return attribute
        raise KeyError(f"{self.type_name} has no attribute {name!r}")

    @property
    def json_attributes(self) -> tuple[KindAttribute, ...]:
        """The settings carried as JSON strings, in schema order."""
        return tuple(a for a in self.attributes if a.type == JSON)


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
    #: Properties Graph documents for update (PATCH) but not for create.
    update_only: tuple[str, ...] = ()
    read_only: tuple[str, ...] = ()
    collection_path: str | None = None
    parent: str | None = None
    reset_action: str | None = None
    read_only_kind: bool = False
    #: What a singleton holds before anyone changes it (graph-api.md §5.13-5.14, §2.11); ``None`` otherwise.
    documented_default: Mapping[str, Any] | None = field(default=None, hash=False, compare=False)
    #: The Terraform-facing description (provider schema, constructs' L1 bindings).
    terraform: TerraformFace | None = field(default=None, hash=False, compare=False)
    #: Graph's entity type (``microsoft.graph.crossTenantAccessPolicyConfigurationPartner``), as bodies and
    #: ``@odata.type`` name it.
    entity_type: str = ""
    #: The ``$metadata#…`` fragment of ``@odata.context`` for one object (``{tenant_id}`` as in ``path``).
    entity_set: str = ""
    #: The navigation property that reaches this kind from its parent (``$expand``), if any.
    navigation: str | None = None
    #: Properties Graph accepts and answers but does not document [assumption: accepted like a documented
    #: setting of the same type].
    undocumented: tuple[str, ...] = ()
    #: Other paths that find one object of the kind by another key, read-only: ``(name, path template)``
    #: (the tenant lookup by domain name).
    lookup_paths: tuple[tuple[str, str], ...] = ()
    #: Where Graph keeps this kind's deleted objects a while (soft delete: creating one with the key of an
    #: object deleted moments ago answers 409 meanwhile); ``None``: a delete takes effect at once.
    deleted_items: str | None = None

    # Cached: every request the local Graph answers and every plan the provider makes asks for these.
    @cached_property
    def property_names(self) -> tuple[str, ...]:
        """Every Graph property the kind answers, key first: settings, scalars, read-only, undocumented."""
        names = [self.key] if self.key else []
        for name in (*self.settings, *self.scalars, *self.read_only, *self.undocumented):
            if name not in names:
                names.append(name)
        return tuple(names)

    @cached_property
    def writable(self) -> tuple[str, ...]:
        """What a client may write on update: settings, scalars and undocumented, but create-only ones.
        On create, the create-only ones too (:attr:`creatable`)."""
        return tuple(n for n in self.creatable if n not in self.create_only)

    @cached_property
    def creatable(self) -> tuple[str, ...]:
        """What a client may write on create: settings, scalars, undocumented, the create-only ones too."""
        return (*self.settings, *self.scalars, *self.undocumented)

    def type_of(self, name: str) -> GraphType:
        """The type of the kind's property ``name``; ``KeyError`` names the kind and the property."""
        if name not in self.property_names:
            raise KeyError(f"the {self.name} kind has no Graph property {name!r}")
        return graph_property(name).type


#: Terraform type names, one per kind (the constructs' L1 bindings and the provider read these).
PARTNER_RESOURCE_TYPE = RESOURCE_TYPE
DEFAULT_RESOURCE_TYPE = "xtap_default_configuration"
POLICY_RESOURCE_TYPE = "xtap_policy"
IDENTITY_SYNCHRONIZATION_RESOURCE_TYPE = "xtap_partner_identity_synchronization"
TENANT_INFORMATION_DATA_SOURCE = "xtap_tenant_information"


def _json(name: str, meaning: str) -> KindAttribute:
    graph_name = to_graph_name(name)
    return KindAttribute(
        name,
        graph_name,
        JSON,
        "optional",
        f"Graph's `{graph_name}` as a JSON object string in Graph's camelCase (as `jsonencode` writes it). "
        f"{meaning}",
    )


_INHERIT = "Left out or null: inherit the tenant's default cross-tenant access settings."
_SYSTEM = (
    "Left out or null: the system default (what resetToSystemDefault sets); a change made elsewhere "
    "shows as drift."
)
#: Each kind's writable nested settings, in schema order: the Terraform attributes and the Graph properties
#: ``ObjectKind.settings`` lists (partner and default configuration resource types).
_PARTNER_SETTINGS = (
    INBOUND_TRUST_SETTING,
    AUTOMATIC_USER_CONSENT_SETTINGS,
    *B2B_SETTINGS,
    TENANT_RESTRICTIONS_SETTING,
    *SETTINGS_2026,
)
_DEFAULT_SETTINGS = (
    INBOUND_TRUST_SETTING,
    *B2B_SETTINGS,
    TENANT_RESTRICTIONS_SETTING,
    *SETTINGS_2026,
    INVITATION_REDEMPTION_IDENTITY_PROVIDER_CONFIGURATION,
)
_PARTNER_SETTING_NAMES = tuple(p.attribute for p in _PARTNER_SETTINGS)
_DEFAULT_SETTING_NAMES = tuple(p.attribute for p in _DEFAULT_SETTINGS)


def _id(meaning: str) -> KindAttribute:
    return KindAttribute("id", None, STRING, "computed", meaning)


#: The attribute that lets a create take over an object Graph already holds (never sent to Graph).
ADOPT_EXISTING = "adopt_existing"


def _partner_key(whose: str, what: str) -> tuple[KindAttribute, KindAttribute]:
    """``id`` and ``tenant_id`` of a kind keyed by the partner's tenant id (changing it replaces ``what``)."""
    return (
        _id("The partner's tenant id (Graph's key)."),
        KindAttribute(
            TENANT_ID.attribute,
            TENANT_ID.name,
            STRING,
            "required",
            f"Tenant id (lower-case GUID) of the partner {whose}. Changing it replaces the {what}.",
            replace=True,
        ),
    )


def _adopt_existing(existing: str) -> KindAttribute:
    return KindAttribute(
        ADOPT_EXISTING,
        None,
        BOOL,
        "optional",
        f"When true, a create that finds {existing} already in Graph (for example one a multitenant "
        "organization made) takes it over and updates it to this configuration, instead of failing with the "
        "import command. Never sent to Graph. Default: false.",
    )


PARTNER = ObjectKind(
    name="partner",
    path=f"{POLICY_PATH}/partners/{{tenant_id}}",
    collection_path=f"{POLICY_PATH}/partners",
    key="tenantId",
    create="POST",
    delete="DELETE",
    settings=tuple(to_graph_name(name) for name in _PARTNER_SETTING_NAMES),
    scalars=("isServiceProvider",),
    create_only=("isServiceProvider",),
    update_only=("m365CollaborationInbound", "m365CollaborationOutbound", "appServiceConnectInbound"),  # §1.2
    read_only=("tenantId", "isInMultiTenantOrganization"),
    undocumented=("crossCloudMeetingConfiguration",),
    deleted_items="/beta/policies/deletedItems/crossTenantPartners",
    entity_type="microsoft.graph.crossTenantAccessPolicyConfigurationPartner",
    entity_set="policies/crossTenantAccessPolicy/partners",
    terraform=TerraformFace(
        type_name=PARTNER_RESOURCE_TYPE,
        description="Partner-specific cross-tenant access settings for one external Entra ID tenant.",
        import_id="the partner's tenant id (a GUID)",
        attributes=(
            *_partner_key("organisation", "partner configuration"),
            *(_json(name, _INHERIT) for name in _PARTNER_SETTING_NAMES),
            KindAttribute(
                "is_service_provider",
                "isServiceProvider",
                BOOL,
                "optional",
                "Whether the partner is your cloud service provider. Graph sets it on create only and never "
                "deletes a service-provider partner, so it cannot change later. Left out: not a service "
                "provider.",
            ),
            KindAttribute(
                "is_in_multi_tenant_organization",
                "isInMultiTenantOrganization",
                BOOL,
                "computed",
                "Whether the partner is a member of the same multitenant organization (read-only in Graph).",
            ),
            _adopt_existing("a partner configuration for this tenant"),
        ),
    ),
)

#: ``resetToSystemDefault``'s result: vector get_default_beta_service_default (graph-api.md §5.14, the fullest
#: documented service default; §5.13 is the same without tenantRestrictions and the identity providers).
#: The 2026 settings (§2.9) have no documented service default: ``None`` [assumption].


def _all_targets(access_type: str) -> dict[str, Any]:
    return {
        "usersAndGroups": {
            "accessType": access_type,
            "targets": [{"target": "AllUsers", "targetType": "user"}],
        },
        "applications": {
            "accessType": access_type,
            "targets": [{"target": "AllApplications", "targetType": "application"}],
        },
    }


SYSTEM_DEFAULT_CONFIGURATION: Mapping[str, Any] = MappingProxyType(
    {
        "inboundTrust": {
            "isMfaAccepted": False,
            "isCompliantDeviceAccepted": False,
            "isHybridAzureADJoinedDeviceAccepted": False,
        },
        "b2bCollaborationInbound": _all_targets("allowed"),
        "b2bCollaborationOutbound": _all_targets("allowed"),
        "b2bDirectConnectInbound": _all_targets("blocked"),
        "b2bDirectConnectOutbound": _all_targets("blocked"),
        "tenantRestrictions": _all_targets("blocked"),
        "m365CollaborationInbound": None,
        "m365CollaborationOutbound": None,
        "appServiceConnectInbound": None,
        "invitationRedemptionIdentityProviderConfiguration": {
            "primaryIdentityProviderPrecedenceOrder": [
                "externalFederation",
                "azureActiveDirectory",
                "socialIdentityProviders",
            ],
            "fallbackIdentityProvider": "defaultConfiguredIdp",
        },
    }
)

DEFAULT = ObjectKind(
    name="default",
    path=f"{POLICY_PATH}/default",
    key=None,
    create="PATCH",
    delete="reset",
    reset_action="/resetToSystemDefault",
    settings=tuple(to_graph_name(name) for name in _DEFAULT_SETTING_NAMES),
    read_only=("id", "isServiceDefault", "automaticUserConsentSettings"),  # R17
    documented_default=SYSTEM_DEFAULT_CONFIGURATION,
    entity_type="microsoft.graph.crossTenantAccessPolicyConfigurationDefault",
    entity_set="policies/crossTenantAccessPolicy/default",
    terraform=TerraformFace(
        type_name=DEFAULT_RESOURCE_TYPE,
        description="The tenant's default cross-tenant access settings (one per tenant): what every "
        "organization without partner settings gets. Destroying it resets it to the system default.",
        import_id="`default`",
        attributes=(
            _id("Always `default`: there is one default configuration per tenant."),
            *(_json(name, _SYSTEM) for name in _DEFAULT_SETTING_NAMES),
            KindAttribute(
                "is_service_default",
                "isServiceDefault",
                BOOL,
                "computed",
                "Whether Graph reports the default configuration as the untouched system default.",
            ),
        ),
    ),
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
    documented_default=MappingProxyType({"allowedCloudEndpoints": ()}),
    entity_type="microsoft.graph.crossTenantAccessPolicy",
    entity_set="policies/crossTenantAccessPolicy",
    terraform=TerraformFace(
        type_name=POLICY_RESOURCE_TYPE,
        description="The tenant's cross-tenant access policy object (one per tenant): which other Microsoft "
        "clouds the tenant collaborates with. Destroying it sets the documented default (no other cloud).",
        import_id="`policy`",
        attributes=(
            _id("Always `policy`: there is one cross-tenant access policy per tenant."),
            KindAttribute(
                "allowed_cloud_endpoints",
                "allowedCloudEndpoints",
                STRING_SET,
                "optional_computed",
                "The Microsoft clouds to collaborate with (a set: order does not matter), each one of "
                + ", ".join(f"`{e}`" for e in ALLOWED_CLOUD_ENDPOINTS)
                + ". Left out or null: the documented default, an empty set, planned as `[]` (so a cloud "
                "added elsewhere shows as drift).",
            ),
        ),
    ),
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
    entity_type="microsoft.graph.crossTenantIdentitySyncPolicyPartner",
    entity_set="policies/crossTenantAccessPolicy/partners('{tenant_id}')/identitySynchronization",
    navigation="identitySynchronization",
    terraform=TerraformFace(
        type_name=IDENTITY_SYNCHRONIZATION_RESOURCE_TYPE,
        description="The cross-tenant synchronization policy of one partner: whether users of the partner "
        "tenant may be synchronized into this tenant. The partner configuration must exist first.",
        import_id="the partner's tenant id (a GUID)",
        attributes=(
            *_partner_key("whose users are synchronized", "policy"),
            KindAttribute(
                "user_sync_inbound",
                "userSyncInbound.isSyncAllowed",
                BOOL,
                "required",
                "Whether users may be synchronized from the partner tenant into this one "
                "(`userSyncInbound.isSyncAllowed`). False stops synchronization; users already "
                "synchronized stay.",
            ),
            KindAttribute(
                "display_name",
                "displayName",
                STRING,
                "optional",
                "A name to recognize the policy by, usually the partner tenant's name.",
            ),
            _adopt_existing("an identity synchronization policy for this partner"),
        ),
    ),
)

#: Lookup by domain name: the same kind, found by another key (Graph's findTenantInformationByDomainName).
TENANT_INFORMATION_BY_DOMAIN_PATH = (
    "/tenantRelationships/findTenantInformationByDomainName(domainName='{domain_name}')"
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
    lookup_paths=(("by_domain", TENANT_INFORMATION_BY_DOMAIN_PATH),),
    entity_type="microsoft.graph.tenantInformation",
    entity_set="microsoft.graph.tenantInformation",
    terraform=TerraformFace(
        type_name=TENANT_INFORMATION_DATA_SOURCE,
        description="Looks up an Entra ID tenant by one of its domain names or by its tenant id "
        "(Graph findTenantInformationByDomainName / ByTenantId; needs CrossTenantInformation.ReadBasic.All).",
        data_source=True,
        attributes=(
            KindAttribute(
                "domain_name",
                None,
                STRING,
                "optional",
                "A domain name of the tenant, e.g. contoso.com. Give exactly one of domain_name and "
                "tenant_id.",
            ),
            KindAttribute(
                "tenant_id",
                "tenantId",
                STRING,
                "optional_computed",
                "The tenant id (GUID). Give exactly one of domain_name and tenant_id; found from domain_name "
                "otherwise.",
            ),
            KindAttribute("display_name", "displayName", STRING, "computed", "The tenant's display name."),
            KindAttribute(
                "default_domain_name",
                "defaultDomainName",
                STRING,
                "computed",
                "The tenant's default domain name (often *.onmicrosoft.com).",
            ),
            KindAttribute(
                "federation_brand_name",
                "federationBrandName",
                STRING,
                "computed",
                "The tenant's federation brand name, or null.",
            ),
        ),
    ),
)


OBJECT_KINDS: tuple[ObjectKind, ...] = (
    PARTNER,
    DEFAULT,
    POLICY,
    IDENTITY_SYNCHRONIZATION,
    TENANT_INFORMATION,
)
