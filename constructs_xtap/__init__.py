"""constructs-xtap: cross-tenant access policy as code for Microsoft Entra ID.

Re-exports the construct library and the guardrails' ``Guardrails`` and ``GuardrailsError`` (packs, rules and
reports: ``constructs_xtap.guardrails``). The names load on first use, not at import: the provider process
(``constructs_xtap.provider``) imports this package too and must not start the jsii/Node runtime cdktf needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from constructs_xtap.constructs import (
        AccessType,
        AppServiceConnectInbound,
        AutomaticUserConsent,
        B2BSetting,
        CloudEndpoint,
        CrossTenantAccessDefaults,
        CrossTenantAccessPartner,
        CrossTenantAccessPolicy,
        DataXtapTenantInformation,
        IdentityProvider,
        IdentitySynchronization,
        InboundTrust,
        InvitationRedemption,
        M365CollaborationInbound,
        M365CollaborationOutbound,
        Target,
        TargetConfiguration,
        TargetType,
        TenantInformation,
        TenantRestrictions,
        ValidationProblem,
        XtapDefaultConfiguration,
        XtapPartnerConfiguration,
        XtapPartnerIdentitySynchronization,
        XtapPolicy,
        XtapProvider,
        XtapValidationError,
    )
    from constructs_xtap.guardrails import Guardrails, GuardrailsError

__all__ = [
    "AccessType",
    "AppServiceConnectInbound",
    "AutomaticUserConsent",
    "B2BSetting",
    "CloudEndpoint",
    "CrossTenantAccessDefaults",
    "CrossTenantAccessPartner",
    "CrossTenantAccessPolicy",
    "DataXtapTenantInformation",
    "Guardrails",
    "GuardrailsError",
    "IdentityProvider",
    "IdentitySynchronization",
    "InboundTrust",
    "InvitationRedemption",
    "M365CollaborationInbound",
    "M365CollaborationOutbound",
    "Target",
    "TargetConfiguration",
    "TargetType",
    "TenantInformation",
    "TenantRestrictions",
    "ValidationProblem",
    "XtapDefaultConfiguration",
    "XtapPartnerConfiguration",
    "XtapPartnerIdentitySynchronization",
    "XtapPolicy",
    "XtapProvider",
    "XtapValidationError",
]


#: The names re-exported from ``constructs_xtap.guardrails``; every other name comes from ``.constructs``.
_GUARDRAILS = frozenset({"Guardrails", "GuardrailsError"})


def __getattr__(name: str) -> Any:
    if name in _GUARDRAILS:
        return getattr(importlib.import_module("constructs_xtap.guardrails"), name)
    if name in __all__:
        return getattr(importlib.import_module("constructs_xtap.constructs"), name)
    raise AttributeError(f"module 'constructs_xtap' has no attribute {name!r}")
