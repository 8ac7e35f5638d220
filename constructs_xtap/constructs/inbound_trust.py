"""Which Conditional Access claims from the partner's tenant this tenant trusts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cdktf import IResolvable


@dataclass(frozen=True)
class InboundTrust:
    """Trust the partner's MFA and device claims (Graph's crossTenantAccessPolicyInboundTrust).

    Every field defaults to ``None``: left out of the body, so the default configuration's value applies.
    """

    is_mfa_accepted: bool | IResolvable | None = None
    is_compliant_device_accepted: bool | IResolvable | None = None
    is_hybrid_azure_ad_joined_device_accepted: bool | IResolvable | None = None
