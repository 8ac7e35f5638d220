"""xtap_partner_configuration CRUD as plain function calls against the local Graph (issues 3 and 4)."""

from __future__ import annotations

import uuid
from typing import Any

from provider_harness import Harness, errors, graph_calls, planned_partner

from constructs_xtap.local_graph import LocalGraph
from constructs_xtap.provider import TerraformJson
from constructs_xtap.wire import terraform_jsonencode

PARTNERS = "/v1.0/policies/crossTenantAccessPolicy/partners"

INBOUND_TRUST = {
    "isMfaAccepted": True,
    "isCompliantDeviceAccepted": False,
    "isHybridAzureADJoinedDeviceAccepted": False,
}
DIRECT_CONNECT_OUT = {
    "usersAndGroups": {
        "accessType": "blocked",
        "targets": [{"target": "6f546279-4da5-4b53-a095-09ea0cef9971", "targetType": "group"}],
    }
}
COLLAB_IN = {
    "usersAndGroups": {"accessType": "allowed", "targets": [{"target": "AllUsers", "targetType": "user"}]},
    "applications": {
        "accessType": "allowed",
        "targets": [{"target": "AllApplications", "targetType": "application"}],
    },
}


def new_tenant() -> str:
    return str(uuid.uuid4())


def stored(graph: LocalGraph, tenant_id: str) -> dict[str, Any]:
    return graph.partners()[tenant_id]


def test_partner_lifecycle_create_read_update_remove_import_delete(local_graph: LocalGraph) -> None:
    h = Harness(local_graph)
    assert errors(h.configure_diagnostics) == []
    tenant = new_tenant()

    # Create: one POST with tenantId, state from the 201 body.
    planned = planned_partner(
        tenant, inbound_trust=INBOUND_TRUST, b2b_direct_connect_outbound=DIRECT_CONNECT_OUT
    )
    state, diags = h.create(planned)
    assert errors(diags) == []
    assert state is not None
    assert state["id"] == tenant
    assert state["inbound_trust"] == INBOUND_TRUST
    assert state["b2b_direct_connect_outbound"] == DIRECT_CONNECT_OUT
    assert state["automatic_user_consent_settings"] is None  # Graph's {null, null} pair means inherit
    assert stored(local_graph, tenant)["inboundTrust"] == INBOUND_TRUST
    assert graph_calls(local_graph) == [("POST", PARTNERS, 201)]

    # Read: nothing changed, so state is unchanged.
    read, diags = h.read(state)
    assert errors(diags) == []
    assert read == state

    # Update: change one setting, add another; the PATCH carries their complete values, then a read-back.
    updated_trust = {**INBOUND_TRUST, "isCompliantDeviceAccepted": True}
    planned2 = {**state, "inbound_trust": updated_trust, "b2b_collaboration_inbound": COLLAB_IN}
    state2, diags = h.update(state, planned2)
    assert errors(diags) == []
    assert state2 == planned2
    assert stored(local_graph, tenant)["inboundTrust"] == updated_trust
    assert stored(local_graph, tenant)["b2bCollaborationInbound"] == COLLAB_IN

    # Remove a setting: sent as null, Graph goes back to inherit.
    planned3 = {**state2, "b2b_direct_connect_outbound": None}
    state3, diags = h.update(state2, planned3)
    assert errors(diags) == []
    assert state3 is not None and state3["b2b_direct_connect_outbound"] is None
    assert stored(local_graph, tenant)["b2bDirectConnectOutbound"] is None

    # Import into a fresh state: equal to what the configuration holds, byte for byte as jsonencode writes it.
    imported, diags = h.import_(tenant)
    assert errors(diags) == []
    assert imported == state3
    assert TerraformJson().encode(imported["b2b_collaboration_inbound"]) == terraform_jsonencode(COLLAB_IN)

    # Delete, then a read finds nothing and drops it; a second delete is still a success.
    gone, diags = h.delete(state3)
    assert (gone, errors(diags)) == (None, [])
    assert tenant not in local_graph.partners()
    assert h.read(state3)[0] is None
    assert errors(h.delete(state3)[1]) == []


