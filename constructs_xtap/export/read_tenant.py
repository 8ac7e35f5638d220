"""read_tenant: the one reader of a live tenant, through the one Graph client (``xtap export``, ``xtap show
--live`` and the deploy job's picture)."""

from __future__ import annotations

from typing import Any

from constructs_xtap.graph.client import GraphClient, kind_path
from constructs_xtap.graph.errors import GraphError, GraphForbidden, GraphNotFound
from constructs_xtap.wire import (
    DEFAULT,
    IDENTITY_SYNCHRONIZATION,
    PARTNER,
    POLICY,
    TenantSnapshot,
    is_guid,
)
from constructs_xtap.wire.graph_properties import DISPLAY_NAME, TENANT_ID

_REFUSED = (
    "the tenant lookup was refused (403: the app lacks CrossTenantInformation.ReadBasic.All), "
    "so partners are named by tenant id"
)


def read_tenant(client: GraphClient, *, names_are_cosmetic: bool = False) -> TenantSnapshot:
    """The tenant ``client`` is configured for, as a :class:`TenantSnapshot`.

    Graph calls (graph-api.md §1.0-1.8): ``GET /policies/crossTenantAccessPolicy/default``, ``GET
    /policies/crossTenantAccessPolicy``, ``GET …/partners`` (every page), ``GET
    …/partners/{tenantId}/identitySynchronization`` per partner (404: none) and
    ``findTenantInformationByTenantId`` per partner for its display name (neither for a partner whose
    ``tenantId`` is missing or not a GUID). A lookup answered 403 (no
    ``CrossTenantInformation.ReadBasic.All``) stops the lookups and adds a note, so names fall back to
    tenant ids; a 404 (tenant unknown to the lookup) leaves that partner's name out. Any other
    ``GraphError`` propagates, but for a lookup when ``names_are_cosmetic`` (the picture: a name only labels
    a row), which leaves that partner's name out. The maps are keyed by the partner's ``tenantId`` as Graph
    holds it.
    """
    default = client.get_object(kind_path(DEFAULT))
    policy = client.get_object(kind_path(POLICY))
    partners = tuple(client.list_objects(PARTNER))
    syncs: dict[str, dict[str, Any]] = {}
    names: dict[str, str] = {}
    notes: list[str] = []
    may_look_up = True
    for partner in partners:
        tenant_id = partner.get(TENANT_ID.name)
        if not isinstance(tenant_id, str) or not is_guid(tenant_id):
            continue  # stack_source leaves it out and says why; Graph has no path for it
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
            notes.append(_REFUSED)
            continue
        except GraphNotFound:
            continue
        except GraphError:
            if names_are_cosmetic:
                continue
            raise
        name = found.get(DISPLAY_NAME.name)
        if isinstance(name, str) and name.strip():
            names[tenant_id] = name
    return TenantSnapshot(
        tenant_id=client.settings.tenant_id.lower(),
        default=default,
        policy=policy,
        partners=partners,
        identity_synchronizations=syncs,
        names=names,
        notes=tuple(notes),
    )
