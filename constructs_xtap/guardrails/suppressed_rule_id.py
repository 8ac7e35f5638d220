"""XTAP.SuppressionRule: every guardrail suppression names a rule that exists, spelled exactly.

Source: cdk-nag's suppression rules (cdklabs/cdk-nag ``README.md``, "Suppressing a Rule": a suppression
names the rule ``id`` it turns off); a misspelled id would suppress nothing while looking like an accepted
risk in review.

It checks suppressions against the packs' rule ids, so it lives beside ``Guardrails``, not among the rules the
packs are made of.
"""

from __future__ import annotations

from collections.abc import Collection

from constructs import Construct

from constructs_xtap.guardrails.default_packs import DEFAULT_PACKS
from constructs_xtap.guardrails.level import Level
from constructs_xtap.guardrails.rule import Rule
from constructs_xtap.guardrails.rules.suppression_reason import SUPPRESSION_REASON
from constructs_xtap.guardrails.suppression import Suppression

RULE_ID = "XTAP.SuppressionRule"


def unknown_rule_details(construct: Construct, known: Collection[str]) -> list[str]:
    """One text per suppression on ``construct`` whose rule id is not in ``known`` (ids are case-sensitive);
    it suggests the right spelling when only the letter case differs, else lists ``known``."""
    by_lower = {rule.lower(): rule for rule in known}
    details: list[str] = []
    for suppression in Suppression.on(construct):
        if suppression.rule in known:
            continue
        spelled = by_lower.get(suppression.rule.lower())
        hint = (
            f"did you mean {spelled!r}? (rule ids are case-sensitive)"
            if spelled is not None
            else f"the known rule ids are {', '.join(sorted(known))}"
        )
        details.append(
            f"the suppression of {suppression.rule!r} names no rule, so it suppresses nothing; {hint}"
        )
    return details


#: The ids a suppression may name when the rule runs alone: every default pack's and the suppression rules'.
_KNOWN = frozenset(
    {rule.id for pack in DEFAULT_PACKS for rule in pack.rules} | {SUPPRESSION_REASON.id, RULE_ID}
)


def _check(construct: Construct) -> list[str]:
    return unknown_rule_details(construct, _KNOWN)


SUPPRESSED_RULE_ID = Rule(
    id=RULE_ID,
    level=Level.ERROR,
    what="a guardrail suppression must name a known rule id, spelled exactly",
    why="a suppression of a rule that does not exist suppresses nothing, yet reads as an accepted risk; "
    "the finding it was meant for stays, or a later rule of that name would be silenced unreviewed.",
    fix="pass Guardrails.suppress(construct, rule_id, reason=...) the id as the finding or the README's "
    "Guardrails table prints it (for example 'MSFT.XTAP.2'), or remove the suppression.",
    source="cdk-nag suppressions (cdklabs/cdk-nag README, Suppressing a Rule)",
    applies_to=(Construct,),
    check=_check,
)
