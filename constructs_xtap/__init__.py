"""constructs-xtap: cross-tenant access policy as code for Microsoft Entra ID.

Re-exports the construct library. The names load on first use, not at import: the provider process
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


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("constructs_xtap.constructs"), name)
    raise AttributeError(f"module 'constructs_xtap' has no attribute {name!r}")
