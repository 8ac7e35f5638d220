"""Plans change only when the policy changed: import, refresh and plan compare settings by meaning."""

from __future__ import annotations

import uuid
from typing import Any

from provider_harness import Harness, apply_change, plan_change, planned_partner
from tf.gen import tfplugin_pb2 as pb
from tf.utils import read_dynamic_value

from constructs_xtap.local_graph import LocalGraph
from constructs_xtap.provider import XtapServicer
from constructs_xtap.wire import RESOURCE_TYPE, terraform_jsonencode

GROUP_A = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"
GROUP_B = "1e0f9a8b-7c6d-4a3b-9c2d-5e4f9a8b7c6d"


def outbound(*groups: str) -> dict[str, Any]:
    return {
        "usersAndGroups": {
            "accessType": "allowed",
            "targets": [{"target": g, "targetType": "group"} for g in groups],
        },
        "applications": {
            "accessType": "allowed",
            "targets": [{"target": "AllApplications", "targetType": "application"}],
        },
    }


def configuration(tenant: str, setting: dict[str, Any]) -> dict[str, Any]:
    config = planned_partner(tenant, b2b_collaboration_outbound=terraform_jsonencode(setting))
    return {**config, "id": None, "is_in_multi_tenant_organization": None}


def import_and_refresh(servicer: XtapServicer, tenant: str) -> dict[str, Any]:
    imported = servicer.ImportResourceState(
        pb.ImportResourceState.Request(type_name=RESOURCE_TYPE, id=tenant), None
    )
    assert list(imported.diagnostics) == []
    read = servicer.ReadResource(
        pb.ReadResource.Request(type_name=RESOURCE_TYPE, current_state=imported.imported_resources[0].state),
        None,
    )
    assert list(read.diagnostics) == []
    return dict(read_dynamic_value(read.new_state))


def plan(
    servicer: XtapServicer, prior: dict[str, Any], config: dict[str, Any]
) -> pb.PlanResourceChange.Response:
    return plan_change(servicer, prior, {**config, "id": prior["id"]}, config=config)


def test_import_of_targets_graph_lists_in_another_order_and_case_plans_no_change(
    local_graph: LocalGraph,
) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    tenant = str(uuid.uuid4())
    local_graph.put_partner(
        {"tenantId": tenant, "b2bCollaborationOutbound": outbound(GROUP_B.upper(), GROUP_A)}
    )

    state = import_and_refresh(servicer, tenant)
    planned = plan(servicer, state, configuration(tenant, outbound(GROUP_A, GROUP_B)))

    assert list(planned.diagnostics) == []
    assert read_dynamic_value(planned.planned_state) == state  # byte for byte: "0 to change"


def test_imported_state_holds_the_canonical_form_of_what_graph_answered(local_graph: LocalGraph) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    tenant = str(uuid.uuid4())
    local_graph.put_partner(
        {"tenantId": tenant, "b2bCollaborationOutbound": outbound(GROUP_B.upper(), GROUP_A)}
    )

    state = import_and_refresh(servicer, tenant)

    assert state["b2b_collaboration_outbound"] == terraform_jsonencode(
        {
            "applications": outbound()["applications"],
            "usersAndGroups": {
                "accessType": "allowed",
                "targets": [{"target": g, "targetType": "group"} for g in sorted([GROUP_A, GROUP_B])],
            },
        }
    )


def test_refresh_after_graph_upper_cased_a_target_keeps_the_state_unchanged(local_graph: LocalGraph) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    tenant = str(uuid.uuid4())
    config = configuration(tenant, outbound(GROUP_A, GROUP_B))
    applied = apply_change(servicer, None, config)
    assert list(applied.diagnostics) == []
    partner = local_graph.partners()[tenant]
    local_graph.put_partner(
        {**partner, "b2bCollaborationOutbound": outbound(GROUP_B.upper(), GROUP_A.upper())}
    )

    read = servicer.ReadResource(
        pb.ReadResource.Request(type_name=RESOURCE_TYPE, current_state=applied.new_state), None
    )

    assert list(read.diagnostics) == []
    assert read.new_state.msgpack == applied.new_state.msgpack


def test_a_removed_target_or_a_flipped_access_type_still_plans_a_change(local_graph: LocalGraph) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    tenant = str(uuid.uuid4())
    local_graph.put_partner({"tenantId": tenant, "b2bCollaborationOutbound": outbound(GROUP_A, GROUP_B)})
    state = import_and_refresh(servicer, tenant)

    blocked = outbound(GROUP_A, GROUP_B)
    blocked["usersAndGroups"]["accessType"] = "blocked"
    for changed in (outbound(GROUP_A), blocked):
        config = configuration(tenant, changed)
        planned = read_dynamic_value(plan(servicer, state, config).planned_state)
        assert planned["b2b_collaboration_outbound"] == config["b2b_collaboration_outbound"]
        assert planned != state
