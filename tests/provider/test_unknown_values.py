"""Values known only after apply, anywhere in the configuration, through the servicer Terraform talks to.

Terraform sends an unknown as msgpack extension 0, or as extension 12 when it carries refinements
("not null", a string prefix): ``jsonencode`` of anything partly unknown is such a refined unknown string.
Every placement must validate, plan as "(known after apply)" and apply once known; none may become an
internal error.
"""

from __future__ import annotations

import uuid
from typing import Any

import msgpack
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msgpack.ext import ExtType
from provider_harness import FACES, Harness, apply_change, plan_change
from tf.gen import tfplugin_pb2 as pb
from tf.types import Unknown
from tf.utils import read_dynamic_value, to_dynamic_value

from constructs_xtap.local_graph import LocalGraph
from constructs_xtap.provider import XtapServicer
from constructs_xtap.wire import (
    ALLOWED_CLOUD_ENDPOINTS,
    DEFAULT_RESOURCE_TYPE,
    IDENTITY_SYNCHRONIZATION_RESOURCE_TYPE,
    JSON_SETTINGS,
    POLICY_RESOURCE_TYPE,
    RESOURCE_TYPE,
    terraform_jsonencode,
)

PLAIN_UNKNOWN = ExtType(0, b"\x00")
NOT_NULL_UNKNOWN = ExtType(12, msgpack.packb({1: False}))  # refinement 1 (nullness): definitely not null
PREFIXED_UNKNOWN = ExtType(12, msgpack.packb({1: False, 2: '{"usersAndGroups":{'}))  # + a string prefix


guids = st.uuids(version=4).map(str)
group_targets = st.lists(guids.map(lambda g: {"target": g, "targetType": "group"}), min_size=1, max_size=3)
b2b = st.builds(
    lambda access, targets: {
        "usersAndGroups": {"accessType": access, "targets": targets},
        "applications": {
            "accessType": access,
            "targets": [{"target": "AllApplications", "targetType": "application"}],
        },
    },
    st.sampled_from(["allowed", "blocked"]),
    group_targets,
)
flags = {
    "inbound_trust": st.fixed_dictionaries(
        {"isMfaAccepted": st.booleans(), "isCompliantDeviceAccepted": st.booleans()}
    ),
    "automatic_user_consent_settings": st.fixed_dictionaries(
        {"inboundAllowed": st.booleans(), "outboundAllowed": st.booleans()}
    ),
}
setting_values = {s.attribute: flags.get(s.attribute, b2b) for s in JSON_SETTINGS}


@st.composite
def configurations(draw: st.DrawFn) -> dict[str, Any]:
    """A valid known configuration: a tenant, some settings, maybe is_service_provider = false."""
    config: dict[str, Any] = {"id": None, "tenant_id": draw(guids), "is_service_provider": None}
    for attribute, values in setting_values.items():
        value = draw(st.one_of(st.none(), values))
        config[attribute] = None if value is None else terraform_jsonencode(value)
    config["is_service_provider"] = draw(st.sampled_from([None, False]))
    return config


@st.composite
def unknown_placements(draw: st.DrawFn) -> dict[str, ExtType]:
    """Which attributes are unknown, and as which kind of unknown."""
    attributes = ["tenant_id", "is_service_provider", *setting_values]
    chosen = draw(st.lists(st.sampled_from(attributes), min_size=1, unique=True))
    kinds = st.sampled_from([PLAIN_UNKNOWN, NOT_NULL_UNKNOWN, PREFIXED_UNKNOWN])
    return {attribute: draw(kinds) for attribute in chosen}


def errors(response: Any) -> list[str]:
    return [f"{d.summary}: {d.detail}" for d in response.diagnostics if d.severity == pb.Diagnostic.ERROR]


@settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(known=configurations(), unknown=unknown_placements())
def test_unknowns_anywhere_validate_plan_as_known_after_apply_and_apply_once_known(
    local_graph: LocalGraph, known: dict[str, Any], unknown: dict[str, ExtType]
) -> None:
    servicer = XtapServicer(_harness(local_graph).provider)
    partly = {**known, **unknown}

    validated = servicer.ValidateResourceConfig(
        pb.ValidateResourceConfig.Request(type_name=RESOURCE_TYPE, config=to_dynamic_value(partly)), None
    )
    assert errors(validated) == []

    # Create: what is unknown stays unknown in the plan, everything else is planned as configured.
    created_plan = plan_change(servicer, None, {**partly, "id": PLAIN_UNKNOWN})
    assert errors(created_plan) == []
    planned = read_dynamic_value(created_plan.planned_state)
    for attribute, value in known.items():
        if attribute in unknown:
            assert planned[attribute] is Unknown, attribute
        elif attribute != "id":
            assert planned[attribute] == value, attribute

    # Apply receives the real values once Terraform knows them.
    applied = apply_change(servicer, None, {**known, "id": PLAIN_UNKNOWN}, config=known)
    assert errors(applied) == []
    state = read_dynamic_value(applied.new_state)
    assert state["tenant_id"] == known["tenant_id"]
    assert known["tenant_id"] in local_graph.partners()

    # Update of that partner with the same unknowns: unknown tenant_id replaces, nothing else does.
    updated_plan = plan_change(servicer, state, {**partly, "id": state["id"]})
    assert errors(updated_plan) == []
    replaced = [step.attribute_name for path in updated_plan.requires_replace for step in path.steps]
    assert replaced == (["tenant_id"] if "tenant_id" in unknown else [])
    replanned = read_dynamic_value(updated_plan.planned_state)
    assert all(replanned[attribute] is Unknown for attribute in unknown)

    # Destroyed again, so that hypothesis may draw the same tenant id for another example.
    destroyed = apply_change(servicer, state, None)
    assert errors(destroyed) == []
    assert known["tenant_id"] not in local_graph.partners()


