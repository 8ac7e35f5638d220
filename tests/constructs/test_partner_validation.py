"""One group per synth-time rule: rejects the bad case, accepts the edge case, skips deploy-time tokens."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING

import pytest
from sample_ids import APP_ID, GROUP_ID, SEED_TENANT

from constructs_xtap import (
    AccessType,
    AutomaticUserConsent,
    B2BSetting,
    CrossTenantAccessPartner,
    InboundTrust,
    Target,
    TargetConfiguration,
    TargetType,
    TenantRestrictions,
    ValidationProblem,
    XtapValidationError,
)
from tests.constructs.frameworks import framework_module

if TYPE_CHECKING:  # cdktf's classes stand for both frameworks' in annotations, as in the library
    from cdktf import TerraformStack


Problems = Callable[..., list[ValidationProblem]]
OTHER_GROUP = "0f8e2d4c-6a1b-4c3d-9e5f-7a8b9c0d1e2f"


def users(config: TargetConfiguration) -> B2BSetting:
    return B2BSetting(users_and_groups=config)


def apps(config: TargetConfiguration) -> B2BSetting:
    return B2BSetting(applications=config)


def props_of(found: list[ValidationProblem]) -> list[str]:
    return [p.property for p in found]


# tenant_id must be a GUID


def test_partner_rejects_non_guid_tenant_id(problems: Problems) -> None:
    found = problems(tenant_id="contoso.onmicrosoft.com")
    assert props_of(found) == ["tenant_id"]
    assert found[0].value == "contoso.onmicrosoft.com"
    assert "GUID" in found[0].problem


def test_partner_accepts_upper_case_guid_tenant_id(problems: Problems) -> None:
    assert problems(tenant_id=SEED_TENANT.upper()) == []


def test_partner_skips_token_tenant_id(problems: Problems, token_string: str) -> None:
    assert problems(tenant_id=token_string) == []


# access_type must be allowed/blocked


def test_partner_rejects_unknown_access_type(problems: Problems) -> None:
    found = problems(b2b_collaboration_inbound=users(TargetConfiguration("Allowed", [Target.all_users()])))
    assert props_of(found) == ["b2b_collaboration_inbound.users_and_groups.access_type"]


def test_partner_rejects_unknown_future_value_access_type(problems: Problems) -> None:
    found = problems(
        b2b_collaboration_inbound=users(TargetConfiguration("unknownFutureValue", [Target.all_users()]))
    )
    assert props_of(found) == ["b2b_collaboration_inbound.users_and_groups.access_type"]


def test_partner_accepts_access_type_given_as_string(problems: Problems) -> None:
    assert (
        problems(b2b_collaboration_inbound=users(TargetConfiguration("blocked", [Target.group(GROUP_ID)])))
        == []
    )


def test_partner_skips_token_access_type(problems: Problems, token_string: str) -> None:
    config = TargetConfiguration(token_string, [Target.group(GROUP_ID)])
    assert problems(b2b_collaboration_inbound=users(config)) == []


# target_type must be user/group/application


def test_partner_rejects_unknown_target_type(problems: Problems) -> None:
    found = problems(b2b_collaboration_inbound=users(TargetConfiguration.allowed(Target(GROUP_ID, "groups"))))
    assert props_of(found) == ["b2b_collaboration_inbound.users_and_groups.targets[0].target_type"]


def test_partner_accepts_target_type_given_as_string(problems: Problems) -> None:
    assert (
        problems(b2b_collaboration_inbound=users(TargetConfiguration.allowed(Target(GROUP_ID, "group"))))
        == []
    )


def test_partner_skips_token_target_type(problems: Problems, token_string: str) -> None:
    config = TargetConfiguration.allowed(Target(GROUP_ID, token_string))
    assert problems(b2b_collaboration_inbound=users(config)) == []


# keywords are paired with their only type


def test_partner_rejects_keyword_with_wrong_target_type(problems: Problems) -> None:
    found = problems(
        b2b_collaboration_inbound=users(TargetConfiguration.allowed(Target("AllUsers", "group")))
    )
    assert props_of(found) == ["b2b_collaboration_inbound.users_and_groups.targets[0].target_type"]
    assert "'user'" in found[0].fix


def test_partner_accepts_all_microsoft_apps_as_application(problems: Problems) -> None:
    config = TargetConfiguration.allowed(Target("AllMicrosoftApps", TargetType.APPLICATION))
    assert problems(b2b_collaboration_inbound=apps(config)) == []


def test_partner_skips_token_target_when_pairing_keywords(problems: Problems, token_string: str) -> None:
    config = TargetConfiguration.allowed(Target(token_string, TargetType.GROUP))
    assert problems(b2b_collaboration_inbound=users(config)) == []


# a specific target is a GUID; keywords are case-sensitive


def test_partner_rejects_mis_cased_keyword_and_names_the_right_one(problems: Problems) -> None:
    found = problems(b2b_collaboration_inbound=users(TargetConfiguration.allowed(Target("allusers", "user"))))
    assert props_of(found) == ["b2b_collaboration_inbound.users_and_groups.targets[0].target"]
    assert "'AllUsers'" in found[0].fix


def test_partner_rejects_target_that_is_not_a_guid(problems: Problems) -> None:
    found = problems(b2b_collaboration_inbound=users(TargetConfiguration.allowed(Target.group("sales-team"))))
    assert props_of(found) == ["b2b_collaboration_inbound.users_and_groups.targets[0].target"]


def test_partner_accepts_upper_case_guid_target(problems: Problems) -> None:
    assert (
        problems(b2b_collaboration_inbound=users(TargetConfiguration.allowed(Target.group(GROUP_ID.upper()))))
        == []
    )


def test_partner_skips_token_target(problems: Problems, token_string: str) -> None:
    assert (
        problems(b2b_collaboration_inbound=users(TargetConfiguration.allowed(Target.group(token_string))))
        == []
    )


# AllUsers / AllApplications stand alone


def test_partner_rejects_all_users_beside_specific_targets(problems: Problems) -> None:
    config = TargetConfiguration.allowed(Target.all_users(), Target.group(GROUP_ID))
    found = problems(b2b_collaboration_inbound=users(config))
    assert props_of(found) == ["b2b_collaboration_inbound.users_and_groups.targets"]
    assert "AllUsers" in found[0].problem


def test_partner_rejects_all_applications_beside_specific_apps(problems: Problems) -> None:
    config = TargetConfiguration.allowed(Target.all_applications(), Target.application(APP_ID))
    assert props_of(problems(b2b_collaboration_inbound=apps(config))) == [
        "b2b_collaboration_inbound.applications.targets"
    ]


def test_partner_accepts_office365_beside_specific_apps(problems: Problems) -> None:
    # Office365 is a suite, not "everything", so it may be listed with other applications.
    config = TargetConfiguration.allowed(Target.office365(), Target.application(APP_ID))
    assert problems(b2b_collaboration_inbound=apps(config)) == []


def test_partner_skips_token_beside_all_users(problems: Problems, token_string: str) -> None:
    config = TargetConfiguration.allowed(Target.all_users(), Target.group(token_string))
    assert problems(b2b_collaboration_inbound=users(config)) == []


# no duplicate targets


def test_partner_rejects_duplicate_target_ignoring_case(problems: Problems) -> None:
    config = TargetConfiguration.blocked(Target.group(GROUP_ID), Target.group(GROUP_ID.upper()))
    found = problems(b2b_collaboration_outbound=users(config))
    assert props_of(found) == ["b2b_collaboration_outbound.users_and_groups.targets[1].target"]
    assert "targets[0]" in found[0].problem


def test_partner_accepts_two_distinct_targets(problems: Problems) -> None:
    config = TargetConfiguration.blocked(Target.group(GROUP_ID), Target.group(OTHER_GROUP))
    assert problems(b2b_collaboration_outbound=users(config)) == []


def test_partner_skips_repeated_token_targets(problems: Problems, token_string: str) -> None:
    config = TargetConfiguration.blocked(Target.group(token_string), Target.group(token_string))
    assert problems(b2b_collaboration_outbound=users(config)) == []


# target lists are not empty


def test_partner_rejects_empty_target_list(problems: Problems) -> None:
    found = problems(b2b_collaboration_outbound=users(TargetConfiguration(AccessType.BLOCKED, [])))
    assert props_of(found) == ["b2b_collaboration_outbound.users_and_groups.targets"]


def test_partner_accepts_single_target_list(problems: Problems) -> None:
    assert (
        problems(b2b_collaboration_outbound=users(TargetConfiguration.blocked(Target.group(GROUP_ID)))) == []
    )


def test_partner_accepts_single_token_target_list(problems: Problems, token_string: str) -> None:
    assert (
        problems(b2b_collaboration_outbound=users(TargetConfiguration.blocked(Target.group(token_string))))
        == []
    )


# a token stands for one value, never for structure: where structure belongs, the problem says how to write it


def list_of_ids(stack: TerraformStack) -> list[str]:
    """A list only known at deploy time (a list variable), as a data source's ids are."""
    return framework_module(stack).TerraformVariable(stack, "ids", type="list(string)").list_value


