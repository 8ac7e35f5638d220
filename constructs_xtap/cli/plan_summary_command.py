"""``xtap plan-summary PLAN.json``: a plan's effect on cross-tenant access as Markdown."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from constructs_xtap.picture import plan_summary

NOT_JSON = "this is not JSON: run `terraform show -json PLAN > plan.json` first"


def run_plan_summary(*, plan_file: str, output: str | None) -> int:
    """Write the Markdown summary of ``plan_file`` (``terraform show -json PLAN``; ``-`` reads stdin) to
    ``output`` or stdout; return 0, or 1 with one line naming the problem: the file cannot be read, is not
    JSON (a binary plan file: the line says to run ``terraform show -json`` first), is not a plan, or
    ``output`` cannot be written (its directory is missing)."""
    try:
        data = sys.stdin.buffer.read() if plan_file == "-" else Path(plan_file).read_bytes()
    except OSError as error:
        print(f"xtap plan-summary: cannot read {plan_file}: {error.strerror or error}", file=sys.stderr)
        return 1
    try:
        document = json.loads(data.decode("utf-8"))
    except ValueError:
        print(f"xtap plan-summary: {plan_file}: {NOT_JSON}", file=sys.stderr)
        return 1
    try:
        markdown = plan_summary(document)
    except ValueError as error:
        print(f"xtap plan-summary: {plan_file}: {error}", file=sys.stderr)
        return 1
    if output is None:
        sys.stdout.write(markdown)
        return 0
    try:
        Path(output).write_text(markdown, encoding="utf-8")
    except OSError as error:
        print(
            f"xtap plan-summary: cannot write {output}: {error.strerror or error} "
            "(create its directory first, or pick another -o)",
            file=sys.stderr,
        )
        return 1
    return 0
