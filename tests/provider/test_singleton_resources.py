"""xtap_default_configuration and xtap_policy through the servicer Terraform talks to (local Graph)."""

from __future__ import annotations

import json
from typing import Any

from provider_harness import FACES, Harness, apply_change, graph_calls, plan_change
from tf.gen import tfplugin_pb2 as pb
from tf.types import Unknown
from tf.utils import read_dynamic_value, to_dynamic_value

from constructs_xtap.local_graph import LocalGraph
from constructs_xtap.provider import DefaultConfigurationResource, PartnerConfigurationResource, XtapServicer
from constructs_xtap.provider.kind_state import attribute_equal
from constructs_xtap.wire import (
    DEFAULT_RESOURCE_TYPE,
    POLICY_RESOURCE_TYPE,
    SYSTEM_DEFAULT_CONFIGURATION,
    terraform_jsonencode,
)

DEFAULT_PATH = "/v1.0/policies/crossTenantAccessPolicy/default"
POLICY_PATH = "/v1.0/policies/crossTenantAccessPolicy"
BLOCK_OUTBOUND = {
    "usersAndGroups": {
        "accessType": "blocked",
        "targets": [{"target": "0be493dc-cb56-4a53-936f-9cf64410b8b0", "targetType": "group"}],
    },
    "applications": {
        "accessType": "blocked",
        "targets": [{"target": "AllApplications", "targetType": "application"}],
    },
}


def configuration(type_name: str, **values: Any) -> dict[str, Any]:
    config: dict[str, Any] = {a.name: None for a in FACES[type_name].attributes}
    config.update(values)
    return config


def errors(response: Any) -> list[str]:
    return [f"{d.summary}: {d.detail}" for d in response.diagnostics if d.severity == pb.Diagnostic.ERROR]


def decode(value: pb.DynamicValue) -> Any:
    return read_dynamic_value(value)


def test_default_configuration_applies_states_the_whole_default_plans_clean_and_resets_on_destroy(
    local_graph: LocalGraph,
) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    config = configuration(
        DEFAULT_RESOURCE_TYPE, b2b_collaboration_outbound=terraform_jsonencode(BLOCK_OUTBOUND)
    )

    planned = plan_change(servicer, None, config, type_name=DEFAULT_RESOURCE_TYPE)
    assert errors(planned) == []
    applied = apply_change(servicer, None, decode(planned.planned_state), type_name=DEFAULT_RESOURCE_TYPE)
    assert errors(applied) == []
    state = decode(applied.new_state)
    assert state["id"] == "default"
    assert state["b2b_collaboration_outbound"] == terraform_jsonencode(BLOCK_OUTBOUND)
    assert state["inbound_trust"] is None  # left out, and Graph holds the system default
    assert state["is_service_default"] is False
    held = local_graph.default_configuration()
    assert held["b2bCollaborationOutbound"] == BLOCK_OUTBOUND
    assert held["b2bDirectConnectInbound"] == SYSTEM_DEFAULT_CONFIGURATION["b2bDirectConnectInbound"]
    assert ("PATCH", DEFAULT_PATH, 204) in graph_calls(local_graph)

    # Refresh and plan again: no change.
    read = servicer.ReadResource(
        pb.ReadResource.Request(type_name=DEFAULT_RESOURCE_TYPE, current_state=to_dynamic_value(state)), None
    )
    assert errors(read) == []
    assert decode(read.new_state) == state
    again = plan_change(servicer, state, {**config, "id": "default"}, type_name=DEFAULT_RESOURCE_TYPE)
    assert errors(again) == []
    assert decode(again.planned_state) == state

    destroyed = apply_change(servicer, state, None, type_name=DEFAULT_RESOURCE_TYPE)
    assert errors(destroyed) == []
    assert ("POST", f"{DEFAULT_PATH}/resetToSystemDefault", 204) in graph_calls(local_graph)
    assert (
        local_graph.default_configuration()["b2bCollaborationOutbound"]
        == (SYSTEM_DEFAULT_CONFIGURATION["b2bCollaborationOutbound"])
    )