def test_partner_rejects_a_list_token_as_targets_with_how_to_write_it(
    problems: Problems, stack: TerraformStack
) -> None:
    config = TargetConfiguration(access_type="allowed", targets=list_of_ids(stack))
    found = problems(b2b_collaboration_inbound=users(config))
    assert props_of(found) == ["b2b_collaboration_inbound.users_and_groups.targets"]
    assert "a list of targets cannot be a single token" in found[0].problem
    assert "[Target.group(Fn.element(ids, i)) for i in range(count)]" in found[0].fix
    assert "Python loop over known ids" in found[0].fix


@pytest.mark.parametrize("kind", ["string", "resolvable"])
def test_partner_rejects_any_single_token_as_targets_with_the_same_message(
    cdk: ModuleType, problems: Problems, stack: TerraformStack, kind: str
) -> None:
    variable = cdk.TerraformVariable(stack, "ids", type="list(string)")
    token = variable.string_value if kind == "string" else variable.value
    found = problems(b2b_collaboration_inbound=users(TargetConfiguration("allowed", token)))
    assert props_of(found) == ["b2b_collaboration_inbound.users_and_groups.targets"]
    assert "a list of targets cannot be a single token" in found[0].problem


def test_partner_accepts_targets_built_one_per_element_of_a_list_token(
    cdk: ModuleType, problems: Problems, stack: TerraformStack
) -> None:
    ids = list_of_ids(stack)
    config = TargetConfiguration.allowed(*[Target.group(cdk.Fn.element(ids, i)) for i in range(2)])
    assert problems(b2b_collaboration_inbound=users(config)) == []


