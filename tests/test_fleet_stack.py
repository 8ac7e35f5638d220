"""FleetStack and the fleet file, synthesized without Terraform: one stack per tenant with its own provider
tenant and state schema, the baseline shared, no credential in cdk.tf.json, mistakes named."""

from __future__ import annotations

import json
from typing import Any

import cdktf
import pytest

from stacks.fleet import Fleet
from stacks.fleet_app import synth_fleet
from stacks.fleet_stack import FleetStack

STATE = "postgres://db.example.com:5432/terraform_backend"


def _synth(stack: FleetStack) -> dict[str, Any]:
    return dict(json.loads(cdktf.Testing.synth(stack)))


def test_the_shipped_fleet_gives_each_tenant_its_provider_schema_baseline_and_own_partners() -> None:
    fleet = Fleet.load()
    stacks = synth_fleet(cdktf.Testing.app(), fleet, STATE)

    assert [stack.node.id for stack in stacks] == [f"fleet-{tenant.name}" for tenant in fleet.tenants]
    for stack, tenant in zip(stacks, fleet.tenants, strict=True):
        document = _synth(stack)
        assert document["provider"]["xtap"] == [{"tenant_id": tenant.tenant_id}]
        assert document["terraform"]["backend"]["pg"] == {
            "conn_str": STATE,
            "schema_name": tenant.schema_name,
        }
        partners = {body["tenant_id"] for body in document["resource"]["xtap_partner_configuration"].values()}
        baseline = {str(props["tenant_id"]) for props in fleet.partners.values()}
        own = {str(props["tenant_id"]) for props in tenant.partners.values()}
        assert partners == baseline | own
        assert "xtap_default_configuration" in document["resource"]


def test_a_tenants_own_partner_replaces_the_baseline_partner_of_the_same_construct_id() -> None:
    fleet = Fleet.load()
    northwind = next(tenant for tenant in fleet.tenants if tenant.name == "northwind")

    chosen = fleet.partners_of(northwind)

    assert chosen["payroll-vendor"] is northwind.partners["payroll-vendor"]


def test_a_tenant_is_never_its_own_partner() -> None:
    tenant_id = "11111111-1111-4111-8111-111111111111"
    fleet = Fleet.from_data(
        {
            "baseline": {"partners": {"hq": {"tenant_id": tenant_id}}},
            "tenants": [{"name": "hq", "tenant_id": tenant_id}],
        }
    )

    assert fleet.partners_of(fleet.tenants[0]) == {}


@pytest.mark.parametrize(
    "conn_str", ["postgres://xtap:secret@db.example.com/tf", "postgres://db.example.com/tf?password=secret"]
)
def test_a_state_url_holding_a_password_is_refused(conn_str: str) -> None:
    fleet = Fleet.load()

    with pytest.raises(ValueError, match="PGPASSWORD"):
        FleetStack(cdktf.Testing.app(), fleet, fleet.tenants[0], state_conn_str=conn_str)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"tenants": [{"name": "Bad Name", "tenant_id": "x"}]}, "lower-case"),
        ({"tenants": [{"name": "a", "tenant_id": "x"}, {"name": "a", "tenant_id": "y"}]}, "share a name"),
        ({"tenants": [{"name": "a", "tenant_id": "x", "partners": {"p": {}}}]}, "tenant_id"),
        (
            {"baseline": {"defaults": {"b2b_collaboration_inbound": {"access": "maybe"}}}},
            "allowed or blocked",
        ),
        ({"baseline": {"partners": {"p": {"tenant_id": "x", "colour": "red"}}}}, "unknown key"),
        ({"baseline": {"defaults": {"inbound_trust": {"is_mfa_accepted": "yes"}}}}, "booleans"),
    ],
)
def test_a_mistake_in_the_fleet_file_is_refused_naming_the_entry(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Fleet.from_data(data, "tenants.json")


def test_without_a_state_url_the_stack_keeps_local_state() -> None:
    fleet = Fleet.load()

    document = _synth(FleetStack(cdktf.Testing.app(), fleet, fleet.tenants[0]))

    assert "backend" not in document.get("terraform", {})
