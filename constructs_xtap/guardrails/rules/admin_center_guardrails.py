"""admin-center/R9, R10, R11: the Entra admin center's consistency rules that Graph is not documented to
enforce, as warnings. The checks are the constructs' own (``constructs_xtap.constructs.admin_center_rules``,
one table for the three); these guardrails report their findings, so they are one table too.

Source: for R9 (users and groups allowed, but all applications blocked), Microsoft Learn, "Cross-tenant access
overview", "Important considerations" (MicrosoftDocs/entra-docs
``docs/external-id/cross-tenant-access-overview.md``): "If you allow outbound access for all your users (or
specific users or groups), you'll be prevented from blocking all access to external applications".

For R10 (all users blocked, but not all applications) and R11 (inbound default settings target only
AllUsers), Microsoft Learn, "Configure B2B collaboration cross-tenant access settings" and "... B2B direct
connect ..." (MicrosoftDocs/entra-docs ``docs/external-id/cross-tenant-access-settings-b2b-collaboration.md``,
``cross-tenant-access-settings-b2b-direct-connect.md``): "If you block access for all of your users and
groups, you also need to block access to all external applications"; "You cannot target users or groups in
inbound default settings". All three: graph-api.md §3.1, marked [PORTAL].
"""

from __future__ import annotations

from constructs_xtap.constructs import CrossTenantAccessDefaults, CrossTenantAccessPartner
from constructs_xtap.constructs.admin_center_rule import AdminCenterRule
from constructs_xtap.constructs.admin_center_rules import R9, R10, R11
from constructs_xtap.guardrails.level import Level
from constructs_xtap.guardrails.rule import Rule
from constructs_xtap.wire import DEFAULT, PARTNER

#: The construct that declares each kind an admin-center rule applies to.
_CONSTRUCTS: dict[str, type[CrossTenantAccessPartner | CrossTenantAccessDefaults]] = {
    PARTNER.name: CrossTenantAccessPartner,
    DEFAULT.name: CrossTenantAccessDefaults,
}


def admin_center_details(
    construct: CrossTenantAccessPartner | CrossTenantAccessDefaults, rule: AdminCenterRule
) -> list[str]:
    """``property = value: problem`` for each finding of ``rule`` among ``construct.admin_center_warnings``.

    The constructs check the admin-center rules when they are created (``admin_center_rules``); under the
    context ``"xtap:adminCenterRules": "error"`` a finding raises there instead, so none reaches here.
    """
    return [
        f"{w.property} = {w.value!r}: {w.problem}"
        for w in construct.admin_center_warnings
        if w.rule == rule.qualified_id
    ]


def _guardrail(rule: AdminCenterRule, *, what: str, why: str, source: str) -> Rule:
    """The warning ``admin-center/<id>``: the rule's fix, on the constructs of the rule's kinds (partners
    before the default), reporting the constructs' findings."""
    return Rule(
        id=rule.qualified_id,
        level=Level.WARNING,
        what=what,
        why=why,
        fix=rule.fix + ".",
        source=source,
        applies_to=tuple(construct for kind, construct in _CONSTRUCTS.items() if kind in rule.kinds),
        check=lambda construct: admin_center_details(construct, rule),
    )


_B2B_SETTINGS_PAGES = (
    "Microsoft Learn, Configure B2B collaboration / B2B direct connect cross-tenant access settings "
)

ADMIN_CENTER_R9 = _guardrail(
    R9,
    what="users and groups are allowed, but all applications are blocked",
    why="the admin center refuses to save this ('access to at least one application must be allowed'); "
    "Graph accepts it, so the tenant holds a setting the portal cannot save as it is.",
    source="Microsoft Learn, Cross-tenant access overview: important considerations (entra-docs "
    "docs/external-id/cross-tenant-access-overview.md)",
)
ADMIN_CENTER_R10 = _guardrail(
    R10,
    what="all users and groups are blocked, but not all applications",
    why="the admin center refuses to save this ('you also need to block access to all external "
    "applications'); Graph accepts it, so the tenant holds a setting the portal cannot save as it is.",
    source=_B2B_SETTINGS_PAGES
    + "(entra-docs docs/external-id/cross-tenant-access-settings-b2b-collaboration.md)",
)
ADMIN_CENTER_R11 = _guardrail(
    R11,
    what="inbound default settings target specific users or groups",
    why="the admin center refuses it ('You cannot target users or groups in inbound default settings'): a "
    "default has no partner tenant whose users and groups the ids could name.",
    source=_B2B_SETTINGS_PAGES
    + "(entra-docs docs/external-id/cross-tenant-access-settings-b2b-direct-connect.md)",
)
