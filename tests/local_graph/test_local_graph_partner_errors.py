"""The local Graph answers bad requests as documented Graph does (graph-api.md §3), assumptions noted."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from vector_compare import GUID, assert_graph_error

from constructs_xtap.local_graph import READ_ROLE, LocalGraph

TENANT = "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a"


def test_duplicate_tenant_is_409_multiple_objects_with_same_key_value(
    graph_session: requests.Session, partners_url: str
) -> None:
    assert graph_session.post(partners_url, json={"tenantId": TENANT}).status_code == 201
    response = graph_session.post(partners_url, json={"tenantId": TENANT.upper()})
    assert_graph_error(
        response,
        409,
        "Request_MultipleObjectsWithSameKeyValue",
        "Another object with the same value for property tenantId already exists.",
    )


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ({"tenantId": TENANT, "b2BCollaborationInbound": None}, "b2BCollaborationInbound"),
        ({"tenantId": TENANT, "inboundTrust": {"isMfaTrusted": True}}, "isMfaTrusted"),
        ({"tenantId": TENANT, "TenantRestrictions": None}, "TenantRestrictions"),
        (
            {
                "tenantId": TENANT,
                "b2bCollaborationOutbound": {
                    "usersAndGroups": {
                        "accessType": "allowed",
                        "targets": [{"target": "AllUsers", "TargetType": "user"}],
                    }
                },
            },
            "TargetType",
        ),
        (
            {"tenantId": TENANT, "inboundTrust": {"isHybridAzureAdJoinedDeviceAccepted": True}},
            "isHybridAzureAdJoinedDeviceAccepted",
        ),
    ],
)
def test_create_with_unknown_or_miscased_property_anywhere_is_400_invalid_property(
    graph_session: requests.Session,
    partners_url: str,
    local_graph: LocalGraph,
    body: dict[str, Any],
    name: str,
) -> None:
    response = graph_session.post(partners_url, json=body)
    assert_graph_error(response, 400, "Request_BadRequest", f"Invalid property '{name}'")
    assert local_graph.partners() == {}


def test_patch_with_miscased_property_is_400_and_changes_nothing(
    graph_session: requests.Session, partners_url: str, local_graph: LocalGraph
) -> None:
    graph_session.post(partners_url, json={"tenantId": TENANT})
    before = local_graph.partners()
    response = graph_session.patch(
        f"{partners_url}/{TENANT}", json={"inboundTrust": None, "b2BDirectConnectInbound": None}
    )
    assert_graph_error(response, 400, "Request_BadRequest", "Invalid property 'b2BDirectConnectInbound'")
    assert local_graph.partners() == before


@pytest.mark.parametrize(
    ("setting", "name"),
    [
        ({"usersAndGroups": {"accessType": "Allowed"}}, "accessType"),
        ({"usersAndGroups": {"accessType": "unknownFutureValue"}}, "accessType"),
        (
            {
                "applications": {
                    "accessType": "allowed",
                    "targets": [{"target": "Office365", "targetType": "app"}],
                }
            },
            "targetType",
        ),
    ],
)
def test_invalid_enum_value_is_400_naming_the_property(
    graph_session: requests.Session, partners_url: str, setting: dict[str, Any], name: str
) -> None:
    response = graph_session.post(partners_url, json={"tenantId": TENANT, "b2bCollaborationInbound": setting})
    error = assert_graph_error(response, 400, "Request_BadRequest")
    assert f"'{name}'" in error["message"]


@pytest.mark.parametrize(
    "body",
    [
        {"tenantId": TENANT, "inboundTrust": {"isMfaAccepted": "yes"}},
        {
            "tenantId": TENANT,
            "b2bCollaborationInbound": {"usersAndGroups": {"targets": {"target": "AllUsers"}}},
        },
        {"tenantId": TENANT, "b2bCollaborationInbound": "allowed"},
        {"tenantId": "contoso.onmicrosoft.com"},
        {"tenantId": "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a\n"},  # `$` would match before the newline
        {"tenantId": 42},
        {},
        ["not", "an", "object"],
    ],
)
def test_malformed_create_body_is_400_request_bad_request(
    graph_session: requests.Session, partners_url: str, local_graph: LocalGraph, body: Any
) -> None:
    assert_graph_error(graph_session.post(partners_url, json=body), 400, "Request_BadRequest")
    assert local_graph.partners() == {}


def test_unreadable_json_is_400_bad_request(graph_session: requests.Session, partners_url: str) -> None:
    response = graph_session.post(
        partners_url, data=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert_graph_error(response, 400, "BadRequest")


@pytest.mark.parametrize(
    "body", [{"tenantId": TENANT}, {"isServiceProvider": True}, {"isInMultiTenantOrganization": True}]
)
def test_patch_of_a_property_graph_cannot_update_is_400(
    graph_session: requests.Session, partners_url: str, local_graph: LocalGraph, body: dict[str, Any]
) -> None:
    graph_session.post(partners_url, json={"tenantId": TENANT})
    before = local_graph.partners()
    error = assert_graph_error(
        graph_session.patch(f"{partners_url}/{TENANT}", json=body), 400, "Request_BadRequest"
    )
    assert next(iter(body)) in error["message"]
    assert local_graph.partners() == before


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
def test_missing_partner_is_404_request_resource_not_found(
    graph_session: requests.Session, partners_url: str, method: str
) -> None:
    response = graph_session.request(
        method, f"{partners_url}/{TENANT}", json={} if method == "PATCH" else None
    )
    error = assert_graph_error(response, 404, "Request_ResourceNotFound")
    assert TENANT in error["message"]


def test_path_id_matches_case_insensitively_and_keys_are_lower_case(
    graph_session: requests.Session, partners_url: str, local_graph: LocalGraph
) -> None:
    created = graph_session.post(partners_url, json={"tenantId": TENANT.upper()}).json()
    assert created["tenantId"] == TENANT
    assert list(local_graph.partners()) == [TENANT]
    assert graph_session.get(f"{partners_url}/{TENANT.upper()}").json()["tenantId"] == TENANT
    assert (
        graph_session.patch(f"{partners_url}/{TENANT.upper()}", json={"inboundTrust": None}).status_code
        == 204
    )
    assert graph_session.delete(f"{partners_url}/{TENANT.upper()}").status_code == 204


def test_patch_null_clears_a_setting_to_inherit_and_leaves_others(
    graph_session: requests.Session, partners_url: str
) -> None:
    outbound = {
        "usersAndGroups": {"accessType": "blocked", "targets": [{"target": "AllUsers", "targetType": "user"}]}
    }
    graph_session.post(
        partners_url,
        json={
            "tenantId": TENANT,
            "inboundTrust": {"isMfaAccepted": True},
            "b2bCollaborationOutbound": outbound,
        },
    )
    assert graph_session.patch(f"{partners_url}/{TENANT}", json={"inboundTrust": None}).status_code == 204
    stored = graph_session.get(f"{partners_url}/{TENANT}").json()
    assert stored["inboundTrust"] is None
    assert stored["b2bCollaborationOutbound"] == outbound


def test_patch_replaces_target_arrays_wholesale(graph_session: requests.Session, partners_url: str) -> None:
    def inbound(*apps: str) -> dict[str, Any]:
        targets = [{"target": app, "targetType": "application"} for app in apps]
        return {"applications": {"accessType": "allowed", "targets": targets}}

    graph_session.post(
        partners_url,
        json={"tenantId": TENANT, "b2bCollaborationInbound": inbound("Office365", "AllApplications")},
    )
    graph_session.patch(
        f"{partners_url}/{TENANT}",
        json={"b2bCollaborationInbound": inbound("2793995e-0a7d-40d7-bd35-6968ba142197")},
    )
    stored = graph_session.get(f"{partners_url}/{TENANT}").json()
    assert stored["b2bCollaborationInbound"] == inbound("2793995e-0a7d-40d7-bd35-6968ba142197")


def test_delete_of_a_cloud_service_provider_partner_is_400(
    graph_session: requests.Session, partners_url: str, local_graph: LocalGraph
) -> None:
    created = graph_session.post(partners_url, json={"tenantId": TENANT, "isServiceProvider": True})
    assert created.json()["isServiceProvider"] is True
    error = assert_graph_error(graph_session.delete(f"{partners_url}/{TENANT}"), 400, "Request_BadRequest")
    assert "isServiceProvider" in error["message"]
    assert TENANT in local_graph.partners()


def test_request_without_token_is_401_invalid_authentication_token(
    local_graph: LocalGraph, partners_url: str
) -> None:
    response = local_graph.session().get(partners_url)
    assert_graph_error(response, 401, "InvalidAuthenticationToken", "Access token is empty.")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_forged_token_is_401(local_graph: LocalGraph, partners_url: str) -> None:
    session = local_graph.session()
    token = local_graph.issue_token()
    session.headers["Authorization"] = (
        "Bearer " + token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    )
    assert_graph_error(session.get(partners_url), 401, "InvalidAuthenticationToken")


def test_read_only_role_may_list_and_get_but_not_write(local_graph: LocalGraph, partners_url: str) -> None:
    local_graph.register_client("aaaaaaaa-0000-0000-0000-000000000001", secret="reader", roles=(READ_ROLE,))
    session = local_graph.session()
    session.headers["Authorization"] = (
        f"Bearer {local_graph.issue_token('aaaaaaaa-0000-0000-0000-000000000001')}"
    )
    assert session.get(partners_url).status_code == 200
    assert_graph_error(
        session.post(partners_url, json={"tenantId": TENANT}),
        403,
        "Authorization_RequestDenied",
        "Insufficient privileges to complete the operation.",
    )
    assert local_graph.partners() == {}


def test_beta_prefix_serves_the_same_partners(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    graph_session.post(partners_url, json={"tenantId": TENANT})
    beta = f"{local_graph.graph_endpoint}/beta/policies/crossTenantAccessPolicy/partners"
    assert [p["tenantId"] for p in graph_session.get(beta).json()["value"]] == [TENANT]
    assert graph_session.delete(f"{beta}/{TENANT}").status_code == 204
    assert local_graph.partners() == {}


def test_responses_carry_request_id_and_echo_client_request_id(
    graph_session: requests.Session, partners_url: str
) -> None:
    response = graph_session.get(
        partners_url, headers={"client-request-id": "e70c5c1b-8b47-68c0-3171-3d22f5e0bd54"}
    )
    assert response.status_code == 200
    assert GUID.match(response.headers["request-id"])
    assert response.headers["client-request-id"] == "e70c5c1b-8b47-68c0-3171-3d22f5e0bd54"


def test_select_keeps_the_key_and_the_selected_properties(
    graph_session: requests.Session, partners_url: str
) -> None:
    graph_session.post(partners_url, json={"tenantId": TENANT})
    body = graph_session.get(partners_url, params={"$select": "inboundTrust"}).json()
    assert body["value"] == [{"tenantId": TENANT, "inboundTrust": None}]
    assert_graph_error(graph_session.get(partners_url, params={"$select": "nope"}), 400, "BadRequest")


def test_unsupported_method_is_405(graph_session: requests.Session, partners_url: str) -> None:
    assert_graph_error(graph_session.put(partners_url, json={}), 405, "Request_BadRequest")


def test_unknown_segment_is_400_resource_not_found_for_the_segment(
    local_graph: LocalGraph, graph_session: requests.Session
) -> None:
    response = graph_session.get(
        f"{local_graph.graph_endpoint}/v1.0/policies/crossTenantAccessPolicy/partnerz"
    )
    assert_graph_error(response, 400, "BadRequest", "Resource not found for the segment 'partnerz'.")
