"""``CrossTenantAccessDefaults``: the tenant's default cross-tenant access settings, as a construct."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from constructs import Construct

from constructs_xtap.constructs.admin_center_rules import check_admin_center_rules
from constructs_xtap.constructs.app_service_connect_inbound import AppServiceConnectInbound
from constructs_xtap.constructs.b2b_setting import B2BSetting
from constructs_xtap.constructs.graph_object import graph_objects_by_attribute
from constructs_xtap.constructs.inbound_trust import InboundTrust
from constructs_xtap.constructs.invitation_redemption import InvitationRedemption
from constructs_xtap.constructs.kind_settings import kind_json_settings
from constructs_xtap.constructs.m365_collaboration_inbound import M365CollaborationInbound
from constructs_xtap.constructs.m365_collaboration_outbound import M365CollaborationOutbound
from constructs_xtap.constructs.object_claim import claim_object
from constructs_xtap.constructs.setting_json import setting_json
from constructs_xtap.constructs.setting_validation import check_settings, provider_problems
from constructs_xtap.constructs.settings_construct import SettingsConstruct
from constructs_xtap.constructs.stack_provider import stack_provider
from constructs_xtap.constructs.tenant_restrictions import TenantRestrictions
from constructs_xtap.constructs.xtap_default_configuration import XtapDefaultConfiguration
from constructs_xtap.constructs.xtap_provider import XtapProvider
from constructs_xtap.wire import DEFAULT

if TYPE_CHECKING:
    from cdktf import IResolvable

DEFAULT_JSON_SETTINGS = kind_json_settings(DEFAULT)


class CrossTenantAccessDefaults(SettingsConstruct):
    """The default cross-tenant access configuration (PATCH /policies/crossTenantAccessPolicy/default,
    graph-api.md §1.6, §2.10): what applies to every organisation without a partner configuration, and what
    each partner inherits for the settings it leaves out.

    Every setting is optional. Default for each: left out, so it holds the system default: B2B
    collaboration inbound and outbound allowed for ``AllUsers`` and ``AllApplications``, B2B direct connect
    inbound and outbound blocked, tenant restrictions disabled, no MFA or device claims trusted, guests
    redeeming with Microsoft Entra ID, then external federation, then social providers, falling back to
    ``defaultConfiguredIdp`` (graph-api.md §1.6, §5.13). Settings are the same typed objects a partner
    takes: ``b2b_collaboration_inbound``, ``b2b_collaboration_outbound``, ``b2b_direct_connect_inbound``,
    ``b2b_direct_connect_outbound`` (``B2BSetting``), ``inbound_trust`` (``InboundTrust``),
    ``tenant_restrictions`` (``TenantRestrictions``), ``m365_collaboration_inbound``,
    ``m365_collaboration_outbound``, ``app_service_connect_inbound``, plus ``invitation_redemption``
    (``InvitationRedemption``: the identity provider order of guest invitation redemption; R18: one fallback
    provider must stay enabled). ``automaticUserConsentSettings`` is read-only on the default (always
    false, §3.1 R17), so there is no argument for it.
    ``provider``: default: the stack's ``XtapProvider``, added once per stack and configured from the
    environment when none exists yet.

    Destroying the construct resets the default configuration to the system default (Graph's
    ``resetToSystemDefault``). At most one per stack and provider configuration: Graph keeps one default
    per tenant, so a second ``CrossTenantAccessDefaults`` under the same provider alias (or both under the
    default provider) is a problem naming both construct paths.

    Raises ``XtapValidationError`` listing every problem (construct path, property, value, fix), with the
    partner's rules for the shared settings. Admin-center rules are synth warnings (an error under the
    cdktf context ``"xtap:adminCenterRules": "error"``): R9 and R10 as on partners, and R11: inbound default
    settings (``b2b_collaboration_inbound``, ``b2b_direct_connect_inbound``) cannot target specific users
    or groups, only ``AllUsers``; a specific external user or group belongs in the partner of its tenant.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        b2b_collaboration_inbound: B2BSetting | None = None,
        b2b_collaboration_outbound: B2BSetting | None = None,
        b2b_direct_connect_inbound: B2BSetting | None = None,
        b2b_direct_connect_outbound: B2BSetting | None = None,
        inbound_trust: InboundTrust | None = None,
        tenant_restrictions: TenantRestrictions | None = None,
        invitation_redemption: InvitationRedemption | None = None,
        m365_collaboration_inbound: M365CollaborationInbound | None = None,
        m365_collaboration_outbound: M365CollaborationOutbound | None = None,
        app_service_connect_inbound: AppServiceConnectInbound | None = None,
        provider: XtapProvider | None = None,
    ) -> None:
        super().__init__(scope, id)
        framework, path, given = self._start(scope, id, DEFAULT, locals())  # before any other local is made
        out = provider_problems(self, provider, path)
        check_settings(out, given)
        findings = check_admin_center_rules(path, given, DEFAULT.name)
        self._admin_center_warnings = claim_object(self, path, DEFAULT, provider, out.problems, findings)

        # Graph sub-objects by Terraform attribute name; a setting with nothing set is omitted (default).
        self._graph_settings = graph_objects_by_attribute(given, DEFAULT_JSON_SETTINGS)
        self._provider = provider if provider is not None else stack_provider(self)
        self.resource = XtapDefaultConfiguration(
            self,
            "Resource",
            json_settings={k: setting_json(v, framework) for k, v in self._graph_settings.items()},
            provider=self._provider,
        )

    @property
    def is_service_default(self) -> IResolvable:
        """Whether Graph holds the system default (a token until deploy; false once a setting is set)."""
        return self.resource.is_service_default

    @property
    def graph_body(self) -> dict[str, Any]:
        """The exact JSON body of the PATCH: Graph's camelCase names, settings left out omitted."""
        return self._settings_body(DEFAULT_JSON_SETTINGS)
