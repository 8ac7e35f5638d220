"""FleetTenant: one managed tenant of a fleet, as its entry in the fleet's data file says."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from stacks.fleet_shape import an_object
from stacks.setting_data import settings_from_data

_NAME = re.compile(r"^[a-z][a-z0-9-]{0,40}$")


@dataclass(frozen=True)
class FleetTenant:
    """``name``: the stack's name suffix (``fleet-<name>``) and its state schema's (``xtap_fleet_<name>``);
    lower-case letters, digits and dashes. ``tenant_id``: the managed tenant (the provider's tenant).
    ``partners``: construct id -> ``CrossTenantAccessPartner`` keyword arguments, this tenant's own."""

    name: str
    tenant_id: str
    partners: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_data(cls, data: Mapping[str, Any], where: str) -> FleetTenant:
        """The tenant ``{"name": ..., "tenant_id": ..., "partners": {id: settings}}`` describes;
        ``ValueError`` naming the entry for any mistake."""
        data = an_object(data, where, '{"name": "contoso", "tenant_id": "<tenant id GUID>", "partners": {}}')
        unknown = sorted(set(data) - {"name", "tenant_id", "partners"})
        if unknown:
            raise ValueError(f"{where}: unknown key(s) {unknown}; allowed: name, tenant_id, partners")
        name, tenant_id = data.get("name"), data.get("tenant_id")
        if not isinstance(name, str) or not _NAME.match(name):
            raise ValueError(f"{where}: name {name!r} must be lower-case letters, digits and dashes")
        if not isinstance(tenant_id, str):
            raise ValueError(f"{where} ({name}): tenant_id (a tenant id GUID string) is required")
        partners = {
            partner_id: settings_from_data(settings, f"{where}.partners.{partner_id}", partner=True)
            for partner_id, settings in an_object(
                data.get("partners", {}),
                f"{where} ({name}).partners",
                '{"fabrikam": {"tenant_id": "<tenant id GUID>"}} (construct id -> partner settings)',
            ).items()
        }
        return cls(name=name, tenant_id=tenant_id, partners=partners)

    @property
    def stack_name(self) -> str:
        """The cdktf stack that manages this tenant: ``fleet-<name>``."""
        return f"fleet-{self.name}"

    @property
    def schema_name(self) -> str:
        """The PostgreSQL schema holding this stack's state: ``xtap_fleet_<name>`` (dashes as underscores)."""
        return "xtap_fleet_" + self.name.replace("-", "_")
