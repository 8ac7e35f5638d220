"""One Graph setting (``inboundTrust``, ``b2bCollaborationInbound``…) as the typed constructor call the
constructs take (``InboundTrust(is_mfa_accepted=True)``, ``B2BSetting(users_and_groups=…)``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from constructs_xtap.export.expression import Expression
from constructs_xtap.export.target_configuration_source import target_configuration_source
from constructs_xtap.export.unexpressible import Unexpressible
from constructs_xtap.wire import GRAPH_PROPERTIES, UNKNOWN_FUTURE_VALUE, GraphType, to_snake_name
from constructs_xtap.wire.graph_properties import TENANT_RESTRICTIONS_SETTING
from constructs_xtap.wire.graph_types import IDENTITY_PROVIDERS

_FLAGS = "flags"
_TARGETS = "targets"
_IDENTITY_PROVIDERS = "identity_providers"


def _shape(graph_type: GraphType) -> tuple[str, tuple[str, ...]]:
    """How a setting's members are written, and which members the constructs take (from the type tree)."""
    if graph_type.is_flags:
        return _FLAGS, tuple(graph_type.fields)
    if graph_type.target_lists:
        return _TARGETS, graph_type.target_lists  # tenantRestrictions' devices filter: not offered
    assert graph_type is IDENTITY_PROVIDERS, f"the exporter cannot write {graph_type.name}"
    return _IDENTITY_PROVIDERS, tuple(graph_type.fields)


#: Per Graph setting the constructs take (``GraphProperty.construct``): the class, how its members are
#: written, and its members.
_SETTINGS: Mapping[str, tuple[str, str, tuple[str, ...]]] = {
    p.name: (p.construct, *_shape(p.type)) for p in GRAPH_PROPERTIES.values() if p.construct is not None
}

#: The constructs' keyword argument for each Graph setting they take.
SETTING_KEYWORDS: Mapping[str, str] = {name: GRAPH_PROPERTIES[name].argument for name in _SETTINGS}

_WHY_NOT = {
    f"{TENANT_RESTRICTIONS_SETTING.name}.devices": "Graph documents the devices filter as not supported on "
    "the server side yet, so the constructs reject it",
}


def is_inherited(value: Any) -> bool:
    """Whether ``value`` holds nothing: ``None``, or an object whose members (OData annotations aside) all
    hold nothing. On a partner that means "inherit the default"."""
    if isinstance(value, Mapping):
        return all(is_inherited(v) for k, v in value.items() if not str(k).startswith("@odata."))
    return value is None


def setting_source(graph_name: str, value: Any) -> Expression | None:
    """The constructor call for Graph's setting ``graph_name`` holding ``value``; ``None`` when it holds
    nothing (``is_inherited``). Members Graph holds as ``null`` are left out of the call.

    Raises ``Unexpressible`` with the reason for a setting the constructs have no argument for, a member
    they do not know (``tenantRestrictions.devices``, a future property), a non-boolean flag, an identity
    provider or access type they do not offer (``unknownFutureValue``), or targets they reject.
    """
    if is_inherited(value):
        return None
    if graph_name not in _SETTINGS:
        raise Unexpressible(f"the constructs have no argument for Graph's {graph_name}")
    class_name, shape, members = _SETTINGS[graph_name]
    if not isinstance(value, Mapping):
        raise Unexpressible(f"{graph_name} is {value!r}, not an object")
    for member, member_value in value.items():
        if member not in members and not str(member).startswith("@odata.") and not is_inherited(member_value):
            why = _WHY_NOT.get(f"{graph_name}.{member}", "the constructs have no argument for it")
            raise Unexpressible(f"{graph_name}.{member} is set: {why}")
    arguments: list[Expression] = []
    for member in members:
        member_value = value.get(member)
        if member_value is None:
            continue
        if shape == _FLAGS:
            if not isinstance(member_value, bool):
                raise Unexpressible(f"{graph_name}.{member} is {member_value!r}, not true or false")
            source = Expression.literal(member_value)
        elif shape == _TARGETS:
            if is_inherited(member_value):
                continue
            source = target_configuration_source(member, member_value)
        else:
            source = _identity_providers_source(member, member_value)
        arguments.append(Expression.keyword(to_snake_name(member), source))
    if shape == _IDENTITY_PROVIDERS and len(arguments) != len(members):
        raise Unexpressible(f"{graph_name} needs both {' and '.join(members)}")
    return Expression.call(class_name, arguments, name=class_name)


def _identity_provider(value: Any, allowed: frozenset[str], member: str) -> Expression:
    if value not in allowed:
        offered = ", ".join(sorted(allowed))
        extra = " (Graph's evolvable-enum sentinel)" if value == UNKNOWN_FUTURE_VALUE else ""
        raise Unexpressible(f"{member} holds {value!r}{extra}, not one of {offered}")
    constant = re.sub(r"(?=[A-Z])", "_", str(value)).upper()  # emailOneTimePasscode: EMAIL_ONE_TIME_PASSCODE
    return Expression(f"IdentityProvider.{constant}", frozenset({"IdentityProvider"}))


def _identity_providers_source(member: str, value: Any) -> Expression:
    member_type = IDENTITY_PROVIDERS.member(member)
    if member_type.item is None:  # the fallback: one provider
        return _identity_provider(value, member_type.values, member)
    if not isinstance(value, list):
        raise Unexpressible(f"{member} is {value!r}, not a list")
    items = [_identity_provider(v, member_type.item.values, member) for v in value]
    return Expression(
        "[" + ", ".join(i.text for i in items) + "]", frozenset().union(*(i.names for i in items))
    )
