"""Ctrl-C or SIGTERM during `terraform apply`: in-flight creates finish and land in state, none is lost.

cdktf itself aborts its pty on Ctrl-C (toolchain-recipes.md §3.3), so this drives Terraform directly in the
synthesized stack directory, as a pipeline that cares about interrupts does.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.cdktf_project import CdktfProject, explain

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

TENANTS = [f"a1b2c3d4-0000-4000-8000-00000000000{i}" for i in range(1, 5)]
APP = "".join(
    f"""
CrossTenantAccessPartner(
    stack, "p{i}", tenant_id="{tenant}", inbound_trust=InboundTrust(is_mfa_accepted=True)
)
"""
    for i, tenant in enumerate(TENANTS, start=1)
)
CREATE_DELAY_SECONDS = 4


def _wait_for_token_request(local_graph: Any, deadline: float) -> None:
    while time.monotonic() < deadline:
        if any(r["path"].endswith("/oauth2/v2.0/token") for r in local_graph.requests()):
            return
        time.sleep(0.1)
    raise AssertionError(f"the provider never asked for a token: {local_graph.requests()}")


@pytest.mark.parametrize(
    ("signum", "whole_group"),
    [(signal.SIGINT, True), (signal.SIGTERM, False)],
    ids=["ctrl-c-to-process-group", "sigterm-to-terraform"],
)
def test_interrupted_apply_keeps_every_created_partner_in_state(
    local_graph: Any, tmp_path: Path, signum: int, whole_group: bool
) -> None:
    project = CdktfProject(tmp_path, dict(local_graph.env()))
    project.write_app(APP)
    result = project.cdktf("synth")
    assert result.returncode == 0, explain(result)
    result = project.terraform("init", "-no-color")
    assert result.returncode == 0, explain(result)

    local_graph.add_faults(
        [
            {
                "method": "POST",
                "path": "/v1.0/policies/crossTenantAccessPolicy/partners",
                "times": 4,
                "delay": CREATE_DELAY_SECONDS,
            }
        ]
    )
    apply = subprocess.Popen(
        [project.env["TERRAFORM_BINARY_NAME"], "apply", "-auto-approve", "-no-color", "-parallelism=2"],
        cwd=project.stack_dir,
        env=project.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, like a terminal's foreground job
    )
    _wait_for_token_request(local_graph, time.monotonic() + 60)
    time.sleep(1)  # two creates are now inside the delayed POST
    if whole_group:
        os.killpg(apply.pid, signum)  # a terminal's Ctrl-C reaches Terraform and the provider alike
    else:
        apply.send_signal(signum)
    output, _ = apply.communicate(timeout=120)

    held = set(local_graph.partners())
    assert apply.returncode != 0, output
    assert held, f"no create was in flight when the signal arrived:\n{output}"
    assert held < set(TENANTS), f"the interrupt did not stop pending creates:\n{output}"
    assert project.state_tenants() == held, output
