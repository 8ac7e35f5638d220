"""One tenant's partner configurations and their ``identitySynchronization`` policies, kept in the local
Graph's ``ObjectStore`` under the kinds ``partner`` and ``identity_synchronization`` (keyed by the partner's
lower-cased tenant id), so a partner and its policy always change together under one lock.
"""

from __future__ import annotations

import copy
from typing import Any

from constructs_xtap.local_graph.graph_error import GraphError
from constructs_xtap.local_graph.identity_sync_policy import (
    NAVIGATION,
    apply_identity_sync,
    delete_blocked_by_identity_sync,
    identity_sync_conflict,
    identity_sync_not_found,
    new_identity_sync,
)
from constructs_xtap.local_graph.object_store import ObjectStore
from constructs_xtap.local_graph.partner_payload import PAIR_SETTINGS, SETTINGS
from constructs_xtap.wire.object_kinds import IDENTITY_SYNCHRONIZATION, PARTNER

PARTNERS = PARTNER.name
SYNCS = IDENTITY_SYNCHRONIZATION.name


def new_partner(tenant_id: str) -> dict[str, Any]:
    """Return a partner as Graph answers one with nothing configured (vectors create_partner_minimal_entra,
    get_partner_v1): every setting ``null`` (inherit), inbound/outbound pairs with ``null`` members."""
    partner: dict[str, Any] = {
        "tenantId": tenant_id,
        "isServiceProvider": None,
        "isInMultiTenantOrganization": False,
    }
    for name in SETTINGS:
        partner[name] = {"inboundAllowed": None, "outboundAllowed": None} if name in PAIR_SETTINGS else None
    return partner


def apply_settings(partner: dict[str, Any], settings: dict[str, Any]) -> None:
    """Replace each supplied top-level setting wholesale (arrays included); ``null`` clears it to inherit."""
    for name, value in settings.items():
        if name in PAIR_SETTINGS:
            # A pair is always answered with both members; an omitted member is null (inherit).
            value = value or {}
            partner[name] = {
                "inboundAllowed": value.get("inboundAllowed"),
                "outboundAllowed": value.get("outboundAllowed"),
            }
        else:
            partner[name] = copy.deepcopy(value)


def not_found(tenant_id: str) -> GraphError:
    """Return the 404 for a partner that does not exist [assumption: graph-api.md §3.3 item 8]."""
    return GraphError(
        404,
        "Request_ResourceNotFound",
        f"Resource '{tenant_id}' does not exist or one of its queried reference-property objects "
        "are not present.",
    )


