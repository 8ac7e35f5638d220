"""TenantSnapshot: one tenant's cross-tenant access objects in Graph's shapes, whoever read them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, kw_only=True)
class TenantSnapshot:
    """The objects of one tenant's cross-tenant access policy, as Graph answers them (camelCase), one field
    per kind (:mod:`constructs_xtap.wire.object_kinds`). The live tenant (``xtap show --live``, ``xtap
    export``, the deploy job), a synthesized stack and each side of a Terraform plan are read into it.

    ``default``: the default configuration (``GET …/crossTenantAccessPolicy/default``); ``None`` when not
    known (a stack that does not manage it). ``partners``: partner configurations (``GET …/partners``, every
    page), each with ``tenantId``; a ``null`` setting or member means "inherit". ``policy``: the policy
    object (``GET /policies/crossTenantAccessPolicy``) or ``None``. ``identity_synchronizations``: partner
    tenant id (as its partner holds it) -> ``crossTenantIdentitySyncPolicyPartner`` (partners without one
    are absent). ``names``: tenant id -> a name to show (the tenant lookup's ``displayName``, or the
    construct's id). ``tenant_id``: the home tenant, lower case, when known. ``notes``: what could not be
    read, for stderr.
    """

    default: Mapping[str, Any] | None
    partners: tuple[Mapping[str, Any], ...]
    policy: Mapping[str, Any] | None = None
    identity_synchronizations: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    names: Mapping[str, str] = field(default_factory=dict)
    tenant_id: str | None = None
    notes: tuple[str, ...] = ()
