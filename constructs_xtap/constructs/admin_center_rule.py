"""``AdminCenterRule``: one rule of the Entra admin center that Graph is not documented to enforce."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from constructs_xtap.constructs.target_configuration import TargetConfiguration

#: The pack every admin-center rule belongs to; a rule's qualified id is ``admin-center/<id>``.
ADMIN_CENTER_PACK = "admin-center"


@dataclass(frozen=True)
class AdminCenterRule:
    """A rule the admin center's cross-tenant pages enforce and Graph is not documented to (graph-api.md
    §3.1, marked [PORTAL]): a partner that breaks it is one Graph accepts and real tenants can hold.

    ``id``: the rule's number in graph-api.md §3.1 (``"R9"``), stable across releases.
    ``breaks``: ``(users_and_groups, applications) -> bool``, True when the pair breaks the rule. Both are
    ``TargetConfiguration`` objects whose access types are known (not tokens); their targets may be anything.
    ``problem`` and ``fix``: what is wrong and how to satisfy the admin center, for the finding.
    """

    id: str
    breaks: Callable[[TargetConfiguration, TargetConfiguration], bool]
    problem: str
    fix: str

    @property
    def qualified_id(self) -> str:
        """The id with its pack, e.g. ``admin-center/R9``: what findings and warnings name."""
        return f"{ADMIN_CENTER_PACK}/{self.id}"
