"""End to end: `xtap export` of a seeded tenant, then the real cdktf CLI, Terraform and provider deploy the
exported stack against the local Graph: the deploy only imports, Graph is unchanged (settings the constructs
cannot express included: Terraform ignores them), the next diff is empty."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from constructs_xtap.local_graph import LocalGraph
from tests.e2e.cdktf_project import CdktfProject, explain
from tests.export.tenant_seed import CONTOSO, FABRIKAM, GROUP, WARNED, seed_tenant, seed_unexpressible

pytestmark = pytest.mark.e2e

MAIN = """\
from cdktf import App

from exported_stack import HomeTenant

app = App()
HomeTenant(app, "partners")
app.synth()
"""


def _posture(graph: LocalGraph) -> dict[str, object]:
    return {
        "default": graph.default_configuration(),
        "policy": graph.cross_tenant_access_policy(),
        "partners": graph.partners(),
        "syncs": graph.identity_synchronizations(),
    }


def test_exported_tenant_deploys_as_imports_only_keeps_unexpressible_settings_and_then_diffs_empty(
    local_graph: LocalGraph, tmp_path: Path
) -> None:
    seed_tenant(local_graph)
    seed_unexpressible(local_graph)
    before = _posture(local_graph)
    project = CdktfProject(tmp_path, dict(local_graph.env()))

    exported = subprocess.run(
        [
            str(Path(sys.executable).parent / "xtap"),
            "export",
            "--output",
            "exported_stack.py",
            "--class-name",
            "HomeTenant",
        ],
        cwd=tmp_path,
        env=project.env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert exported.returncode == 0, explain(exported)
    # the default's and contoso's tenant restrictions (devices filter) and contoso's AllUsers beside a group
    notes = exported.stderr.splitlines()
    assert len(notes) == 3, exported.stderr
    assert sum("tenant_restrictions is written as a comment" in n for n in notes) == 2, exported.stderr
    assert sum("b2b_direct_connect_outbound is written as a comment" in n for n in notes) == 1
    assert all("until you write it by hand" in n for n in notes), exported.stderr
    source = (tmp_path / "exported_stack.py").read_text()
    assert source.count('"lifecycle.ignore_changes"') == 2
    assert '"fabrikam-ltd"' in source and '"contoso"' in source and f'"tenant-{WARNED}"' in source
    assert "TargetConfiguration.allowed(" in source and f'Target.group("{GROUP}")' in source
    assert "is_service_provider=True" in source
    code = [
        line for line in source.split("class HomeTenant")[1].splitlines() if not line.strip().startswith("#")
    ]
    assert not any("{" in line for line in code)  # typed settings, not raw dicts
    (tmp_path / "main.py").write_text(MAIN)

    deployed = project.cdktf("deploy", "partners", "--auto-approve")

    assert deployed.returncode == 0, explain(deployed)
    # default, policy, three partners, one identity synchronization
    assert re.search(r"6 imported, 0 added, 0 changed, 0 destroyed", deployed.stdout), explain(deployed)
    assert "admin-center/R10" in deployed.stdout + deployed.stderr, explain(deployed)
    assert _posture(local_graph) == before
    assert {FABRIKAM, CONTOSO, WARNED} <= project.state_tenants()

    diff = project.cdktf("diff", "partners")

    assert diff.returncode == 0, explain(diff)
    assert "No changes" in diff.stdout, explain(diff)
