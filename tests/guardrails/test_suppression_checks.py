"""Suppressions are checked wherever Guardrails runs: an unknown or wrongly cased rule id is an error
naming the known ids or the right spelling, and a short reason fails synth even on a stack holding no
partner or default configuration."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pytest

from constructs_xtap import CrossTenantAccessPartner
from constructs_xtap.guardrails import CISA_PACK, JSON_REPORT_NAME, Guardrails
from tests.guardrails.rule_cases import PARTNER_TENANT

if TYPE_CHECKING:  # cdktf's classes stand for both frameworks' in annotations, as in the library
    from cdktf import App, TerraformStack


REASON = "accepted: reviewed with the security team"


def _findings(app: App) -> list[dict[str, object]]:
    return json.loads((Path(app.outdir) / JSON_REPORT_NAME).read_text())["findings"]  # type: ignore[no-any-return]


def test_a_suppression_of_an_unknown_rule_id_fails_synth_listing_the_known_ids(
    cdk: ModuleType, stack: TerraformStack
) -> None:
    partner = CrossTenantAccessPartner(stack, "fabrikam", tenant_id=PARTNER_TENANT)
    Guardrails.suppress(partner, "MSFT.XTAP.99", reason=REASON)
    cdk.Aspects.of(stack).add(Guardrails())
    with pytest.raises(
        RuntimeError, match=r"\[XTAP.SuppressionRule\] .*'MSFT.XTAP.99'.*MSFT.XTAP.2, MSFT.XTAP.3"
    ):
        cdk.Testing.synth(stack)


def test_a_wrongly_cased_rule_id_fails_synth_suggesting_the_right_case_and_suppresses_nothing(
    cdk: ModuleType,
    stack: TerraformStack,
) -> None:
    partner = CrossTenantAccessPartner(stack, "fabrikam", tenant_id=PARTNER_TENANT, is_service_provider=True)
    Guardrails.suppress(partner, "msft.xtap.5", reason=REASON)
    cdk.Aspects.of(stack).add(Guardrails())
    with pytest.raises(RuntimeError, match=r"'msft.xtap.5' names no rule.*did you mean 'MSFT.XTAP.5'"):
        cdk.Testing.synth(stack)
    app = stack.node.root
    assert isinstance(app, cdk.App)
    found = {(f["rule"], f["suppressed"]) for f in _findings(app)}
    assert ("MSFT.XTAP.5", False) in found and ("XTAP.SuppressionRule", False) in found


def test_a_rule_of_a_pack_not_run_may_still_be_suppressed(cdk: ModuleType, stack: TerraformStack) -> None:
    partner = CrossTenantAccessPartner(stack, "fabrikam", tenant_id=PARTNER_TENANT)
    Guardrails.suppress(partner, "MSFT.XTAP.2", reason=REASON)
    cdk.Aspects.of(stack).add(Guardrails(packs=[CISA_PACK]))
    cdk.Testing.synth(stack)


def test_an_app_guardrails_checks_a_short_reason_on_a_stack_without_partner_or_default(
    cdk: ModuleType,
) -> None:
    app = cdk.Testing.app()
    stack = cdk.TerraformStack(app, "empty")
    Guardrails.suppress(stack, "MSFT.XTAP.2", reason="ok")
    cdk.Aspects.of(app).add(Guardrails())
    with pytest.raises(RuntimeError, match=r"\[empty\] \[XTAP.SuppressionReason\] .*'ok'"):
        cdk.Testing.synth(stack)
    assert [(f["rule"], f["path"]) for f in _findings(app)] == [("XTAP.SuppressionReason", "empty")]


def test_an_app_guardrails_checks_an_unknown_rule_id_on_a_stack_without_partner_or_default(
    cdk: ModuleType,
) -> None:
    app = cdk.Testing.app()
    stack = cdk.TerraformStack(app, "empty")
    Guardrails.suppress(stack, "MSFT.XTAP.99", reason=REASON)
    cdk.Aspects.of(app).add(Guardrails())
    with pytest.raises(RuntimeError, match=r"\[empty\] \[XTAP.SuppressionRule\]"):
        cdk.Testing.synth(stack)
