"""A separate cdktf project that pip-installs constructs-xtap deploys its own stack after
``eval "$(xtap env)"``, exactly as the README tells users to."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.cdktf_project import CDKTF, REPO, explain

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

TENANT = "0d7f2c4e-1a2b-4c3d-8e9f-a0b1c2d3e4f5"

MAIN_PY = f"""\
from cdktf import App, TerraformStack
from constructs_xtap import B2BSetting, CrossTenantAccessPartner, Target, TargetConfiguration

app = App()
stack = TerraformStack(app, "contoso")
CrossTenantAccessPartner(
    stack,
    "fabrikam",
    tenant_id="{TENANT.upper()}",
    b2b_collaboration_inbound=B2BSetting(
        applications=TargetConfiguration("allowed", [Target.office365()]),
    ),
)
app.synth()
"""


def test_own_project_deploys_after_eval_xtap_env(local_graph: Any, tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, explain(result)
    (wheel,) = wheels.glob("constructs_xtap-*.whl")

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    result = subprocess.run(
        [
            str(venv / "bin" / "pip"),
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-c",
            str(REPO / "requirements.lock"),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, explain(result)

    project = tmp_path / "contoso"
    project.mkdir()
    (project / "main.py").write_text(MAIN_PY)
    (project / "cdktf.json").write_text(
        json.dumps(
            {
                "language": "python",
                "app": f"{venv}/bin/python main.py",
                "terraformProviders": [],
                "terraformModules": [],
                "projectId": "00000000-0000-4000-8000-000000000002",
                "sendCrashReports": "false",
            }
        )
    )
    env = {
        "PATH": f"{venv}/bin:{CDKTF.parent}:/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),
        **local_graph.env(),
    }
    script = textwrap.dedent("""\
        set -e
        eval "$(xtap env)"
        cdktf deploy --auto-approve
    """)
    result = subprocess.run(
        ["bash", "-c", script], cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, explain(result)
    held = local_graph.partners()
    assert list(held) == [TENANT]
    assert held[TENANT]["b2bCollaborationInbound"] == {
        "applications": {
            "accessType": "allowed",
            "targets": [{"target": "Office365", "targetType": "application"}],
        }
    }
    # Nothing was written into the user's home beyond node's own files: no Terraform plugin cache.
    assert not (tmp_path / "home" / ".terraform.d").exists()
