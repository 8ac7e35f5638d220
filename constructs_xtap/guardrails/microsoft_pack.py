"""The ``microsoft`` pack: Microsoft's guidance for cross-tenant access settings (Microsoft Learn, Graph)."""

from __future__ import annotations

from constructs_xtap.guardrails.pack import Pack
from constructs_xtap.guardrails.rules import (
    ALL_USERS_TO_ALL_APPLICATIONS,
    AUTOMATIC_CONSENT_WITHOUT_SYNC,
    INBOUND_TRUST_FOR_ALL_USERS,
    SERVICE_PROVIDER_PARTNER,
    TENANT_RESTRICTIONS_DEFAULT,
    UNMANAGED_DEFAULT,
)

MICROSOFT_PACK = Pack(
    name="microsoft",
    rules=(
        INBOUND_TRUST_FOR_ALL_USERS,
        ALL_USERS_TO_ALL_APPLICATIONS,
        AUTOMATIC_CONSENT_WITHOUT_SYNC,
        TENANT_RESTRICTIONS_DEFAULT,
        SERVICE_PROVIDER_PARTNER,
        UNMANAGED_DEFAULT,
    ),
    description="Microsoft Learn and Microsoft Graph guidance for cross-tenant access settings",
)
