"""What ``validate`` checks in a setting's JSON before Graph sees it: names, enum values, keywords, flags.

The construct library checks typed settings at synth; a plain Terraform user writes Graph's JSON by hand
(``jsonencode``), so the provider checks the same facts at plan and names the fix, rather than letting Graph
answer 400 at apply. Sources: graph-api.md §2.3-2.8 (properties, enums), §3.1 R13-R14 (keywords and their
target types, case-sensitive), §2.10 and R18 (the default's invitation redemption identity providers: the
primary ones, each once, in ``primaryIdentityProviderPrecedenceOrder``; a fallback one, required, in
``fallbackIdentityProvider``). Only what Graph documents is checked; the admin center's rules are not. Every
problem is reported, not only the first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from constructs_xtap.wire import (
    ACCESS_TYPES,
    FALLBACK_IDENTITY_PROVIDERS,
    GRAPH_TO_SNAKE,
    KEYWORD_TARGET_TYPES,
    PRIMARY_IDENTITY_PROVIDERS,
    SNAKE_TO_GRAPH,
    TARGET_TYPES,
    is_guid,
)

#: Graph properties whose value is a boolean (or null: inherit).
BOOLEAN_PROPERTIES = frozenset(
    {
        "isMfaAccepted",
        "isCompliantDeviceAccepted",
        "isHybridAzureADJoinedDeviceAccepted",
        "inboundAllowed",
        "outboundAllowed",
    }
)
_GRAPH_NAMES_LOWER = {name.lower(): name for name in GRAPH_TO_SNAKE}
#: The attribute that holds the default's invitation redemption identity provider configuration.
IDENTITY_PROVIDER_ATTRIBUTE = "invitation_redemption_identity_provider_configuration"
PRECEDENCE_ORDER = "primaryIdentityProviderPrecedenceOrder"
FALLBACK = "fallbackIdentityProvider"


@dataclass(frozen=True)
class SettingProblem:
    """One problem in a setting: ``where`` is a dotted path from the attribute (``b2b_….usersAndGroups``)."""

    where: str
    summary: str
    detail: str


def setting_problems(attribute: str, value: Any) -> list[SettingProblem]:
    """Every problem in one decoded setting value (a dict); an empty list means Graph should accept it."""
    problems: list[SettingProblem] = []
    _walk(problems, value, attribute)
    if attribute == IDENTITY_PROVIDER_ATTRIBUTE and isinstance(value, dict):
        _check_identity_providers(problems, value, attribute)
    return problems


def _check_identity_providers(problems: list[SettingProblem], value: dict[str, Any], where: str) -> None:
    order, order_at = value.get(PRECEDENCE_ORDER), f"{where}.{PRECEDENCE_ORDER}"
    if order is not None and not isinstance(order, list):
        problems.append(
            SettingProblem(
                order_at,
                f"{order_at} must be a list",
                f"Write {PRECEDENCE_ORDER} = [...] with some of {sorted(PRIMARY_IDENTITY_PROVIDERS)}, "
                "each once.",
            )
        )
    elif order is not None:
        seen: set[str] = set()
        for index, provider in enumerate(order):
            here = f"{order_at}[{index}]"
            if isinstance(provider, str) and provider in FALLBACK_IDENTITY_PROVIDERS:
                problems.append(
                    SettingProblem(
                        here,
                        f"{here} = {provider!r} is a fallback identity provider",
                        f"Fallback providers go in {FALLBACK}; list only "
                        f"{sorted(PRIMARY_IDENTITY_PROVIDERS)} here.",
                    )
                )
            elif isinstance(provider, str) and provider in seen:
                problems.append(
                    SettingProblem(here, f"{here} repeats {provider!r}", "List each identity provider once.")
                )
            else:
                _check_enum(problems, provider, here, PRIMARY_IDENTITY_PROVIDERS)
            if isinstance(provider, str):
                seen.add(provider)
    fallback, fallback_at = value.get(FALLBACK), f"{where}.{FALLBACK}"
    if fallback is None:
        problems.append(
            SettingProblem(
                fallback_at,
                f"{fallback_at} is required",
                "Graph needs one fallback identity provider enabled at any time (R18: you can't disable both "
                f"fallback identity providers). Set it to one of {sorted(FALLBACK_IDENTITY_PROVIDERS)} "
                "(defaultConfiguredIdp: both fallbacks on, the system default).",
            )
        )
    else:
        _check_enum(problems, fallback, fallback_at, FALLBACK_IDENTITY_PROVIDERS)


def _walk(problems: list[SettingProblem], value: Any, where: str) -> None:
    if isinstance(value, list):
        for index, item in enumerate(value):
            _walk(problems, item, f"{where}[{index}]")
        return
    if not isinstance(value, dict):
        return
    for key, item in value.items():
        here = f"{where}.{key}"
        if key not in GRAPH_TO_SNAKE:
            problems.append(_unknown_property(str(key), here))
            continue
        if key == "targets" and item is not None and not isinstance(item, list):
            problems.append(
                SettingProblem(
                    here, f"{here} must be a list", "Write targets = [{ target = …, targetType = … }]."
                )
            )
        elif key in BOOLEAN_PROPERTIES and item is not None and not isinstance(item, bool):
            problems.append(
                SettingProblem(
                    here, f"{here} must be true or false", f"Got {item!r}; write true, false or null."
                )
            )
        elif key == "accessType" and item is not None:
            _check_enum(problems, item, here, ACCESS_TYPES)
        elif key == "targetType" and item is not None:
            _check_enum(problems, item, here, TARGET_TYPES)
        _walk(problems, item, here)
    if "target" in value:
        _check_target(problems, value.get("target"), value.get("targetType"), f"{where}.target")


def _unknown_property(key: str, where: str) -> SettingProblem:
    if key in SNAKE_TO_GRAPH:
        fix = f"Graph spells it {SNAKE_TO_GRAPH[key]!r}: settings are written in Graph's camelCase."
    elif key.lower() in _GRAPH_NAMES_LOWER:
        fix = f"Graph spells it {_GRAPH_NAMES_LOWER[key.lower()]!r} (names are case-sensitive)."
    else:
        fix = "Remove it."
    return SettingProblem(
        where,
        f"Unknown property {key!r} at {where}",
        f"Graph would reject it with 400 \"Invalid property '{key}'\". {fix}",
    )


def _check_enum(problems: list[SettingProblem], item: Any, where: str, allowed: frozenset[str]) -> None:
    if isinstance(item, str) and item in allowed:
        return
    hint = next((a for a in allowed if isinstance(item, str) and a.lower() == item.lower()), None)
    fix = f"Write {hint!r} (values are case-sensitive)." if hint else f"Use one of {sorted(allowed)}."
    problems.append(SettingProblem(where, f"{where} = {item!r} is not a value Graph accepts", fix))


def _check_target(problems: list[SettingProblem], target: Any, target_type: Any, where: str) -> None:
    if is_guid(target):
        return
    if isinstance(target, str) and target in KEYWORD_TARGET_TYPES:
        wanted = KEYWORD_TARGET_TYPES[target]
        if target_type is not None and target_type != wanted:
            problems.append(
                SettingProblem(
                    where,
                    f"{target!r} goes with targetType {wanted!r}, not {target_type!r}",
                    f"Write {{ target = {target!r}, targetType = {wanted!r} }}.",
                )
            )
        return
    hint = next(
        (k for k in KEYWORD_TARGET_TYPES if isinstance(target, str) and k.lower() == target.lower()), None
    )
    fix = (
        f"Keywords are case-sensitive: write {hint!r}."
        if hint
        else f"Use an object id (a GUID) or one of {sorted(KEYWORD_TARGET_TYPES)}."
    )
    problems.append(SettingProblem(where, f"{where} = {target!r} is not a target Graph accepts", fix))
