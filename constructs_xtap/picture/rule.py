"""Rule: one effective member of a B2B-style setting (``usersAndGroups`` or ``applications``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from constructs_xtap.wire import ALL_TARGET_KEYWORDS

#: Graph's reserved target keywords and the words the picture uses for them (graph-api.md §2.5).
KEYWORD_LABELS: Mapping[str, str] = {
    "AllUsers": "all users",
    "AllApplications": "all applications",
    "Office365": "Office 365",
}


def short_id(value: str) -> str:
    """``value`` cut to its first 8 characters and an ellipsis when longer (GUIDs in tables)."""
    return value if len(value) <= 9 else value[:8] + "…"


@dataclass(frozen=True)
class Rule:
    """Who (``usersAndGroups``) or what (``applications``) a setting covers, and whose rule it is.

    ``access``: ``"allowed"`` or ``"blocked"`` (Graph's ``accessType``); ``targets``: ``(target,
    targetType)`` pairs as Graph holds them; ``inherited``: ``True`` when a partner left the member out and
    the default configuration's member applies.
    """

    access: str
    targets: tuple[tuple[str, str], ...]
    inherited: bool = False

    @classmethod
    def from_graph(cls, member: Any, *, inherited: bool = False) -> Rule | None:
        """The rule of a Graph ``crossTenantAccessPolicyTargetConfiguration`` (``{accessType, targets:
        [{target, targetType}]}``); ``None`` for ``null`` or anything without an ``accessType``."""
        if not isinstance(member, Mapping) or not isinstance(member.get("accessType"), str):
            return None
        targets = tuple(
            (str(t.get("target")), str(t.get("targetType")))
            for t in member.get("targets") or ()
            if isinstance(t, Mapping)
        )
        return cls(member["accessType"], targets, inherited)

    @property
    def covers_everyone(self) -> bool:
        """Whether the rule names ``AllUsers`` or ``AllApplications``."""
        return any(target in ALL_TARGET_KEYWORDS for target, _ in self.targets)

    @property
    def allows_nothing(self) -> bool:
        """Whether the rule blocks everyone (or allows an empty list)."""
        if self.access == "blocked":
            return self.covers_everyone
        return not self.targets

    @property
    def allows_everything(self) -> bool:
        """Whether the rule allows everyone, or blocks an empty list."""
        if self.access == "allowed":
            return self.covers_everyone
        return not self.targets

    def target_labels(self) -> str:
        """The named targets in words: ``"group 6f546279…, user 0a1b2c3d…"``, ``"Office 365"``."""
        return ", ".join(
            KEYWORD_LABELS.get(target) or f"{'app' if kind == 'application' else kind} {short_id(target)}"
            for target, kind in self.targets
        )

    def phrase(self, everyone: str) -> str:
        """Who or what may: ``everyone`` (``"all users"``), ``"all users except group …"``, the targets."""
        if self.allows_everything:
            return everyone
        if self.access == "blocked":
            return f"{everyone} except {self.target_labels()}"
        return self.target_labels()

    def to_json(self) -> dict[str, Any]:
        """``{"accessType", "inherited", "targets": [{"target", "targetType"}]}`` (stable keys)."""
        return {
            "accessType": self.access,
            "inherited": self.inherited,
            "targets": [{"target": t, "targetType": k} for t, k in self.targets],
        }
