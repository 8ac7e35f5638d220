"""Benchmark: how deploy and plan time grow with the number of partners (figures, not a pass/fail test).

Runs, in one process and one run so the ratios compare like with like on a noisy shared machine:
synth, first apply and a no-change plan for 1 and for N partners (raw Terraform in the synthesized stack,
so cdktf's own ~2.5 s start-up does not hide the provider), against the local Graph.

    .venv/bin/python -m benchmarks.deploy_benchmark [N]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from constructs_xtap.local_graph import LocalGraph
from tests.e2e.cdktf_project import CdktfProject


def _app(count: int) -> str:
    return "".join(
        f'CrossTenantAccessPartner(stack, "p{i}", tenant_id="{i:08x}-0000-4000-8000-000000000000", '
        "inbound_trust=InboundTrust(is_mfa_accepted=True))\n"
        for i in range(count)
    )


def _timed(label: str, run: object) -> float:
    started = time.perf_counter()
    result = run()  # type: ignore[operator]
    elapsed = time.perf_counter() - started
    if result.returncode not in (0,):
        raise SystemExit(f"{label} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return elapsed


def measure(graph: LocalGraph, directory: Path, count: int) -> dict[str, float]:
    graph.reset()
    project = CdktfProject(directory, graph.env())
    project.write_app(_app(count))
    figures = {"synth": _timed("synth", lambda: project.cdktf("synth"))}
    _timed("init", lambda: project.terraform("init", "-no-color"))
    figures["apply"] = _timed("apply", lambda: project.terraform("apply", "-auto-approve", "-no-color"))
    figures["plan (no change)"] = _timed("plan", lambda: project.terraform("plan", "-no-color"))
    figures["graph requests"] = float(len(graph.requests()))
    assert len(graph.partners()) == count
    return figures


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    with LocalGraph() as graph, tempfile.TemporaryDirectory(prefix="xtap-bench-") as scratch:
        one = measure(graph, Path(scratch) / "one", 1)
        many = measure(graph, Path(scratch) / "many", count)
    print(f"{'step':<18}{'1 partner':>12}{f'{count} partners':>16}{'ratio':>9}{'per extra partner':>20}")
    for step in one:
        a, b = one[step], many[step]
        unit = "" if step == "graph requests" else " s"
        per = (b - a) / (count - 1)
        print(f"{step:<18}{a:>10.2f}{unit:2}{b:>14.2f}{unit:2}{b / a:>9.1f}{per:>17.3f}{unit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
