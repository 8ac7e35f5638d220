"""MSFT.XTAP.3: automatic user consent (automatic redemption) comes with identity synchronization.

Source: Microsoft Learn, "Configure B2B collaboration cross-tenant access settings", section "Automatic
redemption setting" (MicrosoftDocs/entra-docs
``docs/external-id/cross-tenant-access-settings-b2b-collaboration.md``): it suppresses the consent prompt
users see the first time they cross "using cross-tenant synchronization, B2B collaboration, or B2B direct
connect", and is the setting cross-tenant synchronization and multitenant organizations rely on (Graph
``inboundOutboundPolicyConfiguration``, graph-api.md §2.7).
"""

from __future__ import annotations

from constructs_xtap.constructs import CrossTenantAccessPartner
from constructs_xtap.guardrails.level import Level
from constructs_xtap.guardrails.rule import Rule
from constructs_xtap.wire.graph_properties import AUTOMATIC_USER_CONSENT_SETTINGS

_CONSENT = AUTOMATIC_USER_CONSENT_SETTINGS


def _check(partner: CrossTenantAccessPartner) -> list[str]:
    consent = partner.graph_body.get(_CONSENT.name)
    if not isinstance(consent, dict) or partner.identity_synchronization_resource is not None:
        return []
    given = [d for d in _CONSENT.type.fields if consent.get(d) is True]
    return (
        [f"{_CONSENT.name}.{' and .'.join(given)} is true and no identity_synchronization"] if given else []
    )


AUTOMATIC_CONSENT_WITHOUT_SYNC = Rule(
    id="MSFT.XTAP.3",
    level=Level.WARNING,
    what="automatic user consent is on for a partner without identity synchronization",
    why="automatic redemption removes the consent prompt that tells users their information is shared "
    "with the other tenant; Microsoft pairs it with cross-tenant synchronization, where the accounts "
    "are provisioned by an admin rather than invited.",
    fix="add identity_synchronization=IdentitySynchronization(...) to the partner, or leave "
    "automatic_user_consent out; if the prompt must go without sync (B2B direct connect in a "
    "multitenant organization), suppress with that reason.",
    source="Microsoft Learn, Configure B2B collaboration cross-tenant access settings: automatic "
    "redemption setting (entra-docs docs/external-id/cross-tenant-access-settings-b2b-collaboration.md)",
    applies_to=(CrossTenantAccessPartner,),
    check=_check,
)
