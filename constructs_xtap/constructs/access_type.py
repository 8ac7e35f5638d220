"""Whether a rule allows or blocks its targets (crossTenantAccessPolicyTargetConfigurationAccessType)."""

from __future__ import annotations

from enum import StrEnum


class AccessType(StrEnum):
    """``allowed`` or ``blocked``; the plain strings are accepted wherever an ``AccessType`` is.

    Graph's ``unknownFutureValue`` is a read-only sentinel and is deliberately not offered here.
    """

    ALLOWED = "allowed"
    BLOCKED = "blocked"
