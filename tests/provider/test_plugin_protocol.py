"""The resource through tf's gRPC servicer, as Terraform drives it: bytes in state, plan after import."""

from __future__ import annotations

import uuid
from typing import Any

from provider_harness import Harness, apply_change, planned_partner
from tf.gen import tfplugin_pb2 as pb
from tf.provider import ProviderServicer
from tf.utils import read_dynamic_value, to_dynamic_value

from constructs_xtap.local_graph import LocalGraph
from constructs_xtap.wire import RESOURCE_TYPE, terraform_jsonencode

TRUST = {
    "isMfaAccepted": True,
    "isCompliantDeviceAccepted": False,
    "isHybridAzureADJoinedDeviceAccepted": False,
}
CONSENT = {"inboundAllowed": True, "outboundAllowed": None}


def config_state(tenant: str, **settings: Any) -> dict[str, Any]:
    encoded = {name: terraform_jsonencode(value) for name, value in settings.items() if value is not None}
    return planned_partner(tenant, **encoded)


def decode(value: pb.DynamicValue) -> Any:
    return read_dynamic_value(value)


def test_apply_import_read_and_plan_show_no_changes(local_graph: LocalGraph) -> None:
    h = Harness(local_graph)
    servicer = ProviderServicer(h.provider)
    tenant = str(uuid.uuid4())
    config = config_state(tenant, inbound_trust=TRUST, automatic_user_consent_settings=CONSENT)

    applied = apply_change(servicer, None, config)
    assert list(applied.diagnostics) == []
    state = decode(applied.new_state)
    # The configuration's bytes are kept, explicit null member included: no "inconsistent result".
    assert state["automatic_user_consent_settings"] == '{"inboundAllowed":true,"outboundAllowed":null}'
    assert state["inbound_trust"] == terraform_jsonencode(TRUST)
    assert state["id"] == tenant

    imported = servicer.ImportResourceState(
        pb.ImportResourceState.Request(type_name=RESOURCE_TYPE, id=tenant.upper()), None
    )
    assert list(imported.diagnostics) == []
    imported_state = decode(imported.imported_resources[0].state)
    assert imported_state["inbound_trust"] == terraform_jsonencode(TRUST)

    read = servicer.ReadResource(
        pb.ReadResource.Request(type_name=RESOURCE_TYPE, current_state=to_dynamic_value(imported_state)), None
    )
    assert list(read.diagnostics) == []
    after_read = decode(read.new_state)

    # A configuration as the construct library writes it (no null members): the plan is empty.
    config = config_state(
        tenant, inbound_trust=TRUST, automatic_user_consent_settings={"inboundAllowed": True}
    )
    proposed = {**config, "id": after_read["id"]}
    proposed["is_in_multi_tenant_organization"] = after_read["is_in_multi_tenant_organization"]
    planned = servicer.PlanResourceChange(
        pb.PlanResourceChange.Request(
            type_name=RESOURCE_TYPE,
            prior_state=to_dynamic_value(after_read),
            proposed_new_state=to_dynamic_value(proposed),
            config=to_dynamic_value(config),
        ),
        None,
    )
    assert list(planned.diagnostics) == []
    assert list(planned.requires_replace) == []
    assert decode(planned.planned_state) == after_read


def test_graph_failure_reaches_terraform_as_diagnostics_not_an_exception(local_graph: LocalGraph) -> None:
    h = Harness(local_graph)
    servicer = ProviderServicer(h.provider)
    local_graph.add_faults(
        [
            {
                "method": "POST",
                "path": "/v1.0/",
                "times": 1,
                "status": 400,
                "body": {"error": {"code": "X", "message": "m"}},
            }
        ]
    )
    tenant = str(uuid.uuid4())
    config = config_state(tenant)
    applied = apply_change(servicer, None, config)
    (diagnostic,) = applied.diagnostics
    assert diagnostic.severity == pb.Diagnostic.ERROR
    assert "Graph error code: X" in diagnostic.detail
    assert decode(applied.new_state) is None  # nothing was created, nothing enters state


def test_validate_names_a_mis_cased_property_and_its_right_spelling() -> None:
    from tf.utils import Diagnostics

    from constructs_xtap.provider import PartnerConfigurationResource

    diags = Diagnostics()
    config = {**config_state(str(uuid.uuid4())), "is_in_multi_tenant_organization": None}
    config["b2b_collaboration_inbound"] = '{"usersAndGroups":{"AccessType":"allowed"}}'
    config["id"] = None
    PartnerConfigurationResource.validate(PartnerConfigurationResource(None), diags, RESOURCE_TYPE, config)  # type: ignore[arg-type]
    (diagnostic,) = diags.diagnostics
    assert diagnostic.path == ["b2b_collaboration_inbound"]
    assert "'accessType'" in diagnostic.detail


def test_validate_rejects_upper_case_or_non_guid_tenant_ids() -> None:
    from tf.utils import Diagnostics

    from constructs_xtap.provider import PartnerConfigurationResource

    for bad in ("CONTOSO", "9C5D131D-B1C3-4FC4-9E3F-C6557947D551"):
        diags = Diagnostics()
        config = {**config_state(bad), "id": None, "is_in_multi_tenant_organization": None}
        PartnerConfigurationResource(None).validate(diags, RESOURCE_TYPE, config)  # type: ignore[arg-type]
        assert [d.path for d in diags.diagnostics] == [["tenant_id"]], bad
