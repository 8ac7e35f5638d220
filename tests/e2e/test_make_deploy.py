"""End to end: `make deploy` / `make destroy` (the job behind them) deploy the shipped stack, defaults and
policy included, to the local Graph and restore the tenant afterwards."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.cdktf_project import REPO

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def run_job(project: Path, action: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AZURE_", "ARM_", "XTAP_"))}
    env["PATH"] = (
        f"{REPO / 'node_modules' / '.bin'}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    )
    env["HOME"] = str(project / "home")
    return subprocess.run(
        [sys.executable, "-m", "constructs_xtap.toolchain.main_job", action],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def posture(stdout: str) -> list[object]:
    """The JSON documents the job prints after 'Graph now holds …' lines: default, policy, partners."""
    decoder, documents, text = json.JSONDecoder(), [], stdout
    for marker in ("xtap: Graph now holds this default:", "this policy:", "partner configuration(s):"):
        text = text[text.index(marker) + len(marker) :].lstrip()
        documents.append(decoder.raw_decode(text)[0])
    return documents


def test_make_deploy_states_the_whole_posture_and_make_destroy_restores_the_tenant(tmp_path: Path) -> None:
    for name in ("main.py", "stacks"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    settings = json.loads((REPO / "cdktf.json").read_text())
    settings["app"] = f"{sys.executable} main.py"
    (tmp_path / "cdktf.json").write_text(json.dumps(settings))

    deployed = run_job(tmp_path, "deploy")

    assert deployed.returncode == 0, deployed.stdout[-4000:] + deployed.stderr[-3000:]
    default, policy, partners = posture(deployed.stdout)
    assert isinstance(default, dict) and default["isServiceDefault"] is False
    assert default["b2bCollaborationInbound"]["usersAndGroups"]["accessType"] == "blocked"
    assert isinstance(policy, dict) and policy["allowedCloudEndpoints"] == []
    assert isinstance(partners, list) and len(partners) == 4

    destroyed = run_job(tmp_path, "destroy")

    assert destroyed.returncode == 0, destroyed.stdout[-4000:] + destroyed.stderr[-3000:]
    default, policy, partners = posture(destroyed.stdout)
    assert isinstance(default, dict) and default["isServiceDefault"] is True
    assert partners == []
