"""Inbound or outbound B2B collaboration / direct connect rules for one partner."""

from __future__ import annotations

from dataclasses import dataclass

from constructs_xtap.constructs.target_configuration import TargetConfiguration


@dataclass(frozen=True)
class B2BSetting:
    """Which users and groups may cross, to which applications (Graph's crossTenantAccessPolicyB2BSetting).

    ``users_and_groups``: default: left out of the body, so Graph applies the default configuration's rule.
    ``applications``: default: left out of the body, so Graph applies the default configuration's rule.
    Graph accepts either one alone (graph-api.md §3.1 R12).
    """

    users_and_groups: TargetConfiguration | None = None
    applications: TargetConfiguration | None = None
