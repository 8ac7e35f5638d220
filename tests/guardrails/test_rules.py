"""Each rule: a stack that breaks it fails (error) or warns, naming the rule and the construct path; the fix
passes; a suppression with a reason passes and is reported; one without a reason fails synth."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest
from constructs import Construct

from constructs_xtap.guardrails import DEFAULT_PACKS, JSON_REPORT_NAME, Guardrails, Level, Pack, Rule
from tests.constructs.frameworks import framework_module
from tests.guardrails.rule_cases import CASES, RuleCase

if TYPE_CHECKING:  # cdktf's classes stand for both frameworks' in annotations, as in the library
    from cdktf import TerraformStack


RULES = {rule.id: rule for pack in DEFAULT_PACKS for rule in pack.rules}


def _only(rule_id: str) -> Guardrails:
    """Guardrails running this one rule, so the other rules of a test stack stay out of the way."""
    return Guardrails(packs=[Pack("only", (RULES[rule_id],))])


def _report(stack: TerraformStack) -> list[dict[str, Any]]:
    app = stack.node.root
    assert isinstance(app, framework_module(stack).App)
    findings: list[dict[str, Any]] = json.loads((Path(app.outdir) / JSON_REPORT_NAME).read_text())["findings"]
    return findings


def _annotations(construct: Construct) -> list[tuple[str, str]]:
    return [(str(entry.type), str(entry.data)) for entry in construct.node.metadata]


def test_there_are_at_least_eight_rules_each_with_a_case_here() -> None:
    assert len(RULES) >= 8
    assert sorted(RULES) == sorted(case.rule for case in CASES)


@pytest.mark.parametrize("rule", sorted(RULES.values(), key=lambda r: r.id), ids=lambda r: r.id)
def test_every_rule_cites_a_public_source_in_its_docstring_and_message(rule: Rule) -> None:
    module = __import__(rule.check.__module__, fromlist=["__doc__"])
    assert "Source:" in (module.__doc__ or "")
    assert rule.source and rule.why and rule.fix and rule.what
    assert rule.message("detail").startswith(f"[{rule.id}] {rule.what}: detail. Why: ")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_stack_that_breaks_the_rule_fails_or_warns_naming_rule_and_path(
    cdk: ModuleType, stack: TerraformStack, case: RuleCase
) -> None:
    subject = case.breaks(stack)
    assert isinstance(subject, Construct)
    cdk.Aspects.of(stack).add(_only(case.rule))
    if RULES[case.rule].level is Level.ERROR:
        with pytest.raises(RuntimeError, match=rf"\[{subject.node.path}\] \[{case.rule}\]"):
            cdk.Testing.synth(stack)
    else:
        cdk.Testing.synth(stack)
    level = RULES[case.rule].level.value
    assert [(f["rule"], f["path"], f["level"], f["suppressed"]) for f in _report(stack)] == [
        (case.rule, subject.node.path, level, False)
    ]
    assert any(f"[{case.rule}]" in data and level[:4] in kind for kind, data in _annotations(subject))


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_fixed_stack_passes(cdk: ModuleType, stack: TerraformStack, case: RuleCase) -> None:
    case.fixed(stack)
    cdk.Aspects.of(stack).add(_only(case.rule))
    cdk.Testing.synth(stack)
    assert _report(stack) == []


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_suppression_with_a_reason_passes_and_is_reported_with_it(
    cdk: ModuleType, stack: TerraformStack, case: RuleCase
) -> None:
    subject = case.breaks(stack)
    assert isinstance(subject, Construct)
    Guardrails.suppress(subject, case.rule, reason="accepted: reviewed with the security team")
    cdk.Aspects.of(stack).add(_only(case.rule))
    cdk.Testing.synth(stack)
    assert [(f["rule"], f["path"], f["suppressed"], f["reason"]) for f in _report(stack)] == [
        (case.rule, subject.node.path, True, "accepted: reviewed with the security team")
    ]
    # (the constructs' own admin-center warning, made when they are created, stays: it has no "Source:")
    assert not any(f"[{case.rule}]" in data and "Source:" in data for _, data in _annotations(subject))


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_suppression_without_a_reason_fails_synth(
    cdk: ModuleType, stack: TerraformStack, case: RuleCase
) -> None:
    subject = case.breaks(stack)
    assert isinstance(subject, Construct)
    Guardrails.suppress(subject, case.rule, reason="ok")
    cdk.Aspects.of(stack).add(_only(case.rule))
    with pytest.raises(RuntimeError, match=r"\[XTAP.SuppressionReason\] .*'ok'"):
        cdk.Testing.synth(stack)
    found = {(f["rule"], f["suppressed"]) for f in _report(stack)}
    assert found == {(case.rule, False), ("XTAP.SuppressionReason", False)}
