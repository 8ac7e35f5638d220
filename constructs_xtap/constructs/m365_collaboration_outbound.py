"""Outbound Microsoft 365 collaboration: which of your users and groups may collaborate out."""

from __future__ import annotations

from dataclasses import dataclass

from constructs_xtap.constructs.target_configuration import TargetConfiguration


@dataclass(frozen=True)
class M365CollaborationOutbound:
    """Graph's crossTenantAccessPolicyM365CollaborationOutboundSetting (graph-api.md §2.9).

    ``users_and_groups``: your users and groups (user or group targets) allowed or blocked for outbound
    Microsoft 365 collaboration. Default ``None``: left out of the body, so the default configuration's
    rule applies (on ``CrossTenantAccessDefaults``: the system default).
    """

    users_and_groups: TargetConfiguration | None = None
