"""``CrossTenantAccessPartner``: one partner organisation's cross-tenant access settings, as a construct."""

from __future__ import annotations

from typing import Any

from cdktf import Annotations, Fn, IResolvable, TerraformStack
from constructs import Construct

from constructs_xtap.constructs.admin_center_rules import (
    ERROR,
    admin_center_mode,
    check_admin_center_rules,
    warning_message,
)
from constructs_xtap.constructs.automatic_user_consent import AutomaticUserConsent
from constructs_xtap.constructs.b2b_setting import B2BSetting
from constructs_xtap.constructs.graph_object import to_graph_object
from constructs_xtap.constructs.inbound_trust import InboundTrust
from constructs_xtap.constructs.partner_owners import PartnerOwners
from constructs_xtap.constructs.partner_validation import validate_partner
from constructs_xtap.constructs.tenant_restrictions import TenantRestrictions
from constructs_xtap.constructs.unresolved import is_unresolved
from constructs_xtap.constructs.validation_problem import ValidationProblem
from constructs_xtap.constructs.xtap_partner_configuration import XtapPartnerConfiguration
from constructs_xtap.constructs.xtap_provider import XtapProvider
from constructs_xtap.constructs.xtap_validation_error import XtapValidationError
from constructs_xtap.wire import is_guid, normalize_setting, terraform_jsonencode, to_graph_name
from constructs_xtap.wire.partner_schema import JSON_SETTINGS

# The construct's keyword for each Terraform attribute; only automatic user consent is shortened.
_KEYWORD_FOR_ATTRIBUTE = {s.attribute: s.attribute for s in JSON_SETTINGS} | {
    "automatic_user_consent_settings": "automatic_user_consent"
}
DEFAULT_PROVIDER_ID = "xtap"


class CrossTenantAccessPartner(Construct):
    """A partner-specific cross-tenant access configuration (POST .../crossTenantAccessPolicy/partners).

    ``tenant_id``: the partner's tenant ID (a GUID; normalised to lower case). Required.
    Every other setting is optional. Default for each: left out of the request, so the partner inherits the
    tenant's default cross-tenant access configuration for it (Graph answers it as ``null``).

    ``is_service_provider``: default: left out (Graph treats the partner as not a cloud service provider).
    Graph only accepts it on create, and a partner marked ``True`` cannot be deleted.
    ``provider``: default: the stack's ``XtapProvider``, added once per stack and configured from the
    environment when none exists yet.

    One owner per partner: a second partner of the same stack with the same tenant id (in any letter case)
    under the same provider configuration (the same alias, or both the default provider) is a problem
    naming both construct paths (see ``PartnerOwners``). Another stack, or another provider alias (another
    home tenant being managed), may hold the same tenant.

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
        is_service_provider: bool | IResolvable | None = None,
        provider: XtapProvider | None = None,
    ) -> None:
        super().__init__(scope, id)
        given: dict[str, Any] = {
            "b2b_collaboration_inbound": b2b_collaboration_inbound,
            "b2b_collaboration_outbound": b2b_collaboration_outbound,
            "b2b_direct_connect_inbound": b2b_direct_connect_inbound,
            "b2b_direct_connect_outbound": b2b_direct_connect_outbound,
            "inbound_trust": inbound_trust,
            "automatic_user_consent": automatic_user_consent,
            "tenant_restrictions": tenant_restrictions,
        }
        problems = validate_partner(
            self.node.path,
            tenant_id=tenant_id,
            settings=given,
            is_service_provider=is_service_provider,
            provider=provider,
        )
        mode, mode_problems = admin_center_mode(self)
        findings = check_admin_center_rules(self.node.path, given)
        problems += mode_problems
        if mode == ERROR:
            problems += findings
        owners = PartnerOwners.of(TerraformStack.of(self))
        alias = provider.alias if isinstance(provider, XtapProvider) else None
        owned = is_guid(tenant_id)  # a token or an invalid id (already a problem) is never compared
        if owned:
            problems += owners.check(self.node.path, alias, tenant_id)
        if problems:
            raise XtapValidationError(problems)
        if owned:
            owners.claim(self.node.path, alias, tenant_id)
        self._admin_center_warnings = tuple(findings)
        for finding in findings:
            Annotations.of(self).add_warning(warning_message(finding))

        self._tenant_id = tenant_id if is_unresolved(tenant_id) else tenant_id.lower()
        self._is_service_provider = is_service_provider
        # Graph sub-objects by Terraform attribute name; a setting with nothing set is omitted (inherit).
        self._graph_settings: dict[str, dict[str, Any]] = {}
        for setting in JSON_SETTINGS:
            value = given[_KEYWORD_FOR_ATTRIBUTE[setting.attribute]]
            graph_object = normalize_setting(to_graph_object(value)) if value is not None else None
            if graph_object is not None:
                self._graph_settings[setting.attribute] = graph_object

        self._provider = provider if provider is not None else _stack_provider(self)
        self.resource = XtapPartnerConfiguration(
            self,
            "Resource",
            tenant_id=self._tenant_id,
            json_settings={k: _setting_json(v) for k, v in self._graph_settings.items()},
            is_service_provider=is_service_provider,
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
    def admin_center_warnings(self) -> tuple[ValidationProblem, ...]:
        """The admin-center findings this partner was synthesized with, each also a cdktf warning.

        Empty when the partner satisfies the admin center too (with ``xtap:adminCenterRules`` set to
        ``"error"`` a finding raises instead, so this is always empty then).
        """
        return self._admin_center_warnings

    @property
    def provider(self) -> XtapProvider:
        """The provider block this partner is managed through."""
        return self._provider

    @property
    def graph_settings(self) -> dict[str, dict[str, Any]]:
        """The Graph sub-object of every setting that is set, keyed by Terraform attribute name."""
        return {k: dict(v) for k, v in self._graph_settings.items()}

    @property
    def graph_body(self) -> dict[str, Any]:
        """The exact JSON body the create call POSTs: Graph's camelCase names, unset settings omitted."""
        body: dict[str, Any] = {to_graph_name("tenant_id"): self._tenant_id}
        for setting in JSON_SETTINGS:
            if setting.attribute in self._graph_settings:
                body[setting.graph_name] = self._graph_settings[setting.attribute]
        if self._is_service_provider is not None:
            body[to_graph_name("is_service_provider")] = self._is_service_provider
        return body


def _setting_json(graph_object: dict[str, Any]) -> str:
    """The JSON-string attribute for one setting, as Terraform will hand it to the provider.

    A string token (e.g. a group's ``object_id``) survives inside the text: cdktf resolves it to a
    ``${...}`` reference that Terraform substitutes. A non-string token (a bool variable) would be quoted
    that way, so such settings are left to Terraform's own ``jsonencode`` instead.
    """
    if _has_non_string_token(graph_object):
        return Fn.jsonencode(graph_object)
    return terraform_jsonencode(graph_object)


def _has_non_string_token(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_has_non_string_token(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_non_string_token(v) for v in value)
    return not isinstance(value, str) and is_unresolved(value)


def _stack_provider(construct: Construct) -> XtapProvider:
    """The stack's default (un-aliased) XtapProvider, created on first use so each stack has exactly one."""
    stack = TerraformStack.of(construct)
    for child in stack.node.children:
        if isinstance(child, XtapProvider) and child.alias is None:
            return child
    return XtapProvider(stack, DEFAULT_PROVIDER_ID)
