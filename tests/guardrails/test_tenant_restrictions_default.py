"""MSFT.XTAP.4 agrees with the system default: tenant restrictions left out are blocked, so only a default
whose stated tenant restrictions let external identities through warns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from constructs_xtap import CrossTenantAccessDefaults, Target, TargetConfiguration, TenantRestrictions
from constructs_xtap.guardrails.rules import TENANT_RESTRICTIONS_DEFAULT
from constructs_xtap.wire.object_kinds import SYSTEM_DEFAULT_CONFIGURATION
from tests.guardrails.rule_cases import BLOCKED_ALL_APPS, BLOCKED_ALL_USERS, GROUP, TENANT_RESTRICTIONS_OPEN

if TYPE_CHECKING:  # cdktf's classes stand for both frameworks' in annotations, as in the library
    from cdktf import TerraformStack


def test_a_default_leaving_tenant_restrictions_out_keeps_the_blocked_system_default_and_passes(
    stack: TerraformStack,
) -> None:
    defaults = CrossTenantAccessDefaults(stack, "defaults")
    assert TENANT_RESTRICTIONS_DEFAULT.details(defaults) == []


def test_the_system_default_the_rule_relies_on_blocks_all_users_and_all_applications(
    stack: TerraformStack,
) -> None:
    system = SYSTEM_DEFAULT_CONFIGURATION["tenantRestrictions"]
    assert {system[part]["accessType"] for part in ("usersAndGroups", "applications")} == {"blocked"}
    stated = CrossTenantAccessDefaults(
        stack,
        "defaults",
        tenant_restrictions=TenantRestrictions(
            users_and_groups=BLOCKED_ALL_USERS, applications=BLOCKED_ALL_APPS
        ),
    )
    assert stated.graph_body["tenantRestrictions"] == system
    assert TENANT_RESTRICTIONS_DEFAULT.details(stated) == []


def test_allowed_tenant_restrictions_warn_naming_each_part_that_allows(stack: TerraformStack) -> None:
    defaults = CrossTenantAccessDefaults(stack, "defaults", tenant_restrictions=TENANT_RESTRICTIONS_OPEN)
    assert TENANT_RESTRICTIONS_DEFAULT.details(defaults) == [
        "tenantRestrictions.usersAndGroups allows external identities; "
        "tenantRestrictions.applications allows external identities"
    ]


def test_blocking_only_listed_users_warns_that_the_rest_are_allowed(stack: TerraformStack) -> None:
    restrictions = TenantRestrictions(
        users_and_groups=TargetConfiguration.blocked(Target.group(GROUP)), applications=BLOCKED_ALL_APPS
    )
    defaults = CrossTenantAccessDefaults(stack, "defaults", tenant_restrictions=restrictions)
    assert TENANT_RESTRICTIONS_DEFAULT.details(defaults) == [
        "tenantRestrictions.usersAndGroups blocks only listed targets, not AllUsers: the rest are allowed"
    ]
