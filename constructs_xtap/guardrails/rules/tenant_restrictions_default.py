"""MSFT.XTAP.4: the default configuration's tenant restrictions block external identities.

Source: Microsoft Learn, "Set up tenant restrictions v2" (MicrosoftDocs/entra-docs
``docs/external-id/tenant-restrictions-v2.md``): the default tenant restrictions apply to every external
tenant without a partner configuration; the guide blocks access by default and allows the partners that
need it. The system default (graph-api.md §1.6) leaves tenant restrictions allowing every external tenant.
"""

from __future__ import annotations

from constructs_xtap.constructs import CrossTenantAccessDefaults
from constructs_xtap.guardrails.graph_setting import access_type
from constructs_xtap.guardrails.level import Level
from constructs_xtap.guardrails.rule import Rule

_SETTING = "tenantRestrictions"


def _check(defaults: CrossTenantAccessDefaults) -> list[str]:
    if _SETTING not in defaults.graph_body:
        return [f"{_SETTING} is left out, so it keeps the system default: every external tenant allowed"]
    open_parts = [
        part
        for part in ("usersAndGroups", "applications")
        if access_type(defaults.graph_body, _SETTING, part) != "blocked"
    ]
    return [f"{_SETTING}.{' and .'.join(open_parts)} does not block"] if open_parts else []


TENANT_RESTRICTIONS_DEFAULT = Rule(
    id="MSFT.XTAP.4",
    level=Level.WARNING,
    what="the default tenant restrictions do not block external identities",
    why="tenant restrictions v2 decide which other tenants' accounts your users may sign in with on your "
    "network and devices; left allowing every tenant, data can leave through any personal or foreign "
    "work account once the TRv2 signal is deployed.",
    fix="set CrossTenantAccessDefaults(tenant_restrictions=TenantRestrictions(users_and_groups="
    "TargetConfiguration.blocked(Target.all_users()), applications=TargetConfiguration.blocked("
    "Target.all_applications()))) and allow partners in their own tenant_restrictions; or suppress with "
    "the reason TRv2 is not in use.",
    source="Microsoft Learn, Set up tenant restrictions v2 (entra-docs "
    "docs/external-id/tenant-restrictions-v2.md)",
    applies_to=(CrossTenantAccessDefaults,),
    check=_check,
)
