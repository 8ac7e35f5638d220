"""``xtap plan-summary PLAN.json``: a plan's effect on cross-tenant access as Markdown."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from constructs_xtap.picture import plan_summary


def run_plan_summary(*, plan_file: str, output: str | None) -> int:
    """Write the Markdown summary of ``plan_file`` (``terraform show -json PLAN``; ``-`` reads stdin) to
    ``output`` or stdout; return 0, or 1 naming the problem when the file is not a plan."""
    try:
        text = sys.stdin.read() if plan_file == "-" else Path(plan_file).read_text(encoding="utf-8")
        markdown = plan_summary(json.loads(text))
    except (OSError, ValueError) as error:
        print(f"xtap plan-summary: {plan_file}: {error}", file=sys.stderr)
        return 1
    if output is None:
        sys.stdout.write(markdown)
    else:
        Path(output).write_text(markdown, encoding="utf-8")
    return 0
