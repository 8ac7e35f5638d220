"""`make reliability-report`: run the whole fault matrix end to end and print it as a table.

Each row is one scenario of tests/e2e/fault_matrix.py run through the real cdktf CLI, Terraform and the
provider process against the faulted local Graph; "Graph requests" counts what the deploy sent.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from constructs_xtap.local_graph import LocalGraph
from tests.e2e.fault_matrix import SCENARIOS, run_scenario


def _one_line(text: str, width: int = 60) -> str:
    """The table cell for ``text``: its first line, cut to ``width`` characters."""
    first = text.splitlines()[0] if text else ""
    return first if len(first) <= width else first[: width - 1] + "…"


def main() -> int:
    rows = []
    failures = []
    with LocalGraph() as graph, tempfile.TemporaryDirectory(prefix="xtap-reliability-") as scratch:
        for index, scenario in enumerate(SCENARIOS):
            started = time.monotonic()
            outcome = run_scenario(graph, Path(scratch) / f"s{index}", scenario)
            used = ", ".join(f"{k} x{v}" for k, v in sorted(outcome.graph_requests.items()))
            if not outcome.passed:
                failures.append(f"{scenario.name}:\n{outcome.detail}")
            rows.append(
                (
                    scenario.name,
                    "PASS" if outcome.passed else "FAIL",
                    _one_line(outcome.detail),
                    f"{outcome.requests} ({used})",
                    f"{time.monotonic() - started:.1f}s",
                )
            )
            print(f"{rows[-1][1]}  {scenario.name}", file=sys.stderr, flush=True)
    headers = ("scenario", "result", "outcome", "Graph requests used", "time")
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    line = "+".join("-" * (w + 2) for w in widths)
    print(line)
    print("|".join(f" {h:<{w}} " for h, w in zip(headers, widths, strict=True)))
    print(line)
    for row in rows:
        print("|".join(f" {c:<{w}} " for c, w in zip(row, widths, strict=True)))
    print(line)
    for failure in failures:
        print(f"\nFAIL {failure}")
    return 0 if all(r[1] == "PASS" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
