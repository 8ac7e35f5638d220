"""The local Graph hosts tenants: registered over /_xtap/tenants or register_tenant, found by the tenant
lookups, each with its own partners, default and policy; a token acts on the tenant it was issued for."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
import requests
from vector_compare import assert_graph_error

from constructs_xtap.local_graph import LocalGraph
from constructs_xtap.local_graph.client_registry import TENANT_INFORMATION_ROLE, WRITE_ROLE

CONTOSO = {
    "tenantId": "6babcaad-604b-40ac-a9d7-9fd97c0b779f",
    "displayName": "Contoso, Ltd",
    "defaultDomainName": "CONTOSO18839.onmicrosoft.com",
}
FABRIKAM = {
    "tenantId": "90e29127-71ad-49c7-9ce8-db3f41ea06f1",
    "displayName": "Fabrikam",
    "defaultDomainName": "fabrikam.onmicrosoft.com",
}
PARTNER = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551"
TENANT_INFORMATION_TYPE = "microsoft.graph.tenantInformation"
LOOKUP_CLIENT = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"


def register(graph: LocalGraph, tenant: dict[str, str]) -> None:
    graph.register_tenant(tenant["tenantId"], tenant["displayName"], tenant["defaultDomainName"])


def http_token(graph: LocalGraph, tenant: str, client_id: str, secret: str) -> requests.Response:
    return graph.session().post(
        f"{graph.authority_host}/{tenant}/oauth2/v2.0/token",
        data={
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": secret,
            "scope": f"{graph.graph_endpoint}/.default",
        },
    )


def session_for(graph: LocalGraph, tenant: str) -> requests.Session:
    """A session with a token the preregistered app got over HTTP from ``tenant``'s token endpoint."""
    response = http_token(graph, tenant, graph.client_id, graph.client_secret)
    assert response.status_code == 200, response.text
    session = graph.session()
    session.headers["Authorization"] = f"Bearer {response.json()['access_token']}"
    return session


def by_id_url(graph: LocalGraph, tenant_id: str) -> str:
    lookup = f"findTenantInformationByTenantId(tenantId='{tenant_id}')"
    return f"{graph.graph_endpoint}/v1.0/tenantRelationships/{lookup}"


def lookup_session(graph: LocalGraph) -> requests.Session:
    graph.register_client(LOOKUP_CLIENT, secret="lookup", roles=(TENANT_INFORMATION_ROLE,))
    session = graph.session()
    session.headers["Authorization"] = f"Bearer {graph.issue_token(LOOKUP_CLIENT)}"
    return session


def partners_url(graph: LocalGraph) -> str:
    return f"{graph.graph_endpoint}/v1.0/policies/crossTenantAccessPolicy/partners"


# -- registration ----------------------------------------------------------------------------------------
def test_the_home_tenant_is_registered_at_start_and_listed_first(local_graph: LocalGraph) -> None:
    register(local_graph, CONTOSO)
    listed = local_graph.session().get(f"{local_graph.graph_endpoint}/_xtap/tenants")
    assert listed.status_code == 200
    tenants = listed.json()["tenants"]
    assert [t["tenantId"] for t in tenants] == [local_graph.tenant_id, CONTOSO["tenantId"]]
    assert tenants[1] == {**CONTOSO, "federationBrandName": None}


def test_post_xtap_tenants_registers_a_tenant_with_201_and_its_tenant_information(
    local_graph: LocalGraph,
) -> None:
    response = local_graph.session().post(f"{local_graph.graph_endpoint}/_xtap/tenants", json=FABRIKAM)
    assert response.status_code == 201
    assert response.json() == {**FABRIKAM, "federationBrandName": None}
    assert [t["tenantId"] for t in local_graph.hosted_tenants()][1:] == [FABRIKAM["tenantId"]]


@pytest.mark.parametrize(
    "body",
    [
        {**FABRIKAM, "tenantId": "fabrikam.com"},
        {k: v for k, v in FABRIKAM.items() if k != "displayName"},
        {**FABRIKAM, "defaultDomainName": ""},
        {**FABRIKAM, "extra": 1},
        ["not", "an", "object"],
    ],
)
def test_post_xtap_tenants_refuses_a_bad_body_with_400(local_graph: LocalGraph, body: Any) -> None:
    response = local_graph.session().post(f"{local_graph.graph_endpoint}/_xtap/tenants", json=body)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "xtapControlError"
    assert len(local_graph.hosted_tenants()) == 1


