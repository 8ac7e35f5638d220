"""A partner's identitySynchronization beyond the vectors: the R7 delete rule, missing objects, $expand,
validation, permissions and persistence (graph-api.md §1.5, §1.8, §2.12; server.py assumptions 3, 8, 14)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import requests
from vector_compare import assert_graph_error

from constructs_xtap.local_graph import READ_ROLE, LocalGraph

TENANT = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551"
OTHER = "90e29127-71ad-49c7-9ce8-db3f41ea06f1"
POLICY = {"displayName": "Fabrikam", "userSyncInbound": {"isSyncAllowed": True}}
NOT_FOUND_MESSAGE = "Unable to read the company information from the directory."


def sync_url(partners_url: str, tenant_id: str = TENANT) -> str:
    return f"{partners_url}/{tenant_id}/identitySynchronization"


@pytest.fixture
def partner_with_sync(graph_session: requests.Session, partners_url: str) -> str:
    assert graph_session.post(partners_url, json={"tenantId": TENANT}).status_code == 201
    assert graph_session.put(sync_url(partners_url), json=POLICY).status_code == 204
    return TENANT


def test_delete_of_a_partner_with_identity_sync_is_refused_and_the_partner_stays(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str, partner_with_sync: str
) -> None:
    response = graph_session.delete(f"{partners_url}/{partner_with_sync}")
    error = assert_graph_error(response, 400, "Request_BadRequest")
    assert "identity synchronization policy" in error["message"]
    assert f"/partners/{TENANT}/identitySynchronization" in error["message"]
    assert TENANT in local_graph.partners()
    assert local_graph.identity_synchronizations() == {TENANT: {"tenantId": TENANT, **POLICY}}
    assert graph_session.get(f"{partners_url}/{TENANT}").status_code == 200


def test_partner_delete_works_after_its_identity_sync_is_deleted(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str, partner_with_sync: str
) -> None:
    assert graph_session.delete(sync_url(partners_url)).status_code == 204
    assert graph_session.delete(f"{partners_url}/{partner_with_sync}").status_code == 204
    assert local_graph.partners() == {}
    assert graph_session.get(f"{partners_url}/{TENANT}").status_code == 404


def test_patch_of_a_missing_identity_sync_is_404_directory_object_not_found_and_creates_nothing(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    assert graph_session.post(partners_url, json={"tenantId": TENANT}).status_code == 201
    response = graph_session.patch(sync_url(partners_url), json=POLICY)
    assert_graph_error(response, 404, "Directory_ObjectNotFound", NOT_FOUND_MESSAGE)
    assert local_graph.identity_synchronizations() == {}


@pytest.mark.parametrize("method", ["GET", "DELETE"])
def test_get_or_delete_of_a_missing_identity_sync_is_404_directory_object_not_found(
    method: str, graph_session: requests.Session, partners_url: str
) -> None:
    assert graph_session.post(partners_url, json={"tenantId": TENANT}).status_code == 201
    response = graph_session.request(method, sync_url(partners_url))
    assert_graph_error(response, 404, "Directory_ObjectNotFound", NOT_FOUND_MESSAGE)


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
def test_identity_sync_of_a_missing_partner_is_the_partners_404(
    method: str, local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    body = POLICY if method in ("PUT", "PATCH") else None
    response = graph_session.request(method, sync_url(partners_url), json=body)
    error = assert_graph_error(response, 404, "Request_ResourceNotFound")
    assert TENANT in error["message"]
    assert local_graph.identity_synchronizations() == {}
    assert local_graph.partners() == {}


def test_get_partner_without_expand_does_not_answer_identity_sync(
    graph_session: requests.Session, partners_url: str, partner_with_sync: str
) -> None:
    assert "identitySynchronization" not in graph_session.get(f"{partners_url}/{partner_with_sync}").json()
    listed = graph_session.get(partners_url).json()["value"]
    assert ["identitySynchronization" in p for p in listed] == [False]


def test_get_partner_with_expand_answers_identity_sync_inline_next_to_every_property(
    graph_session: requests.Session, partners_url: str, partner_with_sync: str
) -> None:
    response = graph_session.get(
        f"{partners_url}/{partner_with_sync}", params={"$expand": "identitySynchronization"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["identitySynchronization"] == {"tenantId": TENANT, **POLICY}
    assert body["automaticUserConsentSettings"] == {"inboundAllowed": None, "outboundAllowed": None}


def test_list_with_expand_answers_null_for_a_partner_without_identity_sync(
    graph_session: requests.Session, partners_url: str, partner_with_sync: str
) -> None:
    assert graph_session.post(partners_url, json={"tenantId": OTHER}).status_code == 201
    response = graph_session.get(
        partners_url, params={"$select": "tenantId", "$expand": "identitySynchronization"}
    )
    assert response.json()["value"] == [
        {"tenantId": TENANT, "identitySynchronization": {"tenantId": TENANT, **POLICY}},
        {"tenantId": OTHER, "identitySynchronization": None},
    ]


@pytest.mark.parametrize("name", ["IdentitySynchronization", "m365Capabilities", "policies"])
def test_expand_of_anything_but_identity_synchronization_is_400_naming_it(
    name: str, graph_session: requests.Session, partners_url: str
) -> None:
    response = graph_session.get(partners_url, params={"$expand": name})
    error = assert_graph_error(response, 400, "BadRequest")
    assert f"'{name}'" in error["message"]


def test_get_identity_sync_honours_select_and_keeps_the_key(
    graph_session: requests.Session, partners_url: str, partner_with_sync: str
) -> None:
    response = graph_session.get(sync_url(partners_url), params={"$select": "displayName"})
    assert response.status_code == 200
    body = response.json()
    body.pop("@odata.context")
    assert body == {"tenantId": TENANT, "displayName": "Fabrikam"}


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ({"DisplayName": "Fabrikam"}, "DisplayName"),
        ({"userSyncInbound": {"IsSyncAllowed": True}}, "IsSyncAllowed"),
        ({"userSyncInbound": {"isSyncAllowed": True}, "groupSyncInbound": None}, "groupSyncInbound"),
        ({"b2bCollaborationInbound": None}, "b2bCollaborationInbound"),
    ],
)
def test_identity_sync_with_unknown_or_miscased_property_is_400_invalid_property(
    body: dict[str, Any],
    name: str,
    local_graph: LocalGraph,
    graph_session: requests.Session,
    partners_url: str,
) -> None:
    assert graph_session.post(partners_url, json={"tenantId": TENANT}).status_code == 201
    assert_graph_error(
        graph_session.put(sync_url(partners_url), json=body),
        400,
        "Request_BadRequest",
        f"Invalid property '{name}'",
    )
    assert local_graph.identity_synchronizations() == {}


def test_identity_sync_with_a_non_boolean_is_sync_allowed_is_400_naming_it(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str, partner_with_sync: str
) -> None:
    response = graph_session.patch(sync_url(partners_url), json={"userSyncInbound": {"isSyncAllowed": "yes"}})
    error = assert_graph_error(response, 400, "Request_BadRequest")
    assert "'isSyncAllowed'" in error["message"]
    assert local_graph.identity_synchronizations()[TENANT]["userSyncInbound"] == {"isSyncAllowed": True}


def test_identity_sync_refuses_another_tenant_id_but_accepts_its_own(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str, partner_with_sync: str
) -> None:
    response = graph_session.patch(sync_url(partners_url), json={"tenantId": OTHER, "displayName": "X"})
    error = assert_graph_error(response, 400, "Request_BadRequest")
    assert "read-only" in error["message"]
    assert local_graph.identity_synchronizations()[TENANT]["displayName"] == "Fabrikam"
    own = {"tenantId": TENANT.upper(), "displayName": "Contoso"}
    assert graph_session.patch(sync_url(partners_url), json=own).status_code == 204
    assert local_graph.identity_synchronizations()[TENANT] == {
        "tenantId": TENANT,
        "displayName": "Contoso",
        "userSyncInbound": {"isSyncAllowed": True},
    }


def test_put_without_properties_stores_nulls_and_an_empty_body_is_400(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    assert graph_session.post(partners_url, json={"tenantId": TENANT}).status_code == 201
    assert_graph_error(graph_session.put(sync_url(partners_url), data=b""), 400, "BadRequest")
    assert graph_session.put(sync_url(partners_url), json={}).status_code == 204
    assert local_graph.identity_synchronizations()[TENANT] == {
        "tenantId": TENANT,
        "displayName": None,
        "userSyncInbound": None,
    }


def test_post_on_identity_sync_is_405_and_segments_below_it_are_400(
    graph_session: requests.Session, partners_url: str, partner_with_sync: str
) -> None:
    assert_graph_error(graph_session.post(sync_url(partners_url), json=POLICY), 405, "Request_BadRequest")
    response = graph_session.get(f"{sync_url(partners_url)}/userSyncInbound")
    error = assert_graph_error(response, 400, "BadRequest")
    assert "'userSyncInbound'" in error["message"]
    response = graph_session.get(f"{partners_url}/{TENANT}/identitySync")
    assert "'identitySync'" in assert_graph_error(response, 400, "BadRequest")["message"]


def test_path_segments_and_tenant_id_match_case_insensitively(
    graph_session: requests.Session, partners_url: str, partner_with_sync: str
) -> None:
    response = graph_session.get(f"{partners_url}/{TENANT.upper()}/IDENTITYSYNCHRONIZATION")
    assert response.status_code == 200
    assert response.json()["tenantId"] == TENANT


def test_beta_serves_the_same_identity_sync_as_v1(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str, partner_with_sync: str
) -> None:
    beta = sync_url(partners_url).replace("/v1.0/", "/beta/")
    assert graph_session.patch(beta, json={"displayName": "Fabrikam Beta"}).status_code == 204
    assert graph_session.get(sync_url(partners_url)).json()["displayName"] == "Fabrikam Beta"


def test_read_only_role_may_get_identity_sync_but_not_write_it(
    local_graph: LocalGraph, partners_url: str, partner_with_sync: str
) -> None:
    local_graph.register_client("aaaaaaaa-0000-0000-0000-000000000002", secret="reader", roles=(READ_ROLE,))
    session = local_graph.session()
    session.headers["Authorization"] = (
        f"Bearer {local_graph.issue_token('aaaaaaaa-0000-0000-0000-000000000002')}"
    )
    assert session.get(sync_url(partners_url)).status_code == 200
    for method in ("PUT", "PATCH", "DELETE"):
        response = session.request(method, sync_url(partners_url), json=POLICY)
        assert_graph_error(response, 403, "Authorization_RequestDenied")
    assert local_graph.identity_synchronizations() == {TENANT: {"tenantId": TENANT, **POLICY}}


def test_identity_sync_survives_a_restart_with_a_state_file_and_still_blocks_the_delete(
    tmp_path: Path,
) -> None:
    state = tmp_path / "local-graph.json"
    with LocalGraph(state_file=state) as graph:
        session = graph.session()
        session.headers["Authorization"] = f"Bearer {graph.issue_token()}"
        partners_url = f"{graph.graph_endpoint}/v1.0/policies/crossTenantAccessPolicy/partners"
        assert session.post(partners_url, json={"tenantId": TENANT}).status_code == 201
        assert session.put(sync_url(partners_url), json=POLICY).status_code == 204
    with LocalGraph(state_file=state) as graph:
        session = graph.session()
        session.headers["Authorization"] = f"Bearer {graph.issue_token()}"
        partners_url = f"{graph.graph_endpoint}/v1.0/policies/crossTenantAccessPolicy/partners"
        answered = session.get(sync_url(partners_url)).json()
        assert {k: v for k, v in answered.items() if k != "@odata.context"} == {"tenantId": TENANT, **POLICY}
        assert session.delete(f"{partners_url}/{TENANT}").status_code == 400


def test_reset_clears_identity_sync_policies(local_graph: LocalGraph, partner_with_sync: str) -> None:
    local_graph.reset()
    assert local_graph.identity_synchronizations() == {}
    assert local_graph.partners() == {}
