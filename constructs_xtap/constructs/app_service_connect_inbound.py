"""Inbound app service connect: which applications may connect across the tenant boundary."""

from __future__ import annotations

from dataclasses import dataclass

from constructs_xtap.constructs.target_configuration import TargetConfiguration


@dataclass(frozen=True)
class AppServiceConnectInbound:
    """Graph's crossTenantAccessPolicyAppServiceConnectSetting (graph-api.md §2.9).

    ``applications``: the applications (application targets only) allowed or blocked for inbound app
    service connect. Default ``None``: left out of the body, so the default configuration's rule applies
    (on ``CrossTenantAccessDefaults``: the system default).
    """

    applications: TargetConfiguration | None = None
