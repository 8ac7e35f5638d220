"""``xtap local-graph`` prints shell-quoted exports, serves in the foreground and stops cleanly on signals."""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests

from constructs_xtap.cli.export_lines import export_lines
from constructs_xtap.local_graph import LocalGraph

REPO = Path(__file__).resolve().parents[2]
NAMES = [
    "AZURE_TENANT_ID",
    "AZURE_CLIENT_ID",
    "AZURE_CLIENT_SECRET",
    "AZURE_AUTHORITY_HOST",
    "XTAP_GRAPH_ENDPOINT",
    "XTAP_CA_BUNDLE",
]


def start(state: Path, *options: str) -> tuple[subprocess.Popen[str], dict[str, str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "constructs_xtap.cli.main", "local-graph", "--state", str(state), *options],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert process.stdout is not None
    env: dict[str, str] = {}
    for _ in NAMES:
        words = shlex.split(process.stdout.readline())
        assert words[0] == "export", words
        name, _, value = words[1].partition("=")
        env[name] = value
    return process, env


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_local_graph_command_prints_exports_serves_and_exits_0_on_signal(
    tmp_path: Path, stop_signal: int
) -> None:
    process, env = start(tmp_path / "state" / "graph.json")
    try:
        assert list(env) == NAMES
        session = requests.Session()
        session.trust_env = False
        session.verify = env["XTAP_CA_BUNDLE"]
        token = session.post(
            f"{env['AZURE_AUTHORITY_HOST']}/{env['AZURE_TENANT_ID']}/oauth2/v2.0/token",
            data={
                "grant_type": "client_credentials",
                "client_id": env["AZURE_CLIENT_ID"],
                "client_secret": env["AZURE_CLIENT_SECRET"],
                "scope": f"{env['XTAP_GRAPH_ENDPOINT']}/.default",
            },
        ).json()["access_token"]
        listed = session.get(
            f"{env['XTAP_GRAPH_ENDPOINT']}/v1.0/policies/crossTenantAccessPolicy/partners",
            headers={"Authorization": f"Bearer {token}"},
        )
        assert listed.status_code == 200
        process.send_signal(stop_signal)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert (tmp_path / "state" / "graph.json").exists()


def bearer_session(env: dict[str, str]) -> requests.Session:
    """A session trusting the command's CA, with a token of the client it printed."""
    session = requests.Session()
    session.trust_env = False
    session.verify = env["XTAP_CA_BUNDLE"]
    token = session.post(
        f"{env['AZURE_AUTHORITY_HOST']}/{env['AZURE_TENANT_ID']}/oauth2/v2.0/token",
        data={
            "grant_type": "client_credentials",
            "client_id": env["AZURE_CLIENT_ID"],
            "client_secret": env["AZURE_CLIENT_SECRET"],
            "scope": f"{env['XTAP_GRAPH_ENDPOINT']}/.default",
        },
    ).json()["access_token"]
    session.headers["Authorization"] = f"Bearer {token}"
    return session


def test_page_size_option_pages_the_partner_list(tmp_path: Path) -> None:
    process, env = start(tmp_path / "graph.json", "--page-size", "1")
    try:
        session = bearer_session(env)
        url = f"{env['XTAP_GRAPH_ENDPOINT']}/v1.0/policies/crossTenantAccessPolicy/partners"
        tenants = [str(uuid.uuid4()) for _ in range(2)]
        for tenant_id in tenants:
            assert session.post(url, json={"tenantId": tenant_id}).status_code == 201
        first = session.get(url).json()
        last = session.get(first["@odata.nextLink"]).json()
        assert [p["tenantId"] for p in first["value"] + last["value"]] == tenants
        assert "@odata.nextLink" not in last
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_page_size_below_one_exits_1_with_the_reason(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "constructs_xtap.cli.main", "local-graph", "--page-size", "0"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert "cannot start" in result.stderr
    assert "page size must be a whole number of at least 1, not 0" in result.stderr


def test_export_lines_are_shell_quoted() -> None:
    line = export_lines({"AZURE_CLIENT_SECRET": "a b'c$d"})
    assert line == "export AZURE_CLIENT_SECRET='a b'\"'\"'c$d'\n"
    assert shlex.split(line) == ["export", "AZURE_CLIENT_SECRET=a b'c$d"]


def test_a_relative_state_file_gives_an_absolute_ca_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Terraform runs the provider in the stack's directory: a relative XTAP_CA_BUNDLE is not found there.
    monkeypatch.chdir(tmp_path)
    with LocalGraph(state_file="graph/state.json") as graph:
        bundle = Path(graph.env()["XTAP_CA_BUNDLE"])
        assert bundle.is_absolute()
        assert bundle == tmp_path / "graph" / "state.ca.pem"
        assert bundle.is_file()
