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
from tests.picture.picture_output import table_cells

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def run_job(project: Path, action: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AZURE_", "ARM_", "XTAP_"))}
    env["PATH"] = (
        f"{REPO / 'node_modules' / '.bin'}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    )
    env["HOME"] = str(project / "home")
    env["COLUMNS"] = "2000"  # the picture's table unwrapped: one line per tenant
    return subprocess.run(
        [sys.executable, "-m", "constructs_xtap.cli.deploy_job", action],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def by_tenant(rows: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Rows keyed by the short tenant id in their label (``vendor (4b2e8d61…)`` -> ``4b2e8d61…``)."""
    return {label.split("(")[-1].rstrip(")"): row for label, row in rows.items()}


def synthesized_picture(project: Path) -> dict[str, dict[str, str]]:
    """``xtap show --synth`` of the stack the job deployed, as table rows."""
    shown = subprocess.run(
        [sys.executable, "-m", "constructs_xtap.cli.main", "show", "--synth", "cdktf.out/stacks/partners"],
        cwd=project,
        env={**os.environ, "COLUMNS": "2000"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return table_cells(shown.stdout)


def test_make_deploy_states_the_whole_posture_and_make_destroy_restores_the_tenant(tmp_path: Path) -> None:
    for name in ("main.py", "stacks"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    settings = json.loads((REPO / "cdktf.json").read_text())
    settings["app"] = f"{sys.executable} main.py"
    (tmp_path / "cdktf.json").write_text(json.dumps(settings))

    deployed = run_job(tmp_path, "deploy")

    assert deployed.returncode == 0, deployed.stdout[-4000:] + deployed.stderr[-3000:]
    assert "xtap: Graph now holds 4 partner configuration(s); what applies:" in deployed.stdout
    deployed_rows = table_cells(deployed.stdout.split("what applies:")[1])
    assert by_tenant(deployed_rows) == by_tenant(synthesized_picture(tmp_path))  # every cell as the code says
    assert deployed_rows["default"]["b2bCollaborationInbound"] == "blocked for all users"
    assert "xtap: other Microsoft clouds allowed by the policy: none" in deployed.stdout

    destroyed = run_job(tmp_path, "destroy")

    assert destroyed.returncode == 0, destroyed.stdout[-4000:] + destroyed.stderr[-3000:]
    assert "xtap: Graph now holds 0 partner configuration(s); what applies:" in destroyed.stdout
    destroyed_rows = table_cells(destroyed.stdout.split("what applies:")[1])
    assert list(destroyed_rows) == ["default"]
    assert all(
        text.startswith("system default") or text == "—" for text in destroyed_rows["default"].values()
    )
