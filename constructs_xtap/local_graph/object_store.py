"""Every object the local Graph holds, keyed by (tenant, kind, key), in memory or in a JSON state file.

Kinds are the names of ``constructs_xtap.wire.object_kinds`` (``partner``, ``default``, ``policy``,
``identity_synchronization``, ``tenant_information``); a singleton's key is ``""``. One lock guards every
object of every tenant, so a partner and its identity synchronization policy always change together, and
every change is written to the state file at once (atomically).

State file (format 2): ``{"format": 2, "meta": {...}, "objects": {tenant: {kind: {key: object}}}}``. A
format 1 file (``partners`` and ``identitySynchronizations`` of the one tenant in ``meta.tenantId``) is read
as that tenant's objects.
"""

from __future__ import annotations

import copy
import json
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from constructs_xtap.wire.graph_properties import TENANT_ID
from constructs_xtap.wire.object_kinds import IDENTITY_SYNCHRONIZATION, PARTNER

STATE_FORMAT = 2

Key = tuple[str, str, str]


def _state_error(state_file: Path, problem: str) -> ValueError:
    return ValueError(
        f"the local Graph state file {state_file} {problem}; delete the file to start with no partners"
    )


class ObjectStore:
    """Objects keyed by lower-cased ``(tenant, kind, key)``, in insertion order; callers that read and then
    write take ``lock`` around both, and call ``save()`` after a change."""

    def __init__(self, state_file: Path | None = None) -> None:
        self.lock = threading.RLock()
        self._state_file = state_file
        self._objects: dict[Key, dict[str, Any]] = {}
        self.meta: dict[str, Any] = {}
        if state_file is not None and state_file.exists():
            self._load(state_file)

    # -- the state file ------------------------------------------------------------------------------------
    def _load(self, state_file: Path) -> None:
        try:
            data = json.loads(state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ValueError(
                f"cannot read the local Graph state file {state_file}: {error}; "
                "fix or delete the file to start with no partners"
            ) from error
        if not isinstance(data, dict):
            raise _state_error(state_file, "is not a JSON object")
        self.meta = dict(data.get("meta") or {})
        if "objects" in data:
            self._load_objects(state_file, data["objects"])
        else:
            self._load_format_1(state_file, data)

    def _load_objects(self, state_file: Path, objects: Any) -> None:
        if not isinstance(objects, dict):
            raise _state_error(state_file, "has an 'objects' that is not an object")
        for tenant, kinds in objects.items():
            if not isinstance(kinds, dict) or not all(isinstance(v, dict) for v in kinds.values()):
                raise _state_error(state_file, f"has objects of tenant {tenant!r} that are not objects")
            for kind, keyed in kinds.items():
                for key, value in keyed.items():
                    self._objects[(tenant.lower(), kind, key.lower())] = value

    def _load_format_1(self, state_file: Path, data: dict[str, Any]) -> None:
        """Files written before tenants existed: one tenant's partners and identity synchronizations."""
        partners = data.get("partners")
        if not isinstance(partners, dict):
            raise _state_error(state_file, "has no 'partners' object")
        syncs = data.get("identitySynchronizations") or {}
        if not isinstance(syncs, dict):
            raise _state_error(state_file, "has an 'identitySynchronizations' that is not an object")
        tenant = str(self.meta.get(TENANT_ID.name) or "").lower()
        for key, value in partners.items():
            self._objects[(tenant, PARTNER.name, key.lower())] = value
        for key, value in syncs.items():
            self._objects[(tenant, IDENTITY_SYNCHRONIZATION.name, key.lower())] = value

    def save(self) -> None:
        """Write the state file atomically (a crash never leaves half a file)."""
        with self.lock:
            if self._state_file is None:
                return
            objects: dict[str, dict[str, dict[str, Any]]] = {}
            for (tenant, kind, key), value in self._objects.items():
                objects.setdefault(tenant, {}).setdefault(kind, {})[key] = value
            data = {"format": STATE_FORMAT, "meta": self.meta, "objects": objects}
            self._state_file.parent.mkdir(parents=True, exist_ok=True)
            handle, temp_name = tempfile.mkstemp(
                dir=self._state_file.parent, prefix=".local-graph-", suffix=".tmp"
            )
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    json.dump(data, stream, indent=2)
                os.replace(temp_name, self._state_file)
            except BaseException:
                Path(temp_name).unlink(missing_ok=True)
                raise

    # -- objects -------------------------------------------------------------------------------------------
    def get(self, tenant: str, kind: str, key: str = "") -> dict[str, Any] | None:
        """Return the stored object itself (not a copy: hold ``lock`` and copy before answering), or None."""
        return self._objects.get((tenant.lower(), kind, key.lower()))

    def put(self, tenant: str, kind: str, key: str, value: dict[str, Any]) -> None:
        """Store (or replace, keeping its place in the order) one object; the caller saves."""
        self._objects[(tenant.lower(), kind, key.lower())] = value

    def remove(self, tenant: str, kind: str, key: str = "") -> bool:
        """Remove one object; False if there was none. The caller saves."""
        return self._objects.pop((tenant.lower(), kind, key.lower()), None) is not None

    def keys(self, tenant: str, kind: str) -> list[str]:
        """The keys of one tenant's objects of one kind, in the order they were first stored."""
        tenant = tenant.lower()
        with self.lock:
            return [k for (t, n, k) in self._objects if t == tenant and n == kind]

    def of_kind(self, kind: str) -> list[tuple[str, str, dict[str, Any]]]:
        """``[(tenant, key, copy of the object)]`` for every tenant's objects of one kind."""
        with self.lock:
            return [(t, k, copy.deepcopy(v)) for (t, n, k), v in self._objects.items() if n == kind]

    def clear(self, keep: Callable[[str, str, str], bool] = lambda tenant, kind, key: False) -> None:
        """Remove every object except those ``keep(tenant, kind, key)`` is true for, and save."""
        with self.lock:
            self._objects = {k: v for k, v in self._objects.items() if keep(*k)}
            self.save()
