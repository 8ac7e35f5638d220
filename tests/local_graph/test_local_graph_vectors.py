"""The local Graph reproduces every documented partner vector (graph-api.md §5, documented_vectors.json)."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from vector_compare import assert_error_matches, assert_partner_matches

from constructs_xtap.local_graph import LocalGraph

# Placeholders in documented URLs and bodies stand for a real tenant GUID.
PLACEHOLDER_TENANT = "5c3a1ac0-77a4-4e7a-9b55-2b6c1d0f3e21"
PLACEHOLDERS = ("{sourceTenantId}", "<insert partner's tenant id>", "<SourceTenantId>")


def substitute(value: Any) -> Any:
    """Replace the documentation's placeholders with a real GUID, recursively."""
    if isinstance(value, str):
        for placeholder in PLACEHOLDERS:
            value = value.replace(placeholder, PLACEHOLDER_TENANT)
        return value
    if isinstance(value, dict):
        return {k: substitute(v) for k, v in value.items()}
    if isinstance(value, list):
        return [substitute(v) for v in value]
    return value


def local_url(graph: LocalGraph, documented_url: str) -> str:
    return substitute(documented_url).replace("https://graph.microsoft.com", graph.graph_endpoint)


def test_create_partner_v1_answers_201_with_documented_settings_and_the_rest_unset(
    local_graph: LocalGraph, graph_session: requests.Session, vectors: dict[str, Any]
) -> None:
    vector = vectors["create_partner_v1"]
    response = graph_session.post(local_url(local_graph, vector["url"]), json=vector["requestBody"])
    assert response.status_code == vector["status"] == 201
    body = response.json()
    # The documented response is truncated: its keys must match, every other key must be unset.
    assert_partner_matches(body, vector["responseBody"])
    assert body["@odata.context"].endswith("$metadata#policies/crossTenantAccessPolicy/partners/$entity")


def test_create_partner_minimal_entra_answers_the_real_server_shape(
    local_graph: LocalGraph, graph_session: requests.Session, vectors: dict[str, Any]
) -> None:
    vector = substitute(vectors["create_partner_minimal_entra"])
    response = graph_session.post(local_url(local_graph, vector["url"]), json=vector["requestBody"])
    assert response.status_code == vector["status"] == 201
    assert_partner_matches(response.json(), vector["responseBody"])
    assert "@odata.context" in response.json()


def test_get_partner_v1_answers_the_documented_object(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str, vectors: dict[str, Any]
) -> None:
    vector = vectors["get_partner_v1"]
    documented = vector["responseBody"]
    # Seed through the API: create with the documented settings, then GET.
    seed = {k: documented[k] for k in ("tenantId", "b2bDirectConnectInbound", "tenantRestrictions")}
    assert graph_session.post(partners_url, json=seed).status_code == 201
    response = graph_session.get(local_url(local_graph, vector["url"]))
    assert response.status_code == vector["status"] == 200
    assert_partner_matches(response.json(), documented)


def test_get_partner_v1_answers_a_partner_seeded_directly_in_the_store(
    local_graph: LocalGraph, graph_session: requests.Session, vectors: dict[str, Any]
) -> None:
    vector = vectors["get_partner_v1"]
    local_graph.put_partner(vector["responseBody"])
    response = graph_session.get(local_url(local_graph, vector["url"]))
    assert response.status_code == 200
    assert_partner_matches(response.json(), vector["responseBody"])


def test_list_partners_v1_answers_the_documented_collection(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str, vectors: dict[str, Any]
) -> None:
    vector = vectors["list_partners_v1"]
    documented = vector["responseBody"]["value"]
    for partner in documented:
        assert (
            graph_session.post(
                partners_url, json={k: v for k, v in partner.items() if v is not None}
            ).status_code
            == 201
        )
    response = graph_session.get(local_url(local_graph, vector["url"]))
    assert response.status_code == vector["status"] == 200
    body = response.json()
    assert set(body) == {"@odata.context", "value"}
    assert len(body["value"]) == len(documented)
    for answered, expected in zip(body["value"], documented, strict=True):
        assert_partner_matches(answered, expected)


UPDATE_VECTORS = [
    "update_partner_inboundtrust_v1",
    "update_partner_automaticuserconsent_v1",
    "update_partner_tenantrestrictions_v1",
    "update_partner_m365collab_v1",
    "update_partner_reset_inboundtrust_entra",
    "update_partner_app_allowlist_entra",
]


def expected_after_patch(name: str, value: Any) -> Any:
    """Graph answers an inbound/outbound pair with both members; other settings as sent."""
    if name == "automaticUserConsentSettings":
        return {"inboundAllowed": None, "outboundAllowed": None, **(value or {})}
    return value


