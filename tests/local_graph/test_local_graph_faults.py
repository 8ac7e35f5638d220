"""Fault injection (issue 4 item 1): scripted answers, resets, lost responses, delays, counted per request."""

from __future__ import annotations

import time

import pytest
import requests

from constructs_xtap.local_graph import LocalGraph

TENANT = "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a"
PARTNERS_PATH = "/v1.0/policies/crossTenantAccessPolicy/partners"


def control(graph: LocalGraph) -> requests.Session:
    """A client for /_xtap: no token needed."""
    session = graph.session()
    return session


def test_faults_posted_over_http_answer_times_times_then_the_real_answer(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    queued = control(local_graph).post(
        f"{local_graph.graph_endpoint}/_xtap/faults",
        json={
            "faults": [
                {
                    "method": "POST",
                    "path": PARTNERS_PATH,
                    "times": 2,
                    "status": 429,
                    "headers": {"Retry-After": "0.5"},
                }
            ]
        },
    )
    assert queued.status_code == 200
    assert queued.json()["faults"][0]["times"] == 2
    statuses = [graph_session.post(partners_url, json={"tenantId": TENANT}).status_code for _ in range(3)]
    assert statuses == [429, 429, 201]
    assert local_graph.requests() == [
        {"method": "POST", "path": PARTNERS_PATH, "status": 429},
        {"method": "POST", "path": PARTNERS_PATH, "status": 429},
        {"method": "POST", "path": PARTNERS_PATH, "status": 201},
    ]
    assert list(local_graph.partners()) == [TENANT]


def test_fault_matches_method_and_path_prefix_only(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    local_graph.add_faults([{"method": "DELETE", "path": PARTNERS_PATH + "/", "status": 503}])
    assert graph_session.post(partners_url, json={"tenantId": TENANT}).status_code == 201
    assert graph_session.get(partners_url).status_code == 200
    assert graph_session.get(f"{partners_url}/{TENANT}").status_code == 200
    response = graph_session.delete(f"{partners_url}/{TENANT}")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "serviceNotAvailable"
    assert TENANT in local_graph.partners()


def test_fault_with_body_and_headers_is_answered_verbatim(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    local_graph.add_faults(
        [
            {
                "path": PARTNERS_PATH,
                "status": 200,
                "headers": {"Content-Type": "text/html"},
                "body": "<html>oops</html>",
            }
        ]
    )
    response = graph_session.get(partners_url)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/html"
    assert response.text == "<html>oops</html>"


def test_reset_closes_the_connection_without_answering_and_changes_nothing(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    local_graph.add_faults([{"method": "POST", "path": PARTNERS_PATH, "action": "reset"}])
    with pytest.raises(requests.ConnectionError):
        graph_session.post(partners_url, json={"tenantId": TENANT})
    assert local_graph.partners() == {}
    assert local_graph.requests() == [{"method": "POST", "path": PARTNERS_PATH, "status": None}]
    assert graph_session.post(partners_url, json={"tenantId": TENANT}).status_code == 201


def test_commit_then_reset_applies_the_request_and_loses_the_answer(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    local_graph.add_faults([{"method": "POST", "path": PARTNERS_PATH, "action": "commit_then_reset"}])
    with pytest.raises(requests.ConnectionError):
        graph_session.post(partners_url, json={"tenantId": TENANT})
    assert list(local_graph.partners()) == [TENANT]
    # The retry a client makes sees the committed partner: the documented duplicate error.
    retry = graph_session.post(partners_url, json={"tenantId": TENANT})
    assert retry.status_code == 409
    assert retry.json()["error"]["code"] == "Request_MultipleObjectsWithSameKeyValue"


def test_delay_holds_the_answer_then_answers_normally(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    local_graph.add_faults([{"method": "GET", "path": PARTNERS_PATH, "delay": 0.6}])
    started = time.monotonic()
    assert graph_session.get(partners_url).status_code == 200
    assert time.monotonic() - started >= 0.6
    with pytest.raises(requests.Timeout):
        local_graph.add_faults([{"method": "GET", "path": PARTNERS_PATH, "delay": 1.0}])
        graph_session.get(partners_url, timeout=0.2)
    # The server still answers the abandoned request; wait for it so the next test's log starts clean.
    deadline = time.monotonic() + 5
    while len(local_graph.requests()) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [entry["status"] for entry in local_graph.requests()] == [200, 200]


def test_token_endpoint_can_be_faulted(local_graph: LocalGraph) -> None:
    local_graph.add_faults([{"method": "POST", "path": f"/{local_graph.tenant_id}/oauth2/", "status": 503}])
    response = local_graph.session().post(
        f"{local_graph.authority_host}/{local_graph.tenant_id}/oauth2/v2.0/token",
        data={"grant_type": "client_credentials"},
    )
    assert response.status_code == 503


def test_delete_faults_clears_the_queue(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    local_graph.add_faults([{"path": "/", "status": 500, "times": 5}])
    session = control(local_graph)
    assert session.get(f"{local_graph.graph_endpoint}/_xtap/faults").json()["faults"][0]["times"] == 5
    assert session.delete(f"{local_graph.graph_endpoint}/_xtap/faults").status_code == 204
    assert graph_session.get(partners_url).status_code == 200


def test_requests_endpoint_lists_served_requests_and_excludes_control_calls(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    graph_session.get(partners_url)
    graph_session.get(f"{partners_url}/{TENANT}")
    served = control(local_graph).get(f"{local_graph.graph_endpoint}/_xtap/requests").json()["requests"]
    assert served == [
        {"method": "GET", "path": PARTNERS_PATH, "status": 200},
        {"method": "GET", "path": f"{PARTNERS_PATH}/{TENANT}", "status": 404},
    ]


@pytest.mark.parametrize(
    ("fault", "complaint"),
    [
        ({"path": "/v1.0", "status": 429, "times": 0}, "times"),
        ({"path": "v1.0", "status": 429}, "path"),
        ({"path": "/v1.0", "action": "explode"}, "action"),
        ({"path": "/v1.0"}, "does nothing"),
        ({"path": "/v1.0", "status": 429, "action": "reset"}, "both status and action"),
        ({"path": "/v1.0", "delay": -1}, "delay"),
        ({"path": "/v1.0", "status": 429, "retry_after": 1}, "unknown member"),
    ],
)
def test_malformed_fault_is_400_naming_the_problem(
    local_graph: LocalGraph, fault: dict[str, object], complaint: str
) -> None:
    response = control(local_graph).post(
        f"{local_graph.graph_endpoint}/_xtap/faults", json={"faults": [fault]}
    )
    assert response.status_code == 400
    assert complaint in response.json()["error"]["message"]
    assert control(local_graph).get(f"{local_graph.graph_endpoint}/_xtap/faults").json()["faults"] == []
