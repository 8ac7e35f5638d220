"""End to end: a tenant's whole cross-tenant posture as one stack (real cdktf CLI, Terraform, provider and
local Graph): the default configuration, the policy, and partners, one with identity synchronization, one
found by its domain name, one a multi-tenant organization created before and this stack adopts."""

from __future__ import annotations

from pathlib import Path

import pytest

from constructs_xtap.local_graph import LocalGraph
from tests.e2e.cdktf_project import CdktfProject, explain

pytestmark = pytest.mark.e2e

SYNCED = "2c4e6a8b-1d3f-4a5b-8c7d-9e0f1a2b3c4d"
FABRIKAM = "7e9d5c3b-2a1f-4e6d-9c8b-7a6f5e4d3c2b"
ADOPTED = "4a6c8e0f-3b5d-4c7e-9f1a-2b3c4d5e6f7a"
DEFAULT_PATH = "/v1.0/policies/crossTenantAccessPolicy/default"

APP = f"""
fabrikam = TenantInformation.by_domain_name(stack, "fabrikam-tenant", "fabrikam.com")
everyone_blocked = B2BSetting(
    users_and_groups=TargetConfiguration.blocked(Target.all_users()),
    applications=TargetConfiguration.blocked(Target.all_applications()),
)
everyone_allowed = B2BSetting(
    users_and_groups=TargetConfiguration.allowed(Target.all_users()),
    applications=TargetConfiguration.allowed(Target.all_applications()),
)
CrossTenantAccessDefaults(stack, "defaults", b2b_collaboration_inbound=everyone_blocked)
CrossTenantAccessPolicy(stack, "policy", allowed_cloud_endpoints=[CloudEndpoint.US_GOVERNMENT])
CrossTenantAccessPartner(
    stack,
    "synced",
    tenant_id="{SYNCED}",
    b2b_collaboration_inbound=everyone_allowed,
    identity_synchronization=IdentitySynchronization(user_sync_inbound=True, display_name="Synced"),
)
CrossTenantAccessPartner(
    stack, "fabrikam", tenant_id=fabrikam.tenant_id, b2b_collaboration_inbound=everyone_allowed
)
CrossTenantAccessPartner(
    stack,
    "adopted",
    tenant_id="{ADOPTED}",
    adopt_existing=True,
    inbound_trust=InboundTrust(is_mfa_accepted=True, is_compliant_device_accepted=True),
)
"""


def test_defaults_policy_and_partners_deploy_show_portal_drift_and_destroy_to_the_system_default(
    local_graph: LocalGraph, tmp_path: Path
) -> None:
    local_graph.register_tenant(FABRIKAM, "Fabrikam", "fabrikam.com")
    # A multi-tenant organization created this partner outside Terraform, with settings of its own.
    local_graph.put_partner({"tenantId": ADOPTED, "inboundTrust": {"isMfaAccepted": False}})
    project = CdktfProject(tmp_path, dict(local_graph.env()))
    project.write_app(APP)

    deployed = project.cdktf("deploy", "partners", "--auto-approve")

    assert deployed.returncode == 0, explain(deployed)
    default = local_graph.default_configuration()
    assert default["isServiceDefault"] is False
    assert default["b2bCollaborationInbound"]["usersAndGroups"]["accessType"] == "blocked"
    assert local_graph.cross_tenant_access_policy()["allowedCloudEndpoints"] == ["microsoftonline.us"]
    partners = local_graph.partners()
    assert set(partners) == {SYNCED, FABRIKAM, ADOPTED}
    assert partners[ADOPTED]["inboundTrust"]["isMfaAccepted"] is True  # taken over and updated
    assert local_graph.identity_synchronizations()[SYNCED]["userSyncInbound"] == {"isSyncAllowed": True}

    diff = project.cdktf("diff", "partners")
    assert diff.returncode == 0, explain(diff)
    assert "No changes" in diff.stdout, explain(diff)

    # A change made in the admin center to a setting the code left at its system default is drift.
    session = local_graph.session()
    session.headers["Authorization"] = f"Bearer {local_graph.issue_token()}"
    portal = session.patch(
        f"{local_graph.graph_endpoint}{DEFAULT_PATH}",
        json={"inboundTrust": {"isMfaAccepted": True}},
        timeout=10,
    )
    assert portal.status_code == 204, portal.text
    drift = project.terraform("plan", "-detailed-exitcode", "-no-color", "-input=false")
    assert drift.returncode == 2, explain(drift)
    assert "xtap_default_configuration" in drift.stdout and "inbound_trust" in drift.stdout, explain(drift)

    destroyed = project.cdktf("destroy", "partners", "--auto-approve")

    assert destroyed.returncode == 0, explain(destroyed)
    assert local_graph.default_configuration()["isServiceDefault"] is True
    assert local_graph.cross_tenant_access_policy()["allowedCloudEndpoints"] == []
    assert local_graph.partners() == {}
    assert local_graph.identity_synchronizations() == {}
