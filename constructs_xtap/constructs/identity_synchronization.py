"""Cross-tenant synchronization of users from one partner tenant into this one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cdktf import IResolvable


@dataclass(frozen=True)
class IdentitySynchronization:
    """A partner's identity synchronization policy (Graph's crossTenantIdentitySyncPolicyPartner, §2.12).

    ``user_sync_inbound``: whether users of the partner tenant may be synchronized into this tenant
    (Graph's ``userSyncInbound.isSyncAllowed``). ``False`` stops further synchronization; users already
    synchronized stay. Required.
    ``display_name``: a name for the policy, e.g. the partner's name. Default ``None``: left out, Graph
    keeps none.

    Graph keeps one per partner (graph-api.md §3.1 R6) and refuses to delete a partner that still has one
    (R7): ``CrossTenantAccessPartner`` references the partner from it, so Terraform creates it after the
    partner and destroys it first.
    """

    user_sync_inbound: bool | IResolvable
    display_name: str | None = None
