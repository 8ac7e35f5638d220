"""MSFT.XTAP.6: a stack with partners also manages the default configuration they inherit from.

Source: Microsoft Graph, ``crossTenantAccessPolicyConfigurationPartner`` resource
(microsoftgraph/microsoft-graph-docs-contrib
``api-reference/v1.0/resources/crosstenantaccesspolicyconfigurationpartner.md``): "For any partner-specific
property that is null, these settings inherit the behavior configured in your default cross-tenant access
settings"; and CISA MS.AAD.8.3 (cisagov/ScubaGear baselines/aad.md#msaad83v1), whose default this stack
cannot show.
"""

from __future__ import annotations

from typing import Any

from constructs_xtap.constructs import CrossTenantAccessDefaults, CrossTenantAccessPartner
from constructs_xtap.constructs.framework import AnyTerraformStack
from constructs_xtap.guardrails.level import Level
from constructs_xtap.guardrails.rule import Rule


def _check(stack: Any) -> list[str]:
    members = stack.node.find_all()
    partners = [c for c in members if isinstance(c, CrossTenantAccessPartner)]
    if not partners or any(isinstance(c, CrossTenantAccessDefaults) for c in members):
        return []
    return [f"{len(partners)} partner(s) and no CrossTenantAccessDefaults in the stack"]


UNMANAGED_DEFAULT = Rule(
    id="MSFT.XTAP.6",
    level=Level.WARNING,
    what="the stack's partners inherit from a default configuration no code manages",
    why="every setting a partner leaves out comes from the default configuration, and every other "
    "organization gets the default; unmanaged, both are whatever the tenant holds (the system default "
    "allows inbound B2B collaboration for everyone), so the posture cannot be reviewed here.",
    fix="add CrossTenantAccessDefaults to the stack (blocking inbound B2B collaboration, see "
    "CISA.MS.AAD.8.3), or suppress on the stack naming where the default is managed.",
    source="Microsoft Graph crossTenantAccessPolicyConfigurationPartner resource (inherit when null); "
    "CISA SCuBA baseline MS.AAD.8.3",
    applies_to=(AnyTerraformStack,),
    check=_check,
)