def test_read_of_a_partner_deleted_out_of_band_drops_it_from_state(local_graph: LocalGraph) -> None:
    h = Harness(local_graph)
    tenant = new_tenant()
    state, _ = h.create(planned_partner(tenant, inbound_trust=INBOUND_TRUST))
    assert state is not None
    local_graph.reset()

    read, diags = h.read(state)
    assert read is None
    assert errors(diags) == []


def test_read_shows_a_change_made_directly_in_graph(local_graph: LocalGraph) -> None:
    h = Harness(local_graph)
    tenant = new_tenant()
    state, _ = h.create(planned_partner(tenant, inbound_trust=INBOUND_TRUST))
    assert state is not None
    partner = stored(local_graph, tenant)
    partner["inboundTrust"] = {**INBOUND_TRUST, "isMfaAccepted": False}
    local_graph.put_partner(partner)

    read, _ = h.read(state)
    assert read is not None
    assert read["inbound_trust"]["isMfaAccepted"] is False


def test_create_conflict_with_an_equal_partner_adopts_it_without_a_duplicate(local_graph: LocalGraph) -> None:
    h = Harness(local_graph)
    tenant = new_tenant()
    first, _ = h.create(planned_partner(tenant, inbound_trust=INBOUND_TRUST))
    assert first is not None
    local_graph.log.clear()

    # The same partner created again (e.g. a state lost after an earlier apply): it is adopted.
    state, diags = h.create(planned_partner(tenant, inbound_trust=INBOUND_TRUST))
    assert errors(diags) == []
    assert state == first
    assert list(local_graph.partners()) == [tenant]
    assert graph_calls(local_graph) == [("POST", PARTNERS, 409), ("GET", f"{PARTNERS}/{tenant}", 200)]


def test_create_conflict_with_a_different_partner_prints_the_import_command(local_graph: LocalGraph) -> None:
    h = Harness(local_graph)
    tenant = new_tenant()
    h.create(planned_partner(tenant, inbound_trust=INBOUND_TRUST))
    before = stored(local_graph, tenant)

    state, diags = h.create(planned_partner(tenant, b2b_collaboration_inbound=COLLAB_IN))
    assert state is None
    (message,) = errors(diags)
    assert message.startswith(
        f"A partner configuration for tenant {tenant} already exists\nIt exists in Graph but not in this "
        "Terraform state, and its settings differ from this configuration in: "
    )
    assert f"terraform import xtap_partner_configuration.<name> {tenant}" in message
    assert f'partner.resource.import_from("{tenant}")' in message and "adopt_existing=True" in message
    assert "inbound_trust, b2b_collaboration_inbound" in message
    assert "Request_MultipleObjectsWithSameKeyValue" in message
    assert "request-id: " in message and "request-id: (none)" not in message
    assert diags.diagnostics[0].path == ["tenant_id"]
    assert stored(local_graph, tenant) == before  # nothing was changed


def test_create_whose_response_is_lost_is_adopted_on_the_retry(local_graph: LocalGraph) -> None:
    h = Harness(local_graph)
    tenant = new_tenant()
    local_graph.add_faults([{"method": "POST", "path": PARTNERS, "times": 1, "action": "commit_then_reset"}])

    state, diags = h.create(planned_partner(tenant, inbound_trust=INBOUND_TRUST))
    assert errors(diags) == []
    assert state is not None and state["inbound_trust"] == INBOUND_TRUST
    assert list(local_graph.partners()) == [tenant]
    assert graph_calls(local_graph) == [
        ("POST", PARTNERS, None),
        ("POST", PARTNERS, 409),
        ("GET", f"{PARTNERS}/{tenant}", 200),
    ]


