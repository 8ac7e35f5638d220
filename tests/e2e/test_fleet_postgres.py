"""End to end: a fleet of tenants, one cdktf stack each, state in a real PostgreSQL (Terraform's ``pg``
backend), deployed to the multi-tenant local Graph with the real cdktf CLI, Terraform and provider.

The cluster is a throwaway one (tests/postgres_cluster.py); the credentials reach Terraform only through
``PGUSER`` / ``PGPASSWORD``.
"""

from __future__ import annotations

import json
import signal
import subprocess
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from constructs_xtap.local_graph import LocalGraph
from tests.e2e.cdktf_project import REPO, CdktfProject, explain
from tests.postgres_cluster import PostgresCluster

pytestmark = pytest.mark.e2e

PARTNERS_PATH = "/v1.0/policies/crossTenantAccessPolicy/partners"
COMMON_PARTNERS = 5
OWN_PARTNERS = 20
LOCK_TIMEOUT = "10m"

MAIN = f"""\
import sys

sys.path.insert(0, {str(REPO)!r})

from stacks.fleet_app import main

main()
"""


def _tenant_id(index: int) -> str:
    return str(uuid.UUID(int=(0xF1EE7 << 96) + index, version=4))


def _partner_id(tenant_index: int, partner_index: int) -> str:
    return str(uuid.UUID(int=(0xBA27 << 96) + (tenant_index << 32) + partner_index, version=4))


def _fleet(tenants: int, common: int = COMMON_PARTNERS, own: int = OWN_PARTNERS) -> dict[str, Any]:
    """A fleet file: ``common`` baseline partners and ``own`` partners of each of ``tenants`` tenants."""
    everyone = {"access": "allowed", "users": ["AllUsers"], "applications": ["AllApplications"]}
    return {
        "baseline": {
            "defaults": {"b2b_collaboration_inbound": {**everyone, "access": "blocked"}},
            "allowed_cloud_endpoints": [],
            "partners": {
                f"common-{p}": {"tenant_id": _partner_id(0, p), "inbound_trust": {"is_mfa_accepted": True}}
                for p in range(common)
            },
        },
        "tenants": [
            {
                "name": f"t{t:02d}",
                "tenant_id": _tenant_id(t),
                "partners": {
                    f"own-{p}": {"tenant_id": _partner_id(t, p), "b2b_collaboration_inbound": everyone}
                    for p in range(own)
                },
            }
            for t in range(1, tenants + 1)
        ],
    }


def _expected_partners(fleet: dict[str, Any], tenant: dict[str, Any]) -> set[str]:
    return {p["tenant_id"] for p in [*fleet["baseline"]["partners"].values(), *tenant["partners"].values()]}


def _fleet_project(
    tmp_path: Path, local_graph: LocalGraph, cluster: PostgresCluster, database: str, fleet: dict[str, Any]
) -> CdktfProject:
    """A cdktf project whose app is stacks/fleet_app.py, the fleet's tenants registered in the local Graph."""
    for tenant in fleet["tenants"]:
        local_graph.register_tenant(tenant["tenant_id"], tenant["name"], f"{tenant['name']}.example")
    project = CdktfProject(tmp_path, dict(local_graph.env()))
    (tmp_path / "tenants.json").write_text(json.dumps(fleet))
    (tmp_path / "main.py").write_text(MAIN)
    project.env.update(cluster.env(database))
    project.env["XTAP_FLEET_FILE"] = str(tmp_path / "tenants.json")
    project.env["XTAP_FLEET_STATE"] = cluster.conn_str(database)
    # A stack's first apply holds the database-wide workspace-creation lock until it ends: the others wait.
    for command in ("plan", "apply", "destroy"):
        project.env[f"TF_CLI_ARGS_{command}"] = f"-lock-timeout={LOCK_TIMEOUT}"
    return project


def _stored_state(cluster: PostgresCluster, database: str, schema: str) -> dict[str, Any]:
    rows = cluster.psql(
        f"SELECT translate(data, E'\\n', ' ') FROM {schema}.states WHERE name = 'default'", database
    )
    assert len(rows) == 1, rows
    return dict(json.loads(rows[0][0]))


def _state_partner_tenants(state: dict[str, Any]) -> list[str]:
    """The partner tenant ids the state records, one per resource instance (repeats stay repeated)."""
    return [
        instance["attributes"]["tenant_id"]
        for resource in state.get("resources", [])
        if resource["type"] == "xtap_partner_configuration"
        for instance in resource["instances"]
    ]


def _terraform(project: CdktfProject, stack: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [project.env["TERRAFORM_BINARY_NAME"], *args, "-no-color"],
        cwd=project.directory / "cdktf.out" / "stacks" / stack,
        env=project.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def _wait_for_requests(local_graph: LocalGraph, method: str, path: str, count: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        served = [r for r in local_graph.requests() if r["method"] == method and r["path"] == path]
        if len(served) >= count:
            return
        time.sleep(0.1)
    raise AssertionError(f"fewer than {count} {method} {path} in {local_graph.requests()}")


def _lock_holders(cluster: PostgresCluster, database: str) -> list[list[str]]:
    return cluster.psql(
        "SELECT l.objid::text, a.pid::text FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        f"WHERE l.locktype = 'advisory' AND a.datname = '{database}'",
    )


def test_a_fleet_of_20_tenants_deploys_in_parallel_with_state_in_postgres_each_partner_in_its_own_tenant(
    local_graph: LocalGraph, tmp_path: Path, postgres_cluster: PostgresCluster, postgres_database: str
) -> None:
    fleet = _fleet(tenants=20)
    project = _fleet_project(tmp_path, local_graph, postgres_cluster, postgres_database, fleet)

    started = time.monotonic()
    deployed = project.cdktf("deploy", "*", "--auto-approve", "--parallelism", "4", timeout=900)
    elapsed = time.monotonic() - started

    assert deployed.returncode == 0, explain(deployed)
    print(f"fleet deploy: {elapsed:.1f} s")
    assert local_graph.partners() == {}, "the home tenant got partners it does not manage"
    for tenant in fleet["tenants"]:
        expected = _expected_partners(fleet, tenant)
        assert len(expected) == COMMON_PARTNERS + OWN_PARTNERS
        assert set(local_graph.partners(tenant["tenant_id"])) == expected, tenant["name"]
        assert local_graph.default_configuration(tenant["tenant_id"])["isServiceDefault"] is False
        state = _stored_state(postgres_cluster, postgres_database, f"xtap_fleet_{tenant['name']}")
        assert sorted(_state_partner_tenants(state)) == sorted(expected), tenant["name"]
    for stack_dir in (project.directory / "cdktf.out" / "stacks").iterdir():
        synthesized = (stack_dir / "cdk.tf.json").read_text()
        assert postgres_cluster.password not in synthesized
        assert local_graph.env()["AZURE_CLIENT_SECRET"] not in synthesized
    assert not list(project.directory.glob("terraform.*.tfstate")), "state went to local files"
