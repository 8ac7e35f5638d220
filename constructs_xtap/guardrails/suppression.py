"""``Suppression``: a rule turned off for one construct and everything under it, with the reason why."""

from __future__ import annotations

from dataclasses import dataclass

from constructs import IConstruct

#: The construct metadata type a suppression is stored under (``construct.node.metadata``).
SUPPRESSION_METADATA = "xtap:guardrails:suppress"
#: The shortest reason accepted; a shorter one is itself an error finding (``XTAP.SuppressionReason``).
MIN_REASON_LENGTH = 10


@dataclass(frozen=True)
class Suppression:
    """``rule``: the suppressed rule id; ``reason``: why (kept in the reports); ``path``: the construct it
    was added to. It covers that construct and every construct under it."""

    rule: str
    reason: str
    path: str

    @property
    def has_reason(self) -> bool:
        """True when the reason, stripped, has at least ``MIN_REASON_LENGTH`` characters."""
        return len(self.reason.strip()) >= MIN_REASON_LENGTH

    @staticmethod
    def add(construct: IConstruct, rule: str, reason: str) -> None:
        """Record a suppression of ``rule`` on ``construct`` (as node metadata, read back at synth)."""
        construct.node.add_metadata(SUPPRESSION_METADATA, {"rule": rule, "reason": reason})

    @staticmethod
    def on(construct: IConstruct) -> list[Suppression]:
        """The suppressions added to ``construct`` itself, in the order they were added."""
        found: list[Suppression] = []
        for entry in construct.node.metadata:
            data = entry.data
            if entry.type == SUPPRESSION_METADATA and isinstance(data, dict):
                found.append(
                    Suppression(str(data.get("rule")), str(data.get("reason") or ""), construct.node.path)
                )
        return found

    @staticmethod
    def covering(construct: IConstruct, rule: str) -> list[Suppression]:
        """The suppressions of ``rule`` on ``construct`` and on its scopes, nearest first."""
        return [
            s for scope in reversed(construct.node.scopes) for s in Suppression.on(scope) if s.rule == rule
        ]
