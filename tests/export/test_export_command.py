"""`xtap export` reads the tenant the provider would manage, over HTTPS from the local Graph, and writes the
module; what it cannot express or read it says on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest

from constructs_xtap.cli import main
from constructs_xtap.local_graph import READ_ROLE, LocalGraph

FABRIKAM = "7e9d5c3b-2a1f-4e6d-9c8b-7a6f5e4d3c2b"
READER = "5f4e3d2c-1b0a-4987-8654-3210fedcba98"


def _export(graph_env: dict[str, str], output: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    for name, value in graph_env.items():
        monkeypatch.setenv(name, value)
    return main(["export", "--output", str(output), *args])


def test_export_writes_a_formatted_module_naming_partners_after_the_tenant_lookup(
    local_graph: LocalGraph,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    local_graph.register_tenant(FABRIKAM, "Fabrikam", "fabrikam.com")
    local_graph.put_partner({"tenantId": FABRIKAM, "inboundTrust": {"isMfaAccepted": True}})
    output = tmp_path / "exported_stack.py"

    code = _export(local_graph.env(), output, monkeypatch, "--class-name", "Home")

    assert code == 0
    source = output.read_text()
    assert "class Home(TerraformStack):" in source
    assert '"fabrikam",\n' in source and "inbound_trust=InboundTrust(is_mfa_accepted=True)" in source
    captured = capsys.readouterr()
    assert captured.err == ""
    assert f"wrote {output}" in captured.out and "1 partner(s)" in captured.out


def test_a_refused_tenant_lookup_falls_back_to_tenant_ids_and_says_so(
    local_graph: LocalGraph,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    local_graph.register_tenant(FABRIKAM, "Fabrikam", "fabrikam.com")
    local_graph.put_partner({"tenantId": FABRIKAM, "inboundTrust": {"isMfaAccepted": True}})
    local_graph.register_client(READER, secret="reader-secret", roles=(READ_ROLE,))  # no lookup permission
    env = {**local_graph.env(), "AZURE_CLIENT_ID": READER, "AZURE_CLIENT_SECRET": "reader-secret"}
    output = tmp_path / "exported_stack.py"

    code = _export(env, output, monkeypatch)

    assert code == 0
    assert f'"tenant-{FABRIKAM}"' in output.read_text()
    assert "CrossTenantInformation.ReadBasic.All" in capsys.readouterr().err


def test_an_unexpressible_value_is_written_as_a_comment_and_named_on_stderr(
    local_graph: LocalGraph,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    devices = {"mode": "allowed", "rule": "device.isCompliant -eq True"}
    local_graph.put_partner({"tenantId": FABRIKAM, "tenantRestrictions": {"devices": devices}})
    output = tmp_path / "exported_stack.py"

    code = _export(local_graph.env(), output, monkeypatch)

    assert code == 0
    assert "# tenant_restrictions is not written: tenantRestrictions.devices is set" in output.read_text()
    err = capsys.readouterr().err
    assert f"partner tenant-{FABRIKAM} ({FABRIKAM}): tenant_restrictions is written as a comment" in err


def test_export_without_a_usable_provider_configuration_names_the_problem_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in (
        "AZURE_TENANT_ID",
        "ARM_TENANT_ID",
        "AZURE_CLIENT_ID",
        "ARM_CLIENT_ID",
        "AZURE_CLIENT_SECRET",
    ):
        monkeypatch.delenv(name, raising=False)
    output = tmp_path / "exported_stack.py"

    code = _export({}, output, monkeypatch)

    assert code == 1
    assert not output.exists()
    assert "No tenant id configured" in capsys.readouterr().err


def test_a_partner_whose_tenant_id_is_not_a_guid_is_skipped_named_and_the_rest_written(
    local_graph: LocalGraph,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    local_graph.put_partner({"tenantId": "contoso.com", "inboundTrust": {"isMfaAccepted": True}})
    local_graph.put_partner({"tenantId": FABRIKAM, "inboundTrust": {"isMfaAccepted": True}})
    output = tmp_path / "exported_stack.py"

    code = _export(local_graph.env(), output, monkeypatch)

    assert code == 0
    source = output.read_text()
    assert "contoso.com" not in source and f'tenant_id="{FABRIKAM}"' in source
    err = capsys.readouterr().err
    assert "has tenantId 'contoso.com', which is not a GUID, so it is not exported" in err


def test_an_output_in_a_missing_directory_is_one_line_and_exit_1(
    local_graph: LocalGraph,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    output = tmp_path / "missing" / "exported_stack.py"

    code = _export(local_graph.env(), output, monkeypatch)

    assert code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"cannot write {output}" in err
