"""``json_report``: the findings as ``cdktf.out/xtap-guardrails.json``, for CI scripts and people."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from constructs_xtap.guardrails.finding import Finding
from constructs_xtap.guardrails.level import Level

#: The file name, in cdktf's output directory.
JSON_REPORT_NAME = "xtap-guardrails.json"


def json_report(findings: Sequence[Finding]) -> dict[str, Any]:
    """``{"version": 1, "summary": {...}, "findings": [...]}``.

    ``findings``: one object per finding, suppressed ones included, in the given order, each with ``rule``,
    ``level`` (``"error"`` or ``"warning"``), ``path``, ``stack``, ``message``, ``suppressed`` (bool) and
    ``reason`` (the suppression's, else ``null``). ``summary``: ``errors`` and ``warnings`` count the
    unsuppressed findings, ``suppressed`` the rest; ``passed`` is false when any error is unsuppressed.
    """
    live = [f for f in findings if not f.suppressed]
    return {
        "version": 1,
        "tool": "constructs-xtap guardrails",
        "summary": {
            "passed": not any(f.fails for f in findings),
            "errors": sum(f.level is Level.ERROR for f in live),
            "warnings": sum(f.level is Level.WARNING for f in live),
            "suppressed": len(findings) - len(live),
        },
        "findings": [f.as_json() for f in findings],
    }
