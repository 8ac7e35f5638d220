"""Tenant restrictions: what your users may do with identities the partner issued, on your network."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from constructs_xtap.constructs.target_configuration import TargetConfiguration


@dataclass(frozen=True)
class TenantRestrictions:
    """Which partner-issued identities may reach which apps (crossTenantAccessPolicyTenantRestrictions).

    ``users_and_groups``: default: left out, the default configuration's rule applies.
    ``applications``: default: left out, the default configuration's rule applies.
    ``devices``: always rejected at synth: Graph documents the devices filter as "not supported on the server
    side yet" (graph-api.md §3.1 R16). It exists so that a caller who sets it gets that answer, not a 400.
    """

    users_and_groups: TargetConfiguration | None = None
    applications: TargetConfiguration | None = None
    devices: Mapping[str, Any] | None = None
