"""MSFT.XTAP.2: a partner does not let all of its users in to all of your applications.

Source: Microsoft Learn, "Cross-tenant access overview" (MicrosoftDocs/entra-docs
``docs/external-id/cross-tenant-access-overview.md``): organization-specific settings exist to "scope
access to specific users, groups, and applications"; and "Limit guest sharing to specific
organizations" (MicrosoftDocs/microsoft-365-docs
``microsoft-365/solutions/limit-guest-sharing-to-specific-organization.md``).
"""

from __future__ import annotations

from constructs_xtap.constructs import CrossTenantAccessPartner
from constructs_xtap.guardrails.graph_setting import allows
from constructs_xtap.guardrails.level import Level
from constructs_xtap.guardrails.rule import Rule
from constructs_xtap.wire.graph_properties import B2B_COLLABORATION_INBOUND, B2B_DIRECT_CONNECT_INBOUND

_INBOUND = (B2B_COLLABORATION_INBOUND.name, B2B_DIRECT_CONNECT_INBOUND.name)


def _check(partner: CrossTenantAccessPartner) -> list[str]:
    body = partner.graph_body
    return [
        f"{setting} allows AllUsers to AllApplications"
        for setting in _INBOUND
        if allows(body, setting, "usersAndGroups", "AllUsers")
        and allows(body, setting, "applications", "AllApplications")
    ]


ALL_USERS_TO_ALL_APPLICATIONS = Rule(
    id="MSFT.XTAP.2",
    level=Level.WARNING,
    what="a partner lets all of its users in to all of your applications",
    why="every account of the partner tenant, present and future, can reach every application you have; "
    "a partner configuration exists to scope that access to the people and applications the "
    "collaboration needs.",
    fix="allow the partner groups (Target.group) or the applications (Target.application, "
    "Target.office365) the collaboration needs, or suppress with the reason all of them are needed.",
    source="Microsoft Learn, Cross-tenant access overview (entra-docs "
    "docs/external-id/cross-tenant-access-overview.md); Limit guest sharing to specific organizations "
    "(microsoft-365-docs)",
    applies_to=(CrossTenantAccessPartner,),
    check=_check,
)