@pytest.mark.parametrize("name", UPDATE_VECTORS)
def test_update_partner_vector_answers_204_without_body_and_replaces_the_setting(
    name: str,
    local_graph: LocalGraph,
    graph_session: requests.Session,
    partners_url: str,
    vectors: dict[str, Any],
) -> None:
    vector = substitute(vectors[name])
    url = local_url(local_graph, vector["url"])
    tenant_id = url.rsplit("/", 1)[1]
    # Start from a partner that has every patched setting configured differently, so a replace is visible.
    before = {
        "tenantId": tenant_id,
        "inboundTrust": {"isMfaAccepted": False},
        "automaticUserConsentSettings": {"inboundAllowed": False, "outboundAllowed": False},
        "b2bCollaborationInbound": {
            "usersAndGroups": {
                "accessType": "allowed",
                "targets": [{"target": "AllUsers", "targetType": "user"}],
            },
            "applications": {
                "accessType": "allowed",
                "targets": [{"target": "Office365", "targetType": "application"}],
            },
        },
    }
    assert graph_session.post(partners_url, json=before).status_code == 201
    response = graph_session.patch(url, json=vector["requestBody"])
    assert response.status_code == vector["status"] == 204
    assert response.content == b""
    stored = graph_session.get(url).json()
    for setting, value in vector["requestBody"].items():
        assert stored[setting] == expected_after_patch(setting, value)
    for setting in before.keys() - vector["requestBody"].keys() - {"tenantId"}:
        assert stored[setting] == expected_after_patch(setting, before[setting]), f"{setting} changed"


def test_delete_partner_v1_answers_204_and_the_partner_is_gone(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str, vectors: dict[str, Any]
) -> None:
    vector = vectors["delete_partner_v1"]
    url = local_url(local_graph, vector["url"])
    assert graph_session.post(partners_url, json={"tenantId": url.rsplit("/", 1)[1]}).status_code == 201
    response = graph_session.delete(url)
    assert response.status_code == vector["status"] == 204
    assert response.content == b""
    assert graph_session.get(url).status_code == 404
    assert local_graph.partners() == {}


def test_error_forbidden_403_is_answered_to_a_token_without_the_role(
    local_graph: LocalGraph, partners_url: str, vectors: dict[str, Any]
) -> None:
    vector = vectors["error_forbidden_403"]
    local_graph.register_client("11111111-2222-3333-4444-555555555555", secret="no-roles", roles=())
    session = local_graph.session()
    session.headers["Authorization"] = (
        f"Bearer {local_graph.issue_token('11111111-2222-3333-4444-555555555555')}"
    )
    response = session.get(partners_url)
    assert response.status_code == vector["status"] == 403
    assert_error_matches(response.json(), vector["responseBody"])


def test_error_throttled_429_is_answered_by_an_injected_fault_with_retry_after(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str, vectors: dict[str, Any]
) -> None:
    vector = vectors["error_throttled_429"]
    local_graph.add_faults([{"path": "/v1.0/", "status": 429, "headers": {"Retry-After": "2.128"}}])
    response = graph_session.get(partners_url)
    assert response.status_code == vector["status"] == 429
    assert response.headers["Retry-After"] == "2.128"
    assert_error_matches(response.json(), vector["responseBody"])


# -- identitySynchronization (graph-api.md §1.8, vectors 5.5 and 5.23-5.26, 5.32) ------------------------


def create_partner_with_identity_sync(
    session: requests.Session, partners_url: str, tenant_id: str, policy: dict[str, Any]
) -> None:
    """Seed through the API: POST the partner, PUT its policy."""
    assert session.post(partners_url, json={"tenantId": tenant_id}).status_code == 201
    assert session.put(f"{partners_url}/{tenant_id}/identitySynchronization", json=policy).status_code == 204


def test_list_partners_expand_identitysync_v1_answers_the_documented_collection(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str, vectors: dict[str, Any]
) -> None:
    vector = vectors["list_partners_expand_identitysync_v1"]
    for partner in vector["responseBody"]["value"]:
        policy = partner["identitySynchronization"]
        body = {k: v for k, v in policy.items() if k != "tenantId"}
        create_partner_with_identity_sync(graph_session, partners_url, partner["tenantId"], body)
    response = graph_session.get(local_url(local_graph, vector["url"]))
    assert response.status_code == vector["status"] == 200
    body = response.json()
    assert body["@odata.context"].endswith("$metadata#policies/crossTenantAccessPolicy/partners")
    # $select=tenantId: exactly the documented members, the expanded policy included.
    assert {k: v for k, v in body.items() if k != "@odata.context"} == vector["responseBody"]