class PartnerStore:
    """The partners of one tenant (``tenant``) in the shared ``ObjectStore``; every method holds its lock,
    every change is saved."""

    def __init__(self, objects: ObjectStore, tenant: str) -> None:
        self.objects = objects
        self.tenant = tenant.lower()

    def _partner(self, key: str) -> dict[str, Any] | None:
        return self.objects.get(self.tenant, PARTNERS, key)

    def _sync(self, key: str) -> dict[str, Any] | None:
        return self.objects.get(self.tenant, SYNCS, key)

    def _expanded(self, key: str, expand: bool) -> dict[str, Any]:
        answer = copy.deepcopy(self._partner(key) or {})
        if expand:
            # A single-valued navigation with nothing behind it is expanded as null [assumption].
            answer[NAVIGATION] = copy.deepcopy(self._sync(key))
        return answer

    def list(self, *, expand_identity_sync: bool = False) -> list[dict[str, Any]]:
        """Return every partner, in creation order, with ``identitySynchronization`` if expanded."""
        with self.objects.lock:
            keys = self.objects.keys(self.tenant, PARTNERS)
            return [self._expanded(key, expand_identity_sync) for key in keys]

    def get(self, tenant_id: str, *, expand_identity_sync: bool = False) -> dict[str, Any]:
        """Return one partner; path ids match case-insensitively."""
        with self.objects.lock:
            return self._expanded(self._key(tenant_id), expand_identity_sync)

    def _key(self, tenant_id: str) -> str:
        """The stored key of an existing partner (lower-cased path id); else the partner's 404."""
        key = tenant_id.lower()
        if self._partner(key) is None:
            raise not_found(tenant_id)
        return key

    def create(self, body: dict[str, Any]) -> dict[str, Any]:
        """Create from a checked POST body; a second partner for the same tenant is 409."""
        with self.objects.lock:
            tenant_id = body["tenantId"]
            if self._partner(tenant_id) is not None:
                raise GraphError(
                    409,
                    "Request_MultipleObjectsWithSameKeyValue",
                    "Another object with the same value for property tenantId already exists.",
                )
            partner = new_partner(tenant_id)
            if "isServiceProvider" in body:
                partner["isServiceProvider"] = body["isServiceProvider"]
            apply_settings(partner, {k: v for k, v in body.items() if k in SETTINGS})
            self.objects.put(self.tenant, PARTNERS, tenant_id, partner)
            self.objects.save()
            return copy.deepcopy(partner)

    def update(self, tenant_id: str, settings: dict[str, Any]) -> None:
        """Apply a checked PATCH body."""
        with self.objects.lock:
            partner = self._partner(tenant_id)
            if partner is None:
                raise not_found(tenant_id)
            apply_settings(partner, settings)
            self.objects.save()

    def delete(self, tenant_id: str) -> None:
        """Delete one partner; a cloud service provider's partner cannot be removed (graph-api.md R8)."""
        with self.objects.lock:
            partner = self._partner(tenant_id)
            if partner is None:
                raise not_found(tenant_id)
            if partner.get("isServiceProvider") is True:
                # Documented as impossible; the status and code are undocumented [assumption].
                raise GraphError(
                    400,
                    "Request_BadRequest",
                    f"The partner configuration for tenant '{tenant_id}' belongs to a cloud service provider "
                    "(isServiceProvider is true) and cannot be deleted.",
                )
            if self._sync(tenant_id) is not None:
                raise delete_blocked_by_identity_sync(tenant_id.lower())  # graph-api.md §1.5, R7
            self.objects.remove(self.tenant, PARTNERS, tenant_id)
            self.objects.save()

    # -- identitySynchronization (graph-api.md §1.8): the partner must exist for every method ------------
    def create_identity_sync(self, tenant_id: str, checked: dict[str, Any]) -> None:
        """Create the partner's policy from a checked PUT body; a second PUT is 409 (R6)."""
        with self.objects.lock:
            key = self._key(tenant_id)
            if self._sync(key) is not None:
                raise identity_sync_conflict()
            policy = new_identity_sync(key)
            apply_identity_sync(policy, checked)
            self.objects.put(self.tenant, SYNCS, key, policy)
            self.objects.save()

    def get_identity_sync(self, tenant_id: str) -> dict[str, Any]:
        """Return the partner's policy."""
        with self.objects.lock:
            policy = self._sync(self._key(tenant_id))
            if policy is None:
                raise identity_sync_not_found()
            return copy.deepcopy(policy)

    def update_identity_sync(self, tenant_id: str, checked: dict[str, Any]) -> None:
        """Apply a checked PATCH body to the partner's existing policy."""
        with self.objects.lock:
            policy = self._sync(self._key(tenant_id))
            if policy is None:
                raise identity_sync_not_found()
            apply_identity_sync(policy, checked)
            self.objects.save()

    def delete_identity_sync(self, tenant_id: str) -> None:
        """Delete the partner's policy (the partner can be deleted afterwards)."""
        with self.objects.lock:
            if not self.objects.remove(self.tenant, SYNCS, self._key(tenant_id)):
                raise identity_sync_not_found()
            self.objects.save()

    def identity_sync_snapshot(self) -> dict[str, dict[str, Any]]:
        """Return ``{tenantId: identity synchronization policy}`` for direct inspection."""
        with self.objects.lock:
            keys = self.objects.keys(self.tenant, SYNCS)
            return {key: copy.deepcopy(self._sync(key) or {}) for key in keys}

    def put(self, partner: dict[str, Any]) -> None:
        """Store a partner as given, unchecked (tests seed documented or deliberately odd objects); an
        ``identitySynchronization`` member (as in an expanded answer) is stored as the partner's policy."""
        with self.objects.lock:
            partner = copy.deepcopy(partner)
            tenant_id = str(partner["tenantId"]).lower()
            has_policy = NAVIGATION in partner
            policy = partner.pop(NAVIGATION, None)
            self.objects.put(self.tenant, PARTNERS, tenant_id, {**new_partner(tenant_id), **partner})
            if policy is not None:
                stored = {**new_identity_sync(tenant_id), **policy, "tenantId": tenant_id}
                self.objects.put(self.tenant, SYNCS, tenant_id, stored)
            elif has_policy:
                self.objects.remove(self.tenant, SYNCS, tenant_id)
            self.objects.save()

    def snapshot(self) -> dict[str, dict[str, Any]]:
        """Return ``{tenantId: partner}`` for direct inspection."""
        with self.objects.lock:
            keys = self.objects.keys(self.tenant, PARTNERS)
            return {key: copy.deepcopy(self._partner(key) or {}) for key in keys}
