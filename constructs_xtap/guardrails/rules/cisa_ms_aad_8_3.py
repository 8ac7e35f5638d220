"""CISA.MS.AAD.8.3: the default configuration blocks inbound B2B collaboration for users and applications.

Source: CISA SCuBA Microsoft 365 baseline for Entra ID, policy MS.AAD.8.3 ("Guest invites SHOULD only be
allowed to specific external domains that have been authorized by the agency for legitimate business
purposes", cisagov/ScubaGear ``PowerShell/ScubaGear/baselines/aad.md#msaad83v1``), as Maester tests it
(maester365/maester ``tests/cisa/entra/Test-MtCisaCrossTenantInboundDefault.Tests.ps1``): the default's
``b2bCollaborationInbound.usersAndGroups.accessType`` and ``.applications.accessType`` are both
``blocked``. Microsoft's own steps for the same outcome: "Limit guest sharing to specific organizations"
(MicrosoftDocs/microsoft-365-docs), "Set the default B2B collaboration settings to block inviting guests".
"""

from __future__ import annotations

from constructs_xtap.constructs import CrossTenantAccessDefaults
from constructs_xtap.guardrails.graph_setting import access_type
from constructs_xtap.guardrails.level import Level
from constructs_xtap.guardrails.rule import Rule
from constructs_xtap.wire.graph_properties import B2B_COLLABORATION_INBOUND

_SETTING = B2B_COLLABORATION_INBOUND.name


def _check(defaults: CrossTenantAccessDefaults) -> list[str]:
    details = []
    for part in B2B_COLLABORATION_INBOUND.type.target_lists:
        found = access_type(defaults.graph_body, _SETTING, part)
        if found is None:
            details.append(
                f"{_SETTING}.{part}.accessType is left out, so it keeps the system default 'allowed'"
            )
        elif found != "blocked":
            details.append(f"{_SETTING}.{part}.accessType is {found!r}")
    return ["; ".join(details)] if details else []


CISA_MS_AAD_8_3 = Rule(
    id="CISA.MS.AAD.8.3",
    level=Level.ERROR,
    what="the default configuration must block inbound B2B collaboration for users and groups and for "
    "applications",
    why="the default applies to every organization without a partner configuration, so while it allows "
    "inbound B2B collaboration anyone in any Entra tenant can be invited as a guest; blocked by default, "
    "only the partners stated in code can come in.",
    fix="set CrossTenantAccessDefaults(b2b_collaboration_inbound=B2BSetting(users_and_groups="
    "TargetConfiguration.blocked(Target.all_users()), applications=TargetConfiguration.blocked("
    "Target.all_applications()))) and allow each partner in its CrossTenantAccessPartner.",
    source="CISA SCuBA baseline MS.AAD.8.3 (cisagov/ScubaGear baselines/aad.md#msaad83v1), as tested by "
    "Maester tests/cisa/entra/Test-MtCisaCrossTenantInboundDefault.Tests.ps1",
    applies_to=(CrossTenantAccessDefaults,),
    check=_check,
)
