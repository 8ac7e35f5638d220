"""The local Graph keeps partners in a JSON state file across restarts, and its control API resets state."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from constructs_xtap.local_graph import LocalGraph

TENANT = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551"


def test_partners_and_ids_survive_a_restart_with_a_state_file(tmp_path: Path) -> None:
    state = tmp_path / "graph" / "local-graph.json"
    with LocalGraph(state_file=state) as graph:
        session = graph.session()
        session.headers["Authorization"] = f"Bearer {graph.issue_token()}"
        url = f"{graph.graph_endpoint}/v1.0/policies/crossTenantAccessPolicy/partners"
        assert (
            session.post(url, json={"tenantId": TENANT, "inboundTrust": {"isMfaAccepted": True}}).status_code
            == 201
        )
        first_ids = (graph.tenant_id, graph.client_id)
        first_secret = graph.client_secret
        assert Path(graph.ca_path).parent == state.parent
    with LocalGraph(state_file=state) as graph:
        assert (graph.tenant_id, graph.client_id) == first_ids
        session = graph.session()
        session.headers["Authorization"] = f"Bearer {graph.issue_token()}"
        url = f"{graph.graph_endpoint}/v1.0/policies/crossTenantAccessPolicy/partners/{TENANT}"
        assert session.get(url).json()["inboundTrust"] == {"isMfaAccepted": True}
    # The made-up secret is never written down.
    assert first_secret not in state.read_text(encoding="utf-8")


def test_unreadable_state_file_fails_with_a_message_naming_the_file(tmp_path: Path) -> None:
    state = tmp_path / "broken.json"
    state.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.json"):
        LocalGraph(state_file=state)


def test_state_file_is_written_atomically_as_json(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    with LocalGraph(state_file=state) as graph:
        graph.put_partner({"tenantId": TENANT.upper()})
        saved = json.loads(state.read_text(encoding="utf-8"))
        assert saved["format"] == 2
        assert list(saved["objects"][graph.tenant_id]["partner"]) == [TENANT]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".local-graph-")] == []


def test_a_state_file_of_format_1_is_read_as_the_home_tenants_partners_and_policies(tmp_path: Path) -> None:
    state = tmp_path / "old.json"
    home = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9"
    policy = {"tenantId": TENANT, "displayName": "Fabrikam", "userSyncInbound": {"isSyncAllowed": True}}
    old = {
        "format": 1,
        "meta": {"tenantId": home, "clientId": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"},
        "partners": {TENANT.upper(): {"tenantId": TENANT, "inboundTrust": None}},
        "identitySynchronizations": {TENANT: policy},
    }
    state.write_text(json.dumps(old), encoding="utf-8")
    with LocalGraph(state_file=state) as graph:
        assert graph.tenant_id == home
        assert graph.partners() == {TENANT: {"tenantId": TENANT, "inboundTrust": None}}
        assert graph.identity_synchronizations() == {TENANT: policy}
        assert [t["tenantId"] for t in graph.hosted_tenants()] == [home]
    assert json.loads(state.read_text(encoding="utf-8"))["format"] == 2


def test_reset_over_http_clears_partners_faults_and_the_request_log(local_graph: LocalGraph) -> None:
    local_graph.put_partner({"tenantId": TENANT})
    local_graph.add_faults([{"path": "/v1.0", "status": 500}])
    session = local_graph.session()
    session.get(f"{local_graph.graph_endpoint}/v1.0/policies/crossTenantAccessPolicy/partners")
    assert session.post(f"{local_graph.graph_endpoint}/_xtap/reset").status_code == 204
    assert local_graph.partners() == {}
    assert local_graph.requests() == []
    assert session.get(f"{local_graph.graph_endpoint}/_xtap/faults").json() == {"faults": []}


def test_env_points_clients_at_the_running_graph(local_graph: LocalGraph) -> None:
    env = local_graph.env()
    assert set(env) == {
        "AZURE_TENANT_ID",
        "AZURE_CLIENT_ID",
        "AZURE_CLIENT_SECRET",
        "AZURE_AUTHORITY_HOST",
        "XTAP_GRAPH_ENDPOINT",
        "XTAP_CA_BUNDLE",
    }
    assert env["XTAP_GRAPH_ENDPOINT"] == f"https://127.0.0.1:{local_graph.port}"
    assert Path(env["XTAP_CA_BUNDLE"]).read_text().startswith("-----BEGIN CERTIFICATE-----")
