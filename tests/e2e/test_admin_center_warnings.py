"""End to end: a partner Graph accepts but the admin center would refuse deploys with a warning, and the
documented switch turns the same app into a synth error (real cdktf CLI, Terraform, provider, local Graph)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from constructs_xtap.local_graph import LocalGraph
from tests.e2e.cdktf_project import CdktfProject, explain

pytestmark = pytest.mark.e2e

TENANT = "5b2f8c1e-3a4d-4e6f-9b0a-7c8d9e0f1a2b"
# Block everyone but only Office 365: Graph accepts it and peers' own tests create it; the admin center's
# users-vs-applications rule (R10) would not.
APP = f"""
CrossTenantAccessPartner(
    stack,
    "vendor",
    tenant_id="{TENANT}",
    b2b_direct_connect_inbound=B2BSetting(
        users_and_groups=TargetConfiguration.blocked(Target.all_users()),
        applications=TargetConfiguration.blocked(Target.office365()),
    ),
)
"""


def test_an_admin_center_only_rule_warns_and_the_partner_deploys(
    local_graph: LocalGraph, tmp_path: Path
) -> None:
    project = CdktfProject(tmp_path, dict(local_graph.env()))
    project.write_app(APP)

    deployed = project.cdktf("deploy", "partners", "--auto-approve")

    assert deployed.returncode == 0, explain(deployed)
    output = deployed.stdout + deployed.stderr
    assert "admin-center/R10" in output, explain(deployed)
    assert "partners/vendor" in output
    held = local_graph.partners()[TENANT]["b2bDirectConnectInbound"]
    assert held["applications"]["targets"] == [{"target": "Office365", "targetType": "application"}]


def test_the_context_switch_makes_the_same_app_a_synth_error(local_graph: LocalGraph, tmp_path: Path) -> None:
    project = CdktfProject(tmp_path, dict(local_graph.env()))
    project.write_app(APP)
    settings = json.loads((tmp_path / "cdktf.json").read_text())
    settings["context"] = {"xtap:adminCenterRules": "error"}
    (tmp_path / "cdktf.json").write_text(json.dumps(settings))

    synth = project.cdktf("synth")

    assert synth.returncode != 0, explain(synth)
    output = synth.stdout + synth.stderr
    assert "admin-center/R10" in output, explain(synth)
    assert "partners/vendor" in output
    assert local_graph.partners() == {}
