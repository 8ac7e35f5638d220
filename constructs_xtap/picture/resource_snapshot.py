"""resource_snapshot: the tenant's objects that Terraform resources declare (synthesized or planned)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from constructs_xtap.picture.terraform_object import with_system_defaults
from constructs_xtap.wire import (
    DEFAULT,
    IDENTITY_SYNCHRONIZATION,
    OBJECT_KINDS,
    PARTNER,
    POLICY,
    ObjectKind,
    TenantSnapshot,
)
from constructs_xtap.wire.graph_properties import TENANT_ID

#: The kind each ``xtap_*`` resource type declares (data sources left out).
RESOURCE_KINDS: Mapping[str, ObjectKind] = {
    kind.terraform.type_name: kind
    for kind in OBJECT_KINDS
    if kind.terraform is not None and not kind.terraform.data_source
}

#: One resource: its kind, its Graph object (``graph_object`` of its Terraform attributes), the partner tenant
#: id it belongs to and the name to show for that partner (both ignored for the default and the policy).
Resource = tuple[ObjectKind, dict[str, Any], str, str]


def resource_snapshot(resources: Iterable[Resource]) -> TenantSnapshot:
    """The objects ``resources`` declare: the default configuration with what it leaves out as the system
    default (``None`` without one), the policy (``None`` without one), each partner with its ``tenantId`` and
    name, each identity synchronization by tenant id. A later resource of a singleton kind or of the same
    tenant replaces an earlier one. ``ValueError`` for a kind this snapshot has no place for (a new kind
    needs its ``TenantSnapshot`` field here, docs/adding-a-kind.md), rather than leaving it out unsaid."""
    default: Mapping[str, Any] | None = None
    policy: Mapping[str, Any] | None = None
    partners: list[dict[str, Any]] = []
    syncs: dict[str, Mapping[str, Any]] = {}
    names: dict[str, str] = {}
    for kind, graph, tenant, name in resources:
        if kind is DEFAULT:
            default = with_system_defaults(graph)
        elif kind is POLICY:
            policy = graph
        elif kind is PARTNER:
            graph[TENANT_ID.name] = tenant
            partners.append(graph)
            names[tenant] = name
        elif kind is IDENTITY_SYNCHRONIZATION:
            syncs[tenant] = graph
        else:
            raise ValueError(f"a TenantSnapshot has no place for {kind.name} objects ({kind.entity_type})")
    return TenantSnapshot(
        default=default,
        partners=tuple(partners),
        identity_synchronizations=syncs,
        names=names,
        policy=policy,
    )
