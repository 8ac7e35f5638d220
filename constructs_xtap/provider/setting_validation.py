"""What ``validate`` checks in a setting's JSON before Graph sees it: names, enum values, keywords, flags.

The construct library checks typed settings at synth; a plain Terraform user writes Graph's JSON by hand
(``jsonencode``), so the provider checks the same facts at plan and names the fix, rather than letting Graph
answer 400 at apply. The checks walk Graph's type tree (:mod:`constructs_xtap.wire.graph_types`): a boolean
must be true, false or null, an enumeration one of its values (case-sensitive), an array of targets a list,
a target an object id or a keyword with its target type. Sources: graph-api.md §2.3-2.8 (properties,
enums), §3.1 R13-R14 (keywords and their target types, case-sensitive), §2.10 and R18 (the default's
invitation redemption identity providers: the primary ones, each once, in
``primaryIdentityProviderPrecedenceOrder``; a fallback one, required, in ``fallbackIdentityProvider``: a rule
of that type, :data:`TYPE_RULES`). A name Graph knows, met where its type does not list it, is checked as
the type it has elsewhere rather than reported. Only what Graph documents is checked; the admin center's
rules are not. Every problem is reported, not only the first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from constructs_xtap.wire import (
    FALLBACK_IDENTITY_PROVIDERS,
    GRAPH_TO_SNAKE,
    KEYWORD_TARGET_TYPES,
    OBJECT_KINDS,
    PRIMARY_IDENTITY_PROVIDERS,
    SNAKE_TO_GRAPH,
    is_guid,
)
from constructs_xtap.wire.graph_properties import GRAPH_PROPERTIES
from constructs_xtap.wire.graph_types import (
    ARRAY_KIND,
    BOOLEAN_KIND,
    ENUM_KIND,
    IDENTITY_PROVIDERS,
    OBJECT_KIND,
    TARGET,
    GraphType,
)

_GRAPH_NAMES_LOWER = {name.lower(): name for name in GRAPH_TO_SNAKE}
PRECEDENCE_ORDER, FALLBACK = IDENTITY_PROVIDERS.fields
#: The target's own member and its keyword partner (``target``, ``targetType``).
TARGET_MEMBER, TARGET_TYPE_MEMBER = TARGET.fields


@dataclass(frozen=True)
class SettingProblem:
    """One problem in a setting: ``where`` is a dotted path from the attribute (``b2b_….usersAndGroups``)."""

    where: str
    summary: str
    detail: str


def setting_problems(attribute: str, value: Any) -> list[SettingProblem]:
    """Every problem in one decoded setting value (a dict) of the JSON attribute ``attribute``; an empty
    list means Graph should accept it."""
    problems: list[SettingProblem] = []
    prop = GRAPH_PROPERTIES.get(SNAKE_TO_GRAPH.get(attribute, attribute))
    _walk(problems, value, prop.type if prop is not None else None, attribute)
    return problems


def _check_identity_providers(problems: list[SettingProblem], value: dict[str, Any], where: str) -> None:
    """R18 and the precedence order's rules (the members of :data:`IDENTITY_PROVIDERS`)."""
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


#: The types whose members a rule of their own checks (instead of the walk), and that rule.
TYPE_RULES: tuple[tuple[GraphType, Callable[[list[SettingProblem], dict[str, Any], str], None]], ...] = (
    (IDENTITY_PROVIDERS, _check_identity_providers),
)


def _known_types() -> dict[str, GraphType]:
    """Each name in the kinds' settings' type trees with its type (the same everywhere); the rule-checked
    types and their members left out."""
    ruled = [t for t, _ in TYPE_RULES]
    known: dict[str, GraphType] = {}

    def visit(name: str, graph_type: GraphType) -> None:
        if any(graph_type is t for t in ruled):
            return  # its rule checks it where the attribute is of that type, not where a name strays
        known.setdefault(name, graph_type)
        for member, member_type in graph_type.fields.items():
            visit(member, member_type)
        if graph_type.item is not None:
            for member, member_type in graph_type.item.fields.items():
                visit(member, member_type)

    for kind in OBJECT_KINDS:
        for name in kind.settings:
            visit(name, kind.type_of(name))
    return known


_KNOWN_TYPES = _known_types()


def _walk(problems: list[SettingProblem], value: Any, graph_type: GraphType | None, where: str) -> None:
    """Check ``value`` as ``graph_type`` (``None``: a name Graph knows at a place whose type is not known,
    or a member a type rule checks): each member by its type, then the type's rule."""
    if isinstance(value, list):
        item = graph_type.item if graph_type is not None else None
        for index, element in enumerate(value):
            _walk(problems, element, item, f"{where}[{index}]")
        return
    if not isinstance(value, dict):
        return
    rule = next((r for t, r in TYPE_RULES if graph_type is t), None)
    fields = graph_type.fields if graph_type is not None and graph_type.kind == OBJECT_KIND else {}
    for key, item in value.items():
        here = f"{where}.{key}"
        if key not in fields and key not in GRAPH_TO_SNAKE:
            problems.append(_unknown_property(str(key), here))
            continue
        if key in fields:
            member = None if rule is not None else fields[key]  # a rule checks its type's members
        else:
            member = _KNOWN_TYPES.get(key)
        if item is not None and member is not None:
            _check_value(problems, item, member, here, key)
        _walk(problems, item, member, here)
    if TARGET_MEMBER in value:  # an object that names a target is one, wherever it stands
        _check_target(problems, value.get(TARGET_MEMBER), value.get(TARGET_TYPE_MEMBER), f"{where}.target")
    if rule is not None:
        rule(problems, value, where)


def _check_value(problems: list[SettingProblem], item: Any, member: GraphType, here: str, key: str) -> None:
    """The problem of a member's value (not ``null``) that its type does not allow."""
    if member.kind == ARRAY_KIND and not isinstance(item, list):
        shape = ", ".join(f"{name} = …" for name in member.item.fields) if member.item else "…"
        problems.append(SettingProblem(here, f"{here} must be a list", f"Write {key} = [{{ {shape} }}]."))
    elif member.kind == BOOLEAN_KIND and not isinstance(item, bool):
        problems.append(
            SettingProblem(here, f"{here} must be true or false", f"Got {item!r}; write true, false or null.")
        )
    elif member.kind == ENUM_KIND:
        _check_enum(problems, item, here, member.values)


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
