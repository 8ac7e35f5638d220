"""``CrossTenantAccessPartner``: one partner organisation's cross-tenant access settings, as a construct."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from constructs import Construct

from constructs_xtap.constructs.admin_center_rules import check_admin_center_rules
from constructs_xtap.constructs.app_service_connect_inbound import AppServiceConnectInbound
from constructs_xtap.constructs.automatic_user_consent import AutomaticUserConsent
from constructs_xtap.constructs.b2b_setting import B2BSetting
from constructs_xtap.constructs.graph_object import graph_objects_by_attribute
from constructs_xtap.constructs.identity_synchronization import IdentitySynchronization
from constructs_xtap.constructs.inbound_trust import InboundTrust
from constructs_xtap.constructs.kind_settings import kind_json_settings
from constructs_xtap.constructs.m365_collaboration_inbound import M365CollaborationInbound
from constructs_xtap.constructs.m365_collaboration_outbound import M365CollaborationOutbound
from constructs_xtap.constructs.object_claim import claim_object
from constructs_xtap.constructs.partner_validation import validate_partner
from constructs_xtap.constructs.setting_json import setting_json
from constructs_xtap.constructs.settings_construct import SettingsConstruct
from constructs_xtap.constructs.stack_provider import stack_provider
from constructs_xtap.constructs.tenant_restrictions import TenantRestrictions
from constructs_xtap.constructs.unresolved import is_unresolved
from constructs_xtap.constructs.xtap_partner_configuration import XtapPartnerConfiguration
from constructs_xtap.constructs.xtap_partner_identity_synchronization import (
    XtapPartnerIdentitySynchronization,
)
from constructs_xtap.constructs.xtap_provider import XtapProvider
from constructs_xtap.wire import PARTNER, to_graph_name

if TYPE_CHECKING:
    from cdktf import IResolvable

PARTNER_JSON_SETTINGS = kind_json_settings(PARTNER)


class CrossTenantAccessPartner(SettingsConstruct):
    """A partner-specific cross-tenant access configuration (POST .../crossTenantAccessPolicy/partners).

    ``tenant_id``: the partner's tenant ID (a GUID; normalised to lower case), or a deploy-time token such as
    ``TenantInformation.by_domain_name(scope, id, "fabrikam.com").tenant_id``. Required.
    Every setting is optional. Default for each: left out of the request, so the partner inherits the
    tenant's default cross-tenant access configuration for it (Graph answers it as ``null``). The settings
    are every writable v1.0 property (graph-api.md §2.1, §2.9): the four B2B settings, ``inbound_trust``,
    ``automatic_user_consent``, ``tenant_restrictions``, ``m365_collaboration_inbound`` (users: user or
    group targets), ``m365_collaboration_outbound`` (users_and_groups) and ``app_service_connect_inbound``
    (applications: application targets only).

    ``is_service_provider``: default: left out (Graph treats the partner as not a cloud service provider).
    Graph only accepts it on create, and a partner marked ``True`` cannot be deleted.
    ``identity_synchronization``: default ``None``: no identity synchronization policy is managed. Given,
    an ``xtap_partner_identity_synchronization`` resource (``identity_synchronization_resource``) references
    this partner's ``tenant_id``, so Terraform creates it after the partner and destroys it first (Graph
    refuses to delete a partner that still has one, graph-api.md §3.1 R7).
    ``adopt_existing``: default ``False``: creating a partner that already exists in Graph fails (409), so
    a partner made outside Terraform is never silently taken over; import it instead. ``True`` makes the
    provider adopt the existing partner on create and apply these settings to it; with
    ``identity_synchronization`` it covers the partner's identity synchronization policy too (one flag for
    both: that resource gets ``adopt_existing`` as well, so an existing policy is taken over and updated
    rather than failing the deploy halfway, after the partner). It is off by default
    because the partner may belong to someone else: a multitenant organization creates partners (and
    identity synchronization policies) in every member tenant outside Terraform (anchors-turn2.md §4).
    Set it for partners of a multitenant organization this stack configures.
    ``provider``: default: the stack's ``XtapProvider``, added once per stack and configured from the
    environment when none exists yet.

    One owner per partner: a second partner of the same stack with the same tenant id (in any letter case)
    under the same provider configuration (the same alias, or both the default provider) is a problem
    naming both construct paths (see ``ObjectOwners``). Another stack, or another provider alias (another
    home tenant being managed), may hold the same tenant. A token tenant id is never compared.

    Raises ``XtapValidationError`` listing every problem (construct path, property, value, fix) with a rule
    Graph documents or enforces. Rules only the Entra admin center enforces (graph-api.md §3.1 R9, R10:
    users and groups vs applications) are synth warnings instead, shown by ``cdktf synth``/``deploy`` on
    this construct's path, so partners that Graph accepts and real tenants hold can be managed; the cdktf
    context ``"xtap:adminCenterRules": "error"`` (cdktf.json ``context``, or ``App(context=...)``) makes
    them problems of the same ``XtapValidationError`` (see ``admin_center_rules``).
    Deploy-time values (cdktf tokens, such as a group's ``object_id``) are not validated where they stand
    for one value (an id, an access type, a flag); they pass through. A token cannot stand for structure:
    a whole list of targets (``ids.list_value``) is rejected with how to write one ``Target`` per element.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        tenant_id: str,
        b2b_collaboration_inbound: B2BSetting | None = None,
        b2b_collaboration_outbound: B2BSetting | None = None,
        b2b_direct_connect_inbound: B2BSetting | None = None,
        b2b_direct_connect_outbound: B2BSetting | None = None,
        inbound_trust: InboundTrust | None = None,
        automatic_user_consent: AutomaticUserConsent | None = None,
        tenant_restrictions: TenantRestrictions | None = None,
        m365_collaboration_inbound: M365CollaborationInbound | None = None,
        m365_collaboration_outbound: M365CollaborationOutbound | None = None,
        app_service_connect_inbound: AppServiceConnectInbound | None = None,
        is_service_provider: bool | IResolvable | None = None,
        identity_synchronization: IdentitySynchronization | None = None,
        adopt_existing: bool | IResolvable = False,
        provider: XtapProvider | None = None,
    ) -> None:
        super().__init__(scope, id)
        framework, path, given = self._start(scope, id, PARTNER, locals())  # before any other local is made
        problems = validate_partner(
            path,
            tenant_id=tenant_id,
            settings=given,
            is_service_provider=is_service_provider,
            provider=provider,
            adopt_existing=adopt_existing,
            identity_synchronization=identity_synchronization,
            construct=self,
        )
        findings = check_admin_center_rules(path, given, PARTNER.name)
        self._admin_center_warnings = claim_object(
            self, path, PARTNER, provider, problems, findings, tenant_id
        )

        self._tenant_id = tenant_id if is_unresolved(tenant_id) else tenant_id.lower()
        self._is_service_provider = is_service_provider
        self._adopt_existing = adopt_existing
        # Graph sub-objects by Terraform attribute name; a setting with nothing set is omitted (inherit).
        self._graph_settings = graph_objects_by_attribute(given, PARTNER_JSON_SETTINGS)

        self._provider = provider if provider is not None else stack_provider(self)
        self.resource = XtapPartnerConfiguration(
            self,
            "Resource",
            tenant_id=self._tenant_id,
            json_settings={k: setting_json(v, framework) for k, v in self._graph_settings.items()},
            is_service_provider=is_service_provider,
            # False is the provider's default too: left out, so partners without it synthesize as before.
            adopt_existing=None if adopt_existing is False else adopt_existing,
            provider=self._provider,
        )
        self.identity_synchronization_resource: XtapPartnerIdentitySynchronization | None = None
        if identity_synchronization is not None:
            self.identity_synchronization_resource = XtapPartnerIdentitySynchronization(
                self,
                "IdentitySynchronization",
                tenant_id=self.resource.tenant_id_attribute,
                user_sync_inbound=identity_synchronization.user_sync_inbound,
                display_name=identity_synchronization.display_name,
                adopt_existing=None if adopt_existing is False else adopt_existing,
                provider=self._provider,
            )

    @property
    def tenant_id(self) -> str:
        """The partner's tenant ID, lower case (or the token it was given as)."""
        return self._tenant_id

    @property
    def is_service_provider(self) -> bool | IResolvable | None:
        """Whether the partner is created as a cloud service provider; ``None`` when left out."""
        return self._is_service_provider

    @property
    def partner_id(self) -> str:
        """The deployed partner's ``id`` (a token; equals the tenant ID once deployed)."""
        return self.resource.partner_id

    @property
    def adopt_existing(self) -> bool | IResolvable:
        """Whether the provider adopts a partner that already exists on create (default ``False``)."""
        return self._adopt_existing

    @property
    def is_in_multi_tenant_organization(self) -> IResolvable:
        """Whether the partner is in a multitenant organization with this tenant (a token until deploy)."""
        return self.resource.is_in_multi_tenant_organization

    @property
    def graph_body(self) -> dict[str, Any]:
        """The exact JSON body the create call POSTs: Graph's camelCase names, unset settings omitted."""
        body: dict[str, Any] = {to_graph_name("tenant_id"): self._tenant_id}
        body.update(self._settings_body(PARTNER_JSON_SETTINGS))
        if self._is_service_provider is not None:
            body[to_graph_name("is_service_provider")] = self._is_service_provider
        return body