def test_recreate_right_after_delete_waits_out_the_409(local_graph: LocalGraph) -> None:
    h = Harness(local_graph)
    tenant = new_tenant()
    conflict = {
        "error": {
            "code": "Request_MultipleObjectsWithSameKeyValue",
            "message": "Another object with the same value for property tenantId already exists.",
        }
    }
    local_graph.add_faults(
        [{"method": "POST", "path": PARTNERS, "times": 2, "status": 409, "body": conflict}]
    )

    state, diags = h.create(planned_partner(tenant, inbound_trust=INBOUND_TRUST))
    assert errors(diags) == []
    assert state is not None
    assert list(local_graph.partners()) == [tenant]
    assert [c[0] for c in graph_calls(local_graph)] == ["POST", "GET", "POST", "GET", "POST"]
    assert len(h.wait_sleeps.calls) == 1  # the consistency helper waited once, then the POST went through


def test_recreate_that_keeps_conflicting_gives_up_at_the_deadline_with_advice(
    local_graph: LocalGraph,
) -> None:
    h = Harness(local_graph)
    tenant = new_tenant()
    conflict = {"error": {"code": "Request_MultipleObjectsWithSameKeyValue", "message": "exists"}}
    local_graph.add_faults(
        [{"method": "POST", "path": PARTNERS, "times": 1000, "status": 409, "body": conflict}]
    )

    state, diags = h.create(planned_partner(tenant))
    assert state is None
    (message,) = errors(diags)
    assert "soft-deletes" in message
    assert local_graph.partners() == {}


def test_fractional_retry_after_is_honoured_on_429(local_graph: LocalGraph) -> None:
    h = Harness(local_graph)
    tenant = new_tenant()
    local_graph.add_faults(
        [
            {
                "method": "POST",
                "path": PARTNERS,
                "times": 2,
                "status": 429,
                "headers": {"Retry-After": "0.25"},
                "body": {"error": {"code": "TooManyRequests", "message": "Please retry again later."}},
            }
        ]
    )
    state, diags = h.create(planned_partner(tenant))
    assert errors(diags) == []
    assert state is not None
    assert h.graph_sleeps.calls == [0.25, 0.25]
    assert [c[2] for c in graph_calls(local_graph)] == [429, 429, 201]


def test_throttled_create_gives_up_at_the_configured_timeout_seconds(local_graph: LocalGraph) -> None:
    h = Harness(local_graph, timeout_seconds=0.5)
    assert errors(h.configure_diagnostics) == []
    local_graph.add_faults(
        [
            {
                "method": "POST",
                "path": PARTNERS,
                "times": 100,
                "status": 429,
                "headers": {"Retry-After": "30"},
                "body": {"error": {"code": "TooManyRequests", "message": "Please retry again later."}},
            }
        ]
    )

    state, diags = h.create(planned_partner(new_tenant()))

    assert state is None
    (message,) = errors(diags)
    assert message.startswith("Graph is throttling requests\n")
    assert "timeout_seconds" in message
    assert (
        "Tries: 1 (stopped early: the next wait (30 s, Retry-After) would end past the 0.5 s retry deadline)"
        in message
    )
    assert h.graph_sleeps.calls == []  # gave up at once instead of sleeping 30 s
    assert graph_calls(local_graph) == [("POST", PARTNERS, 429)]
    assert local_graph.partners() == {}


def test_403_names_the_missing_permission_and_graph_facts(local_graph: LocalGraph) -> None:
    reader = str(uuid.uuid4())
    local_graph.register_client(reader, secret="reader-secret", roles=("Policy.Read.All",))
    h = Harness(local_graph, client_id=reader, client_secret="reader-secret")
    tenant = new_tenant()

    state, diags = h.create(planned_partner(tenant))
    assert state is None
    (message,) = errors(diags)
    assert "Policy.ReadWrite.CrossTenantAccess" in message
    assert "Graph error code: Authorization_RequestDenied" in message
    assert "request-id: " in message
    assert "Tries: 1" in message
    assert "Traceback" not in message
    assert local_graph.partners() == {}


def test_revoked_token_mid_run_is_replaced_once(local_graph: LocalGraph) -> None:
    h = Harness(local_graph)
    tenant = new_tenant()
    state, _ = h.create(planned_partner(tenant))
    assert state is not None
    local_graph.revoke_tokens()

    read, diags = h.read(state)
    assert errors(diags) == []
    assert read == state
    assert [c[2] for c in graph_calls(local_graph)][-2:] == [401, 200]


