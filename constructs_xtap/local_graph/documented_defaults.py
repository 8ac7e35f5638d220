"""What the singletons hold before anyone changes them: the documented defaults per kind, as data.

Both build on the kind's ``documented_default`` (wire/object_kinds.py). ``SERVICE_DEFAULT_CONFIGURATION`` is
``/policies/crossTenantAccessPolicy/default`` as GET answers it untouched (graph-api.md §5.14, vector
get_default_beta_service_default, the fullest documented one): the system default plus ``isServiceDefault:
true`` and the read-only ``automaticUserConsentSettings`` pair, always false (R17); the 2026 settings (§2.9)
are ``null`` [assumption: their service default is not documented]. ``DEFAULT_POLICY`` is
``/policies/crossTenantAccessPolicy`` as vector get_policy_v1 shows it (without the documentation's ``value``
wrapper, §1.7), with the documented empty ``allowedCloudEndpoints`` (§2.11).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from typing import Any

from constructs_xtap.wire.object_kinds import DEFAULT, POLICY


def _plain(value: Mapping[str, Any] | None) -> dict[str, Any]:
    """A plain, mutable JSON copy of a read-only mapping (tuples become lists)."""
    result: dict[str, Any] = json.loads(json.dumps(dict(value or {})))
    return result


SERVICE_DEFAULT_CONFIGURATION: dict[str, Any] = {
    "isServiceDefault": True,
    "automaticUserConsentSettings": {"inboundAllowed": False, "outboundAllowed": False},
    **_plain(DEFAULT.documented_default),
}

DEFAULT_POLICY: dict[str, Any] = {
    "@odata.type": "#microsoft.graph.crossTenantAccessPolicy",
    "displayName": "CrossTenantAccessPolicy",
    "definition": "Cross tenant access policy...",
    **_plain(POLICY.documented_default),
}

DOCUMENTED_DEFAULTS: dict[str, dict[str, Any]] = {
    DEFAULT.name: SERVICE_DEFAULT_CONFIGURATION,
    POLICY.name: DEFAULT_POLICY,
}


def documented_default(kind: str) -> dict[str, Any]:
    """A fresh copy of the documented default of a singleton kind (``KeyError`` for other kinds)."""
    return copy.deepcopy(DOCUMENTED_DEFAULTS[kind])
