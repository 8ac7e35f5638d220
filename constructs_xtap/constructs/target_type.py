"""What a cross-tenant target names (Graph's crossTenantAccessPolicyTargetType)."""

from __future__ import annotations

from enum import StrEnum


class TargetType(StrEnum):
    """``user``, ``group`` or ``application``; the plain strings are accepted wherever a ``TargetType`` is."""

    USER = "user"
    GROUP = "group"
    APPLICATION = "application"
