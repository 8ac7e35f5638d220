"""TenantInformation: the lookup data source, its tokens, and a looked-up tenant id as a partner's."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest
from sample_ids import SEED_TENANT

from constructs_xtap import (
    CrossTenantAccessPartner,
    DataXtapTenantInformation,
    IdentitySynchronization,
    TenantInformation,
    XtapProvider,
    XtapValidationError,
)
from tests.constructs.frameworks import synth

if TYPE_CHECKING:  # cdktf's classes stand for both frameworks' in annotations, as in the library
    from cdktf import TerraformStack


DATA_SOURCE = "xtap_tenant_information"  # the Terraform contract, spelled out rather than read from wire


def only_lookup(stack: TerraformStack) -> tuple[str, dict[str, Any]]:
    ((name, attributes),) = synth(stack)["data"][DATA_SOURCE].items()
    return name, dict(attributes)


def test_by_domain_name_synthesizes_the_domain_name_only(stack: TerraformStack) -> None:
    info = TenantInformation.by_domain_name(stack, "fabrikam-tenant", "fabrikam.com")
    assert isinstance(info.resource, DataXtapTenantInformation) and info.resource.node.id == "Resource"
    assert only_lookup(stack)[1] == {"domain_name": "fabrikam.com", "provider": "xtap"}


def test_by_tenant_id_synthesizes_the_tenant_id_in_lower_case(stack: TerraformStack) -> None:
    TenantInformation.by_tenant_id(stack, "contoso-tenant", SEED_TENANT.upper())
    assert only_lookup(stack)[1] == {"tenant_id": SEED_TENANT, "provider": "xtap"}


def test_every_attribute_is_a_reference_to_the_contracts_attribute(
    cdk: ModuleType, stack: TerraformStack
) -> None:
    info = TenantInformation.by_domain_name(stack, "fabrikam-tenant", "fabrikam.com")
    for name in ("tenant_id", "display_name", "default_domain_name", "federation_brand_name"):
        cdk.TerraformOutput(stack, name, value=getattr(info, name))
    name, _ = only_lookup(stack)
    outputs = synth(stack)["output"]
    assert {k: v["value"] for k, v in outputs.items()} == {
        attribute: f"${{data.{DATA_SOURCE}.{name}.{attribute}}}"
        for attribute in ("tenant_id", "display_name", "default_domain_name", "federation_brand_name")
    }


def test_a_looked_up_tenant_id_is_a_partners_tenant_id(cdk: ModuleType, stack: TerraformStack) -> None:
    partner = CrossTenantAccessPartner(
        stack,
        "fabrikam",
        tenant_id=TenantInformation.by_domain_name(stack, "fabrikam-tenant", "fabrikam.com").tenant_id,
        identity_synchronization=IdentitySynchronization(user_sync_inbound=True),
    )
    name, _ = only_lookup(stack)
    (partner_resource,) = synth(stack)["resource"]["xtap_partner_configuration"].values()
    assert partner_resource["tenant_id"] == f"${{data.{DATA_SOURCE}.{name}.tenant_id}}"
    assert cdk.Token.is_unresolved(partner.tenant_id)


def test_two_partners_from_two_lookups_are_never_compared_as_one_owner(stack: TerraformStack) -> None:
    for domain in ("fabrikam.com", "contoso.com"):
        info = TenantInformation.by_domain_name(stack, f"{domain}-tenant", domain)
        CrossTenantAccessPartner(stack, domain, tenant_id=info.tenant_id)
    assert len(synth(stack)["resource"]["xtap_partner_configuration"]) == 2


def test_the_lookup_runs_through_the_given_provider(stack: TerraformStack) -> None:
    home = XtapProvider(stack, "home", alias="home")
    info = TenantInformation.by_domain_name(stack, "t", "fabrikam.com", provider=home)
    assert info.provider is home
    assert only_lookup(stack)[1]["provider"] == "xtap.home"


@pytest.mark.parametrize(
    ("domain", "fix"),
    [
        (SEED_TENANT, "use TenantInformation.by_tenant_id(scope, id, tenant_id) for a tenant id"),
        ("admin@contoso.com", "pass the domain alone: 'contoso.com'"),
        ("https://fabrikam.com/", "pass the domain alone: 'fabrikam.com'"),
        ("https://admin@Login.Contoso.com:443/x?y=1", "pass the domain alone: 'login.contoso.com'"),
        ("contoso.com/partners", "pass the domain alone: 'contoso.com'"),
        (" contoso.com ", "pass the domain alone: 'contoso.com'"),
        ("mailto:admin@contoso.com", "pass the domain alone: 'contoso.com'"),
        ("https://[::1/", "pass a domain name the tenant has verified, e.g. 'fabrikam.com'"),
        ("https://localhost/", "pass a domain name the tenant has verified, e.g. 'fabrikam.com'"),
        ("fabrikam", "pass a domain name the tenant has verified, e.g. 'fabrikam.com'"),
        ("fabrikam.com'", "pass a domain name the tenant has verified, e.g. 'fabrikam.com'"),
    ],
)
def test_by_domain_name_rejects_what_is_not_a_domain_name_and_names_the_bare_domain_inside_it(
    stack: TerraformStack, domain: str, fix: str
) -> None:
    with pytest.raises(XtapValidationError) as raised:
        TenantInformation.by_domain_name(stack, "t", domain)
    ((prop, value, problem_fix),) = [(p.property, p.value, p.fix) for p in raised.value.problems]
    assert (prop, value) == ("domain_name", domain)
    assert problem_fix == fix


def test_by_tenant_id_rejects_a_domain_name_and_names_the_lookup(stack: TerraformStack) -> None:
    with pytest.raises(XtapValidationError, match=r"test/t: tenant_id = 'fabrikam.com': is not a tenant ID"):
        TenantInformation.by_tenant_id(stack, "t", "fabrikam.com")


def test_tokens_pass_through_both_lookups(cdk: ModuleType, stack: TerraformStack) -> None:
    text = cdk.TerraformVariable(stack, "domain", type="string").string_value
    TenantInformation.by_domain_name(stack, "by-domain", text)
    TenantInformation.by_tenant_id(stack, "by-id", text)
    assert len(synth(stack)["data"][DATA_SOURCE]) == 2


@pytest.mark.parametrize("props", [{}, {"domain_name": "fabrikam.com", "tenant_id": SEED_TENANT}])
def test_a_lookup_needs_exactly_one_key(stack: TerraformStack, props: dict[str, str]) -> None:
    with pytest.raises(XtapValidationError, match="a lookup needs exactly one of them"):
        TenantInformation(stack, "t", **props)
