"""GraphClient's calls for every object kind: paths from wire.object_kinds, verbs, bodies, answers."""

from __future__ import annotations

import pytest
from scripted_transport import Answer, ScriptedAdapter
from test_graph_client import PARTNER, ROOT, make_client

from constructs_xtap.graph import GraphConflict, GraphNotFound, kind_path
from constructs_xtap.wire import DEFAULT, IDENTITY_SYNCHRONIZATION, POLICY
from constructs_xtap.wire import PARTNER as PARTNER_KIND

V1 = f"{ROOT}/v1.0"
SYNC_URL = f"{V1}/policies/crossTenantAccessPolicy/partners/{PARTNER}/identitySynchronization"


def test_kind_path_fills_the_partner_tenant_id_and_leaves_singletons_alone() -> None:
    assert kind_path(DEFAULT) == "/policies/crossTenantAccessPolicy/default"
    assert kind_path(POLICY) == "/policies/crossTenantAccessPolicy"
    assert kind_path(PARTNER_KIND, PARTNER) == f"/policies/crossTenantAccessPolicy/partners/{PARTNER}"
    assert kind_path(IDENTITY_SYNCHRONIZATION, "a/b") == (
        "/policies/crossTenantAccessPolicy/partners/a%2Fb/identitySynchronization"
    )
    with pytest.raises(ValueError, match="needs a tenant id"):
        kind_path(IDENTITY_SYNCHRONIZATION)


def test_put_that_answers_204_creates_and_returns_no_body() -> None:
    adapter = ScriptedAdapter(Answer(204))
    client, _, _ = make_client(adapter)
    body = {"displayName": "Fabrikam", "userSyncInbound": {"isSyncAllowed": True}}
    assert client.create_object("PUT", kind_path(IDENTITY_SYNCHRONIZATION, PARTNER), body) is None
    assert [(s.method, s.url, s.body) for s in adapter.sent] == [("PUT", SYNC_URL, body)]


def test_a_second_put_raises_conflict_for_the_caller_to_resolve() -> None:
    envelope = {"error": {"code": "Request_MultipleObjectsWithSameKeyValue", "message": "conflict"}}
    client, _, _ = make_client(ScriptedAdapter(Answer(409, envelope)))
    with pytest.raises(GraphConflict):
        client.create_object("PUT", kind_path(IDENTITY_SYNCHRONIZATION, PARTNER), {})


def test_create_object_refuses_verbs_that_do_not_create() -> None:
    client, _, _ = make_client(ScriptedAdapter())
    with pytest.raises(ValueError, match="POST or PUT"):
        client.create_object("PATCH", kind_path(POLICY), {})


def test_reset_to_system_default_is_a_post_without_body() -> None:
    adapter = ScriptedAdapter(Answer(204))
    client, _, _ = make_client(adapter)
    client.invoke_action(kind_path(DEFAULT) + str(DEFAULT.reset_action))
    sent = adapter.sent[0]
    assert (sent.method, sent.url, sent.body) == (
        "POST",
        f"{V1}/policies/crossTenantAccessPolicy/default/resetToSystemDefault",
        None,
    )


def test_patch_and_delete_of_a_singleton_and_a_sync_policy_use_the_kind_paths() -> None:
    adapter = ScriptedAdapter(Answer(204), Answer(204))
    client, _, _ = make_client(adapter)
    client.update_object(kind_path(POLICY), {"allowedCloudEndpoints": ["microsoftonline.us"]})
    client.delete_object(kind_path(IDENTITY_SYNCHRONIZATION, PARTNER))
    assert [(s.method, s.url) for s in adapter.sent] == [
        ("PATCH", f"{V1}/policies/crossTenantAccessPolicy"),
        ("DELETE", SYNC_URL),
    ]


def test_tenant_lookup_by_domain_quotes_the_odata_literal() -> None:
    found = {"tenantId": PARTNER, "displayName": "Contoso", "defaultDomainName": "contoso.onmicrosoft.com"}
    adapter = ScriptedAdapter(Answer(200, found))
    client, _, _ = make_client(adapter)
    assert client.find_tenant_information(domain_name="o'neil.example.com") == found
    assert adapter.sent[0].url == (
        f"{V1}/tenantRelationships/findTenantInformationByDomainName(domainName='o%27%27neil.example.com')"
    )


def test_tenant_lookup_by_id_and_an_unknown_tenant_raises_not_found() -> None:
    adapter = ScriptedAdapter(Answer(404, {"error": {"code": "Request_ResourceNotFound", "message": "no"}}))
    client, _, _ = make_client(adapter)
    with pytest.raises(GraphNotFound):
        client.find_tenant_information(tenant_id=PARTNER)
    assert (
        adapter.sent[0].url
        == f"{V1}/tenantRelationships/findTenantInformationByTenantId(tenantId='{PARTNER}')"
    )


def test_tenant_lookup_needs_exactly_one_key() -> None:
    client, _, _ = make_client(ScriptedAdapter())
    with pytest.raises(ValueError, match="exactly one"):
        client.find_tenant_information()
    with pytest.raises(ValueError, match="exactly one"):
        client.find_tenant_information(tenant_id=PARTNER, domain_name="contoso.com")