def test_partner_rejects_a_token_in_place_of_a_target_and_names_the_factories(
    problems: Problems, token_string: str
) -> None:
    config = TargetConfiguration("allowed", [token_string])  # type: ignore[list-item]
    found = problems(b2b_collaboration_inbound=users(config))
    assert props_of(found) == ["b2b_collaboration_inbound.users_and_groups.targets[0]"]
    assert "is a deploy-time value, not a Target" in found[0].problem
    assert "Target.group(value)" in found[0].fix


def test_partner_rejects_a_token_in_place_of_a_target_configuration(
    problems: Problems, token_string: str
) -> None:
    found = problems(b2b_collaboration_inbound=B2BSetting(users_and_groups=token_string))  # type: ignore[arg-type]
    assert props_of(found) == ["b2b_collaboration_inbound.users_and_groups"]
    assert "a whole TargetConfiguration cannot be a single token" in found[0].problem


def test_partner_rejects_a_token_in_place_of_a_setting(problems: Problems, token_string: str) -> None:
    found = problems(inbound_trust=token_string)
    assert props_of(found) == ["inbound_trust"]
    assert "a whole InboundTrust cannot be a single token" in found[0].problem
    assert found[0].fix.startswith("write InboundTrust(...)")


# users_and_groups holds users/groups, applications holds applications


def test_partner_rejects_group_in_applications_list(problems: Problems) -> None:
    found = problems(b2b_direct_connect_inbound=apps(TargetConfiguration.allowed(Target.group(GROUP_ID))))
    assert props_of(found) == ["b2b_direct_connect_inbound.applications.targets[0].target_type"]


def test_partner_rejects_application_in_users_list(problems: Problems) -> None:
    found = problems(b2b_direct_connect_inbound=users(TargetConfiguration.allowed(Target.office365())))
    assert props_of(found) == ["b2b_direct_connect_inbound.users_and_groups.targets[0].target_type"]


def test_partner_accepts_user_and_group_in_users_list(problems: Problems) -> None:
    config = TargetConfiguration.allowed(Target.user(OTHER_GROUP), Target.group(GROUP_ID))
    assert problems(b2b_direct_connect_inbound=users(config)) == []


def test_partner_skips_token_target_type_in_applications_list(problems: Problems, token_string: str) -> None:
    config = TargetConfiguration.allowed(Target(APP_ID, token_string))
    assert problems(b2b_direct_connect_inbound=apps(config)) == []


# tenant_restrictions.devices is not supported by the service


def test_partner_rejects_tenant_restrictions_devices(problems: Problems) -> None:
    restrictions = TenantRestrictions(
        users_and_groups=TargetConfiguration.allowed(Target.all_users()),
        devices={"mode": "allowed", "rule": "device.deviceAttribute2 -eq 'PAW'"},
    )
    found = problems(tenant_restrictions=restrictions)
    assert props_of(found) == ["tenant_restrictions.devices"]
    assert "not supported" in found[0].problem


