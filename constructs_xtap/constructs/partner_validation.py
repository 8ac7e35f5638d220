"""Graph's rules for a partner configuration, checked at synth time so a bad partner never reaches a tenant.

The settings a partner shares with the default configuration are checked by ``setting_validation``; this
module adds what only a partner has: its tenant id, ``is_service_provider``, ``adopt_existing`` and its
identity synchronization. Every check appends to one list instead of raising, so the user sees every problem
in one synth; a deploy-time token standing for one value is skipped, never rejected. The rules only the Entra
admin center enforces (graph-api.md §3.1 R9, R10) are in ``admin_center_rules``: warnings by default.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from constructs_xtap.constructs.identity_synchronization import IdentitySynchronization
from constructs_xtap.constructs.problem_collector import ProblemCollector
from constructs_xtap.constructs.setting_validation import check_flag, check_provider, check_settings
from constructs_xtap.constructs.unresolved import is_unresolved
from constructs_xtap.constructs.validation_problem import ValidationProblem
from constructs_xtap.wire import is_guid

EXAMPLE_GUID = "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a"

_NOT_A_DOMAIN = "Graph keys partners by tenant ID, not by domain name"
_FROM_DOMAIN = (
    "use the partner's tenant ID, e.g. {example!r}, or look it up: "
    "tenant_id=TenantInformation.by_domain_name(scope, id, 'fabrikam.com').tenant_id"
)


def validate_partner(
    path: str,
    *,
    tenant_id: Any,
    settings: Mapping[str, Any],
    is_service_provider: Any = None,
    provider: Any = None,
    adopt_existing: Any = None,
    identity_synchronization: Any = None,
    construct: Any = None,
) -> list[ValidationProblem]:
    """Return every problem with one partner's input; an empty list means it is valid.

    ``settings`` maps the construct's keyword names (see ``setting_validation.SETTING_TYPES``) to what the
    caller passed. ``construct``: the partner being made, if any, so ``provider`` is checked to be in its
    framework and stack.
    """
    out = ProblemCollector(path)
    check_tenant_id(out, tenant_id)
    check_flag(out, "is_service_provider", is_service_provider)
    check_flag(out, "adopt_existing", adopt_existing)
    check_provider(out, provider, construct)
    check_settings(out, settings)
    if identity_synchronization is not None:
        _check_identity_synchronization(out, identity_synchronization)
    return out.problems


def check_tenant_id(out: ProblemCollector, tenant_id: Any, prop: str = "tenant_id") -> None:
    """Add a problem when ``tenant_id`` is neither a GUID string nor a deploy-time token."""
    if is_unresolved(tenant_id):
        return
    if not isinstance(tenant_id, str):
        text = str(tenant_id) if isinstance(tenant_id, uuid.UUID) else EXAMPLE_GUID
        out.add(
            prop,
            tenant_id,
            f"must be a string GUID, not {type(tenant_id).__name__}",
            f"pass the tenant ID as text, e.g. {text!r}",
        )
    elif not is_guid(tenant_id):
        out.add(
            prop,
            tenant_id,
            f"is not a tenant ID (a GUID); {_NOT_A_DOMAIN}",
            _FROM_DOMAIN.format(example=EXAMPLE_GUID),
        )


def _check_identity_synchronization(out: ProblemCollector, sync: Any) -> None:
    prop = "identity_synchronization"
    if not isinstance(sync, IdentitySynchronization):
        out.add(
            prop,
            sync,
            f"must be an IdentitySynchronization, not {type(sync).__name__}",
            "pass IdentitySynchronization(user_sync_inbound=True), or leave it unset for none",
        )
        return
    if sync.user_sync_inbound is None:
        out.add(
            f"{prop}.user_sync_inbound",
            None,
            "is required: it says whether the partner's users may be synchronized into this tenant",
            "pass True to allow synchronization or False to stop it",
        )
    else:
        check_flag(out, f"{prop}.user_sync_inbound", sync.user_sync_inbound)
    name = sync.display_name
    if name is not None and not is_unresolved(name) and (not isinstance(name, str) or not name.strip()):
        out.add(
            f"{prop}.display_name",
            name,
            "must be a non-empty string",
            "name the policy after the partner, e.g. 'Fabrikam', or leave display_name unset",
        )