@pytest.mark.parametrize(
    "body",
    [
        {**CONTOSO, "displayName": "Other"},
        {**FABRIKAM, "defaultDomainName": CONTOSO["defaultDomainName"].lower()},
    ],
)
def test_post_xtap_tenants_refuses_a_taken_tenant_id_or_domain_with_409(
    local_graph: LocalGraph, body: Any
) -> None:
    register(local_graph, CONTOSO)
    response = local_graph.session().post(f"{local_graph.graph_endpoint}/_xtap/tenants", json=body)
    assert response.status_code == 409
    assert len(local_graph.hosted_tenants()) == 2


def test_register_tenant_raises_value_error_for_a_non_guid_tenant_id(local_graph: LocalGraph) -> None:
    with pytest.raises(ValueError, match="GUID"):
        local_graph.register_tenant("contoso", "Contoso", "contoso.com")


def test_reset_forgets_every_registered_tenant_but_home(local_graph: LocalGraph) -> None:
    register(local_graph, CONTOSO)
    local_graph.reset()
    assert [t["tenantId"] for t in local_graph.hosted_tenants()] == [local_graph.tenant_id]


# -- tokens and isolation --------------------------------------------------------------------------------
def test_the_preregistered_app_gets_a_token_from_every_registered_tenant_and_it_names_that_tenant(
    local_graph: LocalGraph,
) -> None:
    register(local_graph, CONTOSO)
    for tenant in (CONTOSO["tenantId"], CONTOSO["defaultDomainName"]):
        response = http_token(local_graph, tenant, local_graph.client_id, local_graph.client_secret)
        assert response.status_code == 200, response.text
        claims = json.loads(_jwt_payload(response.json()["access_token"]))
        assert claims["tid"] == CONTOSO["tenantId"]
        assert claims["iss"].endswith(f"/{CONTOSO['tenantId']}/v2.0")


def _jwt_payload(token: str) -> str:
    payload = token.split(".")[1]
    return base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)).decode()


def test_an_unregistered_tenant_gets_no_token(local_graph: LocalGraph) -> None:
    response = http_token(local_graph, CONTOSO["tenantId"], local_graph.client_id, local_graph.client_secret)
    assert response.status_code == 400
    assert response.json()["error_codes"] == [90002]


def test_another_app_is_consented_only_in_the_home_tenant(local_graph: LocalGraph) -> None:
    register(local_graph, CONTOSO)
    local_graph.register_client(LOOKUP_CLIENT, secret="single-tenant", roles=(WRITE_ROLE,))
    assert http_token(local_graph, local_graph.tenant_id, LOOKUP_CLIENT, "single-tenant").status_code == 200
    elsewhere = http_token(local_graph, CONTOSO["tenantId"], LOOKUP_CLIENT, "single-tenant")
    assert elsewhere.status_code == 400
    assert elsewhere.json()["error_codes"] == [700016]
    with pytest.raises(KeyError):
        local_graph.issue_token(LOOKUP_CLIENT, tenant_id=CONTOSO["tenantId"])


def test_a_partner_created_with_one_tenants_token_is_invisible_with_anothers(local_graph: LocalGraph) -> None:
    register(local_graph, CONTOSO)
    register(local_graph, FABRIKAM)
    contoso, fabrikam = (
        session_for(local_graph, CONTOSO["tenantId"]),
        session_for(local_graph, FABRIKAM["tenantId"]),
    )
    assert contoso.post(partners_url(local_graph), json={"tenantId": PARTNER}).status_code == 201
    assert contoso.get(f"{partners_url(local_graph)}/{PARTNER}").status_code == 200
    assert fabrikam.get(partners_url(local_graph)).json()["value"] == []
    assert_graph_error(
        fabrikam.get(f"{partners_url(local_graph)}/{PARTNER}"), 404, "Request_ResourceNotFound"
    )
    # The same partner id is free in the other tenant, and home sees neither.
    assert fabrikam.post(partners_url(local_graph), json={"tenantId": PARTNER}).status_code == 201
    assert list(local_graph.partners(tenant_id=CONTOSO["tenantId"])) == [PARTNER]
    assert list(local_graph.partners(tenant_id=FABRIKAM["tenantId"])) == [PARTNER]
    assert local_graph.partners() == {}


