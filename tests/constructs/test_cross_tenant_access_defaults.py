"""CrossTenantAccessDefaults: the PATCH body it describes, the Terraform it synthesizes, and its rules."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest
from sample_ids import APP_ID, GROUP_ID, SEED_TENANT

from constructs_xtap import (
    AppServiceConnectInbound,
    B2BSetting,
    CrossTenantAccessDefaults,
    CrossTenantAccessPartner,
    IdentityProvider,
    InboundTrust,
    InvitationRedemption,
    M365CollaborationInbound,
    M365CollaborationOutbound,
    Target,
    TargetConfiguration,
    TenantRestrictions,
    XtapDefaultConfiguration,
    XtapProvider,
    XtapValidationError,
)
from constructs_xtap.constructs.admin_center_rules import ADMIN_CENTER_RULES_CONTEXT
from constructs_xtap.wire import terraform_jsonencode
from tests.constructs.frameworks import synth
from tests.vectors import documented_vector

if TYPE_CHECKING:  # cdktf's classes stand for both frameworks' in annotations, as in the library
    from cdktf import TerraformStack


RESOURCE = "xtap_default_configuration"  # the Terraform contract, spelled out rather than read from wire
ALL_USERS = TargetConfiguration.allowed(Target.all_users())
ALL_APPS = TargetConfiguration.allowed(Target.all_applications())
DOCUMENTED_ORDER = [
    IdentityProvider.EXTERNAL_FEDERATION,
    IdentityProvider.AZURE_ACTIVE_DIRECTORY,
    IdentityProvider.SOCIAL_IDENTITY_PROVIDERS,
]


def only_default_resource(stack: TerraformStack) -> dict[str, Any]:
    resources = synth(stack)["resource"][RESOURCE]
    assert len(resources) == 1
    return dict(next(iter(resources.values())))


def rejected(stack: TerraformStack, **props: Any) -> list[tuple[str, str]]:
    """The (property, problem) pairs a default configuration in ``stack`` is rejected with."""
    with pytest.raises(XtapValidationError) as raised:
        CrossTenantAccessDefaults(stack, "defaults", **props)
    return [(p.property, p.problem) for p in raised.value.problems]


# synth: the contract's attribute names and Graph's documented bodies


def test_every_setting_synthesizes_under_the_contracts_attribute_name(stack: TerraformStack) -> None:
    CrossTenantAccessDefaults(
        stack,
        "defaults",
        b2b_collaboration_inbound=B2BSetting(ALL_USERS, ALL_APPS),
        b2b_collaboration_outbound=B2BSetting(ALL_USERS, ALL_APPS),
        b2b_direct_connect_inbound=B2BSetting(ALL_USERS, ALL_APPS),
        b2b_direct_connect_outbound=B2BSetting(ALL_USERS, ALL_APPS),
        inbound_trust=InboundTrust(is_mfa_accepted=True),
        tenant_restrictions=TenantRestrictions(ALL_USERS, ALL_APPS),
        invitation_redemption=InvitationRedemption(DOCUMENTED_ORDER, IdentityProvider.DEFAULT_CONFIGURED_IDP),
        m365_collaboration_inbound=M365CollaborationInbound(users=ALL_USERS),
        m365_collaboration_outbound=M365CollaborationOutbound(users_and_groups=ALL_USERS),
        app_service_connect_inbound=AppServiceConnectInbound(applications=ALL_APPS),
    )
    assert set(only_default_resource(stack)) == {
        "provider",
        "inbound_trust",
        "b2b_collaboration_inbound",
        "b2b_collaboration_outbound",
        "b2b_direct_connect_inbound",
        "b2b_direct_connect_outbound",
        "tenant_restrictions",
        "m365_collaboration_inbound",
        "m365_collaboration_outbound",
        "app_service_connect_inbound",
        "invitation_redemption_identity_provider_configuration",
    }


def test_settings_left_out_are_not_written_so_they_keep_the_system_default(stack: TerraformStack) -> None:
    defaults = CrossTenantAccessDefaults(stack, "defaults", inbound_trust=InboundTrust())
    assert set(only_default_resource(stack)) == {"provider"}
    assert defaults.graph_body == {}


@pytest.mark.parametrize("vector", ["update_default_idp_order_v1", "update_default_idp_noMsa_v1"])
def test_invitation_redemption_writes_graphs_documented_patch_body(
    stack: TerraformStack, vector: str
) -> None:
    body = documented_vector(vector)["requestBody"]
    config = body["invitationRedemptionIdentityProviderConfiguration"]
    defaults = CrossTenantAccessDefaults(
        stack,
        "defaults",
        invitation_redemption=InvitationRedemption(
            config["primaryIdentityProviderPrecedenceOrder"],
            IdentityProvider(config["fallbackIdentityProvider"]),
        ),
    )
    assert defaults.graph_body == body
    attribute = only_default_resource(stack)["invitation_redemption_identity_provider_configuration"]
    assert attribute == terraform_jsonencode(config)


def test_invitation_redemption_keeps_the_precedence_order_as_given(stack: TerraformStack) -> None:
    reversed_order = list(reversed(DOCUMENTED_ORDER))
    defaults = CrossTenantAccessDefaults(
        stack,
        "defaults",
        invitation_redemption=InvitationRedemption(reversed_order, "emailOneTimePasscode"),
    )
    config = defaults.graph_body["invitationRedemptionIdentityProviderConfiguration"]
    assert config["primaryIdentityProviderPrecedenceOrder"] == [p.value for p in reversed_order]


@pytest.mark.parametrize(
    ("vector", "props"),
    [
        (
            "update_default_m365collab_v1",
            {"m365_collaboration_inbound": M365CollaborationInbound(users=ALL_USERS)},
        ),
        (
            "update_default_block_outbound_group_v1",
            {
                "b2b_collaboration_outbound": B2BSetting(
                    users_and_groups=TargetConfiguration.blocked(
                        Target.group("0be493dc-cb56-4a53-936f-9cf64410b8b0")
                    ),
                    applications=TargetConfiguration.blocked(Target.all_applications()),
                )
            },
        ),
    ],
)
def test_settings_write_graphs_documented_patch_body(
    stack: TerraformStack, vector: str, props: dict[str, Any]
) -> None:
    defaults = CrossTenantAccessDefaults(stack, "defaults", **props)
    assert defaults.graph_body == documented_vector(vector)["requestBody"]
    assert defaults.admin_center_warnings == ()


def test_the_l1_resource_is_exposed_and_uses_the_stacks_provider(stack: TerraformStack) -> None:
    defaults = CrossTenantAccessDefaults(stack, "defaults")
    assert isinstance(defaults.resource, XtapDefaultConfiguration)
    assert defaults.resource.node.id == "Resource"
    assert defaults.provider.alias is None
    assert only_default_resource(stack)["provider"] == "xtap"


def test_is_service_default_is_a_reference_to_the_computed_attribute(
    cdk: ModuleType, stack: TerraformStack
) -> None:
    defaults = CrossTenantAccessDefaults(stack, "defaults")
    cdk.TerraformOutput(stack, "is_service_default", value=defaults.is_service_default)
    cdk.TerraformOutput(stack, "id", value=defaults.resource.default_id)
    outputs = synth(stack)["output"]
    assert outputs["is_service_default"]["value"].endswith(".is_service_default}")
    assert outputs["id"]["value"].endswith(".id}")
    assert outputs["id"]["value"].startswith(f"${{{RESOURCE}.")


def test_automatic_user_consent_is_not_an_argument_because_it_is_read_only_on_the_default(
    stack: TerraformStack,
) -> None:
    with pytest.raises(TypeError, match="automatic_user_consent"):
        CrossTenantAccessDefaults(stack, "defaults", automatic_user_consent=None)  # type: ignore[call-arg]


def test_l1_refuses_an_attribute_the_resource_does_not_have(stack: TerraformStack) -> None:
    with pytest.raises(ValueError, match="automatic_user_consent_settings"):
        XtapDefaultConfiguration(stack, "raw", json_settings={"automatic_user_consent_settings": "{}"})


# one per stack and provider


def test_a_second_default_configuration_under_one_provider_fails_synth_naming_both_paths(
    stack: TerraformStack,
) -> None:
    CrossTenantAccessDefaults(stack, "first")
    with pytest.raises(XtapValidationError) as raised:
        CrossTenantAccessDefaults(stack, "second", inbound_trust=InboundTrust(is_mfa_accepted=True))
    (problem,) = raised.value.problems
    # The construct itself is the second one: no property (and no "provider = None") is blamed.
    assert (problem.path, problem.property, problem.value) == ("test/second", "", None)
    assert str(problem) == (
        "test/second: there is already a CrossTenantAccessDefaults in this stack for the default xtap "
        "provider: 'test/first'; two resources would own the one Graph default configuration (Graph keeps "
        "one per tenant) and each deploy would undo the other's settings. Fix: keep one "
        "CrossTenantAccessDefaults per stack and provider: merge these settings into 'test/first' and remove "
        "'test/second'; only another home tenant, through another XtapProvider alias, may add it"
    )


def test_a_second_default_configuration_under_one_alias_names_the_alias(stack: TerraformStack) -> None:
    home = XtapProvider(stack, "home", alias="home")
    CrossTenantAccessDefaults(stack, "first", provider=home)
    with pytest.raises(XtapValidationError, match=r"test/second: there is already a .* alias 'home'"):
        CrossTenantAccessDefaults(stack, "second", provider=home)


def test_a_second_default_configuration_is_reported_beside_its_other_problems(stack: TerraformStack) -> None:
    CrossTenantAccessDefaults(stack, "first")
    problems = rejected(stack, inbound_trust=InboundTrust(is_mfa_accepted="yes"))  # type: ignore[arg-type]
    assert [p for p, _ in problems] == ["inbound_trust.is_mfa_accepted", ""]


def test_default_configurations_under_two_provider_aliases_are_legal(stack: TerraformStack) -> None:
    CrossTenantAccessDefaults(stack, "contoso", provider=XtapProvider(stack, "c", alias="contoso"))
    CrossTenantAccessDefaults(stack, "fabrikam", provider=XtapProvider(stack, "f", alias="fabrikam"))
    assert len(synth(stack)["resource"][RESOURCE]) == 2


def test_default_configurations_in_two_stacks_are_legal(cdk: ModuleType) -> None:
    app = cdk.Testing.app()
    CrossTenantAccessDefaults(cdk.TerraformStack(app, "one"), "defaults")
    CrossTenantAccessDefaults(cdk.TerraformStack(app, "two"), "defaults")


def test_a_rejected_default_configuration_does_not_own_the_slot(stack: TerraformStack) -> None:
    rejected(stack, inbound_trust="trust")
    CrossTenantAccessDefaults(stack, "accepted")


# validation shared with partners


def test_defaults_validate_settings_like_partners_and_report_every_problem_once(
    stack: TerraformStack,
) -> None:
    problems = rejected(
        stack,
        b2b_collaboration_outbound=B2BSetting(
            users_and_groups=TargetConfiguration.allowed(Target.group("x"))
        ),
        m365_collaboration_outbound=M365CollaborationOutbound(
            users_and_groups=TargetConfiguration.allowed(Target.application(APP_ID))
        ),
        provider="xtap",
    )
    assert [p for p, _ in problems] == [
        "provider",
        "b2b_collaboration_outbound.users_and_groups.targets[0].target",
        "m365_collaboration_outbound.users_and_groups.targets[0].target_type",
    ]


def test_the_error_names_the_construct_path_value_and_fix(stack: TerraformStack) -> None:
    with pytest.raises(XtapValidationError) as raised:
        CrossTenantAccessDefaults(stack, "defaults", tenant_restrictions=B2BSetting())  # type: ignore[arg-type]
    assert "test/defaults: tenant_restrictions = B2BSetting(" in str(raised.value)
    assert "Fix: pass TenantRestrictions(...)" in str(raised.value)


# R18: invitation redemption


@pytest.mark.parametrize("fallback", [None, ""])
def test_r18_a_missing_fallback_identity_provider_fails_synth(stack: TerraformStack, fallback: Any) -> None:
    problems = rejected(stack, invitation_redemption=InvitationRedemption(DOCUMENTED_ORDER, fallback))
    ((prop, problem),) = problems
    assert prop == "invitation_redemption.fallback_identity_provider"
    assert "R18" in problem and "one fallback identity provider must be enabled" in problem


def test_r18_a_primary_provider_as_fallback_fails_synth(stack: TerraformStack) -> None:
    problems = rejected(
        stack, invitation_redemption=InvitationRedemption(DOCUMENTED_ORDER, "azureActiveDirectory")
    )
    assert problems == [
        (
            "invitation_redemption.fallback_identity_provider",
            "is not a fallback identity provider (['defaultConfiguredIdp', 'emailOneTimePasscode', "
            "'microsoftAccount']; graph-api.md §3.1 R18)",
        )
    ]


@pytest.mark.parametrize(
    "fallback",
    [
        IdentityProvider.DEFAULT_CONFIGURED_IDP,
        IdentityProvider.EMAIL_ONE_TIME_PASSCODE,
        IdentityProvider.MICROSOFT_ACCOUNT,
    ],
)
def test_r18_each_documented_fallback_identity_provider_is_accepted(
    stack: TerraformStack, fallback: IdentityProvider
) -> None:
    CrossTenantAccessDefaults(
        stack, "d", invitation_redemption=InvitationRedemption(DOCUMENTED_ORDER, fallback)
    )


def test_precedence_order_rejects_fallback_unknown_and_repeated_providers(stack: TerraformStack) -> None:
    order = ["externalFederation", "microsoftAccount", "AzureActiveDirectory", "externalFederation"]
    problems = rejected(stack, invitation_redemption=InvitationRedemption(order, "defaultConfiguredIdp"))
    where = "invitation_redemption.primary_identity_provider_precedence_order"
    assert [p for p, _ in problems] == [f"{where}[1]", f"{where}[2]", f"{where}[3]"]
    assert "duplicates [0]" in problems[2][1]


def fixes(stack: TerraformStack, redemption: InvitationRedemption) -> dict[str, str]:
    """The fix of each problem a default configuration with ``redemption`` is rejected with, by property."""
    with pytest.raises(XtapValidationError) as raised:
        CrossTenantAccessDefaults(stack, "defaults", invitation_redemption=redemption)
    return {p.property.rsplit(".", 1)[-1]: p.fix for p in raised.value.problems}


PRIMARIES = "['azureActiveDirectory', 'externalFederation', 'socialIdentityProviders']"
FALLBACKS = "['defaultConfiguredIdp', 'emailOneTimePasscode', 'microsoftAccount']"


def test_a_fallback_provider_in_the_precedence_order_is_told_to_move_to_the_fallback(
    stack: TerraformStack,
) -> None:
    fix = fixes(stack, InvitationRedemption(["microsoftAccount"], "defaultConfiguredIdp"))
    assert fix == {
        "primary_identity_provider_precedence_order[0]": "'microsoftAccount' belongs in "
        f"fallback_identity_provider; use one of {PRIMARIES} here"
    }


def test_a_precedence_order_value_that_is_no_provider_at_all_gets_the_primary_providers_listed(
    stack: TerraformStack,
) -> None:
    fix = fixes(stack, InvitationRedemption(["bogus"], "defaultConfiguredIdp"))
    assert fix == {
        "primary_identity_provider_precedence_order[0]": f"use IdentityProvider or one of {PRIMARIES}"
    }
    assert "fallback" not in fix["primary_identity_provider_precedence_order[0]"]


def test_a_precedence_order_value_in_the_wrong_letter_case_gets_its_spelling(stack: TerraformStack) -> None:
    fix = fixes(stack, InvitationRedemption(["AzureActiveDirectory"], "defaultConfiguredIdp"))
    assert fix == {"primary_identity_provider_precedence_order[0]": "write 'azureActiveDirectory'"}


@pytest.mark.parametrize(
    ("fallback", "expected"),
    [
        (
            "azureActiveDirectory",
            f"'azureActiveDirectory' belongs in "
            f"primary_identity_provider_precedence_order; use one of {FALLBACKS} here",
        ),
        ("bogus", f"use IdentityProvider or one of {FALLBACKS}"),
        (3, f"use IdentityProvider or one of {FALLBACKS}"),
        ("EmailOneTimePasscode", "write 'emailOneTimePasscode'"),
    ],
)
def test_a_wrong_fallback_is_told_to_move_only_when_it_is_a_primary_provider(
    stack: TerraformStack, fallback: Any, expected: str
) -> None:
    assert fixes(stack, InvitationRedemption(DOCUMENTED_ORDER, fallback)) == {
        "fallback_identity_provider": expected
    }


@pytest.mark.parametrize("order", [[], "externalFederation"])
def test_precedence_order_must_be_a_non_empty_list(stack: TerraformStack, order: Any) -> None:
    problems = rejected(stack, invitation_redemption=InvitationRedemption(order, "defaultConfiguredIdp"))
    assert [p for p, _ in problems] == ["invitation_redemption.primary_identity_provider_precedence_order"]


def test_token_identity_providers_pass_through(cdk: ModuleType, stack: TerraformStack) -> None:
    idp = cdk.TerraformVariable(stack, "idp", type="string").string_value
    CrossTenantAccessDefaults(stack, "d", invitation_redemption=InvitationRedemption([idp], idp))


# R11 (admin center): inbound defaults cannot target specific users or groups


def test_r11_warns_when_inbound_defaults_target_a_specific_group(stack: TerraformStack) -> None:
    defaults = CrossTenantAccessDefaults(
        stack,
        "defaults",
        b2b_direct_connect_inbound=B2BSetting(
            users_and_groups=TargetConfiguration.allowed(Target.group(GROUP_ID)), applications=ALL_APPS
        ),
    )
    (finding,) = defaults.admin_center_warnings
    assert (finding.path, finding.property, finding.rule) == (
        "test/defaults",
        "b2b_direct_connect_inbound.users_and_groups",
        "admin-center/R11",
    )
    assert GROUP_ID in finding.value
    assert "Target.all_users()" in finding.fix
    warnings = [str(m.data) for m in defaults.node.metadata if m.type == "@cdktf/warn"]
    assert len(warnings) == 1 and "[admin-center/R11]" in warnings[0]
    assert RESOURCE in synth(stack)["resource"]


def test_r11_warns_for_a_token_user_in_inbound_b2b_collaboration(
    cdk: ModuleType, stack: TerraformStack
) -> None:
    user = cdk.TerraformVariable(stack, "user", type="string").string_value
    defaults = CrossTenantAccessDefaults(
        stack,
        "defaults",
        b2b_collaboration_inbound=B2BSetting(users_and_groups=TargetConfiguration.blocked(Target.user(user))),
    )
    assert [f.rule for f in defaults.admin_center_warnings] == ["admin-center/R11"]


def test_r11_is_silent_for_all_users_inbound_and_for_specific_groups_outbound(stack: TerraformStack) -> None:
    specific = TargetConfiguration.blocked(Target.group(GROUP_ID))
    defaults = CrossTenantAccessDefaults(
        stack,
        "defaults",
        b2b_collaboration_inbound=B2BSetting(users_and_groups=ALL_USERS, applications=ALL_APPS),
        b2b_collaboration_outbound=B2BSetting(
            users_and_groups=specific, applications=TargetConfiguration.blocked(Target.all_applications())
        ),
    )
    assert defaults.admin_center_warnings == ()


def test_r11_does_not_apply_to_partners(stack: TerraformStack) -> None:
    partner = CrossTenantAccessPartner(
        stack,
        "p",
        tenant_id=SEED_TENANT,
        b2b_collaboration_inbound=B2BSetting(
            users_and_groups=TargetConfiguration.allowed(Target.group(GROUP_ID))
        ),
    )
    assert partner.admin_center_warnings == ()


def test_r11_fails_synth_when_admin_center_rules_are_errors(cdk: ModuleType) -> None:
    stack = cdk.TerraformStack(cdk.Testing.app(context={ADMIN_CENTER_RULES_CONTEXT: "error"}), "test")
    problems = rejected(
        stack,
        b2b_collaboration_inbound=B2BSetting(
            users_and_groups=TargetConfiguration.allowed(Target.group(GROUP_ID))
        ),
    )
    assert [p for p, _ in problems] == ["b2b_collaboration_inbound.users_and_groups"]


def test_r10_applies_to_the_defaults_as_to_partners(stack: TerraformStack) -> None:
    defaults = CrossTenantAccessDefaults(
        stack,
        "defaults",
        b2b_collaboration_outbound=B2BSetting(
            users_and_groups=TargetConfiguration.blocked(Target.all_users()), applications=ALL_APPS
        ),
    )
    assert [(f.property, f.rule) for f in defaults.admin_center_warnings] == [
        ("b2b_collaboration_outbound.applications", "admin-center/R10")
    ]
