"""End to end: a plan shows a change only when the policy changed (real cdktf, Terraform, provider and
local Graph). Graph may list targets in another order or write a GUID in another case; neither is a change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from constructs_xtap.local_graph import LocalGraph
from tests.e2e.cdktf_project import CdktfProject, explain

pytestmark = pytest.mark.e2e

TENANT = "6f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b"
GROUP_A = "1a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"
GROUP_B = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"

APP = f"""
partner = CrossTenantAccessPartner(
    stack,
    "vendor",
    tenant_id="{TENANT}",
    b2b_collaboration_outbound=B2BSetting(
        users_and_groups=TargetConfiguration.allowed(Target.group("{GROUP_A}"), Target.group("{GROUP_B}")),
        applications=TargetConfiguration.allowed(Target.all_applications()),
    ),
)
"""


def outbound(*targets: str) -> dict[str, Any]:
    return {
        "usersAndGroups": {
            "accessType": "allowed",
            "targets": [{"target": t, "targetType": "group"} for t in targets],
        },
        "applications": {
            "accessType": "allowed",
            "targets": [{"target": "AllApplications", "targetType": "application"}],
        },
    }


def writes(local_graph: LocalGraph) -> list[tuple[str, str]]:
    return [
        (r["method"], r["path"])
        for r in local_graph.requests()
        if r["method"] in ("POST", "PATCH", "DELETE") and r["path"].startswith("/v1.0/")
    ]


def test_importing_a_partner_whose_targets_graph_lists_in_another_order_changes_nothing(
    local_graph: LocalGraph, tmp_path: Path
) -> None:
    local_graph.put_partner(
        {"tenantId": TENANT, "b2bCollaborationOutbound": outbound(GROUP_B.upper(), GROUP_A)}
    )
    project = CdktfProject(tmp_path, dict(local_graph.env()))
    project.write_app(APP + f"partner.resource.import_from({TENANT!r})\n")

    deployed = project.cdktf("deploy", "partners", "--auto-approve")

    assert deployed.returncode == 0, explain(deployed)
    assert "1 imported, 0 added, 0 changed, 0 destroyed" in deployed.stdout, explain(deployed)
    assert writes(local_graph) == []  # no PATCH of a no-op
    assert project.state_tenants() == {TENANT}


def test_a_guid_graph_wrote_in_upper_case_is_not_drift(local_graph: LocalGraph, tmp_path: Path) -> None:
    project = CdktfProject(tmp_path, dict(local_graph.env()))
    project.write_app(APP)
    deployed = project.cdktf("deploy", "partners", "--auto-approve")
    assert deployed.returncode == 0, explain(deployed)

    held = local_graph.partners()[TENANT]
    local_graph.put_partner({**held, "b2bCollaborationOutbound": outbound(GROUP_B.upper(), GROUP_A.upper())})
    unchanged = project.terraform("plan", "-detailed-exitcode", "-no-color", "-input=false")
    assert unchanged.returncode == 0, explain(unchanged)

    # A real change made in the portal (a target removed) is still drift.
    local_graph.put_partner({**held, "b2bCollaborationOutbound": outbound(GROUP_A.upper())})
    drifted = project.terraform("plan", "-detailed-exitcode", "-no-color", "-input=false")
    assert drifted.returncode == 2, explain(drifted)
    assert GROUP_B in drifted.stdout
