"""The guardrail rules, one per module (the admin center's three in one table, as the constructs check them);
each module's docstring cites the rules' public sources."""

from constructs_xtap.guardrails.rules.admin_center_guardrails import (
    ADMIN_CENTER_R9,
    ADMIN_CENTER_R10,
    ADMIN_CENTER_R11,
)
from constructs_xtap.guardrails.rules.all_users_to_all_applications import ALL_USERS_TO_ALL_APPLICATIONS
from constructs_xtap.guardrails.rules.automatic_consent_without_sync import AUTOMATIC_CONSENT_WITHOUT_SYNC
from constructs_xtap.guardrails.rules.cisa_ms_aad_8_3 import CISA_MS_AAD_8_3
from constructs_xtap.guardrails.rules.inbound_trust_for_all_users import INBOUND_TRUST_FOR_ALL_USERS
from constructs_xtap.guardrails.rules.service_provider_partner import SERVICE_PROVIDER_PARTNER
from constructs_xtap.guardrails.rules.suppression_reason import SUPPRESSION_REASON
from constructs_xtap.guardrails.rules.tenant_restrictions_default import TENANT_RESTRICTIONS_DEFAULT
from constructs_xtap.guardrails.rules.unmanaged_default import UNMANAGED_DEFAULT

__all__ = [
    "ADMIN_CENTER_R9",
    "ADMIN_CENTER_R10",
    "ADMIN_CENTER_R11",
    "ALL_USERS_TO_ALL_APPLICATIONS",
    "AUTOMATIC_CONSENT_WITHOUT_SYNC",
    "CISA_MS_AAD_8_3",
    "INBOUND_TRUST_FOR_ALL_USERS",
    "SERVICE_PROVIDER_PARTNER",
    "SUPPRESSION_REASON",
    "TENANT_RESTRICTIONS_DEFAULT",
    "UNMANAGED_DEFAULT",
]