def test_a_portal_change_to_a_left_out_default_setting_shows_as_drift_and_update_restores_it(
    local_graph: LocalGraph,
) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    config = configuration(DEFAULT_RESOURCE_TYPE)
    applied = apply_change(servicer, None, config, type_name=DEFAULT_RESOURCE_TYPE)
    assert errors(applied) == []
    state = decode(applied.new_state)
    assert all(state[a.name] is None for a in FACES[DEFAULT_RESOURCE_TYPE].json_attributes)

    # The portal blocks B2B collaboration outbound for a group: the next refresh shows it.
    h = Harness(local_graph)
    h.provider.graph_client().update_object(
        "/policies/crossTenantAccessPolicy/default", {"b2bCollaborationOutbound": BLOCK_OUTBOUND}
    )
    read = servicer.ReadResource(
        pb.ReadResource.Request(type_name=DEFAULT_RESOURCE_TYPE, current_state=to_dynamic_value(state)), None
    )
    drifted = decode(read.new_state)
    assert drifted["b2b_collaboration_outbound"] == terraform_jsonencode(BLOCK_OUTBOUND)

    planned = plan_change(servicer, drifted, {**config, "id": "default"}, type_name=DEFAULT_RESOURCE_TYPE)
    assert errors(planned) == []
    plan_state = decode(planned.planned_state)
    assert plan_state["b2b_collaboration_outbound"] is None
    updated = apply_change(servicer, drifted, plan_state, type_name=DEFAULT_RESOURCE_TYPE)
    assert errors(updated) == []
    assert (
        local_graph.default_configuration()["b2bCollaborationOutbound"]
        == (SYSTEM_DEFAULT_CONFIGURATION["b2bCollaborationOutbound"])
    )
    assert (
        errors(apply_change(servicer, decode(updated.new_state), None, type_name=DEFAULT_RESOURCE_TYPE)) == []
    )


def test_default_configuration_imports_only_by_the_id_default(local_graph: LocalGraph) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    wrong = servicer.ImportResourceState(
        pb.ImportResourceState.Request(type_name=DEFAULT_RESOURCE_TYPE, id="contoso"), None
    )
    assert "Invalid import id" in errors(wrong)[0]
    assert "terraform import xtap_default_configuration.<name> default" in errors(wrong)[0]
    imported = servicer.ImportResourceState(
        pb.ImportResourceState.Request(type_name=DEFAULT_RESOURCE_TYPE, id="default"), None
    )
    assert errors(imported) == []
    state = decode(imported.imported_resources[0].state)
    assert state["id"] == "default"
    assert state["inbound_trust"] is None  # the system default reads as "left out"


def test_policy_allowed_cloud_endpoints_apply_and_destroy_restores_the_empty_default(
    local_graph: LocalGraph,
) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    config = configuration(POLICY_RESOURCE_TYPE, allowed_cloud_endpoints=["microsoftonline.us"])
    applied = apply_change(servicer, None, config, type_name=POLICY_RESOURCE_TYPE)
    assert errors(applied) == []
    state = decode(applied.new_state)
    assert state == {"id": "policy", "allowed_cloud_endpoints": ["microsoftonline.us"]}
    assert local_graph.cross_tenant_access_policy()["allowedCloudEndpoints"] == ["microsoftonline.us"]
    assert ("PATCH", POLICY_PATH, 204) in graph_calls(local_graph)

    destroyed = apply_change(servicer, state, None, type_name=POLICY_RESOURCE_TYPE)
    assert errors(destroyed) == []
    assert local_graph.cross_tenant_access_policy()["allowedCloudEndpoints"] == []