def test_bad_credentials_become_a_diagnostic_with_entra_error_and_nothing_is_called(
    local_graph: LocalGraph,
) -> None:
    client = str(uuid.uuid4())  # a client with no token in the process-wide msal cache yet
    local_graph.register_client(client, secret="right-secret")
    h = Harness(local_graph, client_id=client, client_secret="wrong-secret")
    (refused,) = errors(h.configure_diagnostics)  # at configure, so already at plan
    assert "invalid_client" in refused
    state, diags = h.create(planned_partner(new_tenant()))
    assert state is None
    (message,) = errors(diags)
    assert "credential" in message
    assert "wrong-secret" not in refused + message
    assert graph_calls(local_graph) == []


def test_import_rejects_a_non_guid_before_calling_graph(local_graph: LocalGraph) -> None:
    h = Harness(local_graph)
    state, diags = h.import_("contoso.onmicrosoft.com")
    assert state is None
    assert "Invalid import id" in errors(diags)[0]
    assert graph_calls(local_graph) == []  # only the token, got while the provider was configured


def test_import_trims_and_lower_cases_a_pasted_tenant_id(local_graph: LocalGraph) -> None:
    tenant = new_tenant()
    local_graph.put_partner({"tenantId": tenant})
    state, diags = Harness(local_graph).import_(f" {tenant.upper()}\n")
    assert errors(diags) == []
    assert state is not None
    assert state["tenant_id"] == tenant


def test_import_of_a_missing_partner_says_nothing_to_import(local_graph: LocalGraph) -> None:
    h = Harness(local_graph)
    state, diags = h.import_(new_tenant())
    assert state is None
    assert "Nothing to import" in errors(diags)[0]


def test_unknown_future_enum_value_is_tolerated_with_a_warning(local_graph: LocalGraph) -> None:
    h = Harness(local_graph)
    tenant = new_tenant()
    state, _ = h.create(planned_partner(tenant, b2b_collaboration_inbound=COLLAB_IN))
    assert state is not None
    partner = stored(local_graph, tenant)
    partner["b2bCollaborationInbound"]["usersAndGroups"]["accessType"] = "unknownFutureValue"
    partner["someFutureProperty"] = {"enabled": True}
    local_graph.put_partner(partner)

    read, diags = h.read(state)
    assert errors(diags) == []
    assert read is not None
    assert read["b2b_collaboration_inbound"]["usersAndGroups"]["accessType"] == "unknownFutureValue"
    warnings = [d for d in diags.diagnostics if d.severity == "warning"]
    assert warnings and warnings[0].path == ["b2b_collaboration_inbound"]


def test_non_json_answer_is_an_error_diagnostic_and_state_is_kept(local_graph: LocalGraph) -> None:
    h = Harness(local_graph)
    tenant = new_tenant()
    state, _ = h.create(planned_partner(tenant))
    assert state is not None
    local_graph.add_faults([{"method": "GET", "path": PARTNERS, "times": 1, "status": 200, "body": "<html>"}])

    read, diags = h.read(state)
    assert read == state
    (message,) = errors(diags)
    assert "not a JSON object" in message


def test_answer_without_tenant_id_is_an_error_and_state_is_kept(local_graph: LocalGraph) -> None:
    h = Harness(local_graph)
    tenant = new_tenant()
    state, _ = h.create(planned_partner(tenant, inbound_trust=INBOUND_TRUST))
    assert state is not None
    local_graph.add_faults(
        [
            {
                "method": "GET",
                "path": PARTNERS,
                "times": 1,
                "status": 200,
                "body": {"inboundTrust": INBOUND_TRUST},
            }
        ]
    )
    read, diags = h.read(state)
    assert read == state
    (message,) = errors(diags)
    assert "tenantId None" in message


def test_changing_is_service_provider_fails_at_plan(local_graph: LocalGraph) -> None:
    h = Harness(local_graph)
    current = {**planned_partner(new_tenant()), "id": "x"}
    _, diags = h.plan(current, {**current, "is_service_provider": True})
    (message,) = errors(diags)
    assert "is_service_provider cannot change" in message
    assert diags.diagnostics[0].path == ["is_service_provider"]

    _, diags = h.plan(current, {**current, "is_service_provider": False})
    assert errors(diags) == []  # false and null both mean "not a service provider"


