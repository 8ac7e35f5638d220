"""Graph's ``crossTenantAccessPolicyTargetConfiguration`` as ``TargetConfiguration.allowed(Target.…)``
source."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from constructs_xtap.export.expression import Expression
from constructs_xtap.export.unexpressible import Unexpressible
from constructs_xtap.wire import (
    ACCESS_TYPES,
    ALL_TARGET_KEYWORDS,
    KEYWORD_TARGET_TYPES,
    TARGET_LIST_TYPES,
    TARGET_TYPES,
    is_guid,
)

# Keyword targets that have a factory of their own.
_KEYWORD_FACTORIES = {
    "AllUsers": "all_users",
    "AllApplications": "all_applications",
    "Office365": "office365",
}
_TARGET_TYPE_NAMES = {"user": "USER", "group": "GROUP", "application": "APPLICATION"}


def _members(value: Any, what: str, allowed: tuple[str, ...]) -> dict[str, Any]:
    """``value``'s members without OData annotations; ``Unexpressible`` for a non-object or another member."""
    if not isinstance(value, Mapping):
        raise Unexpressible(f"{what} is {value!r}, not an object")
    members = {k: v for k, v in value.items() if not str(k).startswith("@odata.")}
    extra = sorted(k for k, v in members.items() if k not in allowed and v is not None)
    if extra:
        raise Unexpressible(f"{what} holds {', '.join(extra)}, which the constructs have no argument for")
    return members


def target_source(field: str, value: Any) -> Expression:
    """One target (``{"target", "targetType"}``) of the setting member ``field`` as source:
    ``Target.all_users()``, ``Target.group("<guid>")``, or ``Target("AllMicrosoftApps",
    TargetType.APPLICATION)`` for a keyword without a factory.

    Raises ``Unexpressible`` for what the constructs reject: an unknown target type (``unknownFutureValue``),
    a keyword with another type than its own, a specific target that is not a GUID, a type that does not
    belong in ``field`` (applications in ``usersAndGroups``…).
    """
    members = _members(value, "a target", ("target", "targetType"))
    target, target_type = members.get("target"), members.get("targetType")
    if not isinstance(target, str) or target_type not in TARGET_TYPES:
        raise Unexpressible(
            f"target {target!r} has target type {target_type!r}, not one of user, group, application"
        )
    if target_type not in TARGET_LIST_TYPES.get(field, TARGET_TYPES):
        raise Unexpressible(f"target {target!r} of type {target_type!r} does not belong in {field}")
    if target in KEYWORD_TARGET_TYPES:
        if KEYWORD_TARGET_TYPES[target] != target_type:
            raise Unexpressible(
                f"keyword {target!r} is paired with {target_type!r}, not {KEYWORD_TARGET_TYPES[target]!r}"
            )
        if target in _KEYWORD_FACTORIES:
            return Expression(f"Target.{_KEYWORD_FACTORIES[target]}()", frozenset({"Target"}))
        return Expression(
            f"Target({Expression.literal(target).text}, TargetType.{_TARGET_TYPE_NAMES[target_type]})",
            frozenset({"Target", "TargetType"}),
        )
    if not is_guid(target):
        raise Unexpressible(f"target {target!r} is neither a GUID nor a keyword")
    return Expression(
        f"Target.{target_type}({Expression.literal(target.lower()).text})", frozenset({"Target"})
    )


def target_configuration_source(field: str, value: Any) -> Expression:
    """The member ``field`` (``usersAndGroups``, ``users`` or ``applications``) of a setting as
    ``TargetConfiguration.allowed(...)`` / ``.blocked(...)`` source, targets in Graph's order.

    Raises ``Unexpressible`` for an access type other than allowed/blocked (``unknownFutureValue``), an empty
    or missing target list, an ``AllUsers``/``AllApplications`` beside other targets, a target listed twice,
    a member the constructs have no argument for, or a target ``target_source`` rejects.
    """
    members = _members(value, field, ("accessType", "targets"))
    access_type, targets = members.get("accessType"), members.get("targets")
    if access_type not in ACCESS_TYPES:
        raise Unexpressible(f"{field}.accessType is {access_type!r}, not allowed or blocked")
    if not isinstance(targets, list) or not targets:
        raise Unexpressible(f"{field} has no targets (the constructs need at least one)")
    sources = [target_source(field, target) for target in targets]
    names = [str(t.get("target")) for t in targets]
    if len(targets) > 1 and ALL_TARGET_KEYWORDS.intersection(names):
        raise Unexpressible(
            f"{field} lists {'/'.join(sorted(ALL_TARGET_KEYWORDS.intersection(names)))} beside other targets"
        )
    if len({n.lower() for n in names}) != len(names):
        raise Unexpressible(f"{field} lists a target twice")
    return Expression.call(f"TargetConfiguration.{access_type}", sources, name="TargetConfiguration")