def test_policy_rejects_an_unknown_cloud_at_validate_and_a_wrong_import_id(local_graph: LocalGraph) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    config = configuration(POLICY_RESOURCE_TYPE, allowed_cloud_endpoints=["microsoftonline.de"])
    validated = servicer.ValidateResourceConfig(
        pb.ValidateResourceConfig.Request(type_name=POLICY_RESOURCE_TYPE, config=to_dynamic_value(config)),
        None,
    )
    assert len(errors(validated)) == 1
    assert "'microsoftonline.de'" in errors(validated)[0]
    assert "partner.microsoftonline.cn" in errors(validated)[0]
    wrong = servicer.ImportResourceState(
        pb.ImportResourceState.Request(type_name=POLICY_RESOURCE_TYPE, id="default"), None
    )
    assert "Invalid import id" in errors(wrong)[0]
    assert local_graph.cross_tenant_access_policy()["allowedCloudEndpoints"] == []


def test_policy_endpoints_are_a_set_planned_as_the_empty_default_when_left_out_and_drift_returns_to_it(
    local_graph: LocalGraph,
) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    assert json.loads(
        next(a for a in servicer.app.get_resources() if a.get_name() == "policy")
        .get_schema()
        .to_pb()
        .block.attributes[1]
        .type
    ) == ["set", "string"]
    config = configuration(POLICY_RESOURCE_TYPE)  # allowed_cloud_endpoints left out

    planned = plan_change(servicer, None, config, type_name=POLICY_RESOURCE_TYPE)
    assert errors(planned) == []
    assert decode(planned.planned_state)["allowed_cloud_endpoints"] == []
    applied = apply_change(
        servicer, None, decode(planned.planned_state), config=config, type_name=POLICY_RESOURCE_TYPE
    )
    assert errors(applied) == []
    state = decode(applied.new_state)
    assert state == {"id": "policy", "allowed_cloud_endpoints": []}

    # Left out over a [] state: Terraform proposes the prior value, and the plan keeps it.
    again = plan_change(servicer, state, state, config=config, type_name=POLICY_RESOURCE_TYPE)
    assert errors(again) == []
    assert decode(again.planned_state) == state

    # A cloud added in the portal shows as drift, and the plan takes it back to [].
    Harness(local_graph).provider.graph_client().update_object(
        "/policies/crossTenantAccessPolicy", {"allowedCloudEndpoints": ["microsoftonline.us"]}
    )
    read = servicer.ReadResource(
        pb.ReadResource.Request(type_name=POLICY_RESOURCE_TYPE, current_state=to_dynamic_value(state)), None
    )
    drifted = decode(read.new_state)
    assert drifted["allowed_cloud_endpoints"] == ["microsoftonline.us"]
    back = plan_change(servicer, drifted, drifted, config=config, type_name=POLICY_RESOURCE_TYPE)
    assert errors(back) == []
    assert decode(back.planned_state)["allowed_cloud_endpoints"] == []


def test_policy_refresh_keeps_the_configured_order_of_the_endpoint_set(local_graph: LocalGraph) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    clouds = ["partner.microsoftonline.cn", "microsoftonline.us"]
    config = configuration(POLICY_RESOURCE_TYPE, allowed_cloud_endpoints=clouds)
    state = decode(apply_change(servicer, None, config, type_name=POLICY_RESOURCE_TYPE).new_state)
    Harness(local_graph).provider.graph_client().update_object(
        "/policies/crossTenantAccessPolicy", {"allowedCloudEndpoints": sorted(clouds)}
    )
    read = servicer.ReadResource(
        pb.ReadResource.Request(type_name=POLICY_RESOURCE_TYPE, current_state=to_dynamic_value(state)), None
    )
    assert decode(read.new_state)["allowed_cloud_endpoints"] == clouds


MFA_ONLY = {"isMfaAccepted": True}
MFA_FULL = {
    "isMfaAccepted": True,
    "isCompliantDeviceAccepted": False,
    "isHybridAzureADJoinedDeviceAccepted": False,
}


