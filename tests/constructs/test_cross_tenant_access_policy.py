"""CrossTenantAccessPolicy: allowed cloud endpoints (R19), its Terraform, and one per stack and provider."""

from __future__ import annotations

import json
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest

from constructs_xtap import (
    CloudEndpoint,
    CrossTenantAccessDefaults,
    CrossTenantAccessPolicy,
    XtapPolicy,
    XtapProvider,
    XtapValidationError,
)
from constructs_xtap.wire import ALLOWED_CLOUD_ENDPOINTS
from tests.constructs.frameworks import synth
from tests.vectors import documented_vector

if TYPE_CHECKING:  # cdktf's classes stand for both frameworks' in annotations, as in the library
    from cdktf import TerraformStack


RESOURCE = "xtap_policy"  # the Terraform contract, spelled out rather than read from wire


def only_policy_resource(stack: TerraformStack) -> dict[str, Any]:
    resources = synth(stack)["resource"][RESOURCE]
    assert len(resources) == 1
    return dict(next(iter(resources.values())))


def rejected(stack: TerraformStack, **props: Any) -> list[tuple[str, Any, str]]:
    with pytest.raises(XtapValidationError) as raised:
        CrossTenantAccessPolicy(stack, "policy", **props)
    return [(p.property, p.value, p.fix) for p in raised.value.problems]


def test_cloud_endpoint_holds_exactly_the_values_graph_documents() -> None:
    assert sorted(e.value for e in CloudEndpoint) == sorted(ALLOWED_CLOUD_ENDPOINTS)
    assert CloudEndpoint("microsoftonline.us") is CloudEndpoint.US_GOVERNMENT


@pytest.mark.parametrize(
    ("vector", "endpoints"),
    [
        ("update_policy_allowedcloudendpoints_v1", [CloudEndpoint.US_GOVERNMENT]),
        ("update_policy_allowedcloudendpoints_beta_ps", ["microsoftonline.us", CloudEndpoint.CHINA]),
    ],
)
def test_policy_writes_graphs_documented_patch_body_and_the_contracts_attribute(
    stack: TerraformStack, vector: str, endpoints: list[Any]
) -> None:
    policy = CrossTenantAccessPolicy(stack, "policy", allowed_cloud_endpoints=endpoints)
    body = documented_vector(vector)["requestBody"]
    assert policy.graph_body == body
    assert only_policy_resource(stack) == {
        "allowed_cloud_endpoints": body["allowedCloudEndpoints"],
        "provider": "xtap",
    }


def test_an_empty_list_is_written_as_collaborating_with_no_other_cloud(stack: TerraformStack) -> None:
    CrossTenantAccessPolicy(stack, "policy", allowed_cloud_endpoints=[])
    assert only_policy_resource(stack)["allowed_cloud_endpoints"] == []


@pytest.mark.parametrize(
    "endpoints",
    [
        [CloudEndpoint.CHINA, "microsoftonline.com", CloudEndpoint.US_GOVERNMENT],
        ["microsoftonline.us", "partner.microsoftonline.cn", "microsoftonline.com"],
        ("microsoftonline.com", "microsoftonline.us", "partner.microsoftonline.cn"),
    ],
)
def test_endpoints_are_written_sorted_so_their_order_never_changes_the_synth(
    stack: TerraformStack, endpoints: Any
) -> None:
    # The provider's attribute is a set: the order given carries no meaning and must not show as a change.
    policy = CrossTenantAccessPolicy(stack, "policy", allowed_cloud_endpoints=endpoints)
    written = ["microsoftonline.com", "microsoftonline.us", "partner.microsoftonline.cn"]
    assert only_policy_resource(stack)["allowed_cloud_endpoints"] == written
    assert policy.allowed_cloud_endpoints == written
    assert policy.graph_body == {"allowedCloudEndpoints": written}


def test_token_elements_are_written_after_the_sorted_clouds(cdk: ModuleType, stack: TerraformStack) -> None:
    cloud = cdk.TerraformVariable(stack, "cloud", type="string").string_value
    CrossTenantAccessPolicy(
        stack, "policy", allowed_cloud_endpoints=[cloud, "partner.microsoftonline.cn", "microsoftonline.us"]
    )
    assert only_policy_resource(stack)["allowed_cloud_endpoints"] == [
        "microsoftonline.us",
        "partner.microsoftonline.cn",
        "${var.cloud}",
    ]


def test_the_l1_writes_endpoints_sorted_too(stack: TerraformStack) -> None:
    XtapPolicy(stack, "policy", allowed_cloud_endpoints=["microsoftonline.us", "microsoftonline.com"])
    assert only_policy_resource(stack)["allowed_cloud_endpoints"] == [
        "microsoftonline.com",
        "microsoftonline.us",
    ]


