"""One breaking and one fixed stack per guardrail rule, for the per-rule tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from constructs_xtap import (
    AutomaticUserConsent,
    B2BSetting,
    CrossTenantAccessDefaults,
    CrossTenantAccessPartner,
    IdentitySynchronization,
    InboundTrust,
    Target,
    TargetConfiguration,
    TenantRestrictions,
)

if TYPE_CHECKING:  # cdktf's classes stand for both frameworks' in annotations, as in the library
    from cdktf import TerraformStack

PARTNER_TENANT = "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a"
GROUP = "6f546279-4da5-4b53-a095-09ea0cef9971"

ALLOWED_ALL_USERS = TargetConfiguration.allowed(Target.all_users())
BLOCKED_ALL_USERS = TargetConfiguration.blocked(Target.all_users())
ALLOWED_ALL_APPS = TargetConfiguration.allowed(Target.all_applications())
BLOCKED_ALL_APPS = TargetConfiguration.blocked(Target.all_applications())
EVERYONE_BLOCKED = B2BSetting(users_and_groups=BLOCKED_ALL_USERS, applications=BLOCKED_ALL_APPS)
TENANT_RESTRICTIONS_OPEN = TenantRestrictions(
    users_and_groups=ALLOWED_ALL_USERS, applications=ALLOWED_ALL_APPS
)


@dataclass(frozen=True)
class RuleCase:
    """``breaks(stack)`` builds a stack that breaks ``rule`` and returns the construct that breaks it;
    ``fixed(stack)`` builds the same stack with the fix."""

    rule: str
    breaks: Callable[[TerraformStack], object]
    fixed: Callable[[TerraformStack], object]

    def __str__(self) -> str:
        return self.rule


def _partner(stack: TerraformStack, **props: object) -> CrossTenantAccessPartner:
    return CrossTenantAccessPartner(stack, "fabrikam", tenant_id=PARTNER_TENANT, **props)  # type: ignore[arg-type]


def _defaults(stack: TerraformStack, **props: object) -> CrossTenantAccessDefaults:
    return CrossTenantAccessDefaults(stack, "defaults", **props)  # type: ignore[arg-type]


CASES = (
    RuleCase(
        "CISA.MS.AAD.8.3",
        lambda s: _defaults(s),
        lambda s: _defaults(s, b2b_collaboration_inbound=EVERYONE_BLOCKED),
    ),
    RuleCase(
        "MSFT.XTAP.1",
        lambda s: _partner(
            s,
            inbound_trust=InboundTrust(is_mfa_accepted=True),
            b2b_collaboration_inbound=B2BSetting(
                users_and_groups=ALLOWED_ALL_USERS,
                applications=TargetConfiguration.allowed(Target.office365()),
            ),
        ),
        lambda s: _partner(
            s,
            inbound_trust=InboundTrust(is_mfa_accepted=True),
            b2b_collaboration_inbound=B2BSetting(
                users_and_groups=TargetConfiguration.allowed(Target.group(GROUP)),
                applications=TargetConfiguration.allowed(Target.office365()),
            ),
        ),
    ),
    RuleCase(
        "MSFT.XTAP.2",
        lambda s: _partner(
            s,
            b2b_direct_connect_inbound=B2BSetting(
                users_and_groups=ALLOWED_ALL_USERS, applications=ALLOWED_ALL_APPS
            ),
        ),
        lambda s: _partner(
            s,
            b2b_direct_connect_inbound=B2BSetting(
                users_and_groups=ALLOWED_ALL_USERS,
                applications=TargetConfiguration.allowed(Target.office365()),
            ),
        ),
    ),
    RuleCase(
        "MSFT.XTAP.3",
        lambda s: _partner(s, automatic_user_consent=AutomaticUserConsent(inbound_allowed=True)),
        lambda s: _partner(
            s,
            automatic_user_consent=AutomaticUserConsent(inbound_allowed=True),
            identity_synchronization=IdentitySynchronization(user_sync_inbound=True),
        ),
    ),
    RuleCase(
        "MSFT.XTAP.4",
        lambda s: _defaults(s, tenant_restrictions=TENANT_RESTRICTIONS_OPEN),
        lambda s: _defaults(
            s,
            tenant_restrictions=TenantRestrictions(
                users_and_groups=BLOCKED_ALL_USERS, applications=BLOCKED_ALL_APPS
            ),
        ),
    ),
    RuleCase(
        "MSFT.XTAP.5",
        lambda s: _partner(s, is_service_provider=True),
        lambda s: _partner(s),
    ),
    RuleCase(
        "MSFT.XTAP.6",
        lambda s: (_partner(s), s)[1],
        lambda s: (_partner(s), _defaults(s))[1],
    ),
    RuleCase(
        "admin-center/R9",
        lambda s: _partner(
            s,
            b2b_collaboration_outbound=B2BSetting(
                users_and_groups=ALLOWED_ALL_USERS, applications=BLOCKED_ALL_APPS
            ),
        ),
        lambda s: _partner(
            s,
            b2b_collaboration_outbound=B2BSetting(
                users_and_groups=ALLOWED_ALL_USERS, applications=ALLOWED_ALL_APPS
            ),
        ),
    ),
    RuleCase(
        "admin-center/R10",
        lambda s: _partner(
            s,
            b2b_collaboration_outbound=B2BSetting(
                users_and_groups=BLOCKED_ALL_USERS,
                applications=TargetConfiguration.allowed(Target.office365()),
            ),
        ),
        lambda s: _partner(s, b2b_collaboration_outbound=EVERYONE_BLOCKED),
    ),
    RuleCase(
        "admin-center/R11",
        lambda s: _defaults(
            s,
            b2b_collaboration_inbound=B2BSetting(
                users_and_groups=TargetConfiguration.blocked(Target.group(GROUP)),
                applications=BLOCKED_ALL_APPS,
            ),
        ),
        lambda s: _defaults(s, b2b_collaboration_inbound=EVERYONE_BLOCKED),
    ),
)
