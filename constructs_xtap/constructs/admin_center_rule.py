"""``AdminCenterRule``: one rule of the Entra admin center that Graph is not documented to enforce."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from constructs_xtap.wire import DEFAULT, PARTNER

#: The pack every admin-center rule belongs to; a rule's qualified id is ``admin-center/<id>``.
ADMIN_CENTER_PACK = "admin-center"


@dataclass(frozen=True)
class AdminCenterRule:
    """A rule the admin center's cross-tenant pages enforce and Graph is not documented to (graph-api.md
    §3.1, marked [PORTAL]): an object that breaks it is one Graph accepts and real tenants can hold.

    ``id``: the rule's number in graph-api.md §3.1 (``"R9"``), stable across releases.
    ``breaks``: ``(users_and_groups, applications) -> bool``, True when the pair of one setting breaks the
    rule. Each is what the caller passed (a ``TargetConfiguration``, ``None``, a token or any other value);
    the rule must check before use and never raise.
    ``problem`` and ``fix``: what is wrong and how to satisfy the admin center, for the finding.
    ``kinds``: the object kinds (``wire.ObjectKind.name``) the rule applies to; default partner and default.
    ``settings``: the settings (constructs' keyword names) it applies to; default ``None``: every B2B setting
    and tenant restrictions.
    ``names``: the list the finding names (``<setting>.<names>``); default ``"applications"``.
    """

    id: str
    breaks: Callable[[object, object], bool]
    problem: str
    fix: str
    kinds: frozenset[str] = frozenset({PARTNER.name, DEFAULT.name})
    settings: frozenset[str] | None = None
    names: str = "applications"

    @property
    def qualified_id(self) -> str:
        """The id with its pack, e.g. ``admin-center/R9``: what findings and warnings name."""
        return f"{ADMIN_CENTER_PACK}/{self.id}"
