"""CrossTenantAccessPartner: the POST body it describes and the Terraform it synthesizes."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest
from sample_ids import APP_ID, GROUP_ID, SEED_TENANT

from constructs_xtap import (
    AppServiceConnectInbound,
    AutomaticUserConsent,
    B2BSetting,
    CrossTenantAccessPartner,
    InboundTrust,
    M365CollaborationInbound,
    M365CollaborationOutbound,
    Target,
    TargetConfiguration,
    XtapPartnerConfiguration,
    XtapProvider,
    XtapValidationError,
)
from constructs_xtap.wire import PROVIDER_SETTINGS, RESOURCE_TYPE, terraform_jsonencode
from constructs_xtap.wire.partner_schema import PROVIDER_SOURCE, PROVIDER_VERSION_CONSTRAINT
from stacks.tenant_stack import AZUREAD_BINDINGS
from tests.constructs.frameworks import synth
from tests.vectors import documented_vector

if TYPE_CHECKING:  # cdktf's classes stand for both frameworks' in annotations, as in the library
    from cdktf import TerraformStack


UPPER_GROUP = "9A8B7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D"  # the example, upper case


def documented_request_body() -> dict[str, Any]:
    return dict(documented_vector("create_partner_v1")["requestBody"])


def seed_partner(
    stack: TerraformStack, id: str = "seed", provider: XtapProvider | None = None
) -> CrossTenantAccessPartner:
    return CrossTenantAccessPartner(
        stack,
        id,
        tenant_id=SEED_TENANT,
        provider=provider,
        b2b_direct_connect_outbound=B2BSetting(
            users_and_groups=TargetConfiguration.blocked(Target.group(GROUP_ID))
        ),
        b2b_direct_connect_inbound=B2BSetting(applications=TargetConfiguration.allowed(Target.office365())),
    )


def only_partner_resource(stack: TerraformStack) -> dict[str, Any]:
    resources = synth(stack)["resource"][RESOURCE_TYPE]
    assert len(resources) == 1
    return dict(next(iter(resources.values())))


def test_graph_body_of_seed_example_equals_documented_request_body(stack: TerraformStack) -> None:
    assert seed_partner(stack).graph_body == documented_request_body()


def test_graph_body_differs_when_a_setting_differs(stack: TerraformStack) -> None:
    # The fail half of the pair: a different access type must not compare equal.
    partner = CrossTenantAccessPartner(
        stack,
        "seed",
        tenant_id=SEED_TENANT,
        b2b_direct_connect_outbound=B2BSetting(
            users_and_groups=TargetConfiguration.allowed(Target.group(GROUP_ID))
        ),
        b2b_direct_connect_inbound=B2BSetting(applications=TargetConfiguration.allowed(Target.office365())),
    )
    assert partner.graph_body != documented_request_body()


def test_seed_resource_carries_the_documented_body_as_tenant_id_and_json_attributes(
    stack: TerraformStack,
) -> None:
    seed_partner(stack)
    attributes = only_partner_resource(stack)
    body = documented_request_body()
    assert attributes["tenant_id"] == body["tenantId"]
    assert attributes["b2b_direct_connect_outbound"] == terraform_jsonencode(body["b2bDirectConnectOutbound"])
    assert attributes["b2b_direct_connect_inbound"] == terraform_jsonencode(body["b2bDirectConnectInbound"])


def test_unset_settings_are_omitted_from_resource_and_body(stack: TerraformStack) -> None:
    partner = seed_partner(stack)
    attributes = only_partner_resource(stack)
    assert set(attributes) == {
        "tenant_id",
        "b2b_direct_connect_inbound",
        "b2b_direct_connect_outbound",
        "provider",
    }
    assert "inboundTrust" not in partner.graph_body


def test_synthesized_resource_matches_properties_pass_and_fail(
    cdk: ModuleType, stack: TerraformStack
) -> None:
    seed_partner(stack)
    synthesized = cdk.Testing.synth(stack)
    assert cdk.Testing.to_have_resource_with_properties(
        synthesized, RESOURCE_TYPE, {"tenant_id": SEED_TENANT}
    )
    assert (
        cdk.Testing.to_have_resource_with_properties(synthesized, RESOURCE_TYPE, {"inbound_trust": "{}"})
        is False
    )


def test_partner_normalises_tenant_id_to_lower_case(stack: TerraformStack) -> None:
    partner = CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT.upper())
    assert partner.tenant_id == SEED_TENANT
    assert only_partner_resource(stack)["tenant_id"] == SEED_TENANT


def test_partner_writes_upper_case_target_guids_in_lower_case(stack: TerraformStack) -> None:
    partner = CrossTenantAccessPartner(
        stack,
        "p",
        tenant_id=SEED_TENANT.upper(),
        b2b_collaboration_outbound=B2BSetting(
            users_and_groups=TargetConfiguration.allowed(
                Target.group(GROUP_ID.upper()), Target.group(UPPER_GROUP)
            ),
            applications=TargetConfiguration.allowed(Target.application(APP_ID.upper())),
        ),
    )
    expected = {
        "usersAndGroups": {
            "accessType": "allowed",
            "targets": [
                {"target": GROUP_ID, "targetType": "group"},
                {"target": UPPER_GROUP.lower(), "targetType": "group"},
            ],
        },
        "applications": {
            "accessType": "allowed",
            "targets": [{"target": APP_ID, "targetType": "application"}],
        },
    }
    assert partner.graph_body == {"tenantId": SEED_TENANT, "b2bCollaborationOutbound": expected}
    attributes = only_partner_resource(stack)
    assert attributes["tenant_id"] == SEED_TENANT
    assert json.loads(attributes["b2b_collaboration_outbound"]) == expected


def test_partner_keeps_keywords_and_tokens_as_given_when_lowering_guids(
    cdk: ModuleType,
    stack: TerraformStack,
) -> None:
    group_id = cdk.TerraformVariable(stack, "group_id", type="string").string_value
    tenant = cdk.TerraformVariable(stack, "tenant", type="string").string_value
    partner = CrossTenantAccessPartner(
        stack,
        "p",
        tenant_id=tenant,
        b2b_collaboration_outbound=B2BSetting(
            users_and_groups=TargetConfiguration.allowed(Target.group(group_id)),
            applications=TargetConfiguration.allowed(Target.office365()),
        ),
        b2b_collaboration_inbound=B2BSetting(
            users_and_groups=TargetConfiguration.allowed(Target.all_users()),
            applications=TargetConfiguration.allowed(Target.all_applications()),
        ),
    )
    assert partner.tenant_id == tenant
    outbound = partner.graph_body["b2bCollaborationOutbound"]
    assert outbound["usersAndGroups"]["targets"] == [{"target": group_id, "targetType": "group"}]
    assert outbound["applications"]["targets"] == [{"target": "Office365", "targetType": "application"}]
    inbound = json.loads(only_partner_resource(stack)["b2b_collaboration_inbound"])
    assert [t["target"] for t in inbound["usersAndGroups"]["targets"]] == ["AllUsers"]
    assert [t["target"] for t in inbound["applications"]["targets"]] == ["AllApplications"]
    assert only_partner_resource(stack)["tenant_id"] == "${var.tenant}"


def test_partner_with_tenant_id_only_posts_tenant_id_only(stack: TerraformStack) -> None:
    assert CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT).graph_body == {"tenantId": SEED_TENANT}


def test_empty_setting_is_treated_as_inherit_and_omitted(stack: TerraformStack) -> None:
    partner = CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT, inbound_trust=InboundTrust())
    assert partner.graph_body == {"tenantId": SEED_TENANT}
    assert "inbound_trust" not in only_partner_resource(stack)


def test_is_service_provider_is_synthesized_when_set(stack: TerraformStack) -> None:
    partner = CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT, is_service_provider=True)
    assert partner.is_service_provider is True
    assert partner.graph_body["isServiceProvider"] is True
    assert only_partner_resource(stack)["is_service_provider"] is True


def test_is_service_provider_is_absent_when_unset(stack: TerraformStack) -> None:
    partner = CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT)
    assert partner.is_service_provider is None
    assert "is_service_provider" not in only_partner_resource(stack)


def test_inbound_trust_uses_graph_casing_for_hybrid_azure_ad(stack: TerraformStack) -> None:
    trust = InboundTrust(is_mfa_accepted=True, is_hybrid_azure_ad_joined_device_accepted=False)
    CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT, inbound_trust=trust)
    assert only_partner_resource(stack)["inbound_trust"] == (
        '{"isHybridAzureADJoinedDeviceAccepted":false,"isMfaAccepted":true}'
    )


def test_automatic_user_consent_synthesizes_as_automatic_user_consent_settings(stack: TerraformStack) -> None:
    consent = AutomaticUserConsent(inbound_allowed=True, outbound_allowed=True)
    partner = CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT, automatic_user_consent=consent)
    assert partner.graph_body["automaticUserConsentSettings"] == {
        "inboundAllowed": True,
        "outboundAllowed": True,
    }
    assert only_partner_resource(stack)["automatic_user_consent_settings"] == (
        '{"inboundAllowed":true,"outboundAllowed":true}'
    )


def test_partner_wraps_one_l1_resource_named_resource(stack: TerraformStack) -> None:
    partner = seed_partner(stack)
    assert isinstance(partner.node.find_child("Resource"), XtapPartnerConfiguration)
    assert (
        partner.resource.terraform_resource_type == RESOURCE_TYPE == XtapPartnerConfiguration.TF_RESOURCE_TYPE
    )


def test_partner_id_is_a_reference_to_the_resource_id(cdk: ModuleType, stack: TerraformStack) -> None:
    cdk.TerraformOutput(stack, "partner_id", value=seed_partner(stack).partner_id)
    resolved = synth(stack)["output"]["partner_id"]["value"]
    assert re.fullmatch(r"\$\{xtap_partner_configuration\.seed_[0-9A-F]{8}\.id\}", resolved)


def test_invalid_partner_error_names_construct_path_value_and_fix(stack: TerraformStack) -> None:
    with pytest.raises(XtapValidationError) as raised:
        CrossTenantAccessPartner(stack, "bad", tenant_id="contoso.com")
    message = str(raised.value)
    assert "test/bad: tenant_id = 'contoso.com'" in message
    assert "Fix: use the partner's tenant ID" in message


def test_group_object_id_reaches_terraform_as_a_reference_inside_the_json(
    cdk: ModuleType, stack: TerraformStack
) -> None:
    # A prebuilt provider is built for one framework: cdktf_cdktf_provider_azuread or cdktn_provider_azuread.
    azuread = AZUREAD_BINDINGS[cdk.__name__]
    importlib.import_module(f"{azuread}.provider").AzureadProvider(stack, "azuread")
    group_class = importlib.import_module(f"{azuread}.group").Group
    group = group_class(stack, "liaisons", display_name="Liaisons", security_enabled=True)
    CrossTenantAccessPartner(
        stack,
        "p",
        tenant_id=SEED_TENANT,
        b2b_collaboration_outbound=B2BSetting(
            users_and_groups=TargetConfiguration.allowed(Target.group(group.object_id)),
            applications=TargetConfiguration.allowed(Target.all_applications()),
        ),
    )
    # Read what Terraform will read: cdk.tf.json on disk.
    outdir = Path(cdk.Testing.full_synth(stack))
    cdk_tf = json.loads(next(outdir.rglob("cdk.tf.json")).read_text())
    (text,) = [r["b2b_collaboration_outbound"] for r in cdk_tf["resource"][RESOURCE_TYPE].values()]
    assert "${azuread_group.liaisons.object_id}" in text
    # Terraform substitutes the reference inside the string; the result must be the JSON the provider expects.
    substituted = text.replace("${azuread_group.liaisons.object_id}", GROUP_ID)
    assert json.loads(substituted)["usersAndGroups"]["targets"] == [
        {"target": GROUP_ID, "targetType": "group"}
    ]
    assert substituted == terraform_jsonencode(json.loads(substituted))


def test_bool_token_setting_is_left_to_terraform_jsonencode(cdk: ModuleType, stack: TerraformStack) -> None:
    flag = cdk.TerraformVariable(stack, "consent_in", type="bool").boolean_value
    CrossTenantAccessPartner(
        stack, "p", tenant_id=SEED_TENANT, automatic_user_consent=AutomaticUserConsent(inbound_allowed=flag)
    )
    # Unquoted var.consent_in: Terraform's jsonencode writes it as a JSON bool, not the string "true".
    assert only_partner_resource(stack)["automatic_user_consent_settings"] == (
        '${jsonencode({"inboundAllowed" = var.consent_in})}'
    )


def test_stack_gets_one_xtap_provider_for_many_partners(stack: TerraformStack) -> None:
    first = seed_partner(stack, "one")
    second = CrossTenantAccessPartner(stack, "two", tenant_id="9c7a1f5e-2b0d-4e83-a6f1-5d3b8e4c2a71")
    assert first.provider is second.provider
    assert synth(stack)["provider"] == {"xtap": [{}]}


def test_given_provider_is_used_and_no_default_is_added(stack: TerraformStack) -> None:
    given = XtapProvider(stack, "home", alias="home", tenant_id=SEED_TENANT)
    partner = seed_partner(stack, provider=given)
    assert partner.provider is given
    synthesized = synth(stack)
    assert synthesized["provider"] == {"xtap": [{"alias": "home", "tenant_id": SEED_TENANT}]}
    assert only_partner_resource(stack)["provider"] == "xtap.home"


def test_aliased_provider_is_not_taken_as_the_stack_default(stack: TerraformStack) -> None:
    aliased = XtapProvider(stack, "home", alias="home")
    partner = seed_partner(stack)
    assert partner.provider is not aliased
    assert partner.provider.alias is None


def test_provider_block_declares_source_and_version_constraint(stack: TerraformStack) -> None:
    seed_partner(stack)
    required = synth(stack)["terraform"]["required_providers"]["xtap"]
    assert required == {"source": PROVIDER_SOURCE, "version": PROVIDER_VERSION_CONSTRAINT}


def test_xtap_provider_offers_every_non_secret_setting_and_no_secret() -> None:
    import inspect

    keywords = set(inspect.signature(XtapProvider.__init__).parameters) - {"self", "scope", "id", "alias"}
    assert keywords == {s.attribute for s in PROVIDER_SETTINGS if not s.sensitive}
    assert not keywords & {s.attribute for s in PROVIDER_SETTINGS if s.sensitive}


@pytest.mark.parametrize("timeout", [600, 2.5], ids=["integer", "fractional"])
def test_xtap_provider_synthesizes_timeout_seconds_as_a_number(
    cdk: ModuleType, stack: TerraformStack, timeout: float
) -> None:
    XtapProvider(stack, "home", alias="home", timeout_seconds=timeout)
    text = cdk.Testing.synth(stack)
    (block,) = json.loads(text)["provider"]["xtap"]
    assert block == {"alias": "home", "timeout_seconds": timeout}
    assert type(block["timeout_seconds"]) is type(timeout)  # a JSON number, not a string


def test_xtap_provider_passes_a_timeout_seconds_token_through(cdk: ModuleType, stack: TerraformStack) -> None:
    variable = cdk.TerraformVariable(stack, "timeout", type="number")
    XtapProvider(stack, "home", alias="home", timeout_seconds=variable.number_value)
    (block,) = synth(stack)["provider"]["xtap"]
    assert block["timeout_seconds"] == "${var.timeout}"


@pytest.mark.parametrize(
    "timeout",
    [0, -5, True, float("inf"), float("nan"), "600"],
    ids=["zero", "negative", "bool", "inf", "nan", "text"],
)
def test_xtap_provider_rejects_a_timeout_seconds_that_is_not_a_positive_number(
    stack: TerraformStack, timeout: Any
) -> None:
    with pytest.raises(XtapValidationError, match=r"/home: timeout_seconds = .*: is not a positive number"):
        XtapProvider(stack, "home", alias="home", timeout_seconds=timeout)


def test_l1_rejects_an_attribute_the_provider_schema_lacks(stack: TerraformStack) -> None:
    with pytest.raises(ValueError, match="b2BCollaborationInbound"):
        XtapPartnerConfiguration(
            stack, "r", tenant_id=SEED_TENANT, json_settings={"b2BCollaborationInbound": "{}"}
        )


# Every writable v1.0 setting (graph-api.md §2.9) and adopt_existing


def test_m365_and_app_service_settings_synthesize_under_the_contracts_attribute_names(
    stack: TerraformStack,
) -> None:
    partner = CrossTenantAccessPartner(
        stack,
        "p",
        tenant_id=SEED_TENANT,
        m365_collaboration_inbound=M365CollaborationInbound(
            users=TargetConfiguration.allowed(Target.all_users())
        ),
        m365_collaboration_outbound=M365CollaborationOutbound(
            users_and_groups=TargetConfiguration.blocked(Target.group(GROUP_ID))
        ),
        app_service_connect_inbound=AppServiceConnectInbound(
            applications=TargetConfiguration.allowed(Target.application(APP_ID))
        ),
    )
    attributes = only_partner_resource(stack)
    assert set(attributes) == {
        "tenant_id",
        "provider",
        "m365_collaboration_inbound",
        "m365_collaboration_outbound",
        "app_service_connect_inbound",
    }
    patch = documented_vector("update_partner_m365collab_v1")["requestBody"]
    assert attributes["m365_collaboration_inbound"] == terraform_jsonencode(patch["m365CollaborationInbound"])
    assert partner.graph_body["m365CollaborationInbound"] == patch["m365CollaborationInbound"]
    assert json.loads(attributes["app_service_connect_inbound"]) == {
        "applications": {
            "accessType": "allowed",
            "targets": [{"target": APP_ID, "targetType": "application"}],
        }
    }


@pytest.mark.parametrize(
    ("props", "prop"),
    [
        (
            {
                "m365_collaboration_inbound": M365CollaborationInbound(
                    TargetConfiguration.allowed(Target.office365())
                )
            },
            "m365_collaboration_inbound.users.targets[0].target_type",
        ),
        (
            {
                "m365_collaboration_outbound": M365CollaborationOutbound(
                    TargetConfiguration.allowed(Target.application(APP_ID))
                )
            },
            "m365_collaboration_outbound.users_and_groups.targets[0].target_type",
        ),
        (
            {
                "app_service_connect_inbound": AppServiceConnectInbound(
                    TargetConfiguration.allowed(Target.group(GROUP_ID))
                )
            },
            "app_service_connect_inbound.applications.targets[0].target_type",
        ),
        ({"app_service_connect_inbound": B2BSetting()}, "app_service_connect_inbound"),
    ],
)
def test_new_settings_take_only_their_target_types(
    stack: TerraformStack, props: dict[str, Any], prop: str
) -> None:
    with pytest.raises(XtapValidationError) as raised:
        CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT, **props)
    ((found, fix),) = [(p.property, p.fix) for p in raised.value.problems]
    assert found == prop
    assert "belong in" in fix or "pass AppServiceConnectInbound" in fix


def test_m365_users_take_users_and_groups(stack: TerraformStack) -> None:
    CrossTenantAccessPartner(
        stack,
        "p",
        tenant_id=SEED_TENANT,
        m365_collaboration_inbound=M365CollaborationInbound(
            TargetConfiguration.allowed(Target.user(GROUP_ID), Target.group(APP_ID))
        ),
    )


def test_adopt_existing_is_off_by_default_and_then_not_written(stack: TerraformStack) -> None:
    partner = CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT)
    assert partner.adopt_existing is False
    assert "adopt_existing" not in only_partner_resource(stack)


def test_adopt_existing_true_is_written_for_the_provider(stack: TerraformStack) -> None:
    partner = CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT, adopt_existing=True)
    assert partner.adopt_existing is True
    assert only_partner_resource(stack)["adopt_existing"] is True
    assert "adoptExisting" not in partner.graph_body  # never sent to Graph


def test_adopt_existing_must_be_a_bool(problems: Any) -> None:
    assert [p.property for p in problems(adopt_existing="yes")] == ["adopt_existing"]


def test_is_in_multi_tenant_organization_is_a_reference_to_the_computed_attribute(
    cdk: ModuleType,
    stack: TerraformStack,
) -> None:
    partner = CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT)
    cdk.TerraformOutput(stack, "mto", value=partner.is_in_multi_tenant_organization)
    value = synth(stack)["output"]["mto"]["value"]
    assert value.startswith(f"${{{RESOURCE_TYPE}.") and value.endswith(".is_in_multi_tenant_organization}")
