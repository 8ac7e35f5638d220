"""GraphClient.list_partners follows the local Graph's ``@odata.nextLink`` pages (server.py assumption 15)."""

from __future__ import annotations

import uuid

import pytest

from constructs_xtap.graph import ClientSecret, GraphClient, GraphSettings, token_source
from constructs_xtap.local_graph import LocalGraph
from constructs_xtap.wire import PARTNER as PARTNER_KIND

PARTNERS_PATH = "/policies/crossTenantAccessPolicy/partners"


def client_for(graph: LocalGraph, api_version: str = "v1.0") -> GraphClient:
    # A fresh process's empty token cache: a token cached (and revoked) by an earlier test would cost a 401
    # and a second GET of the same page.
    token_source._process_cache = None
    return GraphClient.from_settings(
        GraphSettings(
            tenant_id=graph.tenant_id,
            client_id=graph.client_id,
            credential=ClientSecret(graph.client_secret),
            graph_endpoint=graph.graph_endpoint,
            authority_host=graph.authority_host,
            ca_bundle=graph.ca_path,
            api_version=api_version,
        )
    )


def seed(graph: LocalGraph, count: int) -> list[str]:
    ids = [str(uuid.uuid4()) for _ in range(count)]
    for tenant_id in ids:
        graph.put_partner({"tenantId": tenant_id, "inboundTrust": {"isMfaAccepted": True}})
    return ids


def list_gets(graph: LocalGraph, version: str = "v1.0") -> int:
    return sum(
        1 for r in graph.requests() if (r["method"], r["path"]) == ("GET", f"/{version}{PARTNERS_PATH}")
    )


@pytest.mark.parametrize("local_graph_page_size", [2])
def test_list_partners_reads_a_partner_that_sits_on_the_last_page(local_graph: LocalGraph) -> None:
    ids = seed(local_graph, 5)

    partners = client_for(local_graph).list_objects(PARTNER_KIND)

    assert [p["tenantId"] for p in partners] == ids
    assert partners[-1] == local_graph.partners()[ids[-1]]
    assert list_gets(local_graph) == 3


@pytest.mark.parametrize("local_graph_page_size", [1])
def test_list_partners_follows_beta_next_links_on_a_beta_client(local_graph: LocalGraph) -> None:
    ids = seed(local_graph, 3)

    partners = client_for(local_graph, api_version="beta").list_objects(PARTNER_KIND)

    assert [p["tenantId"] for p in partners] == ids
    assert list_gets(local_graph, "beta") == 3


def test_list_partners_of_one_page_asks_once(local_graph: LocalGraph) -> None:
    ids = seed(local_graph, 3)

    partners = client_for(local_graph).list_objects(PARTNER_KIND)

    assert [p["tenantId"] for p in partners] == ids
    assert list_gets(local_graph) == 1


@pytest.mark.parametrize("local_graph_page_size", [2])
def test_list_partners_expanded_pages_carry_each_partners_identity_synchronization_or_null(
    local_graph: LocalGraph,
) -> None:
    ids = seed(local_graph, 3)
    policy = {"tenantId": ids[1], "displayName": "Fabrikam", "userSyncInbound": {"isSyncAllowed": True}}
    local_graph.put_partner({**local_graph.partners()[ids[1]], "identitySynchronization": policy})

    partners = client_for(local_graph).list_objects(PARTNER_KIND, expand="identitySynchronization")

    assert [p["tenantId"] for p in partners] == ids
    assert [p["identitySynchronization"] for p in partners] == [None, policy, None]
    assert list_gets(local_graph) == 2
    assert all("inboundTrust" not in p for p in partners)  # $select=tenantId, as the documented example
