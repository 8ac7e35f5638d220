"""Read everything the exporter writes from Graph, through the one Graph client."""

from __future__ import annotations

from typing import Any

from constructs_xtap.export.tenant_snapshot import TenantSnapshot
from constructs_xtap.graph import GraphClient, GraphForbidden, GraphNotFound, kind_path
from constructs_xtap.wire import DEFAULT, IDENTITY_SYNCHRONIZATION, PARTNER, POLICY, is_guid


def read_tenant(client: GraphClient) -> TenantSnapshot:
    """The tenant ``client`` is configured for, as a :class:`TenantSnapshot`.

    Graph calls (graph-api.md §1.0-1.8): ``GET /policies/crossTenantAccessPolicy/default``, ``GET
    /policies/crossTenantAccessPolicy``, ``GET …/partners`` (every page), ``GET
    …/partners/{tenantId}/identitySynchronization`` per partner (404: none) and
    ``findTenantInformationByTenantId`` per partner for its display name (neither for a partner whose
    ``tenantId`` is missing or not a GUID). A lookup answered 403 (no
    ``CrossTenantInformation.ReadBasic.All``) stops the lookups and adds a note, so ids fall back to tenant
    ids; a 404 (tenant unknown to the lookup) leaves that partner's name out. Any other ``GraphError``
    propagates.
    """
    default = client.get_object(kind_path(DEFAULT))
    policy = client.get_object(kind_path(POLICY))
    partners = tuple(client.list_objects(PARTNER))
    syncs: dict[str, dict[str, Any]] = {}
    names: dict[str, str] = {}
    notes: list[str] = []
    may_look_up = True
    for partner in partners:
        tenant_id = str(partner.get("tenantId", "")).lower()
        if not is_guid(tenant_id):
            continue  # stack_source leaves it out and says why
        try:
            syncs[tenant_id] = client.get_object(kind_path(IDENTITY_SYNCHRONIZATION, tenant_id))
        except GraphNotFound:
            pass
        if not may_look_up:
            continue
        try:
            found = client.find_tenant_information(tenant_id=tenant_id)
        except GraphForbidden:
            may_look_up = False
            notes.append(
                "the tenant lookup was refused (403: the app lacks CrossTenantInformation.ReadBasic.All), "
                "so partners are named by tenant id"
            )
            continue
        except GraphNotFound:
            continue
        name = found.get("displayName")
        if isinstance(name, str) and name.strip():
            names[tenant_id] = name
    return TenantSnapshot(
        tenant_id=client.settings.tenant_id.lower(),
        default=default,
        policy=policy,
        partners=partners,
        identity_synchronizations=syncs,
        display_names=names,
        notes=tuple(notes),
    )
