"""The fault matrix of issue 4: each scenario deploys through the real cdktf/Terraform/provider chain while
the local Graph misbehaves, then checks that nothing was lost or duplicated.

Shared by tests/e2e/test_fault_matrix.py (asserts) and tests/reliability_report.py (prints the table).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from constructs_xtap.wire import normalize_setting
from tests.e2e.cdktf_project import CdktfProject
from tests.vectors import documented_vector

DESIRED = documented_vector("create_partner_v1")["requestBody"]  # the documented example partner
TENANT = DESIRED["tenantId"]
PARTNERS = "/v1.0/policies/crossTenantAccessPolicy/partners"

APP = f"""
CrossTenantAccessPartner(
    stack,
    "seed",
    tenant_id="{TENANT}",
    b2b_direct_connect_outbound=B2BSetting(
        users_and_groups=TargetConfiguration.blocked(Target.group("6f546279-4da5-4b53-a095-09ea0cef9971"))
    ),
    b2b_direct_connect_inbound=B2BSetting(applications=TargetConfiguration.allowed(Target.office365())),
)
"""

READ_ONLY_CLIENT = "11111111-2222-4333-8444-555555555555"
READ_ONLY_SECRET = "read-only-app-secret"


@dataclass(frozen=True)
class Scenario:
    """One fault, and what a well-behaved chain must end with."""

    name: str
    faults: list[dict[str, Any]] = field(default_factory=list)
    # "converged": deploy succeeds, Graph holds exactly the desired partner, state matches, next plan empty.
    # "refused": deploy fails with `error_text` in its output ({address}: the partner's resource address),
    # Graph holds what it held before, state holds none of it.
    expect: str = "converged"
    error_text: tuple[str, ...] = ()
    before: Callable[[Any, CdktfProject], None] | None = None
    env: dict[str, str] = field(default_factory=dict)
    max_posts: int | None = None  # bound on create calls: never a duplicate


@dataclass
class Outcome:
    scenario: str
    passed: bool
    detail: str
    requests: int
    graph_requests: dict[str, int]


def _deploy_first(graph: Any, project: CdktfProject) -> None:
    result = project.cdktf("deploy", "--auto-approve")
    assert result.returncode == 0, result.stdout[-3000:]


def _delete_out_of_band(graph: Any, project: CdktfProject) -> None:
    _deploy_first(graph, project)
    graph.store.delete(TENANT)  # the partner vanishes behind Terraform's back


def _someone_else_created_it(graph: Any, project: CdktfProject) -> None:
    graph.put_partner({"tenantId": TENANT, "inboundTrust": {"isMfaAccepted": True}})


def _read_only_app(graph: Any, project: CdktfProject) -> None:
    graph.register_client(READ_ONLY_CLIENT, secret=READ_ONLY_SECRET, roles=("Policy.Read.All",))


def _status(method: str, status: int, times: int, path: str = PARTNERS, **extra: Any) -> dict[str, Any]:
    return {"method": method, "path": path, "times": times, "status": status, **extra}


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("no faults", max_posts=1),
    Scenario(
        "429 on create, Retry-After 0.5 (fractional)",
        [_status("POST", 429, 2, headers={"Retry-After": "0.5"})],
        max_posts=3,
    ),
    Scenario("429 on create, no Retry-After", [_status("POST", 429, 2)], max_posts=3),
    # Read faults hit the refresh of a second deploy, after a clean first one.
    Scenario(
        "500/502/503/504 on read",
        [_status("GET", s, 1) for s in (500, 502, 503, 504)],
        before=_deploy_first,
        max_posts=0,
    ),
    Scenario(
        "connection reset on read",
        [{"method": "GET", "path": PARTNERS, "action": "reset"}],
        before=_deploy_first,
        max_posts=0,
    ),
    Scenario("slow create (2 s)", [{"method": "POST", "path": PARTNERS, "delay": 2}], max_posts=1),
    Scenario(
        "lost create response, then 409 on retry",
        [{"method": "POST", "path": PARTNERS, "action": "commit_then_reset"}],
        max_posts=2,
    ),
    Scenario(
        "401 expired token mid-run",
        [
            _status(
                "POST",
                401,
                1,
                body={
                    "error": {
                        "code": "InvalidAuthenticationToken",
                        "message": "Lifetime validation failed, the token is expired.",
                    }
                },
            )
        ],
        max_posts=2,
    ),
    Scenario(
        "409 right after a delete (soft-delete propagation)",
        [
            _status(
                "POST",
                409,
                2,
                body={
                    "error": {
                        "code": "Request_MultipleObjectsWithSameKeyValue",
                        "message": "Another object with the same value for property tenantId already exists.",
                    }
                },
            )
        ],
        max_posts=3,
    ),
    Scenario("deleted out of band, next deploy re-creates", before=_delete_out_of_band, max_posts=1),
    Scenario(
        "403 app lacks Policy.ReadWrite.CrossTenantAccess",
        expect="refused",
        error_text=("Policy.ReadWrite.CrossTenantAccess",),
        before=_read_only_app,
        env={"AZURE_CLIENT_ID": READ_ONLY_CLIENT, "AZURE_CLIENT_SECRET": READ_ONLY_SECRET},
        max_posts=1,
    ),
    Scenario(
        "400 on create",
        [
            _status(
                "POST",
                400,
                1,
                body={
                    "error": {
                        "code": "Request_BadRequest",
                        "message": "Invalid property 'b2BDirectConnectInbound'",
                    }
                },
            )
        ],
        expect="refused",
        error_text=("Request_BadRequest",),
        max_posts=1,
    ),
    Scenario(
        "partner already exists with other settings",
        before=_someone_else_created_it,
        expect="refused",
        error_text=("terraform import {address}",),
        max_posts=1,
    ),
)


def _settings(partner: dict[str, Any]) -> dict[str, Any]:
    """The partner's managed settings in their "inherit" normal form."""
    return {
        k: normalize_setting(v)
        for k, v in partner.items()
        if k != "tenantId" and not k.startswith("@") and normalize_setting(v) not in (None, False)
    }