def test_default_policy_and_identity_sync_of_one_tenant_do_not_change_anothers(
    local_graph: LocalGraph,
) -> None:
    register(local_graph, CONTOSO)
    contoso = session_for(local_graph, CONTOSO["tenantId"])
    home = session_for(local_graph, local_graph.tenant_id)
    root = f"{local_graph.graph_endpoint}/v1.0/policies/crossTenantAccessPolicy"
    assert contoso.patch(f"{root}/default", json={"inboundTrust": {"isMfaAccepted": True}}).status_code == 204
    assert contoso.patch(root, json={"allowedCloudEndpoints": ["microsoftonline.us"]}).status_code == 204
    contoso.post(f"{root}/partners", json={"tenantId": PARTNER})
    assert contoso.put(f"{root}/partners/{PARTNER}/identitySynchronization", json={}).status_code == 204
    assert home.get(f"{root}/default").json()["isServiceDefault"] is True
    assert home.get(root).json()["allowedCloudEndpoints"] == []
    assert local_graph.identity_synchronizations() == {}
    assert list(local_graph.identity_synchronizations(tenant_id=CONTOSO["tenantId"])) == [PARTNER]
    assert local_graph.default_configuration(tenant_id=CONTOSO["tenantId"])["isServiceDefault"] is False
    assert local_graph.cross_tenant_access_policy(CONTOSO["tenantId"])["allowedCloudEndpoints"] == [
        "microsoftonline.us"
    ]


def test_a_token_of_a_tenant_no_longer_hosted_is_401(local_graph: LocalGraph) -> None:
    register(local_graph, CONTOSO)
    session = local_graph.session()
    session.headers["Authorization"] = f"Bearer {local_graph.issue_token(tenant_id=CONTOSO['tenantId'])}"
    local_graph.reset()
    assert_graph_error(session.get(partners_url(local_graph)), 401, "InvalidAuthenticationToken")


def test_tenants_and_their_objects_survive_a_restart_with_a_state_file(tmp_path: Path) -> None:
    state = tmp_path / "graph.json"
    with LocalGraph(state_file=state) as graph:
        register(graph, CONTOSO)
        session = session_for(graph, CONTOSO["tenantId"])
        assert session.post(partners_url(graph), json={"tenantId": PARTNER}).status_code == 201
        root = f"{graph.graph_endpoint}/v1.0/policies/crossTenantAccessPolicy"
        assert session.patch(f"{root}/default", json={"inboundTrust": None}).status_code == 204
        assert session.patch(root, json={"displayName": "Contoso policy"}).status_code == 204
    with LocalGraph(state_file=state) as graph:
        assert [t["tenantId"] for t in graph.hosted_tenants()] == [graph.tenant_id, CONTOSO["tenantId"]]
        session = session_for(graph, CONTOSO["tenantId"])
        assert [p["tenantId"] for p in session.get(partners_url(graph)).json()["value"]] == [PARTNER]
        root = f"{graph.graph_endpoint}/v1.0/policies/crossTenantAccessPolicy"
        assert session.get(f"{root}/default").json()["isServiceDefault"] is False
        assert session.get(root).json()["displayName"] == "Contoso policy"
        assert graph.partners() == {}


