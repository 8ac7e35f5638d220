"""End to end: a fleet of tenants, one cdktf stack each, state in a real PostgreSQL (Terraform's ``pg``
backend), deployed to the multi-tenant local Graph with the real cdktf CLI, Terraform and provider.

The cluster is a throwaway one (tests/postgres_cluster.py); the credentials reach Terraform only through
``PGUSER`` / ``PGPASSWORD``.
"""

from __future__ import annotations

import json
import os
import re
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
    """Start Terraform in ``stack``'s synthesized directory, in a process group of its own, with no
    ``-lock-timeout`` but the one ``args`` give."""
    env = {k: v for k, v in project.env.items() if not k.startswith("TF_CLI_ARGS_")}
    return subprocess.Popen(
        [project.env["TERRAFORM_BINARY_NAME"], *args, "-no-color"],
        cwd=project.directory / "cdktf.out" / "stacks" / stack,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def _wait_for_requests(local_graph: LocalGraph, count: int, timeout: float) -> None:
    """Wait until Graph has served ``count`` partner creates."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if len(_partner_posts(local_graph)) >= count:
            return
        time.sleep(0.1)
    raise AssertionError(f"fewer than {count} partner creates in {local_graph.requests()}")


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


def _deployed_one_tenant_fleet(
    tmp_path: Path, local_graph: LocalGraph, cluster: PostgresCluster, database: str
) -> tuple[CdktfProject, dict[str, Any]]:
    """One tenant deployed with 2 partners, then its fleet file grown to 2 + 6 and synthesized again:
    the project and the grown fleet."""
    project = _fleet_project(tmp_path, local_graph, cluster, database, _fleet(tenants=1, common=0, own=2))
    first = project.cdktf("deploy", "fleet-t01", "--auto-approve")
    assert first.returncode == 0, explain(first)
    grown = _fleet(tenants=1, common=2, own=6)
    (tmp_path / "tenants.json").write_text(json.dumps(grown))
    synth = project.cdktf("synth")
    assert synth.returncode == 0, explain(synth)
    return project, grown


def _partner_posts(local_graph: LocalGraph) -> list[dict[str, Any]]:
    return [r for r in local_graph.requests() if r["method"] == "POST" and r["path"] == PARTNERS_PATH]


def _finish(process: subprocess.Popen[str], timeout: float = 300) -> tuple[int, str]:
    output, _ = process.communicate(timeout=timeout)
    return process.returncode, output


def test_two_applies_of_one_stack_at_once_one_fails_on_the_lock_one_waits_and_nothing_is_created_twice(
    local_graph: LocalGraph, tmp_path: Path, postgres_cluster: PostgresCluster, postgres_database: str
) -> None:
    project, fleet = _deployed_one_tenant_fleet(tmp_path, local_graph, postgres_cluster, postgres_database)
    tenant = fleet["tenants"][0]
    expected = _expected_partners(fleet, tenant)
    local_graph.add_faults([{"method": "POST", "path": PARTNERS_PATH, "times": 6, "delay": 3}])
    posts_before = len(_partner_posts(local_graph))

    first = _terraform(project, "fleet-t01", "apply", "-auto-approve", "-parallelism=2")
    _wait_for_requests(local_graph, posts_before + 1, timeout=120)
    impatient = _terraform(project, "fleet-t01", "apply", "-auto-approve", "-lock-timeout=0s")
    impatient_code, impatient_output = _finish(impatient)
    patient = _terraform(project, "fleet-t01", "apply", "-auto-approve", "-lock-timeout=5m")
    first_code, first_output = _finish(first)
    patient_code, patient_output = _finish(patient)

    assert first_code == 0, first_output
    assert impatient_code == 1, impatient_output
    assert "Error acquiring the state lock" in impatient_output, impatient_output
    assert "Workspace is already locked: default" in impatient_output, impatient_output
    assert patient_code == 0, patient_output
    assert "No changes." in patient_output, patient_output  # it waited, then found the first one's work
    assert set(local_graph.partners(tenant["tenant_id"])) == expected
    assert len(_partner_posts(local_graph)) - posts_before == len(expected) - 2, "a partner was created twice"
    state = _stored_state(postgres_cluster, postgres_database, "xtap_fleet_t01")
    assert sorted(_state_partner_tenants(state)) == sorted(expected)


def _start_runner_inside_creates(project: CdktfProject, local_graph: LocalGraph) -> subprocess.Popen[str]:
    """A runner applying the grown stack, returned once Graph is slowly serving its first partner create."""
    local_graph.add_faults([{"method": "POST", "path": PARTNERS_PATH, "times": 6, "delay": 3}])
    creates_before = len(_partner_posts(local_graph))
    runner = _terraform(project, "fleet-t01", "apply", "-auto-approve", "-parallelism=2")
    _wait_for_requests(local_graph, creates_before + 1, timeout=120)
    return runner


def _assert_next_apply_converges(
    project: CdktfProject,
    local_graph: LocalGraph,
    cluster: PostgresCluster,
    database: str,
    fleet: dict[str, Any],
) -> None:
    """The next apply succeeds, Graph and the state in PostgreSQL hold each partner once, a plan is empty."""
    local_graph.clear_faults()
    tenant = fleet["tenants"][0]
    expected = _expected_partners(fleet, tenant)
    code, output = _finish(_terraform(project, "fleet-t01", "apply", "-auto-approve"))
    assert code == 0, output
    assert set(local_graph.partners(tenant["tenant_id"])) == expected
    assert sorted(_state_partner_tenants(_stored_state(cluster, database, "xtap_fleet_t01"))) == sorted(
        expected
    )
    code, output = _finish(_terraform(project, "fleet-t01", "plan", "-detailed-exitcode"))
    assert code == 0, output


def test_a_runner_killed_mid_apply_leaves_no_lock_in_postgres_and_the_next_apply_converges(
    local_graph: LocalGraph, tmp_path: Path, postgres_cluster: PostgresCluster, postgres_database: str
) -> None:
    project, fleet = _deployed_one_tenant_fleet(tmp_path, local_graph, postgres_cluster, postgres_database)
    runner = _start_runner_inside_creates(project, local_graph)
    assert _lock_holders(postgres_cluster, postgres_database), "the runner holds no lock"

    os.killpg(runner.pid, signal.SIGKILL)  # Terraform and its provider die at once, nothing is saved
    code, output = _finish(runner)

    assert code == -signal.SIGKILL, output
    deadline = time.monotonic() + 30
    while _lock_holders(postgres_cluster, postgres_database) and time.monotonic() < deadline:
        time.sleep(0.2)  # PostgreSQL ends the dead runner's session, and its advisory lock with it
    assert _lock_holders(postgres_cluster, postgres_database) == []
    _assert_next_apply_converges(project, local_graph, postgres_cluster, postgres_database, fleet)


def test_a_frozen_runners_lock_survives_force_unlock_and_ends_with_its_postgres_session(
    local_graph: LocalGraph, tmp_path: Path, postgres_cluster: PostgresCluster, postgres_database: str
) -> None:
    """A runner whose connection outlives it (a frozen process, a host gone without closing its TCP
    connection) keeps the pg backend's advisory lock. ``terraform force-unlock`` reports success but
    releases only locks its own session holds; ending the runner's PostgreSQL session releases it."""
    project, fleet = _deployed_one_tenant_fleet(tmp_path, local_graph, postgres_cluster, postgres_database)
    runner = _start_runner_inside_creates(project, local_graph)
    os.killpg(runner.pid, signal.SIGSTOP)  # frozen: its connection to PostgreSQL stays open
    try:
        held = _lock_holders(postgres_cluster, postgres_database)
        assert len(held) == 1, held
        blocked_code, blocked = _finish(_terraform(project, "fleet-t01", "apply", "-auto-approve"))
        assert blocked_code == 1, blocked
        assert "Workspace is already locked: default" in blocked, blocked
        lock_id = re.search(r"ID:\s+(\S+)", blocked)
        assert lock_id, blocked

        unlock_code, unlocked = _finish(
            _terraform(project, "fleet-t01", "force-unlock", "-force", lock_id[1])
        )

        assert unlock_code == 0 and "successfully unlocked" in unlocked, unlocked
        assert _lock_holders(postgres_cluster, postgres_database) == held, "force-unlock released the lock"
        still_code, still = _finish(_terraform(project, "fleet-t01", "apply", "-auto-approve"))
        assert still_code == 1 and "Workspace is already locked: default" in still, still

        # What clears it: ending the session that holds the advisory lock on the state's row.
        [[terminated]] = postgres_cluster.psql(f"SELECT pg_terminate_backend({held[0][1]})")
        assert terminated == "t"
        assert _lock_holders(postgres_cluster, postgres_database) == []
    finally:
        os.killpg(runner.pid, signal.SIGKILL)
        _finish(runner)
    _assert_next_apply_converges(project, local_graph, postgres_cluster, postgres_database, fleet)
