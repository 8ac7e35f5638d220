"""The default configuration and the policy beyond the documented vectors: read-only and unknown properties,
null, R18, R19, R20, permissions, routing (graph-api.md §1.6, §1.7, §3.1, §3.3; server.py assumptions)."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from vector_compare import assert_graph_error

from constructs_xtap.local_graph import READ_ROLE, LocalGraph

READER = "5e0c1b2a-3d4f-4a5b-8c6d-7e8f9a0b1c2d"


@pytest.fixture
def root(local_graph: LocalGraph) -> str:
    return f"{local_graph.graph_endpoint}/v1.0/policies/crossTenantAccessPolicy"


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"automaticUserConsentSettings": {"inboundAllowed": True}}, "automaticUserConsentSettings"),
        ({"isServiceDefault": False}, "isServiceDefault"),
        ({"id": "x"}, "id"),
    ],
)
def test_patching_a_read_only_default_property_is_400_and_changes_nothing(
    local_graph: LocalGraph, graph_session: requests.Session, root: str, body: dict[str, Any], named: str
) -> None:
    response = graph_session.patch(f"{root}/default", json={"inboundTrust": {"isMfaAccepted": True}, **body})
    error = assert_graph_error(response, 400, "Request_BadRequest")
    assert named in error["message"] and "read-only" in error["message"]
    assert local_graph.default_configuration()["isServiceDefault"] is True


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"b2BCollaborationInbound": None}, "Invalid property 'b2BCollaborationInbound'"),
        ({"isServiceProvider": True}, "Invalid property 'isServiceProvider'"),
        ({"inboundTrust": {"isMfaTrusted": True}}, "Invalid property 'isMfaTrusted'"),
        (
            {"b2bCollaborationInbound": {"usersAndGroups": {"accessType": "denied"}}},
            None,
        ),
        (
            {
                "invitationRedemptionIdentityProviderConfiguration": {
                    "primaryIdentityProviderPrecedenceOrder": ["microsoftAccount"],
                    "fallbackIdentityProvider": "emailOneTimePasscode",
                }
            },
            None,
        ),
        (["not an object"], None),
    ],
)
def test_an_unknown_name_or_bad_value_in_a_default_patch_is_400(
    graph_session: requests.Session, root: str, body: Any, message: str | None
) -> None:
    assert_graph_error(graph_session.patch(f"{root}/default", json=body), 400, "Request_BadRequest", message)


@pytest.mark.parametrize(
    "providers",
    [
        {"primaryIdentityProviderPrecedenceOrder": ["azureActiveDirectory"]},
        {"primaryIdentityProviderPrecedenceOrder": [], "fallbackIdentityProvider": None},
    ],
)
def test_an_identity_provider_configuration_without_a_fallback_is_400_r18(
    local_graph: LocalGraph, graph_session: requests.Session, root: str, providers: dict[str, Any]
) -> None:
    body = {"invitationRedemptionIdentityProviderConfiguration": providers}
    error = assert_graph_error(graph_session.patch(f"{root}/default", json=body), 400, "Request_BadRequest")
    assert "fallbackIdentityProvider" in error["message"]
    assert local_graph.default_configuration()["isServiceDefault"] is True


def test_null_puts_one_default_property_back_to_its_service_default(
    local_graph: LocalGraph, graph_session: requests.Session, root: str, vectors: dict[str, Any]
) -> None:
    service = vectors["get_default_beta_service_default"]["responseBody"]
    changed = {"accessType": "blocked", "targets": [{"target": "AllUsers", "targetType": "user"}]}
    graph_session.patch(f"{root}/default", json={"b2bCollaborationInbound": {"usersAndGroups": changed}})
    graph_session.patch(f"{root}/default", json={"inboundTrust": {"isMfaAccepted": True}})
    assert graph_session.patch(f"{root}/default", json={"b2bCollaborationInbound": None}).status_code == 204
    answered = graph_session.get(f"{root}/default").json()
    assert answered["b2bCollaborationInbound"] == service["b2bCollaborationInbound"]
    assert answered["inboundTrust"] == {"isMfaAccepted": True}
    assert answered["isServiceDefault"] is False


def test_default_answers_select_and_beta_serves_the_same_default(
    graph_session: requests.Session, root: str, local_graph: LocalGraph
) -> None:
    graph_session.patch(f"{root}/default", json={"inboundTrust": {"isMfaAccepted": True}})
    selected = graph_session.get(f"{root}/default", params={"$select": "isServiceDefault"}).json()
    assert {k: v for k, v in selected.items() if k != "@odata.context"} == {"isServiceDefault": False}
    beta = graph_session.get(root.replace("/v1.0/", "/beta/") + "/default").json()
    assert beta["@odata.context"].endswith("/beta/$metadata#policies/crossTenantAccessPolicy/default/$entity")
    assert beta["inboundTrust"] == {"isMfaAccepted": True}


def test_reset_to_system_default_of_an_unchanged_default_is_204_too(
    local_graph: LocalGraph, graph_session: requests.Session, root: str
) -> None:
    response = graph_session.post(f"{root}/default/resetToSystemDefault")
    assert response.status_code == 204
    assert response.content == b""
    assert local_graph.default_configuration()["isServiceDefault"] is True


@pytest.mark.parametrize(
    ("method", "path"),
    [("PUT", "/default"), ("DELETE", "/default"), ("GET", "/default/resetToSystemDefault"), ("POST", "")],
)
def test_methods_the_singletons_do_not_serve_are_405(
    graph_session: requests.Session, root: str, method: str, path: str
) -> None:
    assert_graph_error(graph_session.request(method, f"{root}{path}", json={}), 405, "Request_BadRequest")


def test_singleton_paths_are_case_insensitive(
    graph_session: requests.Session, local_graph: LocalGraph
) -> None:
    url = f"{local_graph.graph_endpoint}/v1.0/POLICIES/crosstenantaccesspolicy/DEFAULT/ResetToSystemDefault"
    assert graph_session.post(url).status_code == 204


def test_an_unknown_segment_below_the_default_is_400_naming_it(
    graph_session: requests.Session, root: str
) -> None:
    response = graph_session.get(f"{root}/default/m365Capabilitiez")
    assert_graph_error(response, 400, "BadRequest", "Resource not found for the segment 'm365Capabilitiez'.")


def test_a_reader_can_get_but_not_change_the_default_or_the_policy(
    local_graph: LocalGraph, root: str
) -> None:
    local_graph.register_client(READER, secret="reader", roles=(READ_ROLE,))
    session = local_graph.session()
    session.headers["Authorization"] = f"Bearer {local_graph.issue_token(READER)}"
    assert session.get(f"{root}/default").status_code == 200
    assert session.get(root).status_code == 200
    for method, url in (
        ("PATCH", f"{root}/default"),
        ("POST", f"{root}/default/resetToSystemDefault"),
        ("PATCH", root),
    ):
        assert_graph_error(session.request(method, url, json={}), 403, "Authorization_RequestDenied")


# -- the policy ------------------------------------------------------------------------------------------
def test_policy_display_name_is_updated_and_the_rest_kept(
    local_graph: LocalGraph, graph_session: requests.Session, root: str
) -> None:
    graph_session.patch(root, json={"allowedCloudEndpoints": ["partner.microsoftonline.cn"]})
    assert graph_session.patch(root, json={"displayName": "Contoso XTAP"}).status_code == 204
    answered = graph_session.get(root).json()
    assert answered["displayName"] == "Contoso XTAP"
    assert answered["allowedCloudEndpoints"] == ["partner.microsoftonline.cn"]
    assert answered["@odata.context"].endswith("/v1.0/$metadata#policies/crossTenantAccessPolicy/$entity")
    assert local_graph.cross_tenant_access_policy()["displayName"] == "Contoso XTAP"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"allowedCloudEndpoints": ["microsoftonline.de"]}, None),
        ({"allowedCloudEndpoints": "microsoftonline.us"}, None),
        ({"allowedCloudEndpoints": None}, None),
        ({"displayName": 7}, None),
        ({"definition": "x"}, "Invalid property 'definition'"),
        ({"AllowedCloudEndpoints": []}, "Invalid property 'AllowedCloudEndpoints'"),
    ],
)
def test_a_policy_patch_outside_r19_or_the_two_writable_properties_is_400(
    local_graph: LocalGraph, graph_session: requests.Session, root: str, body: Any, message: str | None
) -> None:
    assert_graph_error(graph_session.patch(root, json=body), 400, "Request_BadRequest", message)
    assert local_graph.cross_tenant_access_policy()["allowedCloudEndpoints"] == []


def test_a_policy_over_25_kb_is_400_r20(
    local_graph: LocalGraph, graph_session: requests.Session, root: str
) -> None:
    response = graph_session.patch(root, json={"displayName": "x" * 26 * 1024})
    assert_graph_error(response, 400, "Request_BadRequest")
    assert local_graph.cross_tenant_access_policy()["displayName"] == "CrossTenantAccessPolicy"
