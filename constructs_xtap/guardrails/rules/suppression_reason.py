"""XTAP.SuppressionReason: every guardrail suppression states why, in at least ten characters.

Source: cdk-nag's suppression rules (cdklabs/cdk-nag ``README.md``, "Suppressing a Rule": a suppression
needs a ``reason`` of at least 10 characters); the finding it suppresses stays in the reports.
"""

from __future__ import annotations

from constructs import Construct

from constructs_xtap.guardrails.level import Level
from constructs_xtap.guardrails.rule import Rule
from constructs_xtap.guardrails.suppression import MIN_REASON_LENGTH, Suppression


def _check(construct: Construct) -> list[str]:
    return [
        f"the suppression of {s.rule} has the reason {s.reason!r}"
        for s in Suppression.on(construct)
        if not s.has_reason
    ]


SUPPRESSION_REASON = Rule(
    id="XTAP.SuppressionReason",
    level=Level.ERROR,
    what=f"a guardrail suppression needs a reason of at least {MIN_REASON_LENGTH} characters",
    why="a suppression accepts a risk on the reviewers' behalf; the reason is what they review, and it "
    "stays in the CI reports beside the finding.",
    fix="pass Guardrails.suppress(construct, rule_id, reason=...) a sentence saying why the rule does not "
    "apply here; the finding stays unsuppressed until then.",
    source="cdk-nag suppressions (cdklabs/cdk-nag README, Suppressing a Rule)",
    applies_to=(Construct,),
    check=_check,
)
