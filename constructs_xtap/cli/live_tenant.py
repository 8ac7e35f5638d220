"""read_live_tenant: the tenant's cross-tenant access objects as Graph holds them now."""

from __future__ import annotations

from typing import Any

from constructs_xtap.graph import GraphClient, GraphError, GraphNotFound, kind_path
from constructs_xtap.picture import TenantObjects
from constructs_xtap.wire import DEFAULT, IDENTITY_SYNCHRONIZATION, PARTNER, POLICY


def read_live_tenant(client: GraphClient, *, look_up_names: bool = True) -> TenantObjects:
    """``GET`` the default configuration, the policy, every partner (paged) and each partner's identity
    synchronization (404: none). With ``look_up_names``, each partner's name is its
    ``findTenantInformationByTenantId`` display name (needs ``CrossTenantInformation.ReadBasic.All``; any
    error leaves the name to the identity synchronization's ``displayName``, or unknown). Graph errors
    other than those raise :class:`GraphError`."""
    default = client.get_object(kind_path(DEFAULT))
    policy = client.get_object(kind_path(POLICY))
    partners = client.list_objects(PARTNER)
    syncs: dict[str, dict[str, Any]] = {}
    names: dict[str, str] = {}
    for partner in partners:
        tenant = str(partner.get("tenantId"))
        try:
            syncs[tenant] = client.get_object(kind_path(IDENTITY_SYNCHRONIZATION, tenant))
        except GraphNotFound:
            pass
        name = syncs.get(tenant, {}).get("displayName")
        if look_up_names:
            try:
                name = client.find_tenant_information(tenant_id=tenant).get("displayName") or name
            except GraphError:
                pass
        if isinstance(name, str) and name:
            names[tenant] = name
    return TenantObjects(
        default=default,
        partners=tuple(partners),
        identity_synchronizations=syncs,
        names=names,
        policy=policy,
    )
