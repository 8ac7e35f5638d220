"""AccessCell: who may reach what through one B2B-style setting of one tenant, and whose rule it is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from constructs_xtap.picture.cell_json import cell_json
from constructs_xtap.picture.rule import Rule

#: Where a cell's value comes from. A partner's own rule, or the default's (``inherited``); on the default
#: row, a value equal to the system default (``system default``) or not (``own``).
OWN = "own"
INHERITED = "inherited"
PARTLY_INHERITED = "partly inherited"
SYSTEM_DEFAULT = "system default"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class AccessCell:
    """Users and applications of one setting (``b2bCollaborationInbound``…), as they apply.

    ``users``/``applications``: the effective rules; ``None`` when neither the tenant nor a known default
    says (for instance a partner's inherited member when the default is not known). ``source`` is one of
    ``own``, ``inherited``, ``partly inherited``, ``system default``, ``unknown``.
    """

    users: Rule | None
    applications: Rule | None
    source: str

    @property
    def verdict(self) -> str:
        """``"allowed"`` (all users, all applications), ``"blocked"`` (nobody), ``"limited"`` or
        ``"unknown"``: the colour of the cell."""
        if self.users is None or self.applications is None:
            return (
                "blocked" if any(r and r.allows_nothing for r in (self.users, self.applications)) else UNKNOWN
            )
        if self.users.allows_nothing or self.applications.allows_nothing:
            return "blocked"
        if self.users.allows_everything and self.applications.allows_everything:
            return "allowed"
        return "limited"

    @property
    def summary(self) -> str:
        """Who may reach what: ``"allowed for all users"``, ``"blocked for all users"``, ``"allowed for
        group 0f8e2d4c… to all applications"``, ``"allowed for all users to Office 365"``."""
        verdict = self.verdict
        if verdict == "blocked":
            return "blocked for all users"
        if verdict == "allowed":
            return "allowed for all users"
        if verdict == UNKNOWN:
            return "not known"
        assert self.users is not None and self.applications is not None
        return (
            f"allowed for {self.users.phrase('all users')} to {self.applications.phrase('all applications')}"
        )

    @property
    def text(self) -> str:
        """The summary with its source: ``"inherited (allowed for all users)"``, ``"allowed for all users
        (users inherited)"``; a partner's own rule and a default's changed value are the summary alone."""
        if self.source == INHERITED:
            return "inherited" if self.verdict == UNKNOWN else f"inherited ({self.summary})"
        if self.source == SYSTEM_DEFAULT:
            return f"system default ({self.summary})"
        if self.source == PARTLY_INHERITED:
            member = "users" if self.users is None or self.users.inherited else "applications"
            return f"{self.summary} ({member} inherited)"
        return self.summary

    def to_json(self) -> dict[str, Any]:
        """``{"applications", "source", "summary", "text", "usersAndGroups", "verdict"}``; a member is
        :meth:`Rule.to_json` or ``null``."""
        return cell_json(
            self,
            applications=self.applications.to_json() if self.applications else None,
            usersAndGroups=self.users.to_json() if self.users else None,
        )
