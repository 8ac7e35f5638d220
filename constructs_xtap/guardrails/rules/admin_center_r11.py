"""admin-center/R11: inbound default settings target only AllUsers (only the admin center refuses others).

Source: Microsoft Learn, "Configure B2B collaboration cross-tenant access settings" and "... B2B direct
connect ..." (MicrosoftDocs/entra-docs ``docs/external-id/cross-tenant-access-settings-b2b-collaboration.md``,
``cross-tenant-access-settings-b2b-direct-connect.md``): "You cannot target users or groups in inbound
default settings"; graph-api.md §3.1 R11, marked [PORTAL]. The check is the constructs' own
(``constructs_xtap.constructs.admin_center_rules.R11``); this rule reports its findings.
"""

from __future__ import annotations

from constructs_xtap.constructs import CrossTenantAccessDefaults
from constructs_xtap.constructs.admin_center_rules import R11
from constructs_xtap.guardrails.level import Level
from constructs_xtap.guardrails.rule import Rule
from constructs_xtap.guardrails.rules.admin_center_details import admin_center_details

ADMIN_CENTER_R11 = Rule(
    id=R11.qualified_id,
    level=Level.WARNING,
    what="inbound default settings target specific users or groups",
    why="the admin center refuses it ('You cannot target users or groups in inbound default settings'): a "
    "default has no partner tenant whose users and groups the ids could name.",
    fix=R11.fix + ".",
    source="Microsoft Learn, Configure B2B collaboration / B2B direct connect cross-tenant access settings "
    "(entra-docs docs/external-id/cross-tenant-access-settings-b2b-direct-connect.md)",
    applies_to=(CrossTenantAccessDefaults,),
    check=lambda construct: admin_center_details(construct, R11),
)
