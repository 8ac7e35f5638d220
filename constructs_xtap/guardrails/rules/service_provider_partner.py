"""MSFT.XTAP.5: a partner is marked as your cloud service provider only on purpose.

Source: Microsoft Learn, "Configure B2B collaboration cross-tenant access settings", "Remove an
organization" (MicrosoftDocs/entra-docs
``docs/external-id/cross-tenant-access-settings-b2b-collaboration.md``): "If the organization is a cloud
service provider for your organization (the isServiceProvider property ... is true), you won't be able to
remove the organization"; Graph ``crossTenantAccessPolicyConfigurationPartner.isServiceProvider`` is set
on create only (graph-api.md §1.5, §2.1).
"""

from __future__ import annotations

from constructs_xtap.constructs import CrossTenantAccessPartner
from constructs_xtap.guardrails.level import Level
from constructs_xtap.guardrails.rule import Rule


def _check(partner: CrossTenantAccessPartner) -> list[str]:
    return ["is_service_provider is True"] if partner.is_service_provider is True else []


SERVICE_PROVIDER_PARTNER = Rule(
    id="MSFT.XTAP.5",
    level=Level.WARNING,
    what="the partner is marked as your cloud service provider",
    why="a service-provider partner cannot be removed, by the admin center or by Graph, so cdktf destroy "
    "can never delete it; the flag is set on create only and cannot be taken back.",
    fix="leave is_service_provider out unless the tenant is your CSP (GDAP relationship); if it is, "
    "suppress with that reason.",
    source="Microsoft Learn, Configure B2B collaboration cross-tenant access settings: remove an "
    "organization (entra-docs docs/external-id/cross-tenant-access-settings-b2b-collaboration.md); Graph "
    "crossTenantAccessPolicyConfigurationPartner.isServiceProvider",
    applies_to=(CrossTenantAccessPartner,),
    check=_check,
)
