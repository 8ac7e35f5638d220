"""The partners PartnersStack deploys when given none: the documented example plus a realistic handful.

Each entry maps a construct id to the keyword arguments of ``CrossTenantAccessPartner``.
Tenant, group and application ids other than the documented example's are illustrative.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from constructs_xtap import B2BSetting, InboundTrust, Target, TargetConfiguration

# Microsoft's "My Apps" portal (graph-api.md §2.5), so vendor users can find the apps shared with them.
MY_APPS = "2793995e-0a7d-40d7-bd35-6968ba142197"

DOCUMENTED_PARTNERS: Mapping[str, Mapping[str, Any]] = MappingProxyType(
    {
        # The create call's documented example (graph-api-vectors.json create_partner_v1): one group is
        # blocked from going out over direct connect; partner users may come in to Office 365 only.
        "documented-example": {
            "tenant_id": "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a",
            "b2b_direct_connect_outbound": B2BSetting(
                users_and_groups=TargetConfiguration.blocked(
                    Target.group("6f546279-4da5-4b53-a095-09ea0cef9971")
                )
            ),
            "b2b_direct_connect_inbound": B2BSetting(
                applications=TargetConfiguration.allowed(Target.office365())
            ),
        },
        # A subsidiary: its MFA and compliant devices are trusted, and Teams shared channels (direct
        # connect) work both ways for everyone.
        "subsidiary": {
            "tenant_id": "9c7a1f5e-2b0d-4e83-a6f1-5d3b8e4c2a71",
            "inbound_trust": InboundTrust(is_mfa_accepted=True, is_compliant_device_accepted=True),
            "b2b_direct_connect_inbound": B2BSetting(
                users_and_groups=TargetConfiguration.allowed(Target.all_users()),
                applications=TargetConfiguration.allowed(Target.all_applications()),
            ),
            "b2b_direct_connect_outbound": B2BSetting(
                users_and_groups=TargetConfiguration.allowed(Target.all_users()),
                applications=TargetConfiguration.allowed(Target.all_applications()),
            ),
        },
        # A vendor: its users may come in as B2B guests, but only to the applications named here.
        "vendor": {
            "tenant_id": "4b2e8d61-7f3a-4c59-9e0d-1a6c5b7f8e23",
            "b2b_collaboration_inbound": B2BSetting(
                users_and_groups=TargetConfiguration.allowed(Target.all_users()),
                applications=TargetConfiguration.allowed(
                    Target.application(MY_APPS),
                    Target.application("b5d1c3a2-6e4f-4a7b-8c9d-0e1f2a3b4c5d"),
                ),
            ),
        },
        # A partner our users may not go out to, except the members of one project group.
        "restricted-partner": {
            "tenant_id": "e1a7c9d3-5b2f-4e6a-8d0c-7f3b1a9e5c42",
            "b2b_collaboration_outbound": B2BSetting(
                users_and_groups=TargetConfiguration.allowed(
                    Target.group("0f8e2d4c-6a1b-4c3d-9e5f-7a8b9c0d1e2f")
                ),
                applications=TargetConfiguration.allowed(Target.all_applications()),
            ),
        },
    }
)
