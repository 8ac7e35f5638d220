"""Inbound Microsoft 365 collaboration: which users of the other organisation may collaborate in."""

from __future__ import annotations

from dataclasses import dataclass

from constructs_xtap.constructs.target_configuration import TargetConfiguration


@dataclass(frozen=True)
class M365CollaborationInbound:
    """Graph's crossTenantAccessPolicyM365CollaborationInboundSetting (graph-api.md §2.9).

    ``users``: the other organisation's users (user or group targets) allowed or blocked for inbound
    Microsoft 365 collaboration. Default ``None``: left out of the body, so the default configuration's
    rule applies (on ``CrossTenantAccessDefaults``: the system default).
    """

    users: TargetConfiguration | None = None
