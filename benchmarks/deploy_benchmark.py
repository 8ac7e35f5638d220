"""Benchmark: how synth, apply and plan grow with the number of partners, and issue 11's overhead ratios
(figures, not a pass/fail test; ``make bench``).

Everything is measured in one process and one run, so the ratios compare like with like on a noisy shared
machine. Apply and plan are raw Terraform in the synthesized stack (cdktf's own ~2.5 s start-up would hide
the provider), against the local Graph; Graph requests are counted per step, token requests included.

    .venv/bin/python -m benchmarks.deploy_benchmark [partner counts, default 1 10 100 1000]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.provider_handshake import handshake_seconds, interpreter_seconds
from benchmarks.terraform_data_stack import apply_terraform_data_figures, children_cpu_seconds
from constructs_xtap.local_graph import LocalGraph
from tests.e2e.cdktf_project import CdktfProject

SIZES = (1, 10, 100, 1000)
PLAN_REQUESTS_AT = 500
APPLY_RATIO_AT = 200
SYNTH_RATIO_AT = 1000


@dataclass
class Figures:
    """One partner count's seconds and Graph requests per step."""

    count: int
    synth: float
    apply: float
    #: CPU seconds of Terraform and the provider processes it started during the apply.
    apply_cpu: float
    apply_requests: int
    apply_writes: int
    apply_reads: int
    plan: float
    plan_requests: int


def _app(count: int) -> str:
    return "".join(
        f'CrossTenantAccessPartner(stack, "p{i}", tenant_id="{i:08x}-0000-4000-8000-000000000000", '
        "inbound_trust=InboundTrust(is_mfa_accepted=True))\n"
        for i in range(count)
    )


def _timed(label: str, run: Callable[[], subprocess.CompletedProcess[str]]) -> float:
    started = time.perf_counter()
    result = run()
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{label} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return elapsed


def synth_seconds(graph: LocalGraph, directory: Path, count: int) -> tuple[CdktfProject, float]:
    """A project of ``count`` partners in ``directory``, and the seconds ``cdktf synth`` took."""
    project = CdktfProject(directory, graph.env())
    project.write_app(_app(count))
    return project, _timed("synth", lambda: project.cdktf("synth"))


def measure(graph: LocalGraph, directory: Path, count: int, *, plan: bool = True) -> Figures:
    """Synth, first apply and a no-change plan of ``count`` partners against an empty local Graph."""
    graph.reset()
    project, synth = synth_seconds(graph, directory, count)
    _timed("init", lambda: project.terraform("init", "-no-color", "-input=false"))
    graph.log.clear()
    cpu = children_cpu_seconds()
    apply = _timed("apply", lambda: project.terraform("apply", "-auto-approve", "-no-color", "-input=false"))
    apply_cpu = children_cpu_seconds() - cpu
    applied = graph.requests()
    if len(graph.partners()) != count:
        raise SystemExit(f"apply left {len(graph.partners())} partners in Graph, not {count}")
    graph.log.clear()
    planned = _timed("plan", lambda: project.terraform("plan", "-no-color", "-input=false")) if plan else 0.0
    on_partners = [r for r in applied if "/partners" in r["path"]]
    return Figures(
        count=count,
        synth=synth,
        apply=apply,
        apply_cpu=apply_cpu,
        apply_requests=len(applied),
        apply_writes=sum(1 for r in on_partners if r["method"] != "GET"),
        apply_reads=sum(1 for r in on_partners if r["method"] == "GET"),
        plan=planned,
        plan_requests=len(graph.requests()) if plan else 0,
    )


def main() -> int:
    sizes = tuple(int(a) for a in sys.argv[1:]) or SIZES
    with LocalGraph() as graph, tempfile.TemporaryDirectory(prefix="xtap-bench-") as scratch:
        root = Path(scratch)
        env = CdktfProject(root / "env", graph.env()).env
        handshake, interpreter = handshake_seconds(env), interpreter_seconds(env)
        _, empty_synth = synth_seconds(graph, root / "empty", 0)
        rows = [measure(graph, root / f"n{count}", count) for count in sizes]
        at_plan = measure(graph, root / "plan-ratio", PLAN_REQUESTS_AT)
        at_apply = measure(graph, root / "apply-ratio", APPLY_RATIO_AT, plan=False)
        data_apply, data_cpu = apply_terraform_data_figures(root / "terraform-data", env, APPLY_RATIO_AT)
        big_synth = next((r.synth for r in rows if r.count == SYNTH_RATIO_AT), None)
        if big_synth is None:
            _, big_synth = synth_seconds(graph, root / "synth-ratio", SYNTH_RATIO_AT)

    print(
        "Growth with the number of partners (one run, local Graph; requests = Graph requests, token included)"
    )
    print(f"{'partners':>8}{'synth s':>10}{'apply s':>10}{'apply req':>11}{'plan s':>9}{'plan req':>10}")
    for r in rows:
        print(
            f"{r.count:>8}{r.synth:>10.2f}{r.apply:>10.2f}{r.apply_requests:>11}{r.plan:>9.2f}{r.plan_requests:>10}"
        )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        extra = last.count - first.count
        synth, apply, plan = (
            (b - a) / extra
            for a, b in ((first.synth, last.synth), (first.apply, last.apply), (first.plan, last.plan))
        )
        print(
            f"per extra partner ({first.count} to {last.count}): synth {synth:.4f} s, apply {apply:.4f} s, "
            f"plan {plan:.4f} s"
        )
    print()
    print("Issue 11 figures (same run)")
    print(
        f"  no-change plan of {PLAN_REQUESTS_AT} partners: {at_plan.plan_requests} Graph requests "
        "(target <= 10)"
    )
    print(
        f"  apply of {APPLY_RATIO_AT} new partners: {at_apply.apply:.2f} s; {APPLY_RATIO_AT} terraform_data: "
        f"{data_apply:.2f} s; ratio {at_apply.apply / data_apply:.2f}x (target <= 1.8x)"
    )
    print(
        f"    CPU of Terraform and the provider processes: {at_apply.apply_cpu:.2f} s; terraform_data: "
        f"{data_cpu:.2f} s; ratio {at_apply.apply_cpu / data_cpu:.2f}x (the local Graph's CPU not included)"
    )
    print(
        f"  per created partner: {at_apply.apply_writes / APPLY_RATIO_AT:g} write(s), "
        f"{at_apply.apply_reads / APPLY_RATIO_AT:g} read(s)"
    )
    print(
        f"  synth of {SYNTH_RATIO_AT} partners: {big_synth:.2f} s; empty app: {empty_synth:.2f} s; "
        f"ratio {big_synth / empty_synth:.2f}x (target <= 1.5x)"
    )
    print(
        f"  provider start to handshake: {handshake:.3f} s (median of 9; Python alone {interpreter:.3f} s) "
        "(target <= 0.08 s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
