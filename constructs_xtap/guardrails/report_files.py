"""``ReportFiles``: the JSON and SARIF reports of one cdktf output directory, rewritten as findings come."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from constructs import IConstruct

from constructs_xtap.constructs.framework import is_app
from constructs_xtap.guardrails.finding import Finding
from constructs_xtap.guardrails.json_report import JSON_REPORT_NAME, json_report
from constructs_xtap.guardrails.rule import Rule
from constructs_xtap.guardrails.sarif_report import SARIF_REPORT_NAME, sarif_report


class ReportFiles:
    """Every finding recorded so far for ``outdir``, by every ``Guardrails`` of the app, and the rules they
    ran; each ``record`` rewrites ``outdir/xtap-guardrails.json`` and ``outdir/xtap-guardrails.sarif``.

    Aspects run stack by stack and nothing tells an aspect that synth is over, so the files are rewritten
    after each checked scope: once synth ends they hold every stack's findings. A finding recorded twice
    (same rule, path and message; a stack synthesized again) is kept once.
    """

    _by_outdir: ClassVar[dict[Path, ReportFiles]] = {}

    def __init__(self, outdir: Path) -> None:
        self.outdir = outdir
        self.findings: dict[tuple[str, str, str], Finding] = {}
        self.rules: dict[str, Rule] = {}

    @classmethod
    def of(cls, scope: IConstruct) -> ReportFiles | None:
        """The reports of the output directory ``scope`` synthesizes into: the ``App``'s ``outdir`` (what
        ``cdktf synth`` passes as ``CDKTF_OUTDIR``), else ``CDKTF_OUTDIR``; ``None`` when there is neither
        (a tree without an ``App`` root, outside the CLI): then no file is written."""
        root = scope.node.root
        outdir = root.outdir if is_app(root) else os.environ.get("CDKTF_OUTDIR")  # type: ignore[attr-defined]
        if not outdir:
            return None
        path = Path(outdir).resolve()
        return cls._by_outdir.setdefault(path, cls(path))

    def record(self, findings: Sequence[Finding], rules: Sequence[Rule]) -> None:
        """Add ``findings`` (checked with ``rules``) and rewrite both files. Raises ``OSError`` when the
        directory cannot be written."""
        for rule in rules:
            self.rules.setdefault(rule.id, rule)
        for finding in findings:
            self.findings[(finding.rule, finding.path, finding.message)] = finding
        everything = list(self.findings.values())
        self.outdir.mkdir(parents=True, exist_ok=True)
        (self.outdir / JSON_REPORT_NAME).write_text(json.dumps(json_report(everything), indent=2) + "\n")
        sarif = sarif_report(everything, list(self.rules.values()), self.outdir.name)
        (self.outdir / SARIF_REPORT_NAME).write_text(json.dumps(sarif, indent=2) + "\n")
