"""What the exporter read from one tenant: its default configuration, policy, partners and names."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class TenantSnapshot:
    """One tenant's cross-tenant access objects as Graph answered them.

    ``tenant_id``: the home tenant (whose policy this is). ``default``: ``GET …/default``. ``policy``:
    ``GET /policies/crossTenantAccessPolicy``. ``partners``: ``GET …/partners`` (every page).
    ``identity_synchronizations``: each partner's ``…/identitySynchronization``, by lower-case partner tenant
    id (partners without one are absent). ``display_names``: the tenant lookup's ``displayName`` by lower-case
    tenant id, for the tenants the caller could look up. ``notes``: what could not be read, for stderr.
    """

    tenant_id: str
    default: Mapping[str, Any]
    policy: Mapping[str, Any]
    partners: tuple[Mapping[str, Any], ...]
    identity_synchronizations: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    display_names: Mapping[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
