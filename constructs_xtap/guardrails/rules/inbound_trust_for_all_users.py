"""MSFT.XTAP.1: a partner that lets all its users in does not also trust their MFA or device claims.

Source: Microsoft Learn, "Configure B2B collaboration cross-tenant access settings", section "Modify
inbound trust settings for MFA and device claims" (MicrosoftDocs/entra-docs
``docs/external-id/cross-tenant-access-settings-b2b-collaboration.md``), and the Microsoft Entra blog
"Cross-tenant access settings - Notes from the field" (2024-03-18): trusted claims from the home tenant
satisfy your Conditional Access MFA and device requirements for the users the partner lets in.
"""

from __future__ import annotations

from constructs_xtap.constructs import CrossTenantAccessPartner
from constructs_xtap.guardrails.graph_setting import allows
from constructs_xtap.guardrails.level import Level
from constructs_xtap.guardrails.rule import Rule
from constructs_xtap.wire.graph_properties import (
    B2B_COLLABORATION_INBOUND,
    B2B_DIRECT_CONNECT_INBOUND,
    INBOUND_TRUST_SETTING,
)

_CLAIMS = tuple(INBOUND_TRUST_SETTING.type.fields)
_INBOUND = (B2B_COLLABORATION_INBOUND.name, B2B_DIRECT_CONNECT_INBOUND.name)


def _check(partner: CrossTenantAccessPartner) -> list[str]:
    body = partner.graph_body
    trust = body.get(INBOUND_TRUST_SETTING.name)
    trusted = [c for c in _CLAIMS if isinstance(trust, dict) and trust.get(c) is True]
    open_to_all = [s for s in _INBOUND if allows(body, s, "usersAndGroups", "AllUsers")]
    if trusted and open_to_all:
        accepted = f"{INBOUND_TRUST_SETTING.name} accepts {', '.join(trusted)}"
        return [f"{accepted} and {', '.join(open_to_all)} allows AllUsers"]
    return []


INBOUND_TRUST_FOR_ALL_USERS = Rule(
    id="MSFT.XTAP.1",
    level=Level.WARNING,
    what="inbound trust is given to a partner that lets all of its users in",
    why="trusted MFA and device claims satisfy your Conditional Access with the partner tenant's own "
    "controls, for every user it lets in: with AllUsers allowed, its weakest MFA or device policy "
    "becomes part of yours.",
    fix="allow only the partner groups that need access, or trust only the claims whose source you "
    "verified; for a tenant under your own Conditional Access (a subsidiary), suppress with that reason.",
    source="Microsoft Learn, Configure B2B collaboration cross-tenant access settings: inbound trust "
    "settings (entra-docs docs/external-id/cross-tenant-access-settings-b2b-collaboration.md); Microsoft "
    "Entra blog, Cross-tenant access settings - Notes from the field (2024)",
    applies_to=(CrossTenantAccessPartner,),
    check=_check,
)
