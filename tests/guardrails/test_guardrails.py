"""The aspect: default packs, App-level use, PartnersStack, and the admin-center switch beside the pack."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pytest

from constructs_xtap import (
    B2BSetting,
    CrossTenantAccessDefaults,
    CrossTenantAccessPartner,
    Target,
    TargetConfiguration,
    XtapValidationError,
)
from constructs_xtap.guardrails import DEFAULT_PACKS, JSON_REPORT_NAME, Guardrails, GuardrailsError
from stacks import PartnersStack
from tests.guardrails.rule_cases import BLOCKED_ALL_USERS, EVERYONE_BLOCKED, PARTNER_TENANT

if TYPE_CHECKING:  # cdktf's classes stand for both frameworks' in annotations, as in the library
    from cdktf import App, TerraformStack


def _findings(app: App) -> list[dict[str, object]]:
    return json.loads((Path(app.outdir) / JSON_REPORT_NAME).read_text())["findings"]  # type: ignore[no-any-return]


def test_guardrails_without_arguments_runs_every_pack_with_cisa_8_3_an_error() -> None:
    assert [pack.name for pack in Guardrails().packs] == ["cisa", "microsoft", "admin-center"]
    assert Guardrails().packs == DEFAULT_PACKS
    levels = {rule.id: rule.level.value for rule in Guardrails().rules}
    assert levels["CISA.MS.AAD.8.3"] == "error"
    assert {levels[r] for r in ("admin-center/R9", "admin-center/R10", "admin-center/R11")} == {"warning"}


def test_guardrails_added_to_the_app_checks_every_stack(cdk: ModuleType) -> None:
    app = cdk.Testing.app()
    first, second = cdk.TerraformStack(app, "first"), cdk.TerraformStack(app, "second")
    CrossTenantAccessDefaults(first, "defaults")
    CrossTenantAccessPartner(second, "fabrikam", tenant_id=PARTNER_TENANT, is_service_provider=True)
    cdk.Aspects.of(app).add(Guardrails())
    with pytest.raises(RuntimeError, match=r"\[first/defaults\] \[CISA.MS.AAD.8.3\]"):
        cdk.Testing.synth(first)
    cdk.Testing.synth(second)
    found = {(f["rule"], f["path"]) for f in _findings(app)}
    assert ("CISA.MS.AAD.8.3", "first/defaults") in found
    assert ("MSFT.XTAP.5", "second/fabrikam") in found
    assert ("MSFT.XTAP.6", "second") in found


def test_app_synth_raises_guardrails_error_text_on_an_unsuppressed_error(
    cdk: ModuleType, tmp_path: Path
) -> None:
    app = cdk.App(outdir=str(tmp_path / "out"))
    stack = cdk.TerraformStack(app, "partners")
    CrossTenantAccessDefaults(stack, "defaults")
    cdk.Aspects.of(stack).add(Guardrails())
    with pytest.raises(RuntimeError, match=r"Guardrails found 1 error\(s\):\n  \[partners/defaults\] \[CISA"):
        app.synth()
    assert (tmp_path / "out" / JSON_REPORT_NAME).exists()


def test_guardrails_error_lists_each_failing_finding() -> None:
    error = GuardrailsError([])
    assert str(error) == "Guardrails found 0 error(s):\n"


def test_a_stack_is_checked_once_even_when_synthesized_twice(cdk: ModuleType, stack: TerraformStack) -> None:
    CrossTenantAccessPartner(stack, "fabrikam", tenant_id=PARTNER_TENANT, is_service_provider=True)
    cdk.Aspects.of(stack).add(Guardrails())
    cdk.Testing.synth(stack)
    cdk.Testing.synth(stack)
    app = stack.node.root
    assert isinstance(app, cdk.App)
    assert sorted(str(f["rule"]) for f in _findings(app)) == ["MSFT.XTAP.5", "MSFT.XTAP.6"]


def test_partners_stack_passes_the_default_packs_with_its_suppressions_reported(cdk: ModuleType) -> None:
    app = cdk.Testing.app()
    cdk.Testing.synth(PartnersStack(app))  # checks itself with Guardrails(); raises on an unsuppressed error
    findings = _findings(app)
    assert all(f["suppressed"] for f in findings)
    assert {(f["rule"], f["path"]) for f in findings} == {
        ("MSFT.XTAP.1", "partners/subsidiary"),
        ("MSFT.XTAP.2", "partners/subsidiary"),
    }
    assert all(len(str(f["reason"])) >= 10 for f in findings)


def test_the_admin_center_switch_set_to_error_still_raises_when_the_partner_is_created(
    cdk: ModuleType,
) -> None:
    app = cdk.Testing.app(context={"xtap:adminCenterRules": "error"})
    stack = cdk.TerraformStack(app, "test")
    cdk.Aspects.of(stack).add(Guardrails())
    with pytest.raises(XtapValidationError, match=r"admin-center/R10"):
        CrossTenantAccessPartner(
            stack,
            "fabrikam",
            tenant_id=PARTNER_TENANT,
            b2b_collaboration_outbound=B2BSetting(
                users_and_groups=BLOCKED_ALL_USERS,
                applications=TargetConfiguration.allowed(Target.office365()),
            ),
        )


def test_the_admin_center_pack_warns_where_the_switch_is_left_at_warn(
    cdk: ModuleType, stack: TerraformStack
) -> None:
    CrossTenantAccessDefaults(stack, "defaults", b2b_collaboration_inbound=EVERYONE_BLOCKED)
    CrossTenantAccessPartner(
        stack,
        "fabrikam",
        tenant_id=PARTNER_TENANT,
        b2b_collaboration_outbound=B2BSetting(
            users_and_groups=BLOCKED_ALL_USERS, applications=TargetConfiguration.allowed(Target.office365())
        ),
    )
    cdk.Aspects.of(stack).add(Guardrails())
    cdk.Testing.synth(stack)
    app = stack.node.root
    assert isinstance(app, cdk.App)
    found = [(f["rule"], f["level"]) for f in _findings(app) if str(f["rule"]).startswith("admin-center/")]
    assert found == [("admin-center/R10", "warning")]
