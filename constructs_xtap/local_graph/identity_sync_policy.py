"""A partner's ``identitySynchronization`` (crossTenantIdentitySyncPolicyPartner, graph-api.md §1.8, §2.12):
the check of PUT and PATCH bodies, the shape Graph answers and the errors of the sub-resource.

The policy is keyed by the partner's ``tenantId``; a client writes ``displayName`` and ``userSyncInbound``.
"""

from __future__ import annotations

import copy
from typing import Any

from constructs_xtap.local_graph.graph_error import GraphError
from constructs_xtap.local_graph.partner_payload import BOOL, STRING, Spec, bad_request, check_object

ENTITY_TYPE = "microsoft.graph.crossTenantIdentitySyncPolicyPartner"
#: The navigation property on the partner, as written in paths and ``$expand``.
NAVIGATION = "identitySynchronization"

USER_SYNC_INBOUND = Spec("object", fields={"isSyncAllowed": BOOL}, type_name="crossTenantUserSyncInbound")
#: Properties a client may write on PUT and PATCH (v1.0; beta's groupSyncInbound and
#: externalCloudAuthorizedApplicationId are not served, see assumption 7 in server.py).
WRITABLE: dict[str, Spec] = {"displayName": STRING, "userSyncInbound": USER_SYNC_INBOUND}

CONFLICT_MESSAGE = (
    "A conflicting object with one or more of the specified property values is present in the directory."
)


def check_identity_sync(body: Any, tenant_id: str) -> dict[str, Any]:
    """Return the checked body of ``PUT`` or ``PATCH .../partners/{tenant_id}/identitySynchronization``.

    ``tenantId`` is read-only (it is the partner's key): the path's own id is accepted and dropped, as SDKs
    echo it, and any other value is 400 [assumption]. Unknown or mis-cased names are ``Invalid property``.
    """
    if not isinstance(body, dict):
        raise bad_request(f"The request body must be a JSON object representing a {ENTITY_TYPE}.")
    for key in body:
        if not key.startswith("@odata.") and key not in WRITABLE and key != "tenantId":
            raise bad_request(f"Invalid property '{key}'")
    if "tenantId" in body:
        sent = body["tenantId"]
        if not isinstance(sent, str) or sent.lower() != tenant_id.lower():
            raise bad_request(
                f"Property 'tenantId' is read-only: the identity synchronization policy always has its "
                f"partner's tenant id '{tenant_id.lower()}'. Leave tenantId out of the body."
            )
    return check_object(WRITABLE, {k: v for k, v in body.items() if k != "tenantId"})


def new_identity_sync(tenant_id: str) -> dict[str, Any]:
    """Return a policy with nothing set: ``displayName`` and ``userSyncInbound`` null [assumption]."""
    return {"tenantId": tenant_id, "displayName": None, "userSyncInbound": None}


def apply_identity_sync(policy: dict[str, Any], checked: dict[str, Any]) -> None:
    """Replace each supplied property; ``userSyncInbound`` is always answered with its one member."""
    for name, value in checked.items():
        if name == "userSyncInbound" and value is not None:
            policy[name] = {"isSyncAllowed": value.get("isSyncAllowed")}
        else:
            policy[name] = copy.deepcopy(value)


def identity_sync_conflict() -> GraphError:
    """Return the documented 409 for a second PUT (vector error_duplicate_identitysync_409, R6)."""
    return GraphError(
        409,
        "Request_MultipleObjectsWithSameKeyValue",
        CONFLICT_MESSAGE,
        details=[{"code": "ConflictingObjects", "message": CONFLICT_MESSAGE}],
    )


def identity_sync_not_found() -> GraphError:
    """Return the 404 for a partner without a policy: the documented code and message for PATCH
    (graph-api.md §3.3 item 3); its status, and its use for GET and DELETE, are [assumption]s."""
    return GraphError(
        404, "Directory_ObjectNotFound", "Unable to read the company information from the directory."
    )


def delete_blocked_by_identity_sync(tenant_id: str) -> GraphError:
    """Return the refusal to delete a partner that still has a policy (R7; status and code [assumption],
    the same as for a service provider's partner)."""
    return GraphError(
        400,
        "Request_BadRequest",
        f"The partner configuration for tenant '{tenant_id}' has an identity synchronization policy and "
        "cannot be deleted. Delete the policy first (DELETE "
        f"/policies/crossTenantAccessPolicy/partners/{tenant_id}/identitySynchronization), then the partner.",
    )
