"""End to end: a plan of new partners already proves the credential, as the azuread provider's does, so a
pipeline learns of a wrong secret at `cdktf diff`, not at deploy (real cdktf, Terraform, provider)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from constructs_xtap.local_graph import READ_ROLE, LocalGraph
from tests.e2e.cdktf_project import CdktfProject, explain

pytestmark = pytest.mark.e2e

APP = """
CrossTenantAccessPartner(
    stack,
    "vendor",
    tenant_id="3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b",
    inbound_trust=InboundTrust(is_mfa_accepted=True),
)
"""


@pytest.fixture
def project(local_graph: LocalGraph, tmp_path: Path) -> CdktfProject:
    project = CdktfProject(tmp_path, dict(local_graph.env()))
    project.write_app(APP)
    for result in (project.cdktf("synth"), project.terraform("init", "-no-color")):
        assert result.returncode == 0, explain(result)
    return project


def test_cdktf_diff_with_a_wrong_client_secret_fails_with_entras_code(
    project: CdktfProject, local_graph: LocalGraph
) -> None:
    project.env["AZURE_CLIENT_SECRET"] = "xtap-local~not-the-secret"

    diff = project.cdktf("diff", "partners")

    output = diff.stdout + diff.stderr
    assert diff.returncode != 0, explain(diff)
    assert "Could not authenticate to Entra ID" in output, explain(diff)
    assert "AADSTS7000215" in output, explain(diff)
    assert "not-the-secret" not in output
    assert local_graph.partners() == {}


def test_a_plan_for_an_unknown_tenant_fails_with_entras_code(project: CdktfProject) -> None:
    project.env["AZURE_TENANT_ID"] = str(uuid.uuid4())

    plan = project.terraform("plan", "-no-color", "-input=false")

    assert plan.returncode == 1, explain(plan)
    assert "AADSTS90002" in plan.stdout + plan.stderr, explain(plan)


def test_a_plan_that_writes_with_a_read_only_token_warns_naming_the_permission(
    project: CdktfProject, local_graph: LocalGraph
) -> None:
    reader = str(uuid.uuid4())
    local_graph.register_client(reader, secret="xtap-reader-secret", roles=(READ_ROLE,))
    project.env.update(AZURE_CLIENT_ID=reader, AZURE_CLIENT_SECRET="xtap-reader-secret")

    plan = project.terraform("plan", "-no-color", "-input=false")

    assert plan.returncode == 0, explain(plan)
    output = plan.stdout + plan.stderr
    assert "Warning: The xtap provider's token lacks Policy.ReadWrite.CrossTenantAccess" in output, explain(
        plan
    )
    assert "Grant admin consent" in output
    assert "1 to add" in plan.stdout