def test_list_partners_expand_identitysync_v1_answers_a_partner_seeded_directly_in_the_store(
    local_graph: LocalGraph, graph_session: requests.Session, vectors: dict[str, Any]
) -> None:
    vector = vectors["list_partners_expand_identitysync_v1"]
    for partner in vector["responseBody"]["value"]:
        local_graph.put_partner(partner)
    response = graph_session.get(local_url(local_graph, vector["url"]))
    assert response.status_code == 200
    assert response.json()["value"] == vector["responseBody"]["value"]


def test_put_identitysync_v1_answers_204_without_body_and_stores_the_policy(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str, vectors: dict[str, Any]
) -> None:
    vector = vectors["put_identitysync_v1"]
    url = local_url(local_graph, vector["url"])
    tenant_id = url.split("/partners/", 1)[1].split("/", 1)[0]
    assert graph_session.post(partners_url, json={"tenantId": tenant_id}).status_code == 201
    response = graph_session.put(url, json=vector["requestBody"], headers=vector["requestHeaders"])
    assert response.status_code == vector["status"] == 204
    assert response.content == b""
    assert local_graph.identity_synchronizations() == {
        tenant_id: {"tenantId": tenant_id, **vector["requestBody"]}
    }


def test_get_identitysync_v1_answers_the_documented_object(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str, vectors: dict[str, Any]
) -> None:
    vector = vectors["get_identitysync_v1"]
    documented = vector["responseBody"]
    body = {k: v for k, v in documented.items() if k != "tenantId"}
    create_partner_with_identity_sync(graph_session, partners_url, documented["tenantId"], body)
    response = graph_session.get(local_url(local_graph, vector["url"]))
    assert response.status_code == vector["status"] == 200
    answered = response.json()
    assert answered.pop("@odata.context").endswith(
        f"partners('{documented['tenantId']}')/identitySynchronization/$entity"
    )
    assert answered == documented


def test_update_identitysync_v1_answers_204_and_changes_only_what_was_sent(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str, vectors: dict[str, Any]
) -> None:
    vector = vectors["update_identitysync_v1"]
    url = local_url(local_graph, vector["url"])
    tenant_id = url.split("/partners/", 1)[1].split("/", 1)[0]
    before = {"displayName": "Fabrikam", "userSyncInbound": {"isSyncAllowed": False}}
    create_partner_with_identity_sync(graph_session, partners_url, tenant_id, before)
    response = graph_session.patch(url, json=vector["requestBody"], headers=vector["requestHeaders"])
    assert response.status_code == vector["status"] == 204
    assert response.content == b""
    assert graph_session.get(url).json()["userSyncInbound"] == {"isSyncAllowed": True}
    assert graph_session.get(url).json()["displayName"] == "Fabrikam"


def test_delete_identitysync_v1_answers_204_and_the_policy_is_gone_but_the_partner_stays(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str, vectors: dict[str, Any]
) -> None:
    vector = vectors["delete_identitysync_v1"]
    url = local_url(local_graph, vector["url"])
    tenant_id = url.split("/partners/", 1)[1].split("/", 1)[0]
    create_partner_with_identity_sync(
        graph_session, partners_url, tenant_id, {"userSyncInbound": {"isSyncAllowed": True}}
    )
    response = graph_session.delete(url)
    assert response.status_code == vector["status"] == 204
    assert response.content == b""
    assert graph_session.get(url).status_code == 404
    assert local_graph.identity_synchronizations() == {}
    assert tenant_id in local_graph.partners()


def test_error_duplicate_identitysync_409_is_answered_to_a_second_put(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str, vectors: dict[str, Any]
) -> None:
    vector = substitute(vectors["error_duplicate_identitysync_409"])
    url = local_url(local_graph, vector["url"])
    first = {"displayName": "Fabrikam", "userSyncInbound": {"isSyncAllowed": True}}
    create_partner_with_identity_sync(graph_session, partners_url, PLACEHOLDER_TENANT, first)
    # The documented request elides its body; the Entra guide's PUT sends userSyncInbound.
    response = graph_session.put(url, json={"userSyncInbound": {"isSyncAllowed": False}})
    assert response.status_code == vector["status"] == 409
    assert_error_matches(response.json(), vector["responseBody"])
    assert local_graph.identity_synchronizations()[PLACEHOLDER_TENANT] == {
        "tenantId": PLACEHOLDER_TENANT,
        **first,
    }
