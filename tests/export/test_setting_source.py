"""Each Graph setting kind becomes the typed constructor call the constructs take, and that call means
exactly what Graph holds; what the constructs cannot express is refused with the reason."""

from __future__ import annotations

from typing import Any

import pytest

import constructs_xtap
from constructs_xtap.constructs.graph_object import to_graph_object
from constructs_xtap.export import Unexpressible, setting_source
from constructs_xtap.wire import settings_equal

GROUP = "9A8B7C6D-5E4F-4A3B-9C2D-1E0F9A8B7C6D"
APP = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"


def _targets(access_type: str, *targets: tuple[str, str]) -> dict[str, Any]:
    return {"accessType": access_type, "targets": [{"target": t, "targetType": k} for t, k in targets]}


CASES: list[tuple[str, dict[str, Any], str]] = [
    (
        "inboundTrust",
        {
            "isMfaAccepted": True,
            "isCompliantDeviceAccepted": False,
            "isHybridAzureADJoinedDeviceAccepted": None,
        },
        "InboundTrust(is_mfa_accepted=True, is_compliant_device_accepted=False)",
    ),
    (
        "automaticUserConsentSettings",
        {"inboundAllowed": True, "outboundAllowed": None},
        "AutomaticUserConsent(inbound_allowed=True)",
    ),
    (
        "b2bCollaborationInbound",
        {
            "usersAndGroups": _targets("allowed", (GROUP, "group")),
            "applications": _targets("allowed", (APP, "application"), ("Office365", "application")),
        },
        "B2BSetting(users_and_groups=TargetConfiguration.allowed(Target.group("
        '"9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d")), applications=TargetConfiguration.allowed('
        f'Target.application("{APP}"), Target.office365()))',
    ),
    (
        "b2bDirectConnectOutbound",
        {"usersAndGroups": _targets("blocked", ("AllUsers", "user")), "applications": None},
        "B2BSetting(users_and_groups=TargetConfiguration.blocked(Target.all_users()))",
    ),
    (
        "b2bCollaborationOutbound",
        {"applications": _targets("allowed", ("AllMicrosoftApps", "application"))},
        "B2BSetting(applications=TargetConfiguration.allowed("
        'Target("AllMicrosoftApps", TargetType.APPLICATION)))',
    ),
    (
        "b2bDirectConnectInbound",
        {"usersAndGroups": _targets("allowed", (APP, "user")), "applications": None},
        f'B2BSetting(users_and_groups=TargetConfiguration.allowed(Target.user("{APP}")))',
    ),
    (
        "tenantRestrictions",
        {
            "usersAndGroups": _targets("allowed", ("AllUsers", "user")),
            "applications": _targets("blocked", ("AllApplications", "application")),
            "devices": None,
        },
        "TenantRestrictions(users_and_groups=TargetConfiguration.allowed(Target.all_users()), "
        "applications=TargetConfiguration.blocked(Target.all_applications()))",
    ),
    (
        "m365CollaborationInbound",
        {"users": _targets("allowed", ("AllUsers", "user"))},
        "M365CollaborationInbound(users=TargetConfiguration.allowed(Target.all_users()))",
    ),
    (
        "m365CollaborationOutbound",
        {"usersAndGroups": _targets("blocked", ("AllUsers", "user"))},
        "M365CollaborationOutbound(users_and_groups=TargetConfiguration.blocked(Target.all_users()))",
    ),
    (
        "appServiceConnectInbound",
        {"applications": _targets("allowed", ("AllApplications", "application"))},
        "AppServiceConnectInbound(applications=TargetConfiguration.allowed(Target.all_applications()))",
    ),
    (
        "invitationRedemptionIdentityProviderConfiguration",
        {
            "primaryIdentityProviderPrecedenceOrder": ["azureActiveDirectory", "socialIdentityProviders"],
            "fallbackIdentityProvider": "microsoftAccount",
        },
        "InvitationRedemption(primary_identity_provider_precedence_order=["
        "IdentityProvider.AZURE_ACTIVE_DIRECTORY, IdentityProvider.SOCIAL_IDENTITY_PROVIDERS], "
        "fallback_identity_provider=IdentityProvider.MICROSOFT_ACCOUNT)",
    ),
]


