"""MSFT.XTAP.4: the default configuration's tenant restrictions do not allow external identities.

Source: Microsoft Learn, "Set up tenant restrictions v2" (MicrosoftDocs/entra-docs
``docs/external-id/tenant-restrictions-v2.md``): the default tenant restrictions apply to every external
tenant without a partner configuration; the guide blocks access by default and allows the partners that
need it. The system default (graph-api.md §5.14, ``constructs_xtap.wire`` ``SYSTEM_DEFAULT_CONFIGURATION``)
blocks all users and all applications, so a default that leaves ``tenant_restrictions`` out passes; the
rule warns only where the stated tenant restrictions let external identities through.
"""

from __future__ import annotations

from constructs_xtap.constructs import CrossTenantAccessDefaults
from constructs_xtap.guardrails.graph_setting import access_type, targets
from constructs_xtap.guardrails.level import Level
from constructs_xtap.guardrails.rule import Rule
from constructs_xtap.wire.graph_properties import TENANT_RESTRICTIONS_SETTING

_SETTING = TENANT_RESTRICTIONS_SETTING.name
#: Each part of the setting, with the keyword that names all of its targets.
_PARTS = (("usersAndGroups", "AllUsers"), ("applications", "AllApplications"))


def _opening(defaults: CrossTenantAccessDefaults, part: str, everyone: str) -> str | None:
    """How ``part`` lets external identities through, or ``None`` when it blocks them (a part left out
    keeps the system default, blocked; a deploy-time token is not judged)."""
    kind = access_type(defaults.graph_body, _SETTING, part)
    if kind == "allowed":
        return f"{_SETTING}.{part} allows external identities"
    if kind == "blocked" and everyone not in targets(defaults.graph_body, _SETTING, part):
        return f"{_SETTING}.{part} blocks only listed targets, not {everyone}: the rest are allowed"
    return None


def _check(defaults: CrossTenantAccessDefaults) -> list[str]:
    openings = [
        found for part, everyone in _PARTS if (found := _opening(defaults, part, everyone)) is not None
    ]
    return ["; ".join(openings)] if openings else []


TENANT_RESTRICTIONS_DEFAULT = Rule(
    id="MSFT.XTAP.4",
    level=Level.WARNING,
    what="the default tenant restrictions allow external identities",
    why="tenant restrictions v2 decide which other tenants' accounts your users may sign in with on your "
    "network and devices; allowed by default, data can leave through any personal or foreign work "
    "account once the TRv2 signal is deployed.",
    fix="leave CrossTenantAccessDefaults' tenant_restrictions out (the system default blocks all users and "
    "applications) or set TenantRestrictions(users_and_groups=TargetConfiguration.blocked("
    "Target.all_users()), applications=TargetConfiguration.blocked(Target.all_applications())), and "
    "allow partners in their own tenant_restrictions; or suppress with the reason the default is open.",
    source="Microsoft Learn, Set up tenant restrictions v2 (entra-docs "
    "docs/external-id/tenant-restrictions-v2.md)",
    applies_to=(CrossTenantAccessDefaults,),
    check=_check,
)