def run_scenario(graph: Any, directory: Path, scenario: Scenario) -> Outcome:
    """Run one scenario in a fresh project directory against a freshly reset local Graph."""
    graph.reset()
    project = CdktfProject(directory, {**graph.env(), **scenario.env})
    project.write_app(APP)
    before_graph = None
    if scenario.before is not None:
        scenario.before(graph, project)
        before_graph = json.loads(json.dumps(graph.partners()))
    graph.log.clear()
    graph.add_faults(scenario.faults)
    result = project.cdktf("deploy", "--auto-approve")
    served = graph.requests()
    unused_faults = graph.faults.pending()
    graph.clear_faults()
    output = result.stdout + result.stderr
    counts: dict[str, int] = {}
    for r in served:
        key = f"{r['method']} {'partner' if r['path'].startswith(PARTNERS) else 'auth'}"
        counts[key] = counts.get(key, 0) + 1
    problems: list[str] = []
    if unused_faults:  # a scenario whose fault never fired proves nothing
        problems.append(f"faults never triggered: {unused_faults}")

    held = graph.partners()
    if scenario.expect == "converged":
        if result.returncode != 0:
            problems.append(f"deploy failed (exit {result.returncode}): {output[-1500:]}")
        if set(held) != {TENANT}:
            problems.append(f"Graph holds {sorted(held)}, wanted exactly [{TENANT}]")
        elif _settings(held[TENANT]) != _settings(DESIRED):
            problems.append(f"Graph's settings {_settings(held[TENANT])} differ from {_settings(DESIRED)}")
    else:
        if result.returncode == 0:
            problems.append("deploy succeeded, an error was intended")
        expected = [t.format(address=project.resource_address("seed")) for t in scenario.error_text]
        missing = [t for t in expected if t not in output]
        if missing:
            problems.append(f"error output lacks {missing}: {output[-1500:]}")
        if held != (before_graph or {}):
            problems.append(f"Graph changed: {held} (before: {before_graph})")
        if "Traceback" in output:
            problems.append("a Python traceback reached Terraform's output")
    # State holds what this deploy manages: Graph's partners less any that were there before it ran.
    ours = set(held) - set(before_graph or {}) if scenario.expect == "refused" else set(held)
    if project.state_tenants() != ours:
        problems.append(f"state holds {sorted(project.state_tenants())}, expected {sorted(ours)}")
    posts = counts.get("POST partner", 0)
    if scenario.max_posts is not None and posts > scenario.max_posts:
        problems.append(f"{posts} create calls, at most {scenario.max_posts} expected")
    if scenario.expect == "converged" and not problems:
        plan = project.terraform("plan", "-detailed-exitcode", "-no-color", "-input=false")
        if plan.returncode != 0:
            problems.append(f"next plan not empty (exit {plan.returncode}): {plan.stdout[-1500:]}")
    detail = (
        "; ".join(problems)
        if problems
        else (
            "converged, plan empty" if scenario.expect == "converged" else "refused with the intended error"
        )
    )
    return Outcome(scenario.name, not problems, detail, len(served), counts)