# -- lookups ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("version", ["v1.0", "beta"])
def test_find_tenant_information_by_tenant_id_and_by_domain_name_answer_the_documented_shape(
    local_graph: LocalGraph, version: str
) -> None:
    register(local_graph, CONTOSO)
    session = lookup_session(local_graph)
    base = f"{local_graph.graph_endpoint}/{version}/tenantRelationships"
    expected = {
        "@odata.context": f"{local_graph.graph_endpoint}/{version}/$metadata#{TENANT_INFORMATION_TYPE}",
        **CONTOSO,
        "federationBrandName": None,
    }
    by_id = session.get(f"{base}/findTenantInformationByTenantId(tenantId='{CONTOSO['tenantId'].upper()}')")
    assert by_id.status_code == 200
    assert by_id.json() == expected
    by_domain = session.get(
        f"{base}/findTenantInformationByDomainName(domainName='contoso18839.onmicrosoft.com')"
    )
    assert by_domain.status_code == 200
    assert by_domain.json() == expected


def test_lookups_find_the_home_tenant_and_accept_percent_encoded_quotes(local_graph: LocalGraph) -> None:
    session = lookup_session(local_graph)
    url = (
        f"{local_graph.graph_endpoint}/v1.0/tenantRelationships/"
        f"findTenantInformationByTenantId(tenantId=%27{local_graph.tenant_id}%27)"
    )
    response = session.get(url)
    assert response.status_code == 200
    assert response.json()["tenantId"] == local_graph.tenant_id
    assert response.json()["defaultDomainName"] == "xtaplocal.onmicrosoft.com"


@pytest.mark.parametrize(
    "segment",
    [
        "findTenantInformationByTenantId(tenantId='6babcaad-604b-40ac-a9d7-9fd97c0b779f')",
        "findTenantInformationByDomainName(domainName='nowhere.example')",
    ],
)
def test_an_unknown_tenant_or_domain_is_404_request_resource_not_found(
    local_graph: LocalGraph, segment: str
) -> None:
    session = lookup_session(local_graph)
    response = session.get(f"{local_graph.graph_endpoint}/v1.0/tenantRelationships/{segment}")
    assert_graph_error(response, 404, "Request_ResourceNotFound")


def test_a_lookup_needs_the_cross_tenant_information_role(
    local_graph: LocalGraph, graph_session: requests.Session
) -> None:
    url = by_id_url(local_graph, local_graph.tenant_id)
    writer = "0d6c1f0e-2b3a-4c5d-8e9f-a0b1c2d3e4f5"
    local_graph.register_client(writer, secret="writer", roles=(WRITE_ROLE,))
    write_only = local_graph.session()
    write_only.headers["Authorization"] = f"Bearer {local_graph.issue_token(writer)}"
    assert_graph_error(write_only.get(url), 403, "Authorization_RequestDenied")
    assert graph_session.get(url).status_code == 200  # the fixture's app holds both, as xtap local-graph's
    lookups_only = lookup_session(local_graph)
    assert_graph_error(lookups_only.get(partners_url(local_graph)), 403, "Authorization_RequestDenied")


def test_the_app_xtap_local_graph_prints_holds_the_lookup_role() -> None:
    with LocalGraph() as graph:
        session = session_for(graph, graph.tenant_id)
        url = by_id_url(graph, graph.tenant_id)
        assert session.get(url).status_code == 200
        assert session.get(partners_url(graph)).status_code == 200


def test_a_lookup_is_read_only_405(local_graph: LocalGraph) -> None:
    session = lookup_session(local_graph)
    url = by_id_url(local_graph, local_graph.tenant_id)
    assert_graph_error(session.patch(url, json={}), 405, "Request_BadRequest")


def test_a_page_token_of_one_tenants_partners_is_expired_in_another(local_graph: LocalGraph) -> None:
    register(local_graph, CONTOSO)
    local_graph.page_size = 1
    for tenant in ("a" * 8 + "-0000-4000-8000-000000000001", "b" * 8 + "-0000-4000-8000-000000000002"):
        local_graph.put_partner({"tenantId": tenant})
        local_graph.put_partner({"tenantId": tenant}, tenant_id=CONTOSO["tenantId"])
    home, contoso = (
        session_for(local_graph, local_graph.tenant_id),
        session_for(local_graph, CONTOSO["tenantId"]),
    )
    next_link = home.get(partners_url(local_graph)).json()["@odata.nextLink"]
    assert home.get(next_link).status_code == 200
    assert_graph_error(contoso.get(next_link), 400, "Directory_ExpiredPageToken")
