"""A test inspects any kind's objects in the local Graph through one call, whatever wrote them."""

from __future__ import annotations

import requests

from constructs_xtap.local_graph import LocalGraph
from constructs_xtap.wire import DEFAULT, IDENTITY_SYNCHRONIZATION, PARTNER, POLICY

PARTNER_TENANT = "3D0F5DEC-5D3D-455C-8016-E2AF1AE4D31A"


def test_objects_of_shows_what_graph_calls_wrote_for_every_managed_kind(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    root = partners_url.rsplit("/", 1)[0]
    assert local_graph.objects_of(PARTNER) == {}
    assert local_graph.objects_of(DEFAULT)[""]["isServiceDefault"] is True  # untouched: the service default
    graph_session.post(partners_url, json={"tenantId": PARTNER_TENANT}).raise_for_status()
    graph_session.put(
        f"{partners_url}/{PARTNER_TENANT}/identitySynchronization",
        json={"userSyncInbound": {"isSyncAllowed": True}},
    ).raise_for_status()
    graph_session.patch(f"{root}/default", json={"inboundTrust": {"isMfaAccepted": True}}).raise_for_status()
    graph_session.patch(root, json={"allowedCloudEndpoints": ["microsoftonline.us"]}).raise_for_status()

    key = PARTNER_TENANT.lower()
    assert list(local_graph.objects_of(PARTNER)) == [key]
    assert local_graph.objects_of(IDENTITY_SYNCHRONIZATION)[key]["userSyncInbound"] == {"isSyncAllowed": True}
    assert local_graph.objects_of(DEFAULT)[""]["inboundTrust"]["isMfaAccepted"] is True
    assert local_graph.objects_of(POLICY)[""]["allowedCloudEndpoints"] == ["microsoftonline.us"]
    # The per-kind conveniences are the same views.
    assert local_graph.partners() == local_graph.objects_of(PARTNER)
    assert local_graph.default_configuration() == local_graph.objects_of(DEFAULT)[""]
