"""planned_objects: the tenant's objects before and after a Terraform plan (``terraform show -json``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from constructs_xtap.picture.resource_snapshot import RESOURCE_KINDS, Resource, resource_snapshot
from constructs_xtap.picture.terraform_object import graph_object
from constructs_xtap.wire import DEFAULT, PARTNER
from constructs_xtap.wire.tenant_snapshot import TenantSnapshot

#: What a tenant id shows while Terraform does not know it yet.
KNOWN_AFTER_APPLY = "(known after apply)"
_CDKTF_SUFFIX = re.compile(r"_[0-9A-F]{8}$")


def action_of(actions: list[str]) -> str:
    """Terraform's ``change.actions`` as one word: ``replace`` (delete and create, either order),
    ``delete``, ``create``, ``update``, ``read`` or ``no-op``."""
    if "delete" in actions and "create" in actions:
        return "replace"
    return actions[0] if len(actions) == 1 else "no-op"


def resource_label(name: str) -> str:
    """A resource name without the ``_1515F034`` hash cdktf appends (``vendor_1515F034`` -> ``vendor``)."""
    return _CDKTF_SUFFIX.sub("", name)


@dataclass(frozen=True)
class PlannedObjects:
    """``before`` and ``after``: the objects as the plan found and would leave them. ``actions``: tenant
    id (or ``"default"``, ``"policy"``) -> the strongest action on its resources; ``replaced_from``: new
    tenant id -> the old one for a partner whose tenant id changes; ``unknown``: tenant id -> the Terraform
    attributes known only after apply."""

    before: TenantSnapshot
    after: TenantSnapshot
    actions: Mapping[str, str] = field(default_factory=dict)
    replaced_from: Mapping[str, str] = field(default_factory=dict)
    unknown: Mapping[str, frozenset[str]] = field(default_factory=dict)
    counts: Mapping[str, int] = field(default_factory=dict)


_STRENGTH = ("no-op", "read", "update", "create", "delete", "replace")


def _stronger(a: str | None, b: str) -> str:
    return b if a is None or _STRENGTH.index(b) > _STRENGTH.index(a) else a


def planned_objects(plan: Mapping[str, Any]) -> PlannedObjects:
    """Read ``plan["resource_changes"]`` (``{type, name, change: {actions, before, after,
    after_unknown}}``) for the ``xtap_*`` resources. The default is ``None`` (not known) on a side where
    the plan does not hold it, except after a delete, which resets it to the system default. Raises
    ``ValueError`` for a document without ``resource_changes`` or with a setting that is not JSON."""
    if not isinstance(plan, Mapping):
        raise ValueError(
            f"not a Terraform plan (terraform show -json PLAN): a JSON {type(plan).__name__}, not an object"
        )
    changes = plan.get("resource_changes")
    if not isinstance(changes, list) or not all(isinstance(rc, Mapping) for rc in changes):
        raise ValueError("not a Terraform plan (terraform show -json PLAN): no resource_changes")
    sides: dict[str, list[Resource]] = {"before": [], "after": []}
    actions: dict[str, str] = {}
    replaced_from: dict[str, str] = {}
    unknown: dict[str, frozenset[str]] = {}
    counts: dict[str, int] = {}
    for rc in changes:
        kind = RESOURCE_KINDS.get(str(rc.get("type")))
        if kind is None or rc.get("mode", "managed") != "managed":
            continue
        change = rc.get("change", {})
        action = action_of(list(change.get("actions", ["no-op"])))
        counts[action] = counts.get(action, 0) + 1
        after_unknown = change.get("after_unknown") or {}
        unknown_names = frozenset(k for k, v in after_unknown.items() if v is True)
        tenants: dict[str, str] = {}
        for side in ("before", "after"):
            values = change.get(side)
            if side == "after" and values is None and kind is DEFAULT and action == "delete":
                values = {}
            if values is None:
                continue
            if kind.key is None:  # the default configuration, the policy: one per tenant
                sides[side].append((kind, graph_object(kind, values), "", ""))
                continue
            tenant = values.get("tenant_id")
            if side == "after" and (tenant is None or "tenant_id" in unknown_names):
                tenant = KNOWN_AFTER_APPLY
            tenant = str(tenant)
            tenants[side] = tenant
            sides[side].append(
                (kind, graph_object(kind, values), tenant, resource_label(str(rc.get("name", ""))))
            )
        if kind.key is None:
            actions[kind.name] = _stronger(actions.get(kind.name), action)
            continue
        for tenant in set(tenants.values()):
            actions[tenant] = _stronger(actions.get(tenant), action)
        if "after" in tenants and unknown_names:
            unknown[tenants["after"]] = (
                unknown[tenants["after"]] | unknown_names if tenants["after"] in unknown else unknown_names
            )
        if action == "replace" and kind is PARTNER and tenants.get("before") != tenants.get("after"):
            replaced_from[tenants["after"]] = tenants["before"]

    return PlannedObjects(
        resource_snapshot(sides["before"]),
        resource_snapshot(sides["after"]),
        actions,
        replaced_from,
        unknown,
        counts,
    )
