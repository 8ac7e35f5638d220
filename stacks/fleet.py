"""Fleet: the tenants a team manages and the baseline they share, read from a data file kept in git."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stacks.fleet_shape import a_list, an_object, strings
from stacks.fleet_tenant import FleetTenant
from stacks.setting_data import settings_from_data

#: The example fleet this repository ships.
FLEET_FILE = Path(__file__).with_name("tenants.json")
#: The environment variable that names another fleet file (``stacks.fleet_app``).
FLEET_FILE_ENV = "XTAP_FLEET_FILE"
_TENANT_EXAMPLE = '[{"name": "contoso", "tenant_id": "<tenant id GUID>", "partners": {}}]'


@dataclass(frozen=True)
class Fleet:
    """``defaults``: ``CrossTenantAccessDefaults`` keyword arguments every tenant gets.
    ``allowed_cloud_endpoints``: the policy's, every tenant's. ``partners``: construct id ->
    ``CrossTenantAccessPartner`` keyword arguments every tenant gets (a tenant's own partner of the same
    construct id replaces it). ``tenants``: the managed tenants, names and tenant ids unique."""

    tenants: tuple[FleetTenant, ...]
    defaults: Mapping[str, Any] = field(default_factory=dict)
    allowed_cloud_endpoints: tuple[str, ...] = ()
    partners: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path = FLEET_FILE) -> Fleet:
        """The fleet ``path`` (JSON) describes; ``ValueError`` naming the entry for any mistake, and the
        path when the file is missing, unreadable or not JSON."""
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ValueError(
                f"fleet file {path} does not exist; set {FLEET_FILE_ENV} to the path of the fleet's JSON "
                f"file (default {FLEET_FILE})"
            ) from None
        except (OSError, UnicodeDecodeError) as error:
            raise ValueError(
                f"fleet file {path} cannot be read ({error}); set {FLEET_FILE_ENV} to a readable "
                "UTF-8 JSON file"
            ) from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ValueError(
                f"fleet file {path} is not JSON: {error.msg} at line {error.lineno}, column {error.colno}"
            ) from None
        return cls.from_data(data, str(path))

    @classmethod
    def from_data(cls, data: Mapping[str, Any], where: str = "fleet") -> Fleet:
        """The fleet ``{"baseline": {"defaults", "allowed_cloud_endpoints", "partners"},
        "tenants": [...]}`` describes; ``ValueError`` naming the entry for any mistake."""
        data = an_object(data, where, '{"baseline": {...}, "tenants": [...]}')
        unknown = sorted(set(data) - {"baseline", "tenants"})
        if unknown:
            raise ValueError(f"{where}: unknown key(s) {unknown}; allowed: baseline, tenants")
        baseline = an_object(
            data.get("baseline", {}),
            f"{where}.baseline",
            '{"defaults": {...}, "allowed_cloud_endpoints": [...], "partners": {...}}',
        )
        unknown = sorted(set(baseline) - {"defaults", "allowed_cloud_endpoints", "partners"})
        if unknown:
            raise ValueError(
                f"{where}.baseline: unknown key(s) {unknown}; "
                "allowed: allowed_cloud_endpoints, defaults, partners"
            )
        entries = a_list(data.get("tenants", []), f"{where}.tenants", _TENANT_EXAMPLE, of="tenant objects")
        tenants = tuple(
            FleetTenant.from_data(entry, f"{where}.tenants[{index}]") for index, entry in enumerate(entries)
        )
        for attribute in ("name", "tenant_id"):
            values = [str(getattr(tenant, attribute)).lower() for tenant in tenants]
            repeated = sorted({value for value in values if values.count(value) > 1})
            if repeated:
                raise ValueError(f"{where}: tenants share a {attribute}: {repeated}")
        return cls(
            tenants=tenants,
            defaults=settings_from_data(
                baseline.get("defaults", {}), f"{where}.baseline.defaults", partner=False
            ),
            allowed_cloud_endpoints=tuple(
                strings(
                    baseline.get("allowed_cloud_endpoints", []),
                    f"{where}.baseline.allowed_cloud_endpoints",
                    '["microsoftonline.us"]',
                )
            ),
            partners={
                partner_id: settings_from_data(
                    settings, f"{where}.baseline.partners.{partner_id}", partner=True
                )
                for partner_id, settings in an_object(
                    baseline.get("partners", {}),
                    f"{where}.baseline.partners",
                    '{"fabrikam": {"tenant_id": "<tenant id GUID>"}}',
                ).items()
            },
        )

    def partners_of(self, tenant: FleetTenant) -> dict[str, Mapping[str, Any]]:
        """The baseline's partners and the tenant's own (its own win on a shared construct id), without the
        tenant itself: a tenant is never its own partner. ``ValueError`` if two name the same partner
        tenant."""
        merged = {**self.partners, **tenant.partners}
        own = tenant.tenant_id.lower()
        chosen = {pid: props for pid, props in merged.items() if str(props["tenant_id"]).lower() != own}
        seen: dict[str, str] = {}
        for partner_id, props in chosen.items():
            partner_tenant = str(props["tenant_id"]).lower()
            if partner_tenant in seen:
                raise ValueError(
                    f"tenant {tenant.name}: partners {seen[partner_tenant]!r} and {partner_id!r} both name "
                    f"tenant {partner_tenant}"
                )
            seen[partner_tenant] = partner_id
        return chosen