def test_the_l1_leaves_endpoints_left_out_out_of_the_synth(stack: TerraformStack) -> None:
    XtapPolicy(stack, "policy")
    assert "allowed_cloud_endpoints" not in only_policy_resource(stack)


def test_endpoints_left_out_are_not_written(stack: TerraformStack) -> None:
    policy = CrossTenantAccessPolicy(stack, "policy")
    assert policy.allowed_cloud_endpoints is None
    assert policy.graph_body == {}
    assert "allowed_cloud_endpoints" not in only_policy_resource(stack)


def test_the_l1_resource_is_exposed_with_its_computed_id(cdk: ModuleType, stack: TerraformStack) -> None:
    policy = CrossTenantAccessPolicy(stack, "policy")
    assert isinstance(policy.resource, XtapPolicy) and policy.resource.node.id == "Resource"
    assert cdk.Token.is_unresolved(policy.resource.policy_id)


# R19


def test_r19_an_unknown_cloud_fails_synth_naming_the_value_and_the_allowed_ones(
    stack: TerraformStack,
) -> None:
    problems = rejected(stack, allowed_cloud_endpoints=["microsoftonline.com", "login.microsoftonline.de"])
    ((prop, value, fix),) = problems
    assert (prop, value) == ("allowed_cloud_endpoints[1]", "login.microsoftonline.de")
    assert "partner.microsoftonline.cn" in fix


def test_r19_a_mis_cased_cloud_fails_synth_and_names_the_right_spelling(stack: TerraformStack) -> None:
    problems = rejected(stack, allowed_cloud_endpoints=["MicrosoftOnline.US"])
    assert problems == [("allowed_cloud_endpoints[0]", "MicrosoftOnline.US", "write 'microsoftonline.us'")]


def test_every_problem_is_reported_at_once(stack: TerraformStack) -> None:
    problems = rejected(
        stack, allowed_cloud_endpoints=["microsoftonline.us", "microsoftonline.us", 3], provider="xtap"
    )
    assert [p for p, _, _ in problems] == [
        "provider",
        "allowed_cloud_endpoints[1]",
        "allowed_cloud_endpoints[2]",
    ]


@pytest.mark.parametrize("endpoints", ["microsoftonline.us", {"microsoftonline.us": True}])
def test_endpoints_must_be_a_list(stack: TerraformStack, endpoints: Any) -> None:
    assert [p for p, _, _ in rejected(stack, allowed_cloud_endpoints=endpoints)] == [
        "allowed_cloud_endpoints"
    ]


def test_a_list_token_and_token_elements_pass_through(cdk: ModuleType, stack: TerraformStack) -> None:
    clouds = cdk.TerraformVariable(stack, "clouds", type="list(string)").list_value
    cloud = cdk.TerraformVariable(stack, "cloud", type="string").string_value
    CrossTenantAccessPolicy(stack, "listed", allowed_cloud_endpoints=clouds)
    aliased = XtapProvider(stack, "other", alias="other")
    CrossTenantAccessPolicy(stack, "element", allowed_cloud_endpoints=[cloud], provider=aliased)
    resources = json.loads(cdk.Testing.synth(stack))["resource"][RESOURCE]
    assert sorted(json.dumps(r["allowed_cloud_endpoints"]) for r in resources.values()) == [
        '"${var.clouds}"',
        '["${var.cloud}"]',
    ]


# one per stack and provider


def test_a_second_policy_under_one_provider_fails_synth_naming_both_paths(stack: TerraformStack) -> None:
    CrossTenantAccessPolicy(stack, "first", allowed_cloud_endpoints=[])
    with pytest.raises(XtapValidationError) as raised:
        CrossTenantAccessPolicy(stack, "second")
    (problem,) = raised.value.problems
    assert (problem.path, problem.property, problem.value) == ("test/second", "", None)
    assert str(problem).startswith(
        "test/second: there is already a CrossTenantAccessPolicy in this stack for the default xtap "
        "provider: 'test/first'; two resources would own the one Graph cross-tenant access policy"
    )
    assert str(problem).endswith(
        "Fix: keep one CrossTenantAccessPolicy per stack and provider: merge these settings into "
        "'test/first' and remove 'test/second'; only another home tenant, through another XtapProvider "
        "alias, may add it"
    )


def test_a_policy_and_a_default_configuration_are_two_objects(stack: TerraformStack) -> None:
    CrossTenantAccessPolicy(stack, "policy")
    CrossTenantAccessDefaults(stack, "defaults")


def test_policies_under_two_provider_aliases_are_legal(stack: TerraformStack) -> None:
    CrossTenantAccessPolicy(stack, "a", provider=XtapProvider(stack, "pa", alias="a"))
    second = CrossTenantAccessPolicy(stack, "b", provider=XtapProvider(stack, "pb", alias="b"))
    assert second.provider.alias == "b"
