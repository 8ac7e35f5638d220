"""``Finding``: one rule broken by one construct, as annotated and reported."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from constructs_xtap.guardrails.level import Level


@dataclass(frozen=True)
class Finding:
    """``rule``: the rule id; ``level``: the rule's level; ``path``: the construct path
    (``"partners/vendor"``); ``stack``: the path of the construct's stack (``""`` when outside one);
    ``message``: ``Rule.message`` (what, why, fix, source); ``suppressed``: a suppression with a valid
    reason covers it, given as ``reason`` (``None`` when not suppressed)."""

    rule: str
    level: Level
    path: str
    stack: str
    message: str
    suppressed: bool = False
    reason: str | None = None

    @property
    def fails(self) -> bool:
        """True when this finding fails synth: an error that is not suppressed."""
        return self.level is Level.ERROR and not self.suppressed

    def as_json(self) -> dict[str, Any]:
        """The finding as one entry of ``xtap-guardrails.json``'s ``findings`` list."""
        return {
            "rule": self.rule,
            "level": self.level.value,
            "path": self.path,
            "stack": self.stack,
            "message": self.message,
            "suppressed": self.suppressed,
            "reason": self.reason,
        }