_harnesses: dict[int, Harness] = {}


def _harness(local_graph: LocalGraph) -> Harness:
    # One configured provider per local Graph: a provider process serves many resources with one token.
    key = id(local_graph)
    if key not in _harnesses:
        _harnesses.clear()
        _harnesses[key] = Harness(local_graph)
    return _harnesses[key]


def test_a_refined_unknown_tenant_id_is_not_mistaken_for_text(local_graph: LocalGraph) -> None:
    servicer = XtapServicer(Harness(local_graph).provider)
    config = {"id": None, "tenant_id": NOT_NULL_UNKNOWN, "is_service_provider": None}
    config.update({s.attribute: PREFIXED_UNKNOWN for s in JSON_SETTINGS})
    validated = servicer.ValidateResourceConfig(
        pb.ValidateResourceConfig.Request(type_name=RESOURCE_TYPE, config=to_dynamic_value(config)), None
    )
    assert list(validated.diagnostics) == []
    assert str(uuid.UUID(int=0)) not in local_graph.partners()


KIND_VALUES: dict[str, dict[str, st.SearchStrategy[Any]]] = {
    DEFAULT_RESOURCE_TYPE: {
        "b2b_collaboration_outbound": b2b.map(terraform_jsonencode),
        "inbound_trust": flags["inbound_trust"].map(terraform_jsonencode),
    },
    POLICY_RESOURCE_TYPE: {
        "allowed_cloud_endpoints": st.lists(st.sampled_from(ALLOWED_CLOUD_ENDPOINTS), unique=True),
    },
    IDENTITY_SYNCHRONIZATION_RESOURCE_TYPE: {
        "tenant_id": guids,
        "user_sync_inbound": st.booleans(),
        "display_name": st.sampled_from(["Fabrikam", "Contoso"]),
    },
}


@st.composite
def kind_cases(draw: st.DrawFn) -> tuple[str, dict[str, Any], dict[str, ExtType]]:
    """A resource type, a known configuration for it, and which of its settable attributes are unknown."""
    type_name = draw(st.sampled_from(sorted(KIND_VALUES)))
    config: dict[str, Any] = {a.name: None for a in FACES[type_name].attributes}
    for attribute, values in KIND_VALUES[type_name].items():
        config[attribute] = draw(values)
    settable = [a.name for a in FACES[type_name].attributes if a.settable]
    chosen = draw(st.lists(st.sampled_from(settable), min_size=1, unique=True))
    return type_name, config, {a: draw(st.sampled_from([PLAIN_UNKNOWN, NOT_NULL_UNKNOWN])) for a in chosen}


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=kind_cases())
def test_unknowns_in_every_kind_validate_and_plan_as_known_after_apply(
    local_graph: LocalGraph, case: tuple[str, dict[str, Any], dict[str, ExtType]]
) -> None:
    type_name, known, unknown = case
    servicer = XtapServicer(_harness(local_graph).provider)
    partly = {**known, **unknown}
    validated = servicer.ValidateResourceConfig(
        pb.ValidateResourceConfig.Request(type_name=type_name, config=to_dynamic_value(partly)), None
    )
    assert errors(validated) == []

    created_plan = plan_change(servicer, None, partly, type_name=type_name)
    assert errors(created_plan) == []
    planned = read_dynamic_value(created_plan.planned_state)
    for attribute in unknown:
        assert planned[attribute] is Unknown, attribute

    # An update plan from a state of the known configuration keeps the unknowns unknown.
    prior = {**known, "id": known.get("tenant_id") or type_name.removeprefix("xtap_")}
    prior.update(
        {a.name: None for a in FACES[type_name].attributes if a.use == "computed" and a.name != "id"}
    )
    updated_plan = plan_change(servicer, prior, {**partly, "id": prior["id"]}, type_name=type_name)
    assert errors(updated_plan) == []
    replanned = read_dynamic_value(updated_plan.planned_state)
    assert all(replanned[attribute] is Unknown for attribute in unknown)
    replaced = [step.attribute_name for path in updated_plan.requires_replace for step in path.steps]
    assert replaced == (["tenant_id"] if "tenant_id" in unknown else [])
