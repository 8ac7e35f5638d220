"""Settings as plain data (a fleet's ``tenants.json``) turned into construct keyword arguments.

A settings object may hold ``tenant_id`` (partners only), ``inbound_trust`` (an object of the three
``InboundTrust`` booleans) and the four B2B rules ``b2b_collaboration_inbound``,
``b2b_collaboration_outbound``, ``b2b_direct_connect_inbound``, ``b2b_direct_connect_outbound``. A rule is
``{"access": "allowed" | "blocked", "users": [...], "applications": [...]}``: users are ``"AllUsers"``,
``"group:<object id>"`` or ``"user:<object id>"``; applications are ``"AllApplications"``, ``"Office365"``
or an application id. Either list may be left out (Graph then applies the default configuration's rule).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from constructs_xtap import B2BSetting, InboundTrust, Target, TargetConfiguration
from stacks.fleet_shape import an_object, strings

RULES = (
    "b2b_collaboration_inbound",
    "b2b_collaboration_outbound",
    "b2b_direct_connect_inbound",
    "b2b_direct_connect_outbound",
)
TRUST_FLAGS = ("is_mfa_accepted", "is_compliant_device_accepted", "is_hybrid_azure_ad_joined_device_accepted")


def settings_from_data(data: Mapping[str, Any], where: str, *, partner: bool) -> dict[str, Any]:
    """The keyword arguments of ``CrossTenantAccessPartner`` (``partner=True``) or
    ``CrossTenantAccessDefaults`` that ``data`` states. ``where`` names the entry in error messages;
    ``ValueError`` for an unknown key or value, or an entry of the wrong kind."""
    data = an_object(data, where, '{"tenant_id": "<tenant id GUID>", "b2b_collaboration_inbound": {...}}')
    allowed = {*RULES, "inbound_trust", *(("tenant_id",) if partner else ())}
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {unknown}; allowed: {sorted(allowed)}")
    if partner and not isinstance(data.get("tenant_id"), str):
        raise ValueError(f"{where}: tenant_id (a tenant id GUID string) is required")
    kwargs: dict[str, Any] = {key: data[key] for key in ("tenant_id",) if key in data}
    for rule in RULES:
        if rule in data:
            kwargs[rule] = b2b_setting_from_data(data[rule], f"{where}.{rule}")
    if "inbound_trust" in data:
        trust = an_object(data["inbound_trust"], f"{where}.inbound_trust", '{"is_mfa_accepted": true}')
        wrong = sorted(k for k, v in trust.items() if k not in TRUST_FLAGS or not isinstance(v, bool))
        if wrong:
            raise ValueError(f"{where}.inbound_trust: {wrong} are not among the booleans {list(TRUST_FLAGS)}")
        kwargs["inbound_trust"] = InboundTrust(**trust)
    return kwargs


def b2b_setting_from_data(rule: Mapping[str, Any], where: str) -> B2BSetting:
    """``{"access": ..., "users": [...], "applications": [...]}`` as a ``B2BSetting``; ``ValueError`` naming
    ``where`` for a mistake."""
    rule = an_object(
        rule, where, '{"access": "allowed", "users": ["AllUsers"], "applications": ["Office365"]}'
    )
    unknown = sorted(set(rule) - {"access", "users", "applications"})
    if unknown or rule.get("access") not in ("allowed", "blocked"):
        raise ValueError(
            f"{where}: expected access (allowed or blocked), users and/or applications; got {rule}"
        )
    make = TargetConfiguration.allowed if rule["access"] == "allowed" else TargetConfiguration.blocked
    users = [_user(name, where) for name in strings(rule.get("users", []), f"{where}.users", '["AllUsers"]')]
    applications = [
        _application(name)
        for name in strings(rule.get("applications", []), f"{where}.applications", '["Office365"]')
    ]
    return B2BSetting(
        users_and_groups=make(*users) if users else None,
        applications=make(*applications) if applications else None,
    )


def _user(name: str, where: str) -> Target:
    if name == "AllUsers":
        return Target.all_users()
    kind, _, object_id = name.partition(":")
    if kind == "group" and object_id:
        return Target.group(object_id)
    if kind == "user" and object_id:
        return Target.user(object_id)
    raise ValueError(f"{where}: user target {name!r} is not AllUsers, group:<id> or user:<id>")


def _application(name: str) -> Target:
    if name == "AllApplications":
        return Target.all_applications()
    if name == "Office365":
        return Target.office365()
    return Target.application(name)