def test_partner_accepts_tenant_restrictions_without_devices(problems: Problems) -> None:
    restrictions = TenantRestrictions(
        users_and_groups=TargetConfiguration.blocked(Target.all_users()),
        applications=TargetConfiguration.blocked(Target.all_applications()),
    )
    assert problems(tenant_restrictions=restrictions) == []


# settings have the documented types


def test_partner_rejects_dict_in_place_of_setting(problems: Problems) -> None:
    found = problems(inbound_trust={"isMfaAccepted": True})
    assert props_of(found) == ["inbound_trust"]
    assert "InboundTrust(" in found[0].fix


def test_partner_rejects_non_bool_trust_flag(problems: Problems) -> None:
    found = problems(inbound_trust=InboundTrust(is_mfa_accepted="yes"))  # type: ignore[arg-type]
    assert props_of(found) == ["inbound_trust.is_mfa_accepted"]


def test_partner_accepts_false_trust_flag(problems: Problems) -> None:
    assert problems(inbound_trust=InboundTrust(is_mfa_accepted=False)) == []


def test_partner_skips_token_trust_flag(cdk: ModuleType, problems: Problems, stack: TerraformStack) -> None:
    flag = cdk.TerraformVariable(stack, "trust_mfa", type="bool").boolean_value
    assert problems(automatic_user_consent=AutomaticUserConsent(inbound_allowed=flag)) == []


def test_partner_rejects_non_bool_is_service_provider(problems: Problems) -> None:
    assert props_of(problems(is_service_provider="true")) == ["is_service_provider"]


# all problems at once


def test_partner_reports_every_problem_in_one_error_with_path_value_and_fix(problems: Problems) -> None:
    found = problems(
        tenant_id="not-a-guid",
        b2b_collaboration_inbound=users(TargetConfiguration("permit", [])),
        inbound_trust=InboundTrust(is_mfa_accepted="yes"),  # type: ignore[arg-type]
    )
    assert props_of(found) == [
        "tenant_id",
        "b2b_collaboration_inbound.users_and_groups.access_type",
        "b2b_collaboration_inbound.users_and_groups.targets",
        "inbound_trust.is_mfa_accepted",
    ]
    assert {p.path for p in found} == {"test/partner0"}
    assert all(p.fix for p in found)


# Any input ends as XtapValidationError, never as another exception (regressions found by tests/fuzz)


@pytest.mark.parametrize(
    "tenant_id",
    [uuid.UUID(SEED_TENANT), SEED_TENANT.encode(), object(), (SEED_TENANT,), float("nan"), 10**400],
    ids=["uuid", "bytes", "object", "tuple", "nan", "huge-int"],
)
def test_partner_rejects_non_string_tenant_id_as_not_a_string(problems: Problems, tenant_id: object) -> None:
    found = problems(tenant_id=tenant_id)
    assert props_of(found) == ["tenant_id"]
    assert found[0].value is tenant_id
    assert "must be a string GUID" in found[0].problem


def test_partner_rejects_uuid_tenant_id_and_suggests_its_text(problems: Problems) -> None:
    found = problems(tenant_id=uuid.UUID(SEED_TENANT))
    assert repr(SEED_TENANT) in found[0].fix


def test_partner_rejects_uuid_object_target(problems: Problems) -> None:
    config = TargetConfiguration.allowed(Target(uuid.UUID(GROUP_ID), "group"))  # type: ignore[arg-type]
    found = problems(b2b_collaboration_inbound=users(config))
    assert props_of(found) == ["b2b_collaboration_inbound.users_and_groups.targets[0].target"]
    assert "must be a string, not UUID" in found[0].problem


def test_partner_rejects_uuid_object_flag_and_service_provider(problems: Problems) -> None:
    found = problems(
        inbound_trust=InboundTrust(is_mfa_accepted=uuid.uuid4()),  # type: ignore[arg-type]
        is_service_provider=b"yes",
    )
    assert props_of(found) == ["is_service_provider", "inbound_trust.is_mfa_accepted"]


def test_partner_rejects_tenant_id_with_trailing_newline(problems: Problems) -> None:
    found = problems(tenant_id=SEED_TENANT + "\n")
    assert props_of(found) == ["tenant_id"]
    assert found[0].value == SEED_TENANT + "\n"


def test_partner_rejects_target_guid_with_trailing_newline(problems: Problems) -> None:
    config = TargetConfiguration.allowed(Target.group(GROUP_ID + "\n"))
    found = problems(b2b_collaboration_inbound=users(config))
    assert props_of(found) == ["b2b_collaboration_inbound.users_and_groups.targets[0].target"]


