"""Typed settings: readable factories, enums that accept strings, immutability, and Graph's exact names."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, fields

import pytest
from sample_ids import APP_ID, GROUP_ID

from constructs_xtap import (
    AccessType,
    AppServiceConnectInbound,
    AutomaticUserConsent,
    B2BSetting,
    IdentityProvider,
    InboundTrust,
    InvitationRedemption,
    M365CollaborationInbound,
    M365CollaborationOutbound,
    Target,
    TargetConfiguration,
    TargetType,
    TenantRestrictions,
)
from constructs_xtap.constructs.graph_object import to_graph_object
from constructs_xtap.wire import ACCESS_TYPES, KEYWORD_TARGET_TYPES, TARGET_TYPES, to_snake


@pytest.mark.parametrize(
    ("factory", "expected"),
    [
        (lambda: Target.user(GROUP_ID), Target(GROUP_ID, "user")),
        (lambda: Target.group(GROUP_ID), Target(GROUP_ID, "group")),
        (lambda: Target.application(APP_ID), Target(APP_ID, "application")),
        (Target.all_users, Target("AllUsers", "user")),
        (Target.all_applications, Target("AllApplications", "application")),
        (Target.office365, Target("Office365", "application")),
    ],
)
def test_target_factories_pair_each_target_with_its_type(factory: object, expected: Target) -> None:
    assert callable(factory)
    assert factory() == expected


def test_keyword_factories_use_the_only_type_graph_accepts() -> None:
    for target in (Target.all_users(), Target.all_applications(), Target.office365()):
        assert KEYWORD_TARGET_TYPES[target.target] == target.target_type


def test_enums_hold_exactly_graphs_writable_values() -> None:
    assert {a.value for a in AccessType} == set(ACCESS_TYPES)
    assert {t.value for t in TargetType} == set(TARGET_TYPES)


def test_enums_accept_their_string_values() -> None:
    assert AccessType("blocked") is AccessType.BLOCKED
    assert TargetType("group") is TargetType.GROUP


def test_enum_and_string_forms_serialise_identically() -> None:
    by_enum = TargetConfiguration(AccessType.ALLOWED, [Target(GROUP_ID, TargetType.GROUP)])
    by_string = TargetConfiguration("allowed", [Target(GROUP_ID, "group")])
    assert to_graph_object(by_enum) == to_graph_object(by_string)
    assert to_graph_object(by_enum) == {
        "accessType": "allowed",
        "targets": [{"target": GROUP_ID, "targetType": "group"}],
    }


def test_enum_and_string_forms_differ_when_values_differ() -> None:
    assert to_graph_object(TargetConfiguration.allowed(Target.all_users())) != to_graph_object(
        TargetConfiguration("blocked", [Target.all_users()])
    )


def test_target_configuration_keeps_its_own_copy_of_targets() -> None:
    targets = [Target.group(GROUP_ID)]
    config = TargetConfiguration(AccessType.BLOCKED, targets)
    targets.append(Target.all_users())
    assert config.targets == (Target.group(GROUP_ID),)


def test_settings_are_immutable() -> None:
    trust = InboundTrust(is_mfa_accepted=True)
    with pytest.raises(FrozenInstanceError):
        trust.is_mfa_accepted = False  # type: ignore[misc]


@pytest.mark.parametrize(
    "setting_type",
    [
        B2BSetting,
        InboundTrust,
        AutomaticUserConsent,
        TenantRestrictions,
        M365CollaborationInbound,
        M365CollaborationOutbound,
        AppServiceConnectInbound,
    ],
)
def test_every_setting_defaults_to_inherit(setting_type: type) -> None:
    setting = setting_type()
    assert all(getattr(setting, f.name) is None for f in fields(setting))
    assert to_graph_object(setting) == {}


def test_settings_serialise_to_graphs_exact_names() -> None:
    assert to_graph_object(
        InboundTrust(
            is_mfa_accepted=True,
            is_compliant_device_accepted=False,
            is_hybrid_azure_ad_joined_device_accepted=True,
        )
    ) == {
        "isMfaAccepted": True,
        "isCompliantDeviceAccepted": False,
        "isHybridAzureADJoinedDeviceAccepted": True,
    }
    assert to_graph_object(AutomaticUserConsent(inbound_allowed=True, outbound_allowed=False)) == {
        "inboundAllowed": True,
        "outboundAllowed": False,
    }
    assert to_graph_object(
        B2BSetting(
            users_and_groups=TargetConfiguration.allowed(Target.all_users()),
            applications=TargetConfiguration.blocked(Target.application(APP_ID)),
        )
    ) == {
        "usersAndGroups": {
            "accessType": "allowed",
            "targets": [{"target": "AllUsers", "targetType": "user"}],
        },
        "applications": {
            "accessType": "blocked",
            "targets": [{"target": APP_ID, "targetType": "application"}],
        },
    }


def test_graph_names_map_back_to_the_settings_field_names() -> None:
    # The other direction: what Graph returns maps onto our field names, so a round trip is lossless.
    setting = B2BSetting(
        users_and_groups=TargetConfiguration.blocked(Target.group(GROUP_ID)),
        applications=TargetConfiguration.allowed(Target.office365()),
    )
    snake = to_snake(to_graph_object(setting))
    rebuilt = B2BSetting(
        **{
            name: TargetConfiguration(value["access_type"], [Target(**t) for t in value["targets"]])
            for name, value in snake.items()
        }
    )
    assert rebuilt == setting


def test_no_serialised_name_uses_the_mis_cased_b2b_prefix() -> None:
    # Peers sent "b2BCollaborationInbound" and got 400 Invalid property (peers.md).
    trust = to_graph_object(InboundTrust(is_hybrid_azure_ad_joined_device_accepted=True))
    assert list(trust) == ["isHybridAzureADJoinedDeviceAccepted"]
    assert "isHybridAzureAdJoinedDeviceAccepted" not in trust


@pytest.mark.parametrize("targets", [None, "AllUsers", 7], ids=repr)
def test_target_configuration_keeps_a_wrong_target_list_for_validation_to_report(targets: object) -> None:
    # Raising here would lose the construct path; CrossTenantAccessPartner reports it instead.
    config = TargetConfiguration("allowed", targets)  # type: ignore[arg-type]
    assert config.targets is targets


def test_target_configuration_copies_a_tuple_or_list_into_a_tuple() -> None:
    assert TargetConfiguration("allowed", [Target.all_users()]).targets == (Target.all_users(),)
    assert TargetConfiguration("allowed", (Target.all_users(),)).targets == (Target.all_users(),)


def test_new_settings_serialise_to_graphs_exact_names() -> None:
    users = TargetConfiguration.allowed(Target.all_users())
    apps = TargetConfiguration.blocked(Target.application(APP_ID))
    assert to_graph_object(M365CollaborationInbound(users=users)) == {"users": to_graph_object(users)}
    assert to_graph_object(M365CollaborationOutbound(users_and_groups=users)) == {
        "usersAndGroups": to_graph_object(users)
    }
    assert to_graph_object(AppServiceConnectInbound(applications=apps)) == {
        "applications": to_graph_object(apps)
    }


def test_invitation_redemption_serialises_its_enums_as_graphs_strings_in_order() -> None:
    redemption = InvitationRedemption(
        [IdentityProvider.SOCIAL_IDENTITY_PROVIDERS, "azureActiveDirectory"],
        IdentityProvider.MICROSOFT_ACCOUNT,
    )
    assert to_graph_object(redemption) == {
        "primaryIdentityProviderPrecedenceOrder": ["socialIdentityProviders", "azureActiveDirectory"],
        "fallbackIdentityProvider": "microsoftAccount",
    }


def test_invitation_redemption_keeps_its_own_copy_of_the_order() -> None:
    order = [IdentityProvider.EXTERNAL_FEDERATION]
    redemption = InvitationRedemption(order, IdentityProvider.DEFAULT_CONFIGURED_IDP)
    order.append(IdentityProvider.AZURE_ACTIVE_DIRECTORY)
    assert redemption.primary_identity_provider_precedence_order == (IdentityProvider.EXTERNAL_FEDERATION,)


def test_identity_provider_holds_graphs_documented_values_but_not_unknown_future_value() -> None:
    assert {p.value for p in IdentityProvider} == {
        "azureActiveDirectory",
        "externalFederation",
        "socialIdentityProviders",
        "defaultConfiguredIdp",
        "emailOneTimePasscode",
        "microsoftAccount",
    }
    assert IdentityProvider("microsoftAccount") is IdentityProvider.MICROSOFT_ACCOUNT
