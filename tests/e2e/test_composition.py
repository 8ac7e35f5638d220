"""End to end: partners composed with other infrastructure of the same stack, whose ids Terraform only
knows after apply. Terraform's built-in ``terraform_data`` resource (cdktf ``DataResource``) stands in for
another provider's object (an azuread group, an application), so the composition runs offline through the
real cdktf CLI, Terraform, the provider process and the local Graph."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from constructs_xtap.local_graph.server import LocalGraph
from tests.e2e.cdktf_project import CdktfProject, explain

pytestmark = pytest.mark.e2e

LIAISON_TENANT = "3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b"
LIAISON_GROUP = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"
REPLACED_LIAISON_GROUP = "0b1c2d3e-4f50-4a61-8b72-9c8d7e6f5a4b"
VENDOR_TENANT = "4b2e8d61-7f3a-4c59-9e0d-1a6c5b7f8e23"
VENDOR_PORTAL_APP = "c5d6e7f8-091a-4b2c-8d3e-4f5a6b7c8d9e"

# The example as a new user wrote it (a group stand-in whose object_id becomes an outbound group
# target), beside TenantStack's vendor partner whose inbound application target comes from an
# application stand-in.
STAND_IN_APP = """
from cdktf import DataResource, Fn, Token

group = DataResource(stack, "liaisons", input={{"object_id": {group!r}}})
portal = DataResource(stack, "vendor-portal", input={{"client_id": {app!r}}})
CrossTenantAccessPartner(stack, "p", tenant_id="3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b",
    b2b_collaboration_outbound=B2BSetting(
        users_and_groups=TargetConfiguration.allowed(
            Target.group(Token.as_string(Fn.lookup(group.output, "object_id", "")))),
        applications=TargetConfiguration.allowed(Target.all_applications())))
CrossTenantAccessPartner(stack, "vendor", tenant_id="4b2e8d61-7f3a-4c59-9e0d-1a6c5b7f8e23",
    b2b_collaboration_inbound=B2BSetting(
        users_and_groups=TargetConfiguration.allowed(Target.all_users()),
        applications=TargetConfiguration.allowed(
            Target.application(Token.as_string(Fn.lookup(portal.output, "client_id", ""))))))
"""

VARIABLE_APP = """
from cdktf import TerraformVariable

partner_tenant = TerraformVariable(stack, "partner_tenant", type="string")
liaison_group = TerraformVariable(stack, "liaison_group", type="string")
CrossTenantAccessPartner(stack, "p", tenant_id=partner_tenant.string_value,
    b2b_collaboration_outbound=B2BSetting(
        users_and_groups=TargetConfiguration.allowed(Target.group(liaison_group.string_value)),
        applications=TargetConfiguration.allowed(Target.all_applications())))
"""


def targets(partner: dict[str, Any], setting: str, kind: str) -> list[tuple[str, str]]:
    """``(targetType, target)`` of one list of a partner Graph holds, e.g. outbound collaboration groups."""
    held = partner[setting][kind]
    return [(target["targetType"], target["target"]) for target in held["targets"]]


def assert_liaison_partner_targets(graph: LocalGraph, group: str) -> None:
    partner = graph.partners()[LIAISON_TENANT]
    assert targets(partner, "b2bCollaborationOutbound", "usersAndGroups") == [("group", group)]
    assert targets(partner, "b2bCollaborationOutbound", "applications") == [
        ("application", "AllApplications")
    ]
    assert partner["b2bCollaborationOutbound"]["usersAndGroups"]["accessType"] == "allowed"


def assert_plan_is_empty(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, explain(result)
    assert "No changes" in result.stdout, explain(result)


def test_stand_in_ids_reach_graph_and_a_replaced_group_updates_the_partner_in_the_same_deploy(
    local_graph: Any, tmp_path: Path
) -> None:
    project = CdktfProject(tmp_path, dict(local_graph.env()))

    # The first deploy creates the stand-ins and the partners that refer to them: Graph holds the ids
    # Terraform resolved after apply, not a placeholder or a token.
    project.write_app(STAND_IN_APP.format(group=LIAISON_GROUP, app=VENDOR_PORTAL_APP))
    result = project.cdktf("deploy", "--auto-approve")
    assert result.returncode == 0, explain(result)
    assert set(local_graph.partners()) == {LIAISON_TENANT, VENDOR_TENANT}
    assert_liaison_partner_targets(local_graph, LIAISON_GROUP)
    vendor = local_graph.partners()[VENDOR_TENANT]
    assert targets(vendor, "b2bCollaborationInbound", "usersAndGroups") == [("user", "AllUsers")]
    assert targets(vendor, "b2bCollaborationInbound", "applications") == [("application", VENDOR_PORTAL_APP)]
    assert_plan_is_empty(project.cdktf("diff"))

    # The group is replaced (a new object id): one deploy updates the stand-in and the partner after it.
    project.write_app(STAND_IN_APP.format(group=REPLACED_LIAISON_GROUP, app=VENDOR_PORTAL_APP))
    result = project.cdktf("deploy", "--auto-approve")
    assert result.returncode == 0, explain(result)
    assert_liaison_partner_targets(local_graph, REPLACED_LIAISON_GROUP)
    assert targets(local_graph.partners()[VENDOR_TENANT], "b2bCollaborationInbound", "applications") == [
        ("application", VENDOR_PORTAL_APP)
    ]
    assert_plan_is_empty(project.cdktf("diff"))


def test_a_target_and_the_tenant_id_from_terraform_variables_deploy_and_follow_a_new_value(
    local_graph: Any, tmp_path: Path
) -> None:
    project = CdktfProject(tmp_path, dict(local_graph.env()))
    project.write_app(VARIABLE_APP)

    # Values given on the command line reach Graph.
    tenant = f"--var=partner_tenant={LIAISON_TENANT}"
    result = project.cdktf("deploy", "--auto-approve", tenant, f"--var=liaison_group={LIAISON_GROUP}")
    assert result.returncode == 0, explain(result)
    assert set(local_graph.partners()) == {LIAISON_TENANT}
    assert_liaison_partner_targets(local_graph, LIAISON_GROUP)
    assert_plan_is_empty(project.cdktf("diff", tenant, f"--var=liaison_group={LIAISON_GROUP}"))

    # A new value for the group variable updates the partner in place.
    result = project.cdktf(
        "deploy", "--auto-approve", tenant, f"--var=liaison_group={REPLACED_LIAISON_GROUP}"
    )
    assert result.returncode == 0, explain(result)
    assert set(local_graph.partners()) == {LIAISON_TENANT}
    assert_liaison_partner_targets(local_graph, REPLACED_LIAISON_GROUP)