def test_default_setting_members_left_out_mean_their_system_default_so_import_and_refresh_plan_no_change(
    local_graph: LocalGraph,
) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    Harness(local_graph).provider.graph_client().update_object(
        "/policies/crossTenantAccessPolicy/default", {"inboundTrust": MFA_FULL}
    )
    config = configuration(DEFAULT_RESOURCE_TYPE, inbound_trust=terraform_jsonencode(MFA_ONLY))

    imported = servicer.ImportResourceState(
        pb.ImportResourceState.Request(type_name=DEFAULT_RESOURCE_TYPE, id="default"), None
    )
    state = decode(imported.imported_resources[0].state)
    assert state["inbound_trust"] == terraform_jsonencode(MFA_FULL)
    planned = plan_change(servicer, state, {**config, "id": "default"}, type_name=DEFAULT_RESOURCE_TYPE)
    assert errors(planned) == []
    assert decode(planned.planned_state) == state  # "1 to import, 0 to change"

    # State in the configuration's spelling; Graph answers the whole object: the refresh keeps it.
    mine = {**state, "inbound_trust": terraform_jsonencode(MFA_ONLY)}
    read = servicer.ReadResource(
        pb.ReadResource.Request(type_name=DEFAULT_RESOURCE_TYPE, current_state=to_dynamic_value(mine)), None
    )
    assert decode(read.new_state) == mine


def test_partner_settings_keep_absent_members_as_inherit_while_the_default_fills_them() -> None:
    trust = FACES[DEFAULT_RESOURCE_TYPE].attribute("inbound_trust")
    assert attribute_equal(trust, MFA_ONLY, MFA_FULL, fill=DefaultConfigurationResource(None).setting_fill())  # type: ignore[arg-type]
    assert not attribute_equal(
        trust,
        {**MFA_ONLY, "isCompliantDeviceAccepted": True},
        MFA_FULL,
        fill=DefaultConfigurationResource(None).setting_fill(),
    )  # type: ignore[arg-type]
    assert PartnerConfigurationResource(None).setting_fill() is None  # type: ignore[arg-type]
    assert not attribute_equal(trust, MFA_ONLY, {**MFA_ONLY, "isCompliantDeviceAccepted": True})


def test_default_update_plans_is_service_default_false_when_a_setting_is_stated_else_unknown(
    local_graph: LocalGraph,
) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    config = configuration(DEFAULT_RESOURCE_TYPE, inbound_trust=terraform_jsonencode(MFA_ONLY))
    state = decode(apply_change(servicer, None, config, type_name=DEFAULT_RESOURCE_TYPE).new_state)
    assert state["is_service_default"] is False

    changed = {**config, "id": "default", "b2b_collaboration_outbound": terraform_jsonencode(BLOCK_OUTBOUND)}
    planned = decode(plan_change(servicer, state, changed, type_name=DEFAULT_RESOURCE_TYPE).planned_state)
    assert planned["is_service_default"] is False
    applied = apply_change(servicer, state, planned, type_name=DEFAULT_RESOURCE_TYPE)
    assert errors(applied) == []
    assert decode(applied.new_state)["is_service_default"] is False

    nothing = configuration(DEFAULT_RESOURCE_TYPE, id="default")
    unsure = decode(plan_change(servicer, state, nothing, type_name=DEFAULT_RESOURCE_TYPE).planned_state)
    assert unsure["is_service_default"] is Unknown


def test_a_refused_write_of_the_default_is_worded_as_an_update(local_graph: LocalGraph) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    config = configuration(
        DEFAULT_RESOURCE_TYPE, inbound_trust=terraform_jsonencode({"isMfaAccepted": "yes"})
    )
    applied = apply_change(servicer, None, config, type_name=DEFAULT_RESOURCE_TYPE)
    (message,) = errors(applied)
    assert message.startswith("Graph rejected the update request")
    assert "to update the default cross-tenant access configuration" in message
    assert "create" not in message
