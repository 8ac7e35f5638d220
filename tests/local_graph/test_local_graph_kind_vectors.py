"""The local Graph replays every documented vector of the default configuration, the policy and the identity
synchronization (graph-api.md §5.13-5.26) with plain HTTP: the documented request, the documented status and
body, and the state a following GET shows."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from constructs_xtap.local_graph import LocalGraph

KIND_VECTORS = [
    "get_default_v1_service_default",
    "get_default_beta_service_default",
    "update_default_block_outbound_group_v1",
    "update_default_idp_order_v1",
    "update_default_idp_noMsa_v1",
    "update_default_m365collab_v1",
    "reset_default_v1",
    "get_policy_v1",
    "update_policy_allowedcloudendpoints_v1",
    "update_policy_allowedcloudendpoints_beta_ps",
    "put_identitysync_v1",
    "get_identitysync_v1",
    "update_identitysync_v1",
    "delete_identitysync_v1",
]


def test_the_replayed_vectors_are_every_vector_of_sections_5_13_to_5_26(vectors: dict[str, Any]) -> None:
    names = list(vectors)
    first, last = names.index("get_default_v1_service_default"), names.index("delete_identitysync_v1")
    assert names[first : last + 1] == KIND_VECTORS


def local(graph: LocalGraph, url: str) -> str:
    return url.replace("https://graph.microsoft.com", graph.graph_endpoint)


def partner_of(url: str) -> str:
    return url.split("/partners/", 1)[1].split("/", 1)[0]


def seed(graph: LocalGraph, session: requests.Session, name: str, vector: dict[str, Any]) -> None:
    """Bring the tenant to the state the vector's request expects."""
    if "identitysync" in name:
        partners = f"{graph.graph_endpoint}/v1.0/policies/crossTenantAccessPolicy/partners"
        tenant = partner_of(vector["url"])
        assert session.post(partners, json={"tenantId": tenant}).status_code == 201
        if vector["method"] != "PUT":
            policy = {"displayName": "Fabrikam", "userSyncInbound": {"isSyncAllowed": True}}
            assert session.put(f"{partners}/{tenant}/identitySynchronization", json=policy).status_code == 204
    if name == "reset_default_v1":  # a changed default, so the reset is visible
        default = f"{graph.graph_endpoint}/v1.0/policies/crossTenantAccessPolicy/default"
        body = {"inboundTrust": {"isMfaAccepted": True}}
        assert session.patch(default, json=body).status_code == 204


def without_context(body: dict[str, Any]) -> dict[str, Any]:
    assert "@odata.context" in body
    return {k: v for k, v in body.items() if k != "@odata.context"}


def assert_default_matches(
    answered: dict[str, Any], documented: dict[str, Any], vectors: dict[str, Any]
) -> None:
    """Documented properties equal; any other one holds the fullest documented service default (the beta
    vector) or, for the 2026 settings the documented defaults do not show, null."""
    fullest = vectors["get_default_beta_service_default"]["responseBody"]
    for name, value in documented.items():
        assert answered[name] == value, name
    for name in answered.keys() - documented.keys():
        expected = fullest.get(name)
        assert name in fullest or name in {
            "m365CollaborationInbound",
            "m365CollaborationOutbound",
            "appServiceConnectInbound",
        }, name
        assert answered[name] == expected, name


@pytest.mark.parametrize("name", KIND_VECTORS)
def test_documented_vector_is_answered_with_its_status_and_body(
    name: str,
    local_graph: LocalGraph,
    graph_session: requests.Session,
    vectors: dict[str, Any],
) -> None:
    vector = vectors[name]
    seed(local_graph, graph_session, name, vector)
    response = graph_session.request(
        vector["method"],
        local(local_graph, vector["url"]),
        json=vector["requestBody"],
        headers=vector.get("requestHeaders") or {},
    )
    assert response.status_code == vector["status"], response.text
    if vector["status"] == 204:
        assert response.content == b""
        return
    answered = without_context(response.json())
    documented = vector["responseBody"]
    if name.startswith("get_default"):
        assert_default_matches(answered, documented, vectors)
    elif name == "get_policy_v1":
        # The documented {"value": {...}} wrapper is a doc artefact (graph-api.md §1.7).
        assert {k: v for k, v in answered.items() if k != "allowedCloudEndpoints"} == documented["value"]
        assert answered["allowedCloudEndpoints"] == []
    else:
        assert answered == documented


@pytest.mark.parametrize(
    "name",
    [
        "update_default_block_outbound_group_v1",
        "update_default_idp_order_v1",
        "update_default_idp_noMsa_v1",
        "update_default_m365collab_v1",
    ],
)
def test_default_update_vector_replaces_what_it_sends_and_the_default_is_no_longer_the_service_default(
    name: str, local_graph: LocalGraph, graph_session: requests.Session, vectors: dict[str, Any]
) -> None:
    vector = vectors[name]
    url = local(local_graph, vector["url"])
    before = without_context(graph_session.get(url).json())
    assert graph_session.patch(url, json=vector["requestBody"]).status_code == 204
    after = without_context(graph_session.get(url).json())
    assert before["isServiceDefault"] is True
    assert after == {**before, **vector["requestBody"], "isServiceDefault": False}
    assert local_graph.default_configuration() == after


def test_reset_default_v1_brings_back_the_service_default(
    local_graph: LocalGraph, graph_session: requests.Session, vectors: dict[str, Any]
) -> None:
    service_default = vectors["get_default_beta_service_default"]
    url = local(local_graph, service_default["url"])
    graph_session.patch(url, json=vectors["update_default_idp_noMsa_v1"]["requestBody"])
    reset = vectors["reset_default_v1"]
    assert graph_session.post(local(local_graph, reset["url"])).status_code == 204
    answered = without_context(graph_session.get(url).json())
    assert_default_matches(answered, service_default["responseBody"], vectors)
    assert answered["isServiceDefault"] is True


@pytest.mark.parametrize(
    "name", ["update_policy_allowedcloudendpoints_v1", "update_policy_allowedcloudendpoints_beta_ps"]
)
def test_policy_update_vector_is_what_the_policy_then_answers_over_both_versions(
    name: str, local_graph: LocalGraph, graph_session: requests.Session, vectors: dict[str, Any]
) -> None:
    vector = vectors[name]
    assert (
        graph_session.patch(local(local_graph, vector["url"]), json=vector["requestBody"]).status_code == 204
    )
    for version in ("v1.0", "beta"):
        url = f"{local_graph.graph_endpoint}/{version}/policies/crossTenantAccessPolicy"
        answered = graph_session.get(url).json()
        assert answered["allowedCloudEndpoints"] == vector["requestBody"]["allowedCloudEndpoints"]
        assert answered["displayName"] == "CrossTenantAccessPolicy"
