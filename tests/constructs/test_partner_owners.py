"""One owner per partner: one stack, one provider configuration, one construct per tenant id."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

import pytest
from constructs import Construct
from sample_ids import SEED_TENANT

from constructs_xtap import CrossTenantAccessPartner, InboundTrust, XtapProvider, XtapValidationError
from constructs_xtap.constructs.object_owners import ObjectOwners

if TYPE_CHECKING:  # cdktf's classes stand for both frameworks' in annotations, as in the library
    from cdktf import TerraformStack


def test_two_partners_for_one_tenant_in_one_stack_fail_synth_naming_both_paths(stack: TerraformStack) -> None:
    CrossTenantAccessPartner(stack, "first", tenant_id=SEED_TENANT)
    with pytest.raises(XtapValidationError) as raised:
        CrossTenantAccessPartner(stack, "second", tenant_id=SEED_TENANT)
    (problem,) = raised.value.problems
    assert (problem.path, problem.property, problem.value) == ("test/second", "tenant_id", SEED_TENANT)
    assert "is already managed by 'test/first' through the default xtap provider" in problem.problem
    assert "merge these settings into 'test/first' and remove 'test/second'" in problem.fix
    assert str(raised.value).startswith("1 problem in cross-tenant access settings:")


def test_the_same_tenant_in_upper_case_is_the_same_partner(stack: TerraformStack) -> None:
    CrossTenantAccessPartner(stack, "first", tenant_id=SEED_TENANT)
    with pytest.raises(
        XtapValidationError, match=r"test/second: tenant_id = .*already managed by 'test/first'"
    ):
        CrossTenantAccessPartner(stack, "second", tenant_id=SEED_TENANT.upper())


def test_two_partners_for_one_tenant_under_one_provider_alias_fail_synth(stack: TerraformStack) -> None:
    home = XtapProvider(stack, "home", alias="home")
    CrossTenantAccessPartner(stack, "first", tenant_id=SEED_TENANT, provider=home)
    with pytest.raises(XtapValidationError, match="through the xtap provider alias 'home'"):
        CrossTenantAccessPartner(stack, "second", tenant_id=SEED_TENANT.upper(), provider=home)


def test_the_stack_default_provider_given_or_implied_is_one_configuration(stack: TerraformStack) -> None:
    first = CrossTenantAccessPartner(stack, "first", tenant_id=SEED_TENANT)
    with pytest.raises(XtapValidationError, match="already managed by 'test/first'"):
        CrossTenantAccessPartner(stack, "second", tenant_id=SEED_TENANT, provider=first.provider)


def test_partners_nested_in_other_constructs_of_one_stack_are_compared(stack: TerraformStack) -> None:
    CrossTenantAccessPartner(Construct(stack, "team-a"), "vendor", tenant_id=SEED_TENANT)
    with pytest.raises(
        XtapValidationError, match=r"test/team-b/vendor: .*already managed by 'test/team-a/vendor'"
    ):
        CrossTenantAccessPartner(Construct(stack, "team-b"), "vendor", tenant_id=SEED_TENANT)


def test_the_duplicate_is_reported_beside_the_partners_other_problems(stack: TerraformStack) -> None:
    CrossTenantAccessPartner(stack, "first", tenant_id=SEED_TENANT)
    with pytest.raises(XtapValidationError) as raised:
        CrossTenantAccessPartner(
            stack,
            "second",
            tenant_id=SEED_TENANT,
            inbound_trust=InboundTrust(is_mfa_accepted="yes"),  # type: ignore[arg-type]
        )
    assert [p.property for p in raised.value.problems] == ["inbound_trust.is_mfa_accepted", "tenant_id"]


def test_the_same_tenant_under_two_provider_aliases_is_legal(stack: TerraformStack) -> None:
    fabrikam = XtapProvider(stack, "fabrikam", alias="fabrikam")
    contoso = XtapProvider(stack, "contoso", alias="contoso")
    CrossTenantAccessPartner(stack, "from-fabrikam", tenant_id=SEED_TENANT, provider=fabrikam)
    second = CrossTenantAccessPartner(stack, "from-contoso", tenant_id=SEED_TENANT.upper(), provider=contoso)
    assert second.tenant_id == SEED_TENANT


def test_the_same_tenant_under_an_alias_and_the_default_provider_is_legal(stack: TerraformStack) -> None:
    CrossTenantAccessPartner(stack, "default", tenant_id=SEED_TENANT)
    aliased = XtapProvider(stack, "other-home", alias="other-home")
    CrossTenantAccessPartner(stack, "aliased", tenant_id=SEED_TENANT, provider=aliased)


def test_the_same_tenant_in_two_stacks_is_legal(cdk: ModuleType) -> None:
    app = cdk.Testing.app()
    CrossTenantAccessPartner(cdk.TerraformStack(app, "one"), "vendor", tenant_id=SEED_TENANT)
    second = CrossTenantAccessPartner(cdk.TerraformStack(app, "two"), "vendor", tenant_id=SEED_TENANT)
    assert second.node.path == "two/vendor"


def test_two_different_tenants_in_one_stack_are_legal(stack: TerraformStack) -> None:
    CrossTenantAccessPartner(stack, "first", tenant_id=SEED_TENANT)
    CrossTenantAccessPartner(stack, "second", tenant_id="9c7a1f5e-2b0d-4e83-a6f1-5d3b8e4c2a71")


def test_token_tenant_ids_are_never_compared(cdk: ModuleType, stack: TerraformStack) -> None:
    tenant = cdk.TerraformVariable(stack, "tenant", type="string").string_value
    CrossTenantAccessPartner(stack, "first", tenant_id=tenant)
    second = CrossTenantAccessPartner(stack, "second", tenant_id=tenant)
    assert second.tenant_id == tenant


def test_a_rejected_partner_does_not_own_its_tenant(stack: TerraformStack) -> None:
    with pytest.raises(XtapValidationError):
        CrossTenantAccessPartner(
            stack,
            "rejected",
            tenant_id=SEED_TENANT,
            inbound_trust=InboundTrust(is_mfa_accepted="yes"),  # type: ignore[arg-type]
        )
    CrossTenantAccessPartner(stack, "accepted", tenant_id=SEED_TENANT)


def test_object_owners_are_one_registry_per_stack(cdk: ModuleType) -> None:
    app = cdk.Testing.app()
    one, two = cdk.TerraformStack(app, "one"), cdk.TerraformStack(app, "two")
    assert ObjectOwners.of(one) is ObjectOwners.of(one)
    assert ObjectOwners.of(one) is not ObjectOwners.of(two)