def test_partner_rejects_missing_target_list_as_one_problem(problems: Problems) -> None:
    config = TargetConfiguration("allowed", None)  # type: ignore[arg-type]
    found = problems(b2b_collaboration_inbound=users(config))
    assert props_of(found) == ["b2b_collaboration_inbound.users_and_groups.targets"]
    assert found[0].problem == "must be a list of Target, not NoneType"
    assert found[0].path == "test/partner0"


def test_partner_rejects_bare_string_target_list_as_one_problem(problems: Problems) -> None:
    config = TargetConfiguration("allowed", "AllUsers")  # type: ignore[arg-type]
    found = problems(b2b_collaboration_inbound=users(config))
    assert props_of(found) == ["b2b_collaboration_inbound.users_and_groups.targets"]
    assert found[0].value == "AllUsers"
    assert "must be a list of Target" in found[0].problem


def test_partner_accepts_target_tuple_as_target_list(problems: Problems) -> None:
    config = TargetConfiguration("allowed", (Target.group(GROUP_ID),))
    assert problems(b2b_collaboration_inbound=users(config)) == []


def test_partner_rejects_list_as_access_type(problems: Problems) -> None:
    config = TargetConfiguration(["allowed"], [Target.all_users()])  # type: ignore[arg-type]
    found = problems(b2b_collaboration_inbound=users(config))
    assert props_of(found) == ["b2b_collaboration_inbound.users_and_groups.access_type"]
    assert found[0].value == ["allowed"]


def test_partner_rejects_list_as_target_type(problems: Problems) -> None:
    config = TargetConfiguration.allowed(Target(GROUP_ID, ["user"]))  # type: ignore[arg-type]
    found = problems(b2b_collaboration_inbound=users(config))
    assert props_of(found) == ["b2b_collaboration_inbound.users_and_groups.targets[0].target_type"]


def test_partner_rejects_dict_applications_beside_blocked_all_users_once(problems: Problems) -> None:
    setting = B2BSetting(
        users_and_groups=TargetConfiguration.blocked(Target.all_users()),
        applications={"accessType": "blocked"},  # type: ignore[arg-type]
    )
    found = problems(b2b_collaboration_inbound=setting)
    assert props_of(found) == ["b2b_collaboration_inbound.applications"]
    assert "must be a TargetConfiguration, not dict" in found[0].problem


@pytest.mark.parametrize("look_alike", ["TfToken[1]", "${TfToken[1]", "${TfToken[TOKEN 1]}"])
def test_partner_rejects_text_that_only_looks_like_a_token(problems: Problems, look_alike: str) -> None:
    found = problems(
        tenant_id=look_alike,
        b2b_collaboration_inbound=users(TargetConfiguration.allowed(Target.group(look_alike))),
    )
    assert props_of(found) == ["tenant_id", "b2b_collaboration_inbound.users_and_groups.targets[0].target"]


def test_partner_skips_token_concatenated_into_text(problems: Problems, token_string: str) -> None:
    config = TargetConfiguration.allowed(Target.group(f"prefix-{token_string}"))
    assert problems(b2b_collaboration_inbound=users(config)) == []


def test_partner_rejects_provider_that_is_not_an_xtap_provider(problems: Problems) -> None:
    found = problems(provider="xtap")
    assert props_of(found) == ["provider"]
    assert "XtapProvider(" in found[0].fix


def test_partner_reports_wrong_types_in_one_error_naming_the_construct_path(stack: TerraformStack) -> None:
    with pytest.raises(XtapValidationError) as raised:
        CrossTenantAccessPartner(
            stack,
            "contoso",
            tenant_id=uuid.UUID(SEED_TENANT),  # type: ignore[arg-type]
            b2b_collaboration_inbound=B2BSetting(
                users_and_groups=TargetConfiguration(["allowed"], None),  # type: ignore[arg-type]
                applications={"accessType": "blocked"},  # type: ignore[arg-type]
            ),
        )
    error = raised.value
    assert [p.property for p in error.problems] == [
        "tenant_id",
        "b2b_collaboration_inbound.users_and_groups.access_type",
        "b2b_collaboration_inbound.users_and_groups.targets",
        "b2b_collaboration_inbound.applications",
    ]
    assert all(p.path == "test/contoso" and p.fix for p in error.problems)
    assert str(error).startswith("4 problems in cross-tenant access settings:")
    assert "test/contoso: tenant_id = UUID(" in str(error)
