"""xtap_partner_identity_synchronization, data xtap_tenant_information and the partner's adopt_existing,
through the servicer Terraform talks to, against the local Graph."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from provider_harness import FACES, Harness, apply_change, graph_calls, planned_partner
from tf.gen import tfplugin_pb2 as pb
from tf.utils import read_dynamic_value, to_dynamic_value

from constructs_xtap.local_graph import LocalGraph
from constructs_xtap.provider import XtapServicer
from constructs_xtap.wire import (
    IDENTITY_SYNCHRONIZATION_RESOURCE_TYPE,
    RESOURCE_TYPE,
    TENANT_INFORMATION_DATA_SOURCE,
    terraform_jsonencode,
)

SYNC = IDENTITY_SYNCHRONIZATION_RESOURCE_TYPE
LOOKUP = TENANT_INFORMATION_DATA_SOURCE


def errors(response: Any) -> list[str]:
    return [f"{d.summary}: {d.detail}" for d in response.diagnostics if d.severity == pb.Diagnostic.ERROR]


def warnings(response: Any) -> list[str]:
    return [f"{d.summary}: {d.detail}" for d in response.diagnostics if d.severity == pb.Diagnostic.WARNING]


def decode(value: pb.DynamicValue) -> Any:
    return read_dynamic_value(value)


def sync_config(
    tenant: str, allowed: bool, name: str | None = None, *, adopt: bool | None = None
) -> dict[str, Any]:
    return {
        "id": None,
        "tenant_id": tenant,
        "user_sync_inbound": allowed,
        "display_name": name,
        "adopt_existing": adopt,
    }


def test_identity_sync_is_put_patched_refreshed_and_deleted_and_404_on_delete_is_success(
    local_graph: LocalGraph,
) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    tenant = str(uuid.uuid4())
    local_graph.put_partner({"tenantId": tenant})
    path = f"/v1.0/policies/crossTenantAccessPolicy/partners/{tenant}/identitySynchronization"

    created = apply_change(servicer, None, sync_config(tenant, True, "Fabrikam"), type_name=SYNC)
    assert errors(created) == []
    state = decode(created.new_state)
    assert state == {
        "id": tenant,
        "tenant_id": tenant,
        "user_sync_inbound": True,
        "display_name": "Fabrikam",
        "adopt_existing": None,
    }
    assert ("PUT", path, 204) in graph_calls(local_graph)

    updated = apply_change(servicer, state, {**state, "user_sync_inbound": False}, type_name=SYNC)
    assert errors(updated) == []
    assert decode(updated.new_state)["user_sync_inbound"] is False
    assert ("PATCH", path, 204) in graph_calls(local_graph)
    assert local_graph.identity_synchronizations()[tenant]["userSyncInbound"] == {"isSyncAllowed": False}

    deleted = apply_change(servicer, decode(updated.new_state), None, type_name=SYNC)
    assert errors(deleted) == []
    assert tenant not in local_graph.identity_synchronizations()
    again = apply_change(servicer, decode(updated.new_state), None, type_name=SYNC)
    assert errors(again) == []  # already gone: delete succeeds

    read = servicer.ReadResource(
        pb.ReadResource.Request(type_name=SYNC, current_state=to_dynamic_value(state)), None
    )
    assert errors(read) == []
    assert decode(read.new_state) is None  # deleted outside Terraform: dropped from state


def test_identity_sync_put_conflict_adopts_an_equal_policy_and_refuses_a_different_one(
    local_graph: LocalGraph,
) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    tenant = str(uuid.uuid4())
    local_graph.put_partner(
        {"tenantId": tenant, "identitySynchronization": {"userSyncInbound": {"isSyncAllowed": True}}}
    )

    adopted = apply_change(servicer, None, sync_config(tenant, True), type_name=SYNC)
    assert errors(adopted) == []
    assert decode(adopted.new_state)["user_sync_inbound"] is True

    refused = apply_change(servicer, None, sync_config(tenant, False), type_name=SYNC)
    (message,) = errors(refused)
    assert message.startswith(
        f"The identity synchronization policy of partner {tenant} already exists: It exists in Graph but not "
        "in this Terraform state, and differs from this configuration in: user_sync_inbound."
    )
    assert f"terraform import {SYNC}.<name> {tenant}" in message
    assert local_graph.identity_synchronizations()[tenant]["userSyncInbound"] == {"isSyncAllowed": True}


def test_identity_sync_import_checks_the_tenant_id_first(local_graph: LocalGraph) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    before = len(graph_calls(local_graph))
    wrong = servicer.ImportResourceState(pb.ImportResourceState.Request(type_name=SYNC, id="fabrikam"), None)
    assert "Invalid import id" in errors(wrong)[0]
    assert len(graph_calls(local_graph)) == before


def test_partner_with_adopt_existing_takes_over_a_different_partner_and_patches_it(
    local_graph: LocalGraph,
) -> None:
    h = Harness(local_graph)
    servicer = XtapServicer(h.provider)
    tenant = str(uuid.uuid4())
    local_graph.put_partner({"tenantId": tenant, "inboundTrust": {"isMfaAccepted": True}})
    trust = {"isMfaAccepted": False, "isCompliantDeviceAccepted": True}
    planned = planned_partner(tenant, inbound_trust=terraform_jsonencode(trust), adopt_existing=True)

    applied = apply_change(servicer, None, planned, type_name=RESOURCE_TYPE)
    assert errors(applied) == []
    state = decode(applied.new_state)
    assert state["inbound_trust"] == terraform_jsonencode(trust)
    assert state["adopt_existing"] is True
    assert local_graph.partners()[tenant]["inboundTrust"] == trust

    # Without adopt_existing the same situation fails with the import command and changes nothing.
    other = str(uuid.uuid4())
    local_graph.put_partner({"tenantId": other, "inboundTrust": {"isMfaAccepted": True}})
    refused = apply_change(servicer, None, planned_partner(other, inbound_trust=terraform_jsonencode(trust)))
    assert "already exists" in errors(refused)[0]
    assert local_graph.partners()[other]["inboundTrust"] == {"isMfaAccepted": True}


def test_partner_m365_settings_are_patched_after_the_post(local_graph: LocalGraph) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    tenant = str(uuid.uuid4())
    m365 = {"users": {"accessType": "allowed", "targets": [{"target": "AllUsers", "targetType": "user"}]}}
    planned = planned_partner(tenant, m365_collaboration_inbound=terraform_jsonencode(m365))
    applied = apply_change(servicer, None, planned, type_name=RESOURCE_TYPE)
    assert errors(applied) == []
    assert decode(applied.new_state)["m365_collaboration_inbound"] == terraform_jsonencode(m365)
    partner_path = f"/v1.0/policies/crossTenantAccessPolicy/partners/{tenant}"
    calls = [
        c
        for c in graph_calls(local_graph)
        if c[1].startswith("/v1.0/policies/crossTenantAccessPolicy/partners")
    ]
    assert ("PATCH", partner_path, 204) in calls
    assert local_graph.partners()[tenant]["m365CollaborationInbound"] == m365


def lookup(servicer: XtapServicer, **config: Any) -> Any:
    full = {a.name: None for a in FACES[LOOKUP].attributes}
    full.update(config)
    return servicer.ReadDataSource(
        pb.ReadDataSource.Request(type_name=LOOKUP, config=to_dynamic_value(full)), None
    )


def looking_up(local_graph: LocalGraph) -> XtapServicer:
    """A provider whose app holds CrossTenantInformation.ReadBasic.All besides the policy permission."""
    client = str(uuid.uuid4())
    roles = ("Policy.ReadWrite.CrossTenantAccess", "CrossTenantInformation.ReadBasic.All")
    local_graph.register_client(client, secret="lookup-secret", roles=roles)
    return XtapServicer(Harness(local_graph, client_id=client, client_secret="lookup-secret").provider)


def test_tenant_lookup_by_domain_and_by_id_fills_the_tenant_information(local_graph: LocalGraph) -> None:
    servicer = looking_up(local_graph)
    tenant = str(uuid.uuid4())
    domain = f"t{tenant[:8]}.example.com"
    local_graph.register_tenant(tenant, "Fabrikam", domain)

    by_domain = lookup(servicer, domain_name=domain)
    assert errors(by_domain) == []
    assert warnings(by_domain) == []
    found = decode(by_domain.state)
    assert found["tenant_id"] == tenant
    assert found["display_name"] == "Fabrikam"
    assert found["default_domain_name"] == domain

    by_id = lookup(servicer, tenant_id=tenant)
    assert errors(by_id) == []
    assert decode(by_id.state)["default_domain_name"] == domain


def test_tenant_lookup_of_an_unknown_domain_names_it(local_graph: LocalGraph) -> None:
    servicer = looking_up(local_graph)
    missing = lookup(servicer, domain_name="no-such-tenant.example.com")
    (message,) = errors(missing)
    assert "no-such-tenant.example.com" in message.split(":")[0]


def test_tenant_lookup_needs_exactly_one_of_domain_name_and_tenant_id(local_graph: LocalGraph) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    for config in ({}, {"domain_name": "contoso.com", "tenant_id": str(uuid.uuid4())}):
        full = {a.name: None for a in FACES[LOOKUP].attributes} | config
        validated = servicer.ValidateDataResourceConfig(
            pb.ValidateDataResourceConfig.Request(type_name=LOOKUP, config=to_dynamic_value(full)), None
        )
        assert "exactly one of domain_name and tenant_id" in errors(validated)[0]


def test_tenant_lookup_without_the_permission_warns_and_the_403_names_it(local_graph: LocalGraph) -> None:
    reader = str(uuid.uuid4())
    local_graph.register_client(reader, secret="reader-secret", roles=("Policy.ReadWrite.CrossTenantAccess",))
    servicer = XtapServicer(Harness(local_graph, client_id=reader, client_secret="reader-secret").provider)
    answered = lookup(servicer, domain_name="contoso.com")
    assert any("CrossTenantInformation.ReadBasic.All" in w for w in warnings(answered))
    assert any("CrossTenantInformation.ReadBasic.All" in e for e in errors(answered))


def test_identity_sync_with_adopt_existing_takes_over_a_different_policy_and_patches_it(
    local_graph: LocalGraph,
) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    tenant = str(uuid.uuid4())
    local_graph.put_partner(
        {
            "tenantId": tenant,
            "identitySynchronization": {"displayName": "MTO", "userSyncInbound": {"isSyncAllowed": True}},
        }
    )
    path = f"/v1.0/policies/crossTenantAccessPolicy/partners/{tenant}/identitySynchronization"

    adopted = apply_change(servicer, None, sync_config(tenant, False, "Fabrikam", adopt=True), type_name=SYNC)
    assert errors(adopted) == []
    assert decode(adopted.new_state) == {
        "id": tenant,
        "tenant_id": tenant,
        "user_sync_inbound": False,
        "display_name": "Fabrikam",
        "adopt_existing": True,
    }
    calls = graph_calls(local_graph)
    assert ("PUT", path, 409) in calls and ("PATCH", path, 204) in calls
    held = local_graph.identity_synchronizations()[tenant]
    assert held["userSyncInbound"] == {"isSyncAllowed": False}
    assert held["displayName"] == "Fabrikam"
    assert "adoptExisting" not in held and "adopt_existing" not in held


def test_identity_sync_conflict_advice_names_the_address_its_tenant_id_reference_points_to(
    local_graph: LocalGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    tenant = str(uuid.uuid4())
    local_graph.put_partner(
        {"tenantId": tenant, "identitySynchronization": {"userSyncInbound": {"isSyncAllowed": True}}}
    )
    stack = tmp_path / "cdktf.out" / "stacks" / "partners"
    stack.mkdir(parents=True)
    (stack / "cdk.tf.json").write_text(
        json.dumps(
            {
                "resource": {
                    RESOURCE_TYPE: {"fabrikam_1A2B3C4D": {"tenant_id": tenant}},
                    SYNC: {
                        "fabrikam_IdentitySynchronization_5E6F7A8B": {
                            "tenant_id": f"${{{RESOURCE_TYPE}.fabrikam_1A2B3C4D.tenant_id}}",
                            "user_sync_inbound": False,
                        }
                    },
                }
            }
        )
    )
    monkeypatch.chdir(stack)

    refused = apply_change(servicer, None, sync_config(tenant, False), type_name=SYNC)
    (message,) = errors(refused)
    assert f"terraform import {SYNC}.fabrikam_IdentitySynchronization_5E6F7A8B {tenant}" in message
    assert f'partner.identity_synchronization_resource.import_from("{tenant}")' in message
    assert "adopt_existing=True" in message
    assert "cdktf deploy partners" in message
    assert local_graph.identity_synchronizations()[tenant]["userSyncInbound"] == {"isSyncAllowed": True}
