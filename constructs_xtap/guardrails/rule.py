"""``Rule``: one guardrail: what it checks, on which constructs, why, the fix and its public source."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from constructs_xtap.guardrails.level import Level


@dataclass(frozen=True)
class Rule:
    """A check run by ``Guardrails`` on every construct of a type in ``applies_to``.

    ``id``: stable, named in annotations and reports (``"CISA.MS.AAD.8.3"``).
    ``level``: ``Level.ERROR`` (fails synth) or ``Level.WARNING``.
    ``what``, ``why``, ``fix``: what is wrong, why it matters, how to satisfy the rule (one sentence each).
    ``source``: the public baseline, benchmark or Microsoft guidance the rule comes from.
    ``applies_to``: construct classes (``isinstance``) the rule looks at.
    ``check``: ``construct -> details``, one short text per thing wrong (empty: the construct passes).
    It must never raise for a construct of ``applies_to``; deploy-time tokens never match a literal.
    """

    id: str
    level: Level
    what: str
    why: str
    fix: str
    source: str
    applies_to: tuple[type, ...]
    check: Callable[[Any], Sequence[str]]

    def details(self, construct: object) -> list[str]:
        """What is wrong with ``construct`` under this rule; empty when it passes or is not a subject."""
        if not isinstance(construct, self.applies_to):
            return []
        return list(self.check(construct))

    def message(self, detail: str) -> str:
        """The annotation and report text: ``[id] what: detail. Why: … Fix: … Source: …``."""
        return f"[{self.id}] {self.what}: {detail}. Why: {self.why} Fix: {self.fix} Source: {self.source}"
