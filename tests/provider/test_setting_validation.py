"""Plain Terraform users write Graph's JSON by hand: validate names each mistake and its fix at plan."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from tf.utils import Diagnostics

from constructs_xtap.provider import DefaultConfigurationResource, PartnerConfigurationResource
from constructs_xtap.provider.setting_validation import setting_problems
from constructs_xtap.wire import (
    DEFAULT,
    DEFAULT_RESOURCE_TYPE,
    JSON_SETTINGS,
    RESOURCE_TYPE,
    SYSTEM_DEFAULT_CONFIGURATION,
    terraform_jsonencode,
)

GROUP = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"


def b2b(users: dict[str, Any]) -> dict[str, Any]:
    return {
        "usersAndGroups": users,
        "applications": {
            "accessType": "allowed",
            "targets": [{"target": "AllApplications", "targetType": "application"}],
        },
    }


@pytest.mark.parametrize(
    ("setting", "where", "fix"),
    [
        (b2b({"accessType": "Allowed", "targets": []}), "usersAndGroups.accessType", "Write 'allowed'"),
        (b2b({"accessType": "open", "targets": []}), "usersAndGroups.accessType", "['allowed', 'blocked']"),
        (
            b2b({"accessType": "allowed", "targets": [{"target": "allusers", "targetType": "user"}]}),
            "targets[0].target",
            "write 'AllUsers'",
        ),
        (
            b2b({"accessType": "allowed", "targets": [{"target": "AllUsers", "targetType": "group"}]}),
            "targets[0].target",
            "targetType = 'user'",
        ),
        (
            b2b({"accessType": "allowed", "targets": [{"target": GROUP, "targetType": "Group"}]}),
            "targets[0].targetType",
            "Write 'group'",
        ),
        (
            b2b({"accessType": "allowed", "targets": [{"target": "team-a", "targetType": "group"}]}),
            "targets[0].target",
            "a GUID",
        ),
        ({"users_and_groups": {"accessType": "allowed"}}, "users_and_groups", "spells it 'usersAndGroups'"),
        ({"isMfaAccepted": "yes"}, "isMfaAccepted", "true, false or null"),
        (
            b2b({"accessType": "allowed", "targets": {"target": GROUP}}),
            "usersAndGroups.targets",
            "targets = [",
        ),
    ],
    ids=[
        "access-type-case",
        "access-type-unknown",
        "keyword-case",
        "keyword-wrong-type",
        "target-type-case",
        "target-not-a-guid",
        "snake-case-name",
        "flag-not-bool",
        "targets-not-a-list",
    ],
)
def test_each_mistake_is_named_with_where_it_is_and_the_fix(
    setting: dict[str, Any], where: str, fix: str
) -> None:
    (problem,) = setting_problems("b2b_collaboration_inbound", setting)
    assert where in problem.where
    assert fix in problem.summary + problem.detail


def test_a_valid_setting_with_keywords_guids_and_nulls_has_no_problem() -> None:
    setting = b2b({"accessType": "blocked", "targets": [{"target": GROUP.upper(), "targetType": "group"}]})
    setting["applications"] = {
        "accessType": "allowed",
        "targets": [{"target": "Office365", "targetType": "application"}],
    }
    assert setting_problems("b2b_collaboration_inbound", setting) == []
    assert setting_problems("inbound_trust", {"isMfaAccepted": True, "isCompliantDeviceAccepted": None}) == []


def test_validate_reports_a_hand_written_mistake_at_plan_on_its_attribute() -> None:
    config: dict[str, Any] = {"id": None, "tenant_id": str(uuid.uuid4()), "is_service_provider": None}
    config.update({s.attribute: None for s in JSON_SETTINGS})
    config["b2b_direct_connect_inbound"] = terraform_jsonencode(b2b({"accessType": "Blocked", "targets": []}))
    diags = Diagnostics()
    PartnerConfigurationResource(None).validate(diags, RESOURCE_TYPE, config)  # type: ignore[arg-type]
    (diagnostic,) = diags.diagnostics
    assert diagnostic.path == ["b2b_direct_connect_inbound"]
    assert "'Blocked' is not a value Graph accepts" in diagnostic.summary


IDP = "invitation_redemption_identity_provider_configuration"


@pytest.mark.parametrize(
    ("setting", "where", "fix"),
    [
        (
            {
                "primaryIdentityProviderPrecedenceOrder": ["AzureActiveDirectory"],
                "fallbackIdentityProvider": "microsoftAccount",
            },
            "primaryIdentityProviderPrecedenceOrder[0]",
            "Write 'azureActiveDirectory'",
        ),
        (
            {
                "primaryIdentityProviderPrecedenceOrder": ["externalFederation", "externalFederation"],
                "fallbackIdentityProvider": "defaultConfiguredIdp",
            },
            "primaryIdentityProviderPrecedenceOrder[1]",
            "List each identity provider once",
        ),
        (
            {
                "primaryIdentityProviderPrecedenceOrder": ["emailOneTimePasscode"],
                "fallbackIdentityProvider": "defaultConfiguredIdp",
            },
            "primaryIdentityProviderPrecedenceOrder[0]",
            "Fallback providers go in fallbackIdentityProvider",
        ),
        (
            {
                "primaryIdentityProviderPrecedenceOrder": "azureActiveDirectory",
                "fallbackIdentityProvider": "defaultConfiguredIdp",
            },
            "primaryIdentityProviderPrecedenceOrder",
            "each once",
        ),
        (
            {"primaryIdentityProviderPrecedenceOrder": ["azureActiveDirectory"]},
            "fallbackIdentityProvider",
            "R18",
        ),
        (
            {
                "primaryIdentityProviderPrecedenceOrder": [],
                "fallbackIdentityProvider": "azureActiveDirectory",
            },
            "fallbackIdentityProvider",
            "'emailOneTimePasscode'",
        ),
    ],
    ids=[
        "primary-case",
        "primary-repeated",
        "primary-is-a-fallback",
        "order-not-a-list",
        "no-fallback",
        "fallback-is-primary",
    ],
)
def test_each_identity_provider_mistake_of_the_default_is_named_with_the_fix(
    setting: dict[str, Any], where: str, fix: str
) -> None:
    (problem,) = setting_problems(IDP, setting)
    assert problem.where == f"{IDP}.{where}"
    assert fix in problem.detail


def test_the_system_default_identity_provider_order_has_no_problem() -> None:
    setting = SYSTEM_DEFAULT_CONFIGURATION["invitationRedemptionIdentityProviderConfiguration"]
    assert setting_problems(IDP, setting) == []


def test_validate_reports_every_problem_of_a_resource_not_only_the_first() -> None:
    config: dict[str, Any] = {a.name: None for a in DEFAULT.terraform.attributes}  # type: ignore[union-attr]
    config["is_service_default"] = True  # read-only: tf's own schema check complains
    config["inbound_trust"] = terraform_jsonencode({"isMfaAccepted": "yes"})
    config[IDP] = terraform_jsonencode(
        {"primaryIdentityProviderPrecedenceOrder": ["externalFederation", "externalFederation"]}
    )
    diags = Diagnostics()
    DefaultConfigurationResource(None).validate(diags, DEFAULT_RESOURCE_TYPE, config)  # type: ignore[arg-type]
    paths = [d.path for d in diags.diagnostics if d.severity == "error"]
    assert paths == [["is_service_default"], ["inbound_trust"], [IDP], [IDP]]