@pytest.mark.parametrize(("graph_name", "value", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_setting_kind_is_written_as_its_typed_constructor_call(
    graph_name: str, value: dict[str, Any], expected: str
) -> None:
    source = setting_source(graph_name, value)

    assert source is not None
    assert source.text == expected
    assert source.names <= set(constructs_xtap.__all__)


@pytest.mark.parametrize(("graph_name", "value", "expected"), CASES, ids=[c[0] for c in CASES])
def test_the_written_call_means_what_graph_holds(
    graph_name: str, value: dict[str, Any], expected: str
) -> None:
    source = setting_source(graph_name, value)
    assert source is not None
    namespace = {name: getattr(constructs_xtap, name) for name in source.names}

    setting = eval(source.text, namespace)  # the generated source, evaluated with the constructs' API

    assert settings_equal(to_graph_object(setting), value)


@pytest.mark.parametrize(
    "value",
    [None, {"usersAndGroups": None, "applications": None}, {"inboundAllowed": None, "@odata.type": "#x"}],
)
def test_a_setting_holding_nothing_is_left_out_so_it_keeps_inheriting(value: Any) -> None:
    assert setting_source("b2bCollaborationInbound", value) is None


UNEXPRESSIBLE: list[tuple[str, Any, str]] = [
    (
        "b2bCollaborationInbound",
        {"usersAndGroups": _targets("unknownFutureValue", ("AllUsers", "user"))},
        "usersAndGroups.accessType is 'unknownFutureValue'",
    ),
    (
        "tenantRestrictions",
        {"usersAndGroups": _targets("blocked", ("AllUsers", "user")), "devices": {"mode": "allowed"}},
        "tenantRestrictions.devices is set: Graph documents the devices filter as not supported",
    ),
    (
        "b2bCollaborationInbound",
        {"usersAndGroups": _targets("allowed", ("AllUsers", "user"), (GROUP, "group"))},
        "lists AllUsers beside other targets",
    ),
    (
        "b2bCollaborationInbound",
        {"usersAndGroups": _targets("allowed", ("AllUsers", "group"))},
        "is paired with",
    ),
    ("b2bCollaborationInbound", {"usersAndGroups": _targets("allowed", ("alice", "user"))}, "neither a GUID"),
    ("b2bCollaborationInbound", {"usersAndGroups": _targets("allowed")}, "has no targets"),
    (
        "b2bCollaborationInbound",
        {"applications": _targets("allowed", (APP, "user"))},
        "does not belong in applications",
    ),
    (
        "b2bCollaborationInbound",
        {"usersAndGroups": _targets("allowed", (GROUP, "group"), (GROUP.lower(), "group"))},
        "lists a target twice",
    ),
    ("b2bCollaborationInbound", {"usersAndGroups": _targets("allowed", (GROUP, "device"))}, "target type"),
    ("inboundTrust", {"isMfaAccepted": "yes"}, "not true or false"),
    ("inboundTrust", {"isMfaAccepted": True, "isFutureClaimAccepted": True}, "no argument for it"),
    ("crossCloudMeetingConfiguration", {"inboundAllowed": True}, "no argument for Graph's"),
    (
        "invitationRedemptionIdentityProviderConfiguration",
        {
            "primaryIdentityProviderPrecedenceOrder": ["unknownFutureValue"],
            "fallbackIdentityProvider": "microsoftAccount",
        },
        "evolvable-enum sentinel",
    ),
    (
        "invitationRedemptionIdentityProviderConfiguration",
        {"primaryIdentityProviderPrecedenceOrder": ["azureActiveDirectory"]},
        "needs both",
    ),
]


@pytest.mark.parametrize(("graph_name", "value", "reason"), UNEXPRESSIBLE)
def test_a_value_the_constructs_cannot_express_is_refused_with_the_reason(
    graph_name: str, value: Any, reason: str
) -> None:
    with pytest.raises(Unexpressible) as raised:
        setting_source(graph_name, value)

    assert reason in raised.value.reason