def test_unconfigured_provider_gives_a_diagnostic_not_a_traceback(local_graph: LocalGraph) -> None:
    h = Harness(local_graph, tenant_id="not-a-guid")
    assert errors(h.configure_diagnostics)
    state, diags = h.create(planned_partner(new_tenant()))
    assert state is None
    assert "Cannot create" in errors(diags)[0]


def test_delete_of_a_service_provider_partner_explains_and_keeps_state(local_graph: LocalGraph) -> None:
    h = Harness(local_graph)
    tenant = new_tenant()
    state, _ = h.create(planned_partner(tenant))
    assert state is not None
    partner = stored(local_graph, tenant)
    partner["isServiceProvider"] = True
    local_graph.put_partner(partner)
    current = {**state, "is_service_provider": True}

    kept, diags = h.delete(current)
    assert kept == current
    (message,) = errors(diags)
    assert "is_service_provider = true" in message
    assert "terraform state rm" in message
    assert tenant in local_graph.partners()


def test_delete_of_a_partner_with_an_identity_sync_policy_explains_and_keeps_state(
    local_graph: LocalGraph,
) -> None:
    h = Harness(local_graph)
    tenant = new_tenant()
    state, _ = h.create(planned_partner(tenant))
    assert state is not None
    # Cross-tenant sync was set up outside Terraform (portal or script): Graph now refuses the delete (R7).
    local_graph.put_partner(
        {**stored(local_graph, tenant), "identitySynchronization": {"displayName": "Fabrikam"}}
    )

    kept, diags = h.delete(state)
    assert kept == state
    (message,) = errors(diags)
    assert (
        f"delete /policies/crossTenantAccessPolicy/partners/{tenant}/identitySynchronization first" in message
    )
    assert "has an identity synchronization policy" in message  # Graph's own message, in the facts
    assert "terraform state rm" in message
    assert "HTTP status: 400" in message
    assert tenant in local_graph.partners()
    assert tenant in local_graph.identity_synchronizations()
    assert graph_calls(local_graph)[-1] == ("DELETE", f"{PARTNERS}/{tenant}", 400)


def test_create_answered_with_an_unreadable_body_reads_the_partner_instead(local_graph: LocalGraph) -> None:
    h = Harness(local_graph)
    tenant = new_tenant()
    # Graph committed the partner but its 201 body was garbled (simulated: seeded + faulted answer).
    seeded, _ = Harness(local_graph).create(planned_partner(tenant, inbound_trust=INBOUND_TRUST))
    assert seeded is not None
    local_graph.log.clear()
    local_graph.add_faults(
        [{"method": "POST", "path": PARTNERS, "times": 1, "status": 201, "body": "garbled"}]
    )

    state, diags = h.create(planned_partner(tenant, inbound_trust=INBOUND_TRUST))
    assert errors(diags) == []
    assert state == seeded
    assert [c[:1] + c[2:] for c in graph_calls(local_graph)] == [("POST", 201), ("GET", 200)]


def test_update_that_graph_does_not_show_is_an_error_with_graphs_state(local_graph: LocalGraph) -> None:
    h = Harness(local_graph, read_back=0.3)
    tenant = new_tenant()
    state, _ = h.create(planned_partner(tenant, inbound_trust=INBOUND_TRUST))
    assert state is not None
    stale = stored(local_graph, tenant)
    local_graph.add_faults([{"method": "GET", "path": PARTNERS, "times": 1000, "status": 200, "body": stale}])

    planned = {**state, "inbound_trust": {**INBOUND_TRUST, "isMfaAccepted": False}}
    new_state, diags = h.update(state, planned)
    (message,) = errors(diags)
    assert "does not show the update yet" in message
    assert new_state is not None and new_state["inbound_trust"] == INBOUND_TRUST
    assert stored(local_graph, tenant)["inboundTrust"]["isMfaAccepted"] is False
    local_graph.clear_faults()
