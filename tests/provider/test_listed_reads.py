"""Refreshes are served from one paged list per provider process (issue 11 item 3), and stay correct: a
partner missing from the list is dropped, a throttled page is retried, a failed list falls back to one GET
per partner, and a key this process writes or imports is read from Graph again."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from provider_harness import Harness, errors, graph_calls, planned_partner
from tf.iface import ReadContext
from tf.utils import Diagnostics

from constructs_xtap.local_graph import LocalGraph
from constructs_xtap.provider import PartnerIdentitySynchronizationResource
from constructs_xtap.provider.listed_reads import ListedReads, Unlisted, listing_of
from constructs_xtap.wire import IDENTITY_SYNCHRONIZATION, PARTNER
from constructs_xtap.wire.object_kinds import IDENTITY_SYNCHRONIZATION_RESOURCE_TYPE, ObjectKind

PARTNERS = "/v1.0/policies/crossTenantAccessPolicy/partners"
MFA = {"isMfaAccepted": True}


def seed(graph: LocalGraph, count: int, **extra: Any) -> list[str]:
    ids = [str(uuid.uuid4()) for _ in range(count)]
    for tenant_id in ids:
        graph.put_partner({"tenantId": tenant_id, "inboundTrust": {"isMfaAccepted": True}, **extra})
    return ids


def refreshed(harness: Harness, tenant_id: str) -> dict[str, Any] | None:
    state, diags = harness.read({"id": tenant_id, "tenant_id": tenant_id, "inbound_trust": MFA})
    assert not errors(diags), errors(diags)
    return state


def list_calls(graph: LocalGraph) -> int:
    return sum(1 for method, path, _ in graph_calls(graph) if (method, path) == ("GET", PARTNERS))


def partner_gets(graph: LocalGraph) -> int:
    return sum(
        1 for method, path, _ in graph_calls(graph) if method == "GET" and path.startswith(PARTNERS + "/")
    )


def test_refreshing_500_partners_in_parallel_takes_one_paged_list_and_at_most_10_requests(
    local_graph: LocalGraph,
) -> None:
    ids = seed(local_graph, 500)
    harness = Harness(local_graph)
    local_graph.log.clear()

    with ThreadPoolExecutor(max_workers=10) as pool:  # Terraform refreshes in parallel threads
        states = list(pool.map(lambda tenant_id: refreshed(harness, tenant_id), ids))

    assert [s["tenant_id"] if s else None for s in states] == ids
    assert all(s is not None and s["inbound_trust"] == MFA for s in states)
    assert list_calls(local_graph) == 5  # 100 partners a page
    assert partner_gets(local_graph) == 0
    assert len(local_graph.requests()) <= 10


def test_a_partner_deleted_out_of_band_is_missing_from_the_list_and_dropped_without_a_get(
    local_graph: LocalGraph,
) -> None:
    kept, deleted = seed(local_graph, 2)
    harness = Harness(local_graph)
    local_graph.store.delete(deleted)
    local_graph.log.clear()

    assert refreshed(harness, kept) is not None
    assert refreshed(harness, deleted) is None
    assert (list_calls(local_graph), partner_gets(local_graph)) == (1, 0)


@pytest.mark.parametrize("local_graph_page_size", [2])
def test_a_throttled_page_is_retried_and_the_reads_are_still_served_from_the_list(
    local_graph: LocalGraph,
) -> None:
    ids = seed(local_graph, 5)
    harness = Harness(local_graph)
    local_graph.log.clear()
    local_graph.add_faults(
        [{"method": "GET", "path": PARTNERS, "times": 1, "status": 429, "headers": {"Retry-After": "0.1"}}]
    )

    states = [refreshed(harness, tenant_id) for tenant_id in ids]

    assert all(s is not None for s in states)
    assert not local_graph.faults.pending()
    assert [status for method, _, status in graph_calls(local_graph)] == [429, 200, 200, 200]
    assert harness.graph_sleeps.calls == [0.1]
    assert partner_gets(local_graph) == 0


def test_a_list_that_fails_falls_back_to_one_get_per_partner_and_is_not_taken_again(
    local_graph: LocalGraph,
) -> None:
    ids = seed(local_graph, 3)
    harness = Harness(local_graph)
    local_graph.log.clear()
    refused = {"error": {"code": "Request_BadRequest", "message": "Invalid $expand"}}
    local_graph.add_faults([{"method": "GET", "path": PARTNERS, "times": 1, "status": 400, "body": refused}])

    states = [refreshed(harness, tenant_id) for tenant_id in ids]

    assert [s["tenant_id"] if s else None for s in states] == ids
    assert (list_calls(local_graph), partner_gets(local_graph)) == (1, 3)


def test_a_partner_created_after_the_list_was_taken_is_read_from_graph_not_dropped(
    local_graph: LocalGraph,
) -> None:
    (listed,) = seed(local_graph, 1)
    harness = Harness(local_graph)
    assert refreshed(harness, listed) is not None  # takes the list, which cannot hold the new partner
    new = str(uuid.uuid4())
    created, diags = harness.create(planned_partner(new, inbound_trust=MFA))
    assert created is not None, errors(diags)

    assert refreshed(harness, new) is not None


def test_an_update_in_this_process_makes_the_next_read_of_that_partner_ask_graph(
    local_graph: LocalGraph,
) -> None:
    (tenant_id,) = seed(local_graph, 1)
    harness = Harness(local_graph)
    current = refreshed(harness, tenant_id)
    assert current is not None
    updated, diags = harness.update(current, {**current, "inbound_trust": {"isMfaAccepted": False}})
    assert updated is not None, errors(diags)
    local_graph.log.clear()

    state = refreshed(harness, tenant_id)

    assert state is not None and state["inbound_trust"] == {"isMfaAccepted": False}
    assert partner_gets(local_graph) == 1


def test_a_partner_deleted_in_this_process_reads_as_gone_though_the_list_held_it(
    local_graph: LocalGraph,
) -> None:
    (tenant_id,) = seed(local_graph, 1)
    harness = Harness(local_graph)
    current = refreshed(harness, tenant_id)
    assert current is not None
    _, diags = harness.delete(current)
    assert not errors(diags)

    assert refreshed(harness, tenant_id) is None


def test_an_import_after_the_list_was_taken_sees_graph_and_so_does_the_read_that_follows(
    local_graph: LocalGraph,
) -> None:
    (listed,) = seed(local_graph, 1)
    harness = Harness(local_graph)
    assert refreshed(harness, listed) is not None
    (added,) = seed(local_graph, 1)  # made in the portal after the list was taken

    imported, diags = harness.import_(added)

    assert imported is not None, errors(diags)
    assert refreshed(harness, added) is not None


def sync_read(harness: Harness, tenant_id: str) -> dict[str, Any] | None:
    resource = PartnerIdentitySynchronizationResource(harness.provider)
    diags = Diagnostics()
    state = resource.read(
        ReadContext(diags, IDENTITY_SYNCHRONIZATION_RESOURCE_TYPE),
        {"id": tenant_id, "tenant_id": tenant_id, "user_sync_inbound": True},
    )
    assert not errors(diags), errors(diags)
    return state


def test_refreshing_500_identity_synchronizations_takes_one_expanded_list_and_drops_a_missing_one(
    local_graph: LocalGraph,
) -> None:
    ids = seed(local_graph, 500)
    for tenant_id in ids[:-1]:
        policy = {"tenantId": tenant_id, "displayName": None, "userSyncInbound": {"isSyncAllowed": True}}
        local_graph.put_partner({**local_graph.partners()[tenant_id], "identitySynchronization": policy})
    harness = Harness(local_graph)
    local_graph.log.clear()

    with ThreadPoolExecutor(max_workers=10) as pool:
        states = list(pool.map(lambda tenant_id: sync_read(harness, tenant_id), ids))

    assert all(s is not None and s["user_sync_inbound"] is True for s in states[:-1])
    assert states[-1] is None  # its partner lists identitySynchronization: null
    assert list_calls(local_graph) == 5
    assert len(local_graph.requests()) <= 10


class StubClient:
    """Answers list_objects with fixed entries and records the lists asked for."""

    def __init__(self, entries: list[dict[str, Any]] | Exception) -> None:
        self.entries = entries
        self.lists: list[str | None] = []

    def list_objects(self, kind: ObjectKind, *, expand: str | None = None) -> list[dict[str, Any]]:
        self.lists.append(expand)
        if isinstance(self.entries, Exception):
            raise self.entries
        return self.entries


def full_partner(tenant_id: str) -> dict[str, Any]:
    listing = listing_of(PARTNER)
    assert listing is not None
    return {name: None for name in listing.properties} | {"tenantId": tenant_id}


def test_a_listed_partner_lacking_a_property_its_state_needs_is_asked_for_not_guessed() -> None:
    listing = listing_of(PARTNER)
    assert listing is not None
    partial = full_partner("b")
    del partial["m365CollaborationInbound"]
    client = StubClient([full_partner("A"), partial])
    reads = ListedReads()

    assert reads.lookup(client, listing, "a") == full_partner("A")  # type: ignore[arg-type]
    assert reads.lookup(client, listing, "b") is Unlisted.ASK  # type: ignore[arg-type]
    assert reads.lookup(client, listing, "c") is Unlisted.GONE  # type: ignore[arg-type]
    assert client.lists == [None]


def test_a_partner_listed_without_its_expanded_identity_synchronization_is_asked_for() -> None:
    listing = listing_of(IDENTITY_SYNCHRONIZATION)
    assert listing is not None and listing.expand == "identitySynchronization"
    client = StubClient([{"tenantId": "a"}])

    assert ListedReads().lookup(client, listing, "a") is Unlisted.ASK  # type: ignore[arg-type]


def test_a_list_with_an_entry_without_tenant_id_is_not_trusted_to_say_what_is_gone() -> None:
    listing = listing_of(PARTNER)
    assert listing is not None
    client = StubClient([full_partner("a"), {"displayName": "no key"}])

    assert ListedReads().lookup(client, listing, "b") is Unlisted.ASK  # type: ignore[arg-type]


def test_singletons_are_not_listed() -> None:
    from constructs_xtap.wire.object_kinds import OBJECT_KINDS

    listed = {kind.name for kind in OBJECT_KINDS if listing_of(kind) is not None}

    assert listed == {PARTNER.name, IDENTITY_SYNCHRONIZATION.name}
