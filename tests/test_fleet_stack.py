"""FleetStack and the fleet file, synthesized without Terraform: one stack per tenant with its own provider
tenant and state schema, the baseline shared, no credential in cdk.tf.json, mistakes named."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from stacks.fleet import Fleet
from stacks.fleet_app import synth_fleet
from stacks.fleet_stack import FleetStack
from tests.constructs.frameworks import synth

STATE = "postgres://db.example.com:5432/terraform_backend"


def test_the_shipped_fleet_gives_each_tenant_its_provider_schema_baseline_and_own_partners(
    cdk: ModuleType,
) -> None:
    fleet = Fleet.load()
    stacks = synth_fleet(cdk.Testing.app(), fleet, STATE)

    assert [stack.node.id for stack in stacks] == [f"fleet-{tenant.name}" for tenant in fleet.tenants]
    for stack, tenant in zip(stacks, fleet.tenants, strict=True):
        document = synth(stack)
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
def test_a_state_url_holding_a_password_is_refused(cdk: ModuleType, conn_str: str) -> None:
    fleet = Fleet.load()

    with pytest.raises(ValueError, match="PGPASSWORD"):
        FleetStack(cdk.Testing.app(), fleet, fleet.tenants[0], state_conn_str=conn_str)


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
        (
            {"tenants": [{"name": "a", "tenant_id": "x", "partners": []}]},
            r"tenants\[0\] \(a\)\.partners must be an object, like \{\"fabrikam\"",
        ),
        ([], r"tenants\.json must be an object, like \{\"baseline\""),
        ({"tenants": {"name": "a"}}, r"tenants\.json\.tenants must be a list of tenant objects"),
        ({"tenants": ["a"]}, r"tenants\.json\.tenants\[0\] must be an object"),
        (
            {"baseline": {"allowed_cloud_endpoints": "microsoftonline.us"}},
            r"baseline\.allowed_cloud_endpoints must be a list of strings, like \[\"microsoftonline\.us\"\]",
        ),
        ({"baseline": {"partners": []}}, r"baseline\.partners must be an object"),
        ({"baseline": []}, r"tenants\.json\.baseline must be an object"),
        (
            {
                "baseline": {
                    "defaults": {"b2b_collaboration_inbound": {"access": "allowed", "users": "AllUsers"}}
                }
            },
            r"b2b_collaboration_inbound\.users must be a list of strings",
        ),
        ({"baseline": {"defaults": {"inbound_trust": True}}}, r"defaults\.inbound_trust must be an object"),
        ({"baseline": {"defaults": {"b2b_collaboration_inbound": "allowed"}}}, r"inbound must be an object"),
    ],
)
def test_a_mistake_in_the_fleet_file_is_refused_naming_the_entry(data: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Fleet.from_data(data, "tenants.json")


def test_a_missing_fleet_file_is_refused_naming_the_path_and_the_variable(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.json"
    with pytest.raises(
        ValueError, match=rf"fleet file {re.escape(str(missing))} does not exist; set XTAP_FLEET_FILE"
    ):
        Fleet.load(missing)


def test_a_fleet_file_that_is_not_json_is_refused_naming_the_line(tmp_path: Path) -> None:
    broken = tmp_path / "tenants.json"
    broken.write_text('{"tenants": [\n  {"name": }\n]}')
    with pytest.raises(ValueError, match=r"is not JSON: .* at line 2"):
        Fleet.load(broken)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist; set XTAP_FLEET_FILE"),
        ("[]", "must be an object"),
        ('{"tenants": [{"name": "a", "tenant_id": "x", "partners": []}]}', "partners must be an object"),
        ('{"baseline": {"allowed_cloud_endpoints": "microsoftonline.us"}}', "must be a list of strings"),
    ],
)
def test_the_fleet_app_exits_with_the_error_and_no_traceback_for_a_bad_fleet_file(
    tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "tenants.json"
    if content is not None:
        path.write_text(content)
    run = subprocess.run(
        [sys.executable, "-m", "stacks.fleet_app"],
        env={**os.environ, "XTAP_FLEET_FILE": str(path)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 1
    last_line = run.stderr.strip().splitlines()[-1]  # (jsii may print its Node version banner first)
    assert message in last_line and str(path) in last_line
    assert "Traceback" not in run.stderr


def test_without_a_state_url_the_stack_keeps_local_state(cdk: ModuleType) -> None:
    fleet = Fleet.load()

    document = synth(FleetStack(cdk.Testing.app(), fleet, fleet.tenants[0]))

    assert "backend" not in document.get("terraform", {})
