"""No client secret, private key or access token in cdk.tf.json, state, plan output or any log, even with
TF_LOG=TRACE: deploys with a known secret and with a certificate, then scans everything they wrote."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import trustme

from tests.e2e.cdktf_project import CdktfProject, explain

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

SECRET_CLIENT = "5ec2e7c1-0000-4000-8000-000000000001"
CERT_CLIENT = "5ec2e7c1-0000-4000-8000-000000000002"
KNOWN_SECRET = "Xtap~Known.Secret_0123456789abcdefghijklmnop"
APP = """
CrossTenantAccessPartner(
    stack, "vendor", tenant_id="9c5d131d-b1c3-4fc4-9e3f-c6557947d551",
    inbound_trust=InboundTrust(is_mfa_accepted=True, is_compliant_device_accepted=True),
)
"""


def _key_fragments(private_key_pem: bytes) -> list[str]:
    """Every 32-character run of the key's base64 body: finds the key even when re-wrapped or quoted."""
    body = "".join(
        line for line in private_key_pem.decode().splitlines() if line and not line.startswith("-----")
    )
    return [body[i : i + 32] for i in range(0, len(body) - 32, 32)]


def _deploy_diff_destroy(project: CdktfProject) -> str:
    outputs = []
    for args in (("deploy", "--auto-approve"), ("diff",), ("destroy", "--auto-approve")):
        result = project.cdktf(*args)
        assert result.returncode == 0, explain(result)
        outputs.append(result.stdout + result.stderr)
    return "\n".join(outputs)


def _written(directory: Path) -> dict[str, str]:
    """Every file under ``directory`` (state, backups, plan, cdk.tf.json, logs), decoded leniently."""
    return {
        str(path.relative_to(directory)): path.read_bytes().decode("utf-8", "replace")
        for path in directory.rglob("*")
        if path.is_file() and not path.is_symlink() and "terraform-provider-" not in path.name
    }


def test_secret_certificate_and_tokens_never_reach_state_plan_or_logs(
    local_graph: Any, tmp_path: Path
) -> None:
    ca = trustme.CA(key_type=trustme.KeyType.RSA)
    cert = ca.issue_cert("xtap-deployer", key_type=trustme.KeyType.RSA)
    key_pem = cert.private_key_pem.bytes()
    pem_file = tmp_path / "deployer.pem"
    pem_file.write_bytes(key_pem + cert.cert_chain_pems[0].bytes())
    local_graph.register_client(SECRET_CLIENT, secret=KNOWN_SECRET)
    local_graph.register_client(CERT_CLIENT, certificate_pem=cert.cert_chain_pems[0].bytes())

    runs = {
        "secret": {"AZURE_CLIENT_ID": SECRET_CLIENT, "AZURE_CLIENT_SECRET": KNOWN_SECRET},
        "certificate": {"AZURE_CLIENT_ID": CERT_CLIENT, "AZURE_CLIENT_CERTIFICATE_PATH": str(pem_file)},
    }
    written: dict[str, str] = {}
    for name, credentials in runs.items():
        directory = tmp_path / name
        directory.mkdir()
        graph_env = {
            **local_graph.env(),
            **credentials,
            "TF_LOG": "TRACE",
            "TF_LOG_PATH": str(directory / "tf.log"),
        }
        if name == "certificate":
            del graph_env["AZURE_CLIENT_SECRET"]
        project = CdktfProject(directory, graph_env)
        project.write_app(APP)
        written[f"{name}: cdktf output"] = _deploy_diff_destroy(project)
        written.update({f"{name}: {path}": text for path, text in _written(directory).items()})

    # The scan must have seen what it claims to scan.
    assert any(path.endswith("tf.log") for path in written)
    assert any(path.endswith("cdk.tf.json") for path in written)
    assert any(path.endswith(".tfstate") for path in written)
    assert any("Authorization" in text or "oauth2" in text for text in written.values()), "TRACE logs missing"
    tokens = local_graph.issued_tokens()
    assert len(tokens) >= 2  # one per provider process at least, for each credential

    needles = {"client secret": [KNOWN_SECRET], "private key": _key_fragments(key_pem)}
    needles["access token"] = [token.rsplit(".", 1)[1] for token in tokens]  # the signature segment
    leaks = [
        f"{what} in {where}"
        for where, text in written.items()
        for what, values in needles.items()
        if any(value in text for value in values)
    ]
    assert leaks == []
    # The secret is also not echoed in any recognisable masked-but-partial form.
    assert not any(re.search(re.escape(KNOWN_SECRET[:12]), text) for text in written.values())
