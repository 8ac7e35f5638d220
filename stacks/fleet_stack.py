"""FleetStack: one managed tenant of a fleet, its own stack, provider and state."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from constructs import Construct

from constructs_xtap import (
    CrossTenantAccessDefaults,
    CrossTenantAccessPartner,
    CrossTenantAccessPolicy,
    XtapProvider,
)
from constructs_xtap.constructs.framework import BoundStack, framework_of
from stacks.fleet import Fleet
from stacks.fleet_tenant import FleetTenant


class FleetStack(BoundStack):
    """Stack ``fleet-<name>``: the fleet's baseline (defaults, policy, common partners) and the tenant's own
    partners, in the tenant ``tenant.tenant_id`` through its own ``XtapProvider(tenant_id=...)``.

    Every tenant is reached by one multi-tenant app registration consented in each of them: its client id
    and secret (or certificate, or federated token) come from the environment (``AZURE_CLIENT_ID``, ...), so
    cdk.tf.json names the tenant and nothing secret.

    ``state_conn_str``: a ``postgres://host[:port]/database`` URL without user or password; the stack then
    keeps its state with Terraform's ``pg`` backend in the schema ``xtap_fleet_<name>`` of that database,
    and ``PGUSER`` / ``PGPASSWORD`` (libpq's environment variables) carry the credentials. ``ValueError`` if
    the URL holds a password. Default ``None``: Terraform's local state file.

    A cdktf or a cdktn ``TerraformStack``, as its App is (``BoundStack``).
    """

    def __init__(
        self,
        scope: Construct,
        fleet: Fleet,
        tenant: FleetTenant,
        *,
        state_conn_str: str | None = None,
    ) -> None:
        super().__init__(scope, tenant.stack_name)
        self.tenant = tenant
        if state_conn_str is not None:
            _refuse_credentials(state_conn_str)
            self.backend: Any = framework_of(self).module.PgBackend(
                self, conn_str=state_conn_str, schema_name=tenant.schema_name
            )
        else:
            self.backend = None
        self.provider = XtapProvider(self, "xtap", tenant_id=tenant.tenant_id)
        self.defaults = CrossTenantAccessDefaults(
            self, "defaults", provider=self.provider, **dict(fleet.defaults)
        )
        self.policy = CrossTenantAccessPolicy(
            self,
            "policy",
            provider=self.provider,
            allowed_cloud_endpoints=list(fleet.allowed_cloud_endpoints),
        )
        self.partners: dict[str, CrossTenantAccessPartner] = {
            partner_id: CrossTenantAccessPartner(self, partner_id, provider=self.provider, **dict(props))
            for partner_id, props in fleet.partners_of(tenant).items()
        }


def _refuse_credentials(conn_str: str) -> None:
    """``ValueError`` if ``conn_str`` carries a password: it would be written in clear into cdk.tf.json."""
    parts = urlsplit(conn_str)
    if parts.scheme not in ("postgres", "postgresql"):
        raise ValueError(f"state_conn_str must be a postgres:// URL, got {parts.scheme or conn_str!r}")
    if parts.password is not None or "password" in parse_qs(parts.query):
        raise ValueError(
            "state_conn_str holds a password, which would be written into cdk.tf.json: "
            "leave it out and set PGUSER / PGPASSWORD in the environment"
        )
