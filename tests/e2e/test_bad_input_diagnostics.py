"""Bad provider configuration and malformed Graph answers, as Terraform itself reports them: one clear
message that names the setting (or the answer) and the fix, never a Python traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.cdktf_project import CdktfProject, explain

pytestmark = pytest.mark.e2e

TENANT = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551"
PARTNERS = "/v1.0/policies/crossTenantAccessPolicy/partners"
APP = f"""
CrossTenantAccessPartner(
    stack, "vendor", tenant_id="{TENANT}", inbound_trust=InboundTrust(is_mfa_accepted=True)
)
"""


def _initialised(local_graph: Any, tmp_path: Path, env: dict[str, str]) -> CdktfProject:
    project = CdktfProject(tmp_path, {**local_graph.env(), **env})
    for name in [k for k, v in env.items() if v == ""]:
        del project.env[name]  # "" means: this variable is not set at all
    project.write_app(APP)
    for result in (project.cdktf("synth"), project.terraform("init", "-no-color")):
        assert result.returncode == 0, explain(result)
    return project


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"AZURE_TENANT_ID": "contoso.onmicrosoft.com"}, ("tenant_id", "AZURE_TENANT_ID", "GUID")),
        ({"AZURE_CLIENT_SECRET": ""}, ("credential", "AZURE_CLIENT_SECRET")),
        ({"XTAP_CLOUD": "mars"}, ("cloud", "mars", "usgov")),
        (
            {"AZURE_CLIENT_SECRET": "", "AZURE_CLIENT_CERTIFICATE_PATH": "/nonexistent/deployer.pem"},
            ("Unreadable client certificate", "AZURE_CLIENT_CERTIFICATE_PATH", "/nonexistent/deployer.pem"),
        ),
    ],
    ids=["non-guid-tenant", "no-credential", "unknown-cloud", "unreadable-certificate"],
)
def test_bad_provider_configuration_fails_at_plan_naming_the_setting(
    local_graph: Any, tmp_path: Path, env: dict[str, str], expected: tuple[str, ...]
) -> None:
    project = _initialised(local_graph, tmp_path, env)
    result = project.terraform("plan", "-no-color", "-input=false")
    output = result.stdout + result.stderr
    assert result.returncode == 1, explain(result)
    assert "Traceback" not in output
    for text in expected:
        assert text in output, explain(result)
    assert local_graph.partners() == {}


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            {"status": 200, "body": "<html>upstream error</html>", "headers": {"Content-Type": "text/html"}},
            "JSON",
        ),
        ({"status": 200, "body": {"inboundTrust": None}}, "tenantId"),
    ],
    ids=["not-json", "no-tenant-id"],
)
def test_malformed_graph_answer_on_refresh_is_a_clear_error(
    local_graph: Any, tmp_path: Path, answer: dict[str, Any], expected: str
) -> None:
    project = _initialised(local_graph, tmp_path, {})
    result = project.terraform("apply", "-auto-approve", "-no-color", "-input=false")
    assert result.returncode == 0, explain(result)
    # The path prefix covers the partners list a plan reads first and the per-partner GET it falls back to.
    local_graph.add_faults([{"method": "GET", "path": PARTNERS, "times": 20, **answer}])
    result = project.terraform("plan", "-no-color", "-input=false")
    output = result.stdout + result.stderr
    assert result.returncode == 1, explain(result)
    assert "Traceback" not in output
    assert expected in output, explain(result)
    assert project.state_tenants() == {TENANT}  # a bad answer never drops the partner from state


def test_unknown_future_enum_value_is_kept_with_a_warning_not_a_crash(
    local_graph: Any, tmp_path: Path
) -> None:
    project = _initialised(local_graph, tmp_path, {})
    result = project.terraform("apply", "-auto-approve", "-no-color", "-input=false")
    assert result.returncode == 0, explain(result)
    future = {"usersAndGroups": {"accessType": "unknownFutureValue", "targets": []}}
    local_graph.put_partner({**local_graph.partners()[TENANT], "b2bCollaborationInbound": future})
    result = project.terraform("plan", "-no-color", "-input=false", "-detailed-exitcode")
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert result.returncode == 2, explain(result)  # drift from the configuration: a change is planned
    assert "unknownFutureValue" in output, explain(result)
