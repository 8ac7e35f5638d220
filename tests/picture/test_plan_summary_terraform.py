"""``xtap plan-summary`` over a real plan: Terraform plans a create, an update, a replacement and a deletion
against the local Graph, and ``terraform show -json`` is what the summary reads."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from constructs_xtap.cli import main
from constructs_xtap.local_graph import LocalGraph
from constructs_xtap.toolchain import toolchain_env
from tests.e2e.cdktf_project import explain

pytestmark = pytest.mark.e2e

VENDOR, VENDOR_NEW = "4b2e8d61-7f3a-4c59-9e0d-1a6c5b7f8e23", "5c3f9e72-8a4b-4d6a-9f1e-2b7d6c8a9f34"
RIVAL = "e1a7c9d3-5b2f-4e6a-8d0c-7f3b1a9e5c42"
FABRIKAM = "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a"
SUBSIDIARY = "9c7a1f5e-2b0d-4e83-a6f1-5d3b8e4c2a71"


def _all(access: str) -> str:
    return json.dumps(
        {
            "usersAndGroups": {
                "accessType": access,
                "targets": [{"target": "AllUsers", "targetType": "user"}],
            },
            "applications": {
                "accessType": access,
                "targets": [{"target": "AllApplications", "targetType": "application"}],
            },
        }
    )


def _configuration(partners: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {
        "terraform": {
            "required_providers": {"xtap": {"source": "constructs-xtap/xtap", "version": "~> 0.1.0"}}
        },
        "provider": {"xtap": {}},
        "resource": {
            "xtap_default_configuration": {"defaults": {"b2b_collaboration_inbound": _all("blocked")}},
            "xtap_partner_configuration": partners,
        },
    }


BEFORE = {
    "vendor": {"tenant_id": VENDOR, "b2b_collaboration_inbound": _all("allowed")},
    "rival": {"tenant_id": RIVAL, "b2b_collaboration_outbound": _all("blocked")},
    "fabrikam": {"tenant_id": FABRIKAM, "b2b_collaboration_outbound": _all("blocked")},
}
AFTER = {
    "vendor": {"tenant_id": VENDOR_NEW, "b2b_collaboration_inbound": _all("allowed")},
    "fabrikam": {"tenant_id": FABRIKAM},
    "subsidiary": {"tenant_id": SUBSIDIARY, "b2b_direct_connect_inbound": _all("allowed")},
}


def test_plan_summary_of_a_real_plan_lists_replacement_and_deletion_first_then_create_and_update(
    local_graph: LocalGraph, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    env = {
        **os.environ,
        **toolchain_env(),
        **local_graph.env(),
        "HOME": str(tmp_path / "home"),
        "TF_INPUT": "0",
    }

    def terraform(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [env["TERRAFORM_BINARY_NAME"], *args, "-no-color"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    (tmp_path / "main.tf.json").write_text(json.dumps(_configuration(BEFORE)))
    for step in (("init",), ("apply", "-auto-approve")):
        result = terraform(*step)
        assert result.returncode == 0, explain(result)
    (tmp_path / "main.tf.json").write_text(json.dumps(_configuration(AFTER)))
    planned = terraform("plan", "-out=plan.bin", "-detailed-exitcode")
    assert planned.returncode == 2, explain(planned)  # 2: the plan changes something (the drift gate)
    shown = terraform("show", "-json", "plan.bin")
    assert shown.returncode == 0, explain(shown)
    (tmp_path / "plan.json").write_text(shown.stdout)

    assert main(["plan-summary", str(tmp_path / "plan.json"), "--output", str(tmp_path / "summary.md")]) == 0

    lines = (tmp_path / "summary.md").read_text(encoding="utf-8").splitlines()
    assert "**Review first:** 1 replaced, 1 deleted." in lines
    expected_in_order = [
        "### Replaced (deleted, then created again)",
        "- **vendor (4b2e8d61…) is replaced by vendor (5c3f9e72…)** (the tenant id changes)",
        "- vendor (4b2e8d61…): inbound B2B collaboration: allowed for all users → "
        "inherited (blocked for all users)",
        "- vendor (5c3f9e72…): inbound B2B collaboration: inherited (blocked for all users) → "
        "allowed for all users",
        "### Deleted (the tenant falls back to the default)",
        "- **rival (e1a7c9d3…) is deleted (the tenant gets the default again)**",
        "- rival (e1a7c9d3…): outbound B2B collaboration: blocked for all users → "
        "inherited (allowed for all users)",
        "### Created",
        "- subsidiary (9c7a1f5e…): inbound B2B direct connect: inherited (blocked for all users) → "
        "allowed for all users",
        "### Updated",
        "- fabrikam (3d0f5dec…): outbound B2B collaboration: blocked for all users → "
        "inherited (allowed for all users)",
    ]
    assert [line for line in lines if line in expected_in_order] == expected_in_order
    assert not any("default:" in line for line in lines)  # the default does not change
