"""TenantObjects: the Graph-shaped objects a picture is computed from, whatever their source."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class TenantObjects:
    """The objects of one tenant's cross-tenant access policy, in Graph's camelCase shapes.

    ``default``: the default configuration (``GET …/crossTenantAccessPolicy/default``), every setting
    present; ``None`` when not known (a stack that does not manage it). ``partners``: partner
    configurations, each with ``tenantId``; a ``null`` setting or member means "inherit".
    ``identity_synchronizations``: tenant id -> ``crossTenantIdentitySyncPolicyPartner``. ``names``: tenant
    id -> a name to show (display name, or the construct's id). ``policy``: the policy object or ``None``.
    """

    default: Mapping[str, Any] | None
    partners: tuple[Mapping[str, Any], ...]
    identity_synchronizations: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    names: Mapping[str, str] = field(default_factory=dict)
    policy: Mapping[str, Any] | None = None
