"""admin-center/R10: all users blocked, but not all applications (only the admin center refuses).

Source: Microsoft Learn, "Configure B2B collaboration cross-tenant access settings" and "... B2B direct
connect ..." (MicrosoftDocs/entra-docs ``docs/external-id/cross-tenant-access-settings-b2b-collaboration.md``,
``cross-tenant-access-settings-b2b-direct-connect.md``): "If you block access for all of your users and
groups, you also need to block access to all external applications"; graph-api.md §3.1 R10, marked
[PORTAL]. The check is the constructs' own (``constructs_xtap.constructs.admin_center_rules.R10``); this
rule reports its findings.
"""

from __future__ import annotations

from constructs_xtap.constructs import CrossTenantAccessDefaults, CrossTenantAccessPartner
from constructs_xtap.constructs.admin_center_rules import R10
from constructs_xtap.guardrails.level import Level
from constructs_xtap.guardrails.rule import Rule
from constructs_xtap.guardrails.rules.admin_center_details import admin_center_details

ADMIN_CENTER_R10 = Rule(
    id=R10.qualified_id,
    level=Level.WARNING,
    what="all users and groups are blocked, but not all applications",
    why="the admin center refuses to save this ('you also need to block access to all external "
    "applications'); Graph accepts it, so the tenant holds a setting the portal cannot save as it is.",
    fix=R10.fix + ".",
    source="Microsoft Learn, Configure B2B collaboration / B2B direct connect cross-tenant access settings "
    "(entra-docs docs/external-id/cross-tenant-access-settings-b2b-collaboration.md)",
    applies_to=(CrossTenantAccessPartner, CrossTenantAccessDefaults),
    check=lambda construct: admin_center_details(construct, R10),
)
