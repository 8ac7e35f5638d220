"""The partner configurations the local Graph holds, in memory or in a JSON file that survives restarts.

Each partner's ``identitySynchronization`` policy lives here too (same lock, same state file, under
``identitySynchronizations``), so a partner and its policy always change together.
"""

from __future__ import annotations

import copy
import json
import os
import tempfile
import threading
from pathlib import Path
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
from constructs_xtap.local_graph.partner_payload import PAIR_SETTINGS, SETTINGS

STATE_FORMAT = 1


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
    """Partners keyed by lower-cased tenant GUID; every method holds one lock, every change is saved."""

    def __init__(self, state_file: Path | None = None) -> None:
        self._lock = threading.RLock()
        self._state_file = state_file
        self._partners: dict[str, dict[str, Any]] = {}
        self._identity_syncs: dict[str, dict[str, Any]] = {}
        self.meta: dict[str, Any] = {}
        if state_file is not None and state_file.exists():
            self._load(state_file)

    def _load(self, state_file: Path) -> None:
        try:
            data = json.loads(state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ValueError(
                f"cannot read the local Graph state file {state_file}: {error}; "
                "fix or delete the file to start with no partners"
            ) from error
        if not isinstance(data, dict) or not isinstance(data.get("partners"), dict):
            raise ValueError(
                f"the local Graph state file {state_file} has no 'partners' object; "
                "delete the file to start with no partners"
            )
        syncs = data.get("identitySynchronizations") or {}  # absent from files written before it existed
        if not isinstance(syncs, dict):
            raise ValueError(
                f"the local Graph state file {state_file} has an 'identitySynchronizations' that is not an "
                "object; delete the file to start with no partners"
            )
        self._partners = {key.lower(): value for key, value in data["partners"].items()}
        self._identity_syncs = {key.lower(): value for key, value in syncs.items()}
        self.meta = dict(data.get("meta") or {})

    def save(self) -> None:
        """Write the state file atomically (a crash never leaves half a file)."""
        with self._lock:
            if self._state_file is None:
                return
            data = {
                "format": STATE_FORMAT,
                "meta": self.meta,
                "partners": self._partners,
                "identitySynchronizations": self._identity_syncs,
            }
            self._state_file.parent.mkdir(parents=True, exist_ok=True)
            handle, temp_name = tempfile.mkstemp(
                dir=self._state_file.parent, prefix=".local-graph-", suffix=".tmp"
            )
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    json.dump(data, stream, indent=2, sort_keys=True)
                os.replace(temp_name, self._state_file)
            except BaseException:
                Path(temp_name).unlink(missing_ok=True)
                raise

    def _expanded(self, key: str, expand: bool) -> dict[str, Any]:
        answer = copy.deepcopy(self._partners[key])
        if expand:
            # A single-valued navigation with nothing behind it is expanded as null [assumption].
            answer[NAVIGATION] = copy.deepcopy(self._identity_syncs.get(key))
        return answer

    def list(self, *, expand_identity_sync: bool = False) -> list[dict[str, Any]]:
        """Return every partner, in creation order, with ``identitySynchronization`` if expanded."""
        with self._lock:
            return [self._expanded(key, expand_identity_sync) for key in self._partners]

    def get(self, tenant_id: str, *, expand_identity_sync: bool = False) -> dict[str, Any]:
        """Return one partner; path ids match case-insensitively."""
        with self._lock:
            return self._expanded(self._key(tenant_id), expand_identity_sync)

    def _key(self, tenant_id: str) -> str:
        """The stored key of an existing partner (lower-cased path id); else the partner's 404."""
        key = tenant_id.lower()
        if key not in self._partners:
            raise not_found(tenant_id)
        return key

    def create(self, body: dict[str, Any]) -> dict[str, Any]:
        """Create from a checked POST body; a second partner for the same tenant is 409."""
        with self._lock:
            tenant_id = body["tenantId"]
            if tenant_id in self._partners:
                raise GraphError(
                    409,
                    "Request_MultipleObjectsWithSameKeyValue",
                    "Another object with the same value for property tenantId already exists.",
                )
            partner = new_partner(tenant_id)
            if "isServiceProvider" in body:
                partner["isServiceProvider"] = body["isServiceProvider"]
            apply_settings(partner, {k: v for k, v in body.items() if k in SETTINGS})
            self._partners[tenant_id] = partner
            self.save()
            return copy.deepcopy(partner)

    def update(self, tenant_id: str, settings: dict[str, Any]) -> None:
        """Apply a checked PATCH body."""
        with self._lock:
            partner = self._partners.get(tenant_id.lower())
            if partner is None:
                raise not_found(tenant_id)
            apply_settings(partner, settings)
            self.save()

    def delete(self, tenant_id: str) -> None:
        """Delete one partner; a cloud service provider's partner cannot be removed (graph-api.md R8)."""
        with self._lock:
            partner = self._partners.get(tenant_id.lower())
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
            if tenant_id.lower() in self._identity_syncs:
                raise delete_blocked_by_identity_sync(tenant_id.lower())  # graph-api.md §1.5, R7
            del self._partners[tenant_id.lower()]
            self.save()

    # -- identitySynchronization (graph-api.md §1.8): the partner must exist for every method ------------
    def create_identity_sync(self, tenant_id: str, checked: dict[str, Any]) -> None:
        """Create the partner's policy from a checked PUT body; a second PUT is 409 (R6)."""
        with self._lock:
            key = self._key(tenant_id)
            if key in self._identity_syncs:
                raise identity_sync_conflict()
            policy = new_identity_sync(key)
            apply_identity_sync(policy, checked)
            self._identity_syncs[key] = policy
            self.save()

    def get_identity_sync(self, tenant_id: str) -> dict[str, Any]:
        """Return the partner's policy."""
        with self._lock:
            policy = self._identity_syncs.get(self._key(tenant_id))
            if policy is None:
                raise identity_sync_not_found()
            return copy.deepcopy(policy)

    def update_identity_sync(self, tenant_id: str, checked: dict[str, Any]) -> None:
        """Apply a checked PATCH body to the partner's existing policy."""
        with self._lock:
            policy = self._identity_syncs.get(self._key(tenant_id))
            if policy is None:
                raise identity_sync_not_found()
            apply_identity_sync(policy, checked)
            self.save()

    def delete_identity_sync(self, tenant_id: str) -> None:
        """Delete the partner's policy (the partner can be deleted afterwards)."""
        with self._lock:
            key = self._key(tenant_id)
            if key not in self._identity_syncs:
                raise identity_sync_not_found()
            del self._identity_syncs[key]
            self.save()

    def identity_sync_snapshot(self) -> dict[str, dict[str, Any]]:
        """Return ``{tenantId: identity synchronization policy}`` for direct inspection."""
        with self._lock:
            return copy.deepcopy(self._identity_syncs)

    def put(self, partner: dict[str, Any]) -> None:
        """Store a partner as given, unchecked (tests seed documented or deliberately odd objects); an
        ``identitySynchronization`` member (as in an expanded answer) is stored as the partner's policy."""
        with self._lock:
            partner = copy.deepcopy(partner)
            tenant_id = str(partner["tenantId"]).lower()
            has_policy = NAVIGATION in partner
            policy = partner.pop(NAVIGATION, None)
            self._partners[tenant_id] = {**new_partner(tenant_id), **partner}
            if policy is not None:
                self._identity_syncs[tenant_id] = {
                    **new_identity_sync(tenant_id),
                    **policy,
                    "tenantId": tenant_id,
                }
            elif has_policy:
                self._identity_syncs.pop(tenant_id, None)
            self.save()

    def snapshot(self) -> dict[str, dict[str, Any]]:
        """Return ``{tenantId: partner}`` for direct inspection."""
        with self._lock:
            return copy.deepcopy(self._partners)

    def clear(self) -> None:
        """Remove every partner and identity synchronization policy."""
        with self._lock:
            self._partners.clear()
            self._identity_syncs.clear()
            self.save()
