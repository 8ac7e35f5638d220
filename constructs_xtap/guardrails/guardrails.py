"""``Guardrails``: the aspect that checks a cdktf or cdktn app or stack against rule packs at synth."""

from __future__ import annotations

import os
import weakref
from collections.abc import Sequence
from typing import Any

from constructs import Construct, IConstruct

from constructs_xtap.constructs.framework import aspect_class, framework_of, is_terraform_stack
from constructs_xtap.constructs.inherited_aspects import InheritedAspects
from constructs_xtap.guardrails.default_packs import DEFAULT_PACKS
from constructs_xtap.guardrails.finding import Finding
from constructs_xtap.guardrails.guardrails_error import GuardrailsError
from constructs_xtap.guardrails.level import Level
from constructs_xtap.guardrails.pack import Pack
from constructs_xtap.guardrails.report_files import ReportFiles
from constructs_xtap.guardrails.rule import Rule
from constructs_xtap.guardrails.rules import SUPPRESSION_REASON
from constructs_xtap.guardrails.suppressed_rule_id import SUPPRESSED_RULE_ID, unknown_rule_details
from constructs_xtap.guardrails.suppression import Suppression

#: Set by ``cdktf synth``: the CLI reads error annotations from the manifest and fails the command itself.
CONTINUE_ON_ERRORS_ENV = "CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS"


class Guardrails:
    """``Aspects.of(app_or_stack).add(Guardrails(packs=[CISA_PACK, ...]))``: at synth, check every construct
    of this library in scope against the packs' rules.

    ``packs``: default ``None``: every pack (``DEFAULT_PACKS``: ``cisa``, ``microsoft``, ``admin-center``).
    A rule in two packs runs once.

    Each finding becomes a cdktf annotation on its construct (``Annotations.add_error`` or ``add_warning``,
    by the rule's level) reading ``[rule id] what: detail. Why: … Fix: … Source: …``; a suppressed finding
    gets none. All findings, suppressed ones with their reason, go to ``xtap-guardrails.json`` and
    ``xtap-guardrails.sarif`` in the app's output directory (``ReportFiles``). Unsuppressed errors fail
    synth: ``cdktf synth`` exits non-zero (it reads the error annotations), and elsewhere (``app.synth()``,
    ``Testing.synth``) the visit raises ``GuardrailsError`` once the scope's findings are annotated and
    written, which reaches Python as jsii's ``RuntimeError`` with the same text.

    Added to an ``App``, it still runs: cdktf 0.21 invokes aspects from each stack down, so this library's
    constructs forward the App's ``Guardrails`` to their stack (``InheritedAspects``). Each scope is checked
    once per ``Guardrails``: the first visit checks the whole subtree, later visits inside it do nothing.

    Works in a cdktf and in a cdktn app: the instance implements the ``IAspect`` of the framework(s)
    imported when it is made (``framework.aspect_class``), so make it after importing your ``App``.
    """

    def __new__(cls, *args: Any, **kwargs: Any) -> Guardrails:
        instance: Guardrails = object.__new__(aspect_class(cls))
        return instance

    #: The marker ``InheritedAspects`` looks for (``VISIT_FROM_STACK``): forward the App's Guardrails.
    xtap_visit_from_stack = True

    def __init__(self, packs: Sequence[Pack] | None = None) -> None:
        self.packs: tuple[Pack, ...] = tuple(DEFAULT_PACKS if packs is None else packs)
        rules: dict[str, Rule] = {}
        for pack in self.packs:
            for rule in pack.rules:
                rules.setdefault(rule.id, rule)
        self.rules: tuple[Rule, ...] = (*rules.values(), SUPPRESSION_REASON, SUPPRESSED_RULE_ID)
        #: The rule ids a suppression may name: every default pack's rules, and this Guardrails' own.
        self.known_rule_ids: frozenset[str] = frozenset(
            {rule.id for pack in DEFAULT_PACKS for rule in pack.rules} | {rule.id for rule in self.rules}
        )
        #: Every construct of the scopes already checked: the aspect is called back for each construct
        #: below where it was added, and an identity check costs no call into the jsii runtime.
        self._checked: weakref.WeakSet[IConstruct] = weakref.WeakSet()

    @staticmethod
    def suppress(construct: IConstruct, rule_id: str, *, reason: str) -> None:
        """Suppress ``rule_id`` on ``construct`` and everything under it, because of ``reason``.

        The finding stays in both reports with ``suppressed: true`` and the reason, and gets no annotation.
        A reason of fewer than 10 characters (stripped) suppresses nothing and is itself an error finding
        (``XTAP.SuppressionReason``) at synth; so is a ``rule_id`` no rule has, letter case included
        (``XTAP.SuppressionRule``). Call it before synth, like any construct change. An App's
        ``Guardrails`` reaches the construct's stack even when it holds no partner or default.
        """
        Suppression.add(construct, rule_id, reason)
        if isinstance(construct, Construct) and any(is_terraform_stack(s) for s in construct.node.scopes):
            InheritedAspects.ensure(construct)  # an App's Guardrails checks this suppression too

    def visit(self, node: IConstruct) -> None:
        """Check ``node``'s subtree, unless this ``Guardrails`` already checked a scope containing it.

        Raises ``GuardrailsError`` on unsuppressed errors, unless ``cdktf synth`` is the caller.
        """
        if node in self._checked:
            return
        members = node.node.find_all()
        self._checked.update(members)
        found = self._found(members)
        findings = [finding for _, finding in found]
        for construct, finding in found:
            if finding.suppressed:
                continue
            annotations = framework_of(construct).module.Annotations.of(construct)
            if finding.level is Level.ERROR:
                annotations.add_error(finding.message)
            else:
                annotations.add_warning(finding.message)
        reports = ReportFiles.of(node)
        if reports is not None:
            reports.record(findings, self.rules)
        failing = [f for f in findings if f.fails]
        if failing and CONTINUE_ON_ERRORS_ENV not in os.environ:
            raise GuardrailsError(failing)

    def check(self, scope: IConstruct) -> list[Finding]:
        """Every finding of this ``Guardrails``' rules in ``scope``'s subtree (``scope`` included), in tree
        order, with suppressions applied; annotates nothing, writes nothing, never raises for a finding."""
        return [finding for _, finding in self._found(scope.node.find_all())]

    def _found(self, members: Sequence[IConstruct]) -> list[tuple[IConstruct, Finding]]:
        return [
            (construct, self._finding(construct, rule, detail))
            for construct in members
            for rule in self.rules
            for detail in self._details(rule, construct)
        ]

    def _details(self, rule: Rule, construct: IConstruct) -> list[str]:
        if rule is SUPPRESSED_RULE_ID:
            return (
                unknown_rule_details(construct, self.known_rule_ids)
                if isinstance(construct, Construct)
                else []
            )
        return rule.details(construct)

    def _finding(self, construct: IConstruct, rule: Rule, detail: str) -> Finding:
        stack = _stack_name(construct)
        valid = [s for s in Suppression.covering(construct, rule.id) if s.has_reason]
        if rule in (SUPPRESSION_REASON, SUPPRESSED_RULE_ID) or not valid:
            return Finding(rule.id, rule.level, construct.node.path, stack, rule.message(detail))
        return Finding(
            rule.id, rule.level, construct.node.path, stack, rule.message(detail), True, valid[0].reason
        )


def _stack_name(construct: IConstruct) -> str:
    for scope in reversed(construct.node.scopes):
        if is_terraform_stack(scope):
            return scope.node.id
    return ""
