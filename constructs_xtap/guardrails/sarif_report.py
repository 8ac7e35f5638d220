"""``sarif_report``: the findings as SARIF 2.1.0 (``cdktf.out/xtap-guardrails.sarif``), for code scanning."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from constructs_xtap.guardrails.finding import Finding
from constructs_xtap.guardrails.rule import Rule

#: The file name, in cdktf's output directory.
SARIF_REPORT_NAME = "xtap-guardrails.sarif"
#: The OASIS schema the report follows (SARIF 2.1.0, errata 01).
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def sarif_report(
    findings: Sequence[Finding], rules: Sequence[Rule], outdir_name: str = "cdktf.out"
) -> dict[str, Any]:
    """One SARIF 2.1.0 log with one run: ``tool.driver.rules`` describes ``rules`` (id, what, why, fix,
    source, level) and ``results`` holds one result per finding.

    Each result names its rule (``ruleId``, ``ruleIndex``), its ``level``, the message, a physical location
    (the stack's synthesized ``<outdir_name>/stacks/<stack>/cdk.tf.json``, line 1: GitHub code scanning
    needs a file) and the construct path as a logical location, and a ``partialFingerprints`` entry so
    code scanning tracks it across runs. A suppressed finding carries ``suppressions`` with
    ``kind`` ``"external"``, ``status`` ``"accepted"`` and the reason as ``justification``. A finding whose
    rule is not among ``rules`` raises ``KeyError``.
    """
    index = {rule.id: i for i, rule in enumerate(rules)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "xtap-guardrails",
                        "fullName": "constructs-xtap guardrails",
                        "rules": [_descriptor(rule) for rule in rules],
                    }
                },
                "results": [_result(f, index[f.rule], outdir_name) for f in findings],
            }
        ],
    }


def _descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "shortDescription": {"text": rule.what},
        "fullDescription": {"text": rule.why},
        "help": {"text": f"Fix: {rule.fix} Source: {rule.source}"},
        "defaultConfiguration": {"level": rule.level.value},
        "properties": {"tags": ["security", "cross-tenant-access"], "source": rule.source},
    }


def _result(finding: Finding, rule_index: int, outdir_name: str) -> dict[str, Any]:
    artifact = (
        f"{outdir_name}/stacks/{finding.stack}/cdk.tf.json"
        if finding.stack
        else f"{outdir_name}/manifest.json"
    )
    fingerprint = hashlib.sha256(f"{finding.rule}\0{finding.path}".encode()).hexdigest()
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": finding.level.value,
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {"artifactLocation": {"uri": artifact}, "region": {"startLine": 1}},
                "logicalLocations": [{"fullyQualifiedName": finding.path, "kind": "resource"}],
            }
        ],
        "partialFingerprints": {"xtapGuardrails/v1": fingerprint},
    }
    if finding.suppressed:
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": finding.reason}]
    return result
