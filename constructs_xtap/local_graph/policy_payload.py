"""PATCH bodies of the cross-tenant access policy (``/policies/crossTenantAccessPolicy``, graph-api.md §1.7,
§2.11): ``displayName`` and ``allowedCloudEndpoints`` (R19), and the 25 KB size cap (R20)."""

from __future__ import annotations

import copy
import json
from typing import Any

from constructs_xtap.local_graph.partner_payload import STRING, Spec, bad_request, check_object
from constructs_xtap.wire.object_kinds import ALLOWED_CLOUD_ENDPOINTS, POLICY

ENTITY_TYPE = "microsoft.graph.crossTenantAccessPolicy"
#: R19: the only clouds a policy can name.
CLOUD_ENDPOINTS = frozenset(ALLOWED_CLOUD_ENDPOINTS)
WRITABLE: dict[str, Spec] = {
    "displayName": STRING,
    "allowedCloudEndpoints": Spec("array", item=Spec("enum", enum=CLOUD_ENDPOINTS)),
}
assert set(WRITABLE) == set(POLICY.scalars)
#: R20: "The crossTenantAccessPolicy object size is currently limited to 25KB."
SIZE_LIMIT = 25 * 1024


def check_policy_update(body: Any) -> dict[str, Any]:
    """Return the checked body of ``PATCH /policies/crossTenantAccessPolicy``.

    400 ``Request_BadRequest``: not an object; ``Invalid property '<name>'`` for any other name (R22; the
    read-only ``id`` and ``definition`` included) [assumption]; a value that is not a string (``displayName``)
    or not an array of the three R19 cloud names (``allowedCloudEndpoints``, ``null`` included)
    [assumption: message].
    """
    if not isinstance(body, dict):
        raise bad_request(f"The request body must be a JSON object representing a {ENTITY_TYPE}.")
    checked = check_object(WRITABLE, body)
    for name in ("displayName", "allowedCloudEndpoints"):
        if name in checked and checked[name] is None:
            raise bad_request(f"Property '{name}' cannot be null.")
    return checked


def apply_policy_update(current: dict[str, Any], checked: dict[str, Any]) -> dict[str, Any]:
    """Return the policy with each sent property replaced; 400 if it would exceed 25 KB (R20, documented
    status; code and message [assumption])."""
    updated = {**current, **copy.deepcopy(checked)}
    if len(json.dumps(updated, separators=(",", ":")).encode("utf-8")) > SIZE_LIMIT:
        raise bad_request("The cross-tenant access policy would exceed its size limit of 25KB.")
    return updated
