"""Graph's rules for the settings a partner and the default configuration share, checked at synth time.

Only rules Graph documents or demonstrably enforces are here, and each is an error. The rules only the
Entra admin center enforces (graph-api.md §3.1 R9-R11) are in ``admin_center_rules``: warnings by default.

Every check appends to one ``ProblemCollector`` instead of raising, so the user sees every problem in one
synth. A value only known at deploy time (a cdktf token) is skipped, never rejected, where it stands for one
value (a target id, an access type, a flag, an identity provider). Where the construct needs structure (a
whole setting, a TargetConfiguration, a list of targets, a Target) a token cannot stand in, and the problem
says how to write it. Any input, of any type, ends as a problem in that list, never as another exception:
each check tests a value's type before using it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from types import MappingProxyType
from typing import Any

from constructs_xtap.constructs.app_service_connect_inbound import AppServiceConnectInbound
from constructs_xtap.constructs.automatic_user_consent import AutomaticUserConsent
from constructs_xtap.constructs.b2b_setting import B2BSetting
from constructs_xtap.constructs.framework import bound_framework, framework_of, stack_of
from constructs_xtap.constructs.inbound_trust import InboundTrust
from constructs_xtap.constructs.invitation_redemption import InvitationRedemption
from constructs_xtap.constructs.m365_collaboration_inbound import M365CollaborationInbound
from constructs_xtap.constructs.m365_collaboration_outbound import M365CollaborationOutbound
from constructs_xtap.constructs.problem_collector import ProblemCollector
from constructs_xtap.constructs.target import Target
from constructs_xtap.constructs.target_configuration import TargetConfiguration
from constructs_xtap.constructs.tenant_restrictions import TenantRestrictions
from constructs_xtap.constructs.unresolved import is_unresolved
from constructs_xtap.constructs.xtap_provider import XtapProvider
from constructs_xtap.wire import (
    ACCESS_TYPES,
    ALL_TARGET_KEYWORDS,
    GRAPH_PROPERTIES,
    KEYWORD_TARGET_TYPES,
    is_guid,
    to_snake_name,
)
from constructs_xtap.wire.graph_enums import (
    FALLBACK_IDENTITY_PROVIDERS,
    PRIMARY_IDENTITY_PROVIDERS,
    TARGET_LIST_TYPES,
    TARGET_TYPES,
)

#: The settings made of target lists, and which target types belong in each list (by field name).
TARGETED_SETTINGS = (
    B2BSetting,
    TenantRestrictions,
    M365CollaborationInbound,
    M365CollaborationOutbound,
    AppServiceConnectInbound,
)
_SETTING_CLASSES = {
    c.__name__: c for c in (*TARGETED_SETTINGS, InboundTrust, AutomaticUserConsent, InvitationRedemption)
}

#: The type each construct property must have, keyed by the constructs' keyword argument name: every Graph
#: property the constructs take (``GraphProperty.argument`` and ``.construct``, wire.graph_properties).
SETTING_TYPES: Mapping[str, type] = MappingProxyType(
    {p.argument: _SETTING_CLASSES[p.construct] for p in GRAPH_PROPERTIES.values() if p.construct is not None}
)
_LIST_TARGET_TYPES: Mapping[str, frozenset[str]] = {
    to_snake_name(name): types for name, types in TARGET_LIST_TYPES.items()
}
# Where a target of the wrong type belongs, for a setting that has only one list.
_ELSEWHERE: Mapping[str, str] = {
    "users_and_groups": "applications belong in a B2B setting's applications or app_service_connect_inbound",
    "users": "applications belong in a B2B setting's applications or app_service_connect_inbound",
    "applications": "users and groups belong in a B2B setting's users_and_groups or an M365 setting",
}


def check_settings(out: ProblemCollector, settings: Mapping[str, Any]) -> None:
    """Add every problem of ``settings`` (the constructs' keyword names, see ``SETTING_TYPES``, mapped to
    what the caller passed; ``None`` is left out and never a problem)."""
    for prop, setting in settings.items():
        if setting is None:
            continue
        expected = SETTING_TYPES[prop]
        if is_unresolved(setting):
            out.add(
                prop,
                setting,
                f"is one deploy-time token, but a whole {expected.__name__} cannot be a single token",
                f"write {expected.__name__}(...) and put tokens in the fields they stand for",
            )
            continue
        if not isinstance(setting, expected):
            out.add(
                prop,
                setting,
                f"must be a {expected.__name__}, not {type(setting).__name__}",
                f"pass {expected.__name__}(...) from constructs_xtap",
            )
            continue
        if isinstance(setting, TARGETED_SETTINGS):
            _check_lists(out, prop, setting)
        elif isinstance(setting, InboundTrust | AutomaticUserConsent):
            _check_flags(out, prop, setting)
        elif isinstance(setting, InvitationRedemption):
            _check_invitation_redemption(out, prop, setting)
        if isinstance(setting, TenantRestrictions) and setting.devices is not None:
            out.add(
                f"{prop}.devices",
                setting.devices,
                "the devices filter is not supported on the server side yet (Graph documentation)",
                "leave devices unset; restrict by users_and_groups and applications instead",
            )


def check_provider(out: ProblemCollector, provider: Any, construct: Any = None) -> None:
    """Add a problem when ``provider`` is neither ``None`` (the stack's default) nor an ``XtapProvider``, or,
    given the ``construct`` it is for, when it was made in another framework's app or in another stack
    (Terraform would find no provider block for the resource in the construct's stack)."""
    fix = (
        "pass XtapProvider(stack, id, ...) made in this construct's stack, or leave provider unset to use "
        "the stack's default"
    )
    if provider is not None and not isinstance(provider, XtapProvider):
        out.add("provider", provider, f"must be an XtapProvider, not {type(provider).__name__}", fix)
    elif provider is not None and construct is not None:
        ours, theirs = framework_of(construct), bound_framework(provider)
        if ours is not theirs:
            out.add(
                "provider",
                provider.node.path,
                f"is a {theirs.name} provider block, made in a {theirs.name} app, and this construct is in a "
                f"{ours.name} app; one app is built with one framework",
                fix,
            )
        elif stack_of(provider) is not stack_of(construct):
            out.add(
                "provider",
                provider.node.path,
                f"is in the stack {stack_of(provider).node.path!r}, not in this construct's stack "
                f"{stack_of(construct).node.path!r}; Terraform would find no xtap provider block for it",
                fix,
            )


def provider_problems(construct: Any, provider: Any, path: str | None = None) -> ProblemCollector:
    """A collector of ``construct``'s problems (at ``path``, default its node path) that starts with those
    of its ``provider`` argument (``check_provider``)."""
    out = ProblemCollector(construct.node.path if path is None else path)
    check_provider(out, provider, construct)
    return out


def check_flag(out: ProblemCollector, prop: str, value: Any, fix: str = "pass a bool") -> None:
    """Add a problem when ``value`` is neither ``None``, a bool, nor a deploy-time token."""
    if value is not None and not isinstance(value, bool) and not is_unresolved(value):
        out.add(prop, value, "must be True or False", fix)


def _check_invitation_redemption(out: ProblemCollector, prop: str, setting: InvitationRedemption) -> None:
    where = f"{prop}.primary_identity_provider_precedence_order"
    order = setting.primary_identity_provider_precedence_order
    primaries = sorted(PRIMARY_IDENTITY_PROVIDERS)
    if not isinstance(order, tuple):  # InvitationRedemption turns every list into a tuple
        out.add(
            where,
            order,
            f"must be a list of identity providers, not {type(order).__name__}",
            f"list the primary providers in the order to try them, e.g. {primaries}",
        )
    elif not order:
        out.add(where, [], "is empty", f"list the primary providers in the order to try them: {primaries}")
    else:
        seen: dict[str, int] = {}
        for index, provider in enumerate(order):
            if is_unresolved(provider):
                continue
            if not isinstance(provider, str) or provider not in PRIMARY_IDENTITY_PROVIDERS:
                out.add(
                    f"{where}[{index}]",
                    provider,
                    f"is not a primary identity provider ({primaries})",
                    _provider_fix(
                        provider,
                        PRIMARY_IDENTITY_PROVIDERS,
                        FALLBACK_IDENTITY_PROVIDERS,
                        "fallback_identity_provider",
                    ),
                )
            elif provider in seen:
                out.add(
                    f"{where}[{index}]",
                    str(provider),
                    f"duplicates [{seen[provider]}]",
                    "list each identity provider once",
                )
            else:
                seen[provider] = index
    fallback = setting.fallback_identity_provider
    fallbacks = sorted(FALLBACK_IDENTITY_PROVIDERS)
    if fallback is None or (isinstance(fallback, str) and fallback == ""):
        out.add(
            f"{prop}.fallback_identity_provider",
            fallback,
            "is missing: one fallback identity provider must be enabled at any time (graph-api.md §3.1 R18, "
            '"You can\'t disable both fallback identity providers")',
            f"use one of {fallbacks}; IdentityProvider.DEFAULT_CONFIGURED_IDP keeps both enabled",
        )
    elif not is_unresolved(fallback) and (
        not isinstance(fallback, str) or fallback not in FALLBACK_IDENTITY_PROVIDERS
    ):
        out.add(
            f"{prop}.fallback_identity_provider",
            fallback,
            f"is not a fallback identity provider ({fallbacks}; graph-api.md §3.1 R18)",
            _provider_fix(
                fallback,
                FALLBACK_IDENTITY_PROVIDERS,
                PRIMARY_IDENTITY_PROVIDERS,
                "primary_identity_provider_precedence_order",
            ),
        )


def _provider_fix(value: Any, valid: frozenset[str], other: frozenset[str], other_place: str) -> str:
    """How to fix an identity provider ``value`` that is not one of ``valid``: move it to ``other_place`` when
    it is one of the ``other`` providers, correct its letter case when that is all, else list the valid
    ones."""
    here = sorted(valid)
    text = str(value) if isinstance(value, str) else None
    if text in other:
        return f"{text!r} belongs in {other_place}; use one of {here} here"
    near = [v for v in here if text is not None and v.lower() == text.strip().lower()]
    if near:
        return f"write {near[0]!r}"
    return f"use IdentityProvider or one of {here}"


def _check_flags(out: ProblemCollector, prop: str, setting: InboundTrust | AutomaticUserConsent) -> None:
    for name, value in vars(setting).items():
        if value is not None and not isinstance(value, bool) and not is_unresolved(value):
            out.add(f"{prop}.{name}", value, "must be True, False or None", "pass a bool, or None to inherit")


def _check_lists(out: ProblemCollector, prop: str, setting: Any) -> None:
    for field in fields(setting):
        if field.name not in _LIST_TARGET_TYPES:
            continue
        list_name = field.name
        config = getattr(setting, list_name)
        if config is None:
            continue
        where = f"{prop}.{list_name}"
        if is_unresolved(config):
            out.add(
                where,
                config,
                "is one deploy-time token, but a whole TargetConfiguration cannot be a single token",
                "write TargetConfiguration(access_type, [Target...]); the access type and each target id "
                "may be tokens",
            )
            continue
        if not isinstance(config, TargetConfiguration):
            out.add(
                where,
                config,
                f"must be a TargetConfiguration, not {type(config).__name__}",
                "pass TargetConfiguration(access_type, targets)",
            )
            continue
        both_lists = isinstance(setting, B2BSetting | TenantRestrictions)
        move = (
            "move the target to the other list of the setting (users_and_groups or applications)"
            if both_lists
            else f"remove the target from {prop}: {_ELSEWHERE[list_name]}"
        )
        _check_target_configuration(out, where, config, _LIST_TARGET_TYPES[list_name], move)


def _check_target_configuration(
    out: ProblemCollector, where: str, config: TargetConfiguration, allowed_types: frozenset[str], move: str
) -> None:
    check_enum(out, f"{where}.access_type", config.access_type, ACCESS_TYPES)
    if is_unresolved(config.targets):
        out.add(
            f"{where}.targets",
            config.targets,
            "is one deploy-time token, but a list of targets cannot be a single token: each target's type "
            "must be known at synth",
            "write one Target per element, e.g. [Target.group(Fn.element(ids, i)) for i in range(count)] "
            "with count known at synth, or a Python loop over known ids: [Target.group(i) for i in ids]",
        )
        return
    if not isinstance(config.targets, tuple):  # TargetConfiguration turns every list into a tuple
        out.add(
            f"{where}.targets",
            config.targets,
            f"must be a list of Target, not {type(config.targets).__name__}",
            "pass a list, e.g. [Target.all_users()], or use TargetConfiguration.allowed(...) / .blocked(...)",
        )
        return
    if not config.targets:
        out.add(
            f"{where}.targets",
            [],
            "is empty; Graph needs at least one target to apply the rule to",
            "list at least one Target, e.g. Target.all_users(), or leave the whole setting unset to inherit",
        )
        return
    seen: dict[str, int] = {}
    for index, target in enumerate(config.targets):
        here = f"{where}.targets[{index}]"
        if is_unresolved(target):
            out.add(
                here,
                target,
                "is a deploy-time value, not a Target: it does not say whether it names a user, a group or "
                "an application",
                "wrap it in the Target it names: Target.group(value), Target.user(value) or "
                "Target.application(value)",
            )
            continue
        if not isinstance(target, Target):
            out.add(
                here, target, f"must be a Target, not {type(target).__name__}", "use Target.group(id) etc."
            )
            continue
        _check_target(out, here, target, allowed_types, move)
        if isinstance(target.target, str) and not is_unresolved(target.target):
            key = target.target.lower()
            if key in seen:
                out.add(
                    f"{here}.target",
                    target.target,
                    f"duplicates targets[{seen[key]}]",
                    "list each user, group or application once",
                )
            else:
                seen[key] = index
    _check_all_keyword_alone(out, where, config)


def check_enum(out: ProblemCollector, prop: str, value: Any, allowed: frozenset[str]) -> None:
    if is_unresolved(value):
        return
    # Only a str can be a member (a StrEnum member is one); testing anything else against the set could
    # raise (an unhashable list) or match by accident.
    if not isinstance(value, str) or value not in allowed:
        out.add(prop, value, f"is not one of {sorted(allowed)}", f"use one of {sorted(allowed)} (lower case)")


def _check_target(
    out: ProblemCollector, here: str, target: Target, allowed_types: frozenset[str], move: str
) -> None:
    check_enum(out, f"{here}.target_type", target.target_type, TARGET_TYPES)
    type_known = (
        isinstance(target.target_type, str)
        and not is_unresolved(target.target_type)
        and target.target_type in TARGET_TYPES
    )
    if type_known and target.target_type not in allowed_types:
        out.add(
            f"{here}.target_type",
            str(target.target_type),
            f"this list holds only {' or '.join(sorted(allowed_types))} targets",
            move,
        )
    value = target.target
    if is_unresolved(value):
        return
    if not isinstance(value, str):
        out.add(
            f"{here}.target",
            value,
            f"must be a string, not {type(value).__name__}",
            "pass an object id or app id as text (str(...) of a UUID), or a keyword",
        )
        return
    if value in KEYWORD_TARGET_TYPES:
        paired = KEYWORD_TARGET_TYPES[value]
        if type_known and target.target_type != paired:
            out.add(
                f"{here}.target_type",
                str(target.target_type),
                f"keyword {value!r} can only be paired with target_type {paired!r}",
                f"use target_type {paired!r} (the Target factories do this for you)",
            )
        return
    if not is_guid(value):
        near = [k for k in KEYWORD_TARGET_TYPES if k.lower() == value.lower()]
        fix = (
            f"keywords are case-sensitive: write {near[0]!r}"
            if near
            else f"use an object id / app id GUID or one of {sorted(KEYWORD_TARGET_TYPES)}"
        )
        out.add(f"{here}.target", value, "is neither a GUID nor a reserved keyword", fix)


def _check_all_keyword_alone(out: ProblemCollector, where: str, config: TargetConfiguration) -> None:
    # Only targets known at synth time count: a token is skipped, never the cause of a rejection.
    values = [t.target for t in config.targets if isinstance(t, Target) and not is_unresolved(t.target)]
    for keyword in sorted(ALL_TARGET_KEYWORDS):
        if keyword in values and len(values) > 1:
            out.add(
                f"{where}.targets",
                values,
                f"{keyword!r} already means every target and cannot be listed beside specific targets",
                f"list {keyword!r} alone, or list only the specific targets",
            )
