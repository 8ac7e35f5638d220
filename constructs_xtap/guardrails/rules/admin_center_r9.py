"""admin-center/R9: users and groups allowed, but all applications blocked (only the admin center refuses).

Source: Microsoft Learn, "Cross-tenant access overview", "Important considerations" (MicrosoftDocs/entra-docs
``docs/external-id/cross-tenant-access-overview.md``): "If you allow outbound access for all your users (or
specific users or groups), you'll be prevented from blocking all access to external applications";
graph-api.md §3.1 R9, marked [PORTAL]. The check is the constructs' own
(``constructs_xtap.constructs.admin_center_rules.R9``); this rule reports its findings.
"""

from __future__ import annotations

from constructs_xtap.constructs import CrossTenantAccessDefaults, CrossTenantAccessPartner
from constructs_xtap.constructs.admin_center_rules import R9
from constructs_xtap.guardrails.level import Level
from constructs_xtap.guardrails.rule import Rule
from constructs_xtap.guardrails.rules.admin_center_details import admin_center_details

ADMIN_CENTER_R9 = Rule(
    id=R9.qualified_id,
    level=Level.WARNING,
    what="users and groups are allowed, but all applications are blocked",
    why="the admin center refuses to save this ('access to at least one application must be allowed'); "
    "Graph accepts it, so the tenant holds a setting the portal cannot save as it is.",
    fix=R9.fix + ".",
    source="Microsoft Learn, Cross-tenant access overview: important considerations (entra-docs "
    "docs/external-id/cross-tenant-access-overview.md)",
    applies_to=(CrossTenantAccessPartner, CrossTenantAccessDefaults),
    check=lambda construct: admin_center_details(construct, R9),
)
