"""Hypothesis strategies for partner input, valid and invalid, plus an oracle that says which is which.

The strategies draw plain *specs* (the frozen dataclasses below), not constructs_xtap objects: building
the settings objects is part of what the test checks (a settings class that raises ``TypeError`` on bad
input is a raw traceback too). Each part is valid most of the time and wrong in one of many ways now and
then, so about half of the partners are valid and every rule is hit often.

``expected_problems`` is the independent oracle: the property paths the construct must reject, derived
from Graph's rules (graph-api.md §2.4-2.8, §3.1 R12-R16) and the construct docstrings, never from the
validator's code. ``expected_warnings`` names the admin center's rules (R9, R10) that a valid partner breaks:
Graph accepts those partners, so they synthesize with a warning and Graph must create them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

from constructs_xtap import (
    AutomaticUserConsent,
    B2BSetting,
    InboundTrust,
    Target,
    TargetConfiguration,
    TenantRestrictions,
)

# A GUID and nothing else: fullmatch, so a trailing newline is not a GUID.
GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
ACCESS_TYPES = ("allowed", "blocked")
TARGET_TYPES = ("user", "group", "application")
KEYWORD_TYPES = {
    "AllUsers": "user",
    "AllApplications": "application",
    "AllMicrosoftApps": "application",
    "Office365": "application",
}
ALL_KEYWORDS = ("AllApplications", "AllUsers")  # "everything": cannot sit beside specific targets
LIST_TYPES = {"users_and_groups": ("user", "group"), "applications": ("application",)}
B2B_SETTINGS = (
    "b2b_collaboration_inbound",
    "b2b_collaboration_outbound",
    "b2b_direct_connect_inbound",
    "b2b_direct_connect_outbound",
)
FLAG_FIELDS = {
    "inbound_trust": (
        "is_mfa_accepted",
        "is_compliant_device_accepted",
        "is_hybrid_azure_ad_joined_device_accepted",
    ),
    "automatic_user_consent": ("inbound_allowed", "outbound_allowed"),
}
# A few fixed ids so that duplicates (in any letter case) come up often.
GUID_POOL = (
    "6f546279-4da5-4b53-a095-09ea0cef9971",
    "2793995e-0a7d-40d7-bd35-6968ba142197",
    "0f8e2d4c-6a1b-4c3d-9e5f-7a8b9c0d1e2f",
)


@dataclass(frozen=True)
class TargetSpec:
    target: Any
    target_type: Any


@dataclass(frozen=True)
class ListSpec:
    """A TargetConfiguration; ``targets`` is a list of TargetSpec/garbage, or garbage instead of a list."""

    access_type: Any
    targets: Any


@dataclass(frozen=True)
class SettingSpec:
    """A settings object of ``kind`` (its construct keyword) with these fields; unset fields are None."""

    kind: str
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PartnerSpec:
    construct_id: str
    tenant_id: Any
    settings: dict[str, Any]  # construct keyword -> SettingSpec or garbage
    is_service_provider: Any = None


_ALL_USERS = TargetSpec("AllUsers", "user")
_ALL_APPLICATIONS = TargetSpec("AllApplications", "application")
#: (users_and_groups, applications) pairs that Graph accepts and the admin center refuses (R9/R10).
ADMIN_CENTER_CONFLICTS = (
    (ListSpec("blocked", [_ALL_USERS]), ListSpec("blocked", [TargetSpec("Office365", "application")])),
    (ListSpec("blocked", [_ALL_USERS]), ListSpec("allowed", [_ALL_APPLICATIONS])),
    (ListSpec("allowed", [_ALL_USERS]), ListSpec("blocked", [_ALL_APPLICATIONS])),
    (
        ListSpec("allowed", [TargetSpec(GUID_POOL[0].upper(), "group")]),
        ListSpec("blocked", [_ALL_APPLICATIONS]),
    ),
)


# ------------------------------------------------------------------ building the real objects


def build(value: Any) -> Any:
    """Turn a spec into the constructs_xtap objects a user would write; garbage passes through as is."""
    if isinstance(value, TargetSpec):
        return Target(build(value.target), build(value.target_type))
    if isinstance(value, ListSpec):
        targets = [build(t) for t in value.targets] if isinstance(value.targets, list) else value.targets
        return TargetConfiguration(value.access_type, targets)
    if isinstance(value, SettingSpec):
        fields_ = {k: build(v) for k, v in value.fields.items()}
        if value.kind in B2B_SETTINGS:
            return B2BSetting(**fields_)
        return {
            "tenant_restrictions": TenantRestrictions,
            "inbound_trust": InboundTrust,
            "automatic_user_consent": AutomaticUserConsent,
        }[value.kind](**fields_)
    return value


def partner_kwargs(spec: PartnerSpec) -> dict[str, Any]:
    """Keyword arguments for ``CrossTenantAccessPartner`` (settings objects built here)."""
    kwargs: dict[str, Any] = {"tenant_id": spec.tenant_id}
    kwargs.update({name: build(value) for name, value in spec.settings.items()})
    if spec.is_service_provider is not None:
        kwargs["is_service_provider"] = spec.is_service_provider
    return kwargs


# ------------------------------------------------------------------ the oracle


def expected_problems(spec: PartnerSpec) -> set[str]:
    """The property paths the construct must name; an empty set means the partner is valid."""
    return _oracle(spec)[0]


def expected_warnings(spec: PartnerSpec) -> set[str]:
    """The property paths of the admin-center findings (R9/R10) a valid partner synthesizes with as warnings.

    Only the Entra admin center enforces these rules; Graph accepts such a partner, so it is valid.
    """
    return _oracle(spec)[1]


def _oracle(spec: PartnerSpec) -> tuple[set[str], set[str]]:
    """(the problems, the admin-center findings) of one partner spec."""
    found: set[str] = set()
    warned: set[str] = set()
    if not (isinstance(spec.tenant_id, str) and GUID.fullmatch(spec.tenant_id)):
        found.add("tenant_id")
    if spec.is_service_provider is not None and not isinstance(spec.is_service_provider, bool):
        found.add("is_service_provider")
    for name, setting in spec.settings.items():
        if setting is None:
            continue
        kind = "b2b" if name in B2B_SETTINGS else name
        if (
            not isinstance(setting, SettingSpec)
            or ("b2b" if setting.kind in B2B_SETTINGS else setting.kind) != kind
        ):
            found.add(name)  # not the settings class this keyword takes
            continue
        if name in FLAG_FIELDS:
            for flag, value in setting.fields.items():
                if value is not None and not isinstance(value, bool):
                    found.add(f"{name}.{flag}")
            continue
        for list_name in LIST_TYPES:
            config = setting.fields.get(list_name)
            if config is None:
                continue
            if not isinstance(config, ListSpec):
                found.add(f"{name}.{list_name}")
                continue
            found |= _list_problems(f"{name}.{list_name}", config, LIST_TYPES[list_name])
        if _conflicting(setting.fields.get("users_and_groups"), setting.fields.get("applications")):
            warned.add(f"{name}.applications")
        if setting.fields.get("devices") is not None:
            found.add(f"{name}.devices")  # R16: not supported on the server side yet
    return found, warned


def _list_problems(where: str, config: ListSpec, allowed_types: tuple[str, ...]) -> set[str]:
    found: set[str] = set()
    if config.access_type not in ACCESS_TYPES:
        found.add(f"{where}.access_type")
    targets = config.targets
    if not targets:  # [] or None: a rule needs at least one target
        return found | {f"{where}.targets"}
    if isinstance(targets, tuple):
        targets = list(targets)  # a tuple is as good as a list
    if not isinstance(targets, list):
        return found | {f"{where}.targets"}  # one problem: "must be a list of Target"
    seen: set[str] = set()
    values: list[Any] = []
    for index, target in enumerate(targets):
        here = f"{where}.targets[{index}]"
        if not isinstance(target, TargetSpec):
            found.add(here)
            continue
        values.append(target.target)
        kind = target.target_type
        known = isinstance(kind, str) and kind in TARGET_TYPES
        if not known or kind not in allowed_types:
            found.add(f"{here}.target_type")
        value = target.target
        if not isinstance(value, str):
            found.add(f"{here}.target")
            continue
        if value.lower() in seen:
            found.add(f"{here}.target")
        seen.add(value.lower())
        if value in KEYWORD_TYPES:
            if known and kind != KEYWORD_TYPES[value]:
                found.add(f"{here}.target_type")
        elif not GUID.fullmatch(value):
            found.add(f"{here}.target")
    if any(keyword in values for keyword in ALL_KEYWORDS) and len(values) > 1:
        found.add(f"{where}.targets")
    return found


def _is(config: Any, access_type: str, only: str | None = None) -> bool:
    if not isinstance(config, ListSpec) or config.access_type != access_type:
        return False
    if only is None:
        return True
    targets = config.targets if isinstance(config.targets, list) else []
    return [getattr(t, "target", None) for t in targets] == [only]


def _conflicting(users: Any, apps: Any) -> bool:
    """R9/R10: blocking all users needs all applications blocked; allowing users needs an app allowed."""
    if users is None or apps is None:
        return False
    block_all_apps = _is(apps, "blocked", "AllApplications")
    if _is(users, "blocked", "AllUsers"):
        return not block_all_apps
    return _is(users, "allowed") and block_all_apps


# ------------------------------------------------------------------ strategies


def _chance(draw: st.DrawFn, percent: int) -> bool:
    """True about ``percent`` % of the time. Hypothesis's simplest choice (0, also what it falls back to
    when an example grows too large) is False, so a partner that runs out of room ends up valid."""
    return draw(st.integers(0, 99)) >= 100 - percent


def _rarely(invalid: st.SearchStrategy[Any], valid: st.SearchStrategy[Any], percent: int) -> Any:
    """A strategy that is ``invalid`` about ``percent`` % of the time, else ``valid``."""
    return st.integers(0, 99).flatmap(lambda n: invalid if n >= 100 - percent else valid)


@st.composite
def guids(draw: st.DrawFn) -> str:
    """A GUID in lower, upper or mixed case; now and then one from a small pool, so duplicates occur."""
    base = draw(st.one_of(st.sampled_from(GUID_POOL), st.uuids().map(str)))
    mask = draw(st.sampled_from([0, -1, None]))
    if mask is None:
        mask = draw(st.integers(0, 2**36 - 1))
    return "".join(c.upper() if mask & (1 << i) else c for i, c in enumerate(base))


def _not_guids() -> st.SearchStrategy[Any]:
    # Strings that look almost like a GUID, domains, blanks, and non-strings a user might pass.
    near = (
        st.uuids()
        .map(str)
        .flatmap(
            lambda g: st.sampled_from(
                [
                    "{" + g + "}",
                    g.replace("-", ""),
                    g[:-1],
                    g + "0",
                    g[:9] + "g" + g[10:],
                    " " + g,
                    g + " ",
                    g + "\n",
                    "urn:uuid:" + g,
                    g.replace("-", "_"),
                ]
            )
        )
    )
    return st.one_of(
        near,
        st.sampled_from(
            [
                "contoso.onmicrosoft.com",
                "fabrikam.com",
                "",
                " ",
                "AllUsers",
                "null",
                "00000000-0000-0000-0000",
                "TfToken[1]",  # text that merely looks like a cdktf token is still not a GUID
            ]
        ),
        st.text(max_size=12),
        st.none(),
        st.integers(),
        st.uuids(),  # a uuid.UUID object, not its string
        st.builds(lambda g: [g], st.uuids().map(str)),
    )


def tenant_ids() -> st.SearchStrategy[Any]:
    return _rarely(_not_guids(), guids(), 25)


def _bad_enum(valid: tuple[str, ...]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.sampled_from([v.capitalize() for v in valid] + [v.upper() for v in valid]),
        st.sampled_from(["unknownFutureValue", "", "allow", "servicePrincipal", "groups", "AllUsers"]),
        st.text(max_size=8),
        st.none(),
        st.integers(0, 3),
        st.just(list(valid[:1])),  # a list where a string belongs
    )


@st.composite
def targets_for(draw: st.DrawFn, list_name: str) -> list[Any]:
    """A target list for ``users_and_groups`` or ``applications``: mostly valid, sometimes not."""
    if list_name == "users_and_groups":
        keywords = ["AllUsers"]
        ok_types = ["user", "group"]
    else:
        keywords = ["AllApplications", "Office365", "AllMicrosoftApps"]
        ok_types = ["application"]
    if not _chance(draw, 60):
        keyword = draw(st.sampled_from(keywords))
        chosen: list[Any] = [TargetSpec(keyword, KEYWORD_TYPES[keyword])]
    else:
        ids = draw(st.lists(guids(), min_size=1, max_size=3, unique_by=str.lower))
        chosen = [TargetSpec(g, draw(st.sampled_from(ok_types))) for g in ids]
    if _chance(draw, 12):
        chosen = draw(_spoil_targets(chosen, keywords, ok_types))
    return chosen


@st.composite
def _spoil_targets(draw: st.DrawFn, chosen: list[Any], keywords: list[str], ok_types: list[str]) -> Any:
    """One mistake in a valid target list."""
    mistake = draw(st.integers(0, 9))
    index = draw(st.integers(0, len(chosen) - 1))
    spoiled = list(chosen)
    if mistake == 0:  # the same target twice, maybe in another case
        spoiled.append(TargetSpec(str(spoiled[index].target).upper(), spoiled[index].target_type))
    elif mistake == 1:  # an "all" keyword beside specific targets (or the other way round)
        spoiled.append(TargetSpec(draw(guids()), ok_types[0]))
        spoiled.insert(0, TargetSpec(keywords[0], KEYWORD_TYPES[keywords[0]]))
    elif mistake == 2:  # a keyword with the wrong type, or a type from the other list
        spoiled[index] = TargetSpec(
            spoiled[index].target, draw(st.sampled_from([t for t in TARGET_TYPES if t not in ok_types]))
        )
    elif mistake == 3:  # a target type that is not in the enum
        spoiled[index] = TargetSpec(spoiled[index].target, draw(_bad_enum(TARGET_TYPES)))
    elif mistake == 4:  # garbage where an id belongs
        bad = draw(
            st.one_of(
                st.sampled_from(["allusers", "ALLAPPLICATIONS", "AllGroups", "All Users", "me", "*", ""]),
                _not_guids(),
                st.text(max_size=10),
            )
        )
        spoiled[index] = TargetSpec(bad, spoiled[index].target_type)
    elif mistake == 5:
        return []
    elif mistake == 6:
        return None
    elif mistake == 7:  # not a Target at all
        spoiled[index] = draw(
            st.sampled_from([{"target": "AllUsers", "targetType": "user"}, "AllUsers", None, 7])
        )
    elif mistake == 8:  # a bare string where the list belongs
        return draw(st.sampled_from(["AllUsers", "AllApplications", "x"]))
    else:  # keyword with a type from the same list but not its own (AllUsers as a group)
        spoiled[index] = TargetSpec(
            draw(st.sampled_from(list(KEYWORD_TYPES))), draw(st.sampled_from(ok_types))
        )
    return spoiled


@st.composite
def target_lists(draw: st.DrawFn, list_name: str) -> Any:
    access = draw(_rarely(_bad_enum(ACCESS_TYPES), st.sampled_from(ACCESS_TYPES), 6))
    if _chance(draw, 3):
        return draw(st.sampled_from([{"accessType": "allowed"}, "allowed", 0]))  # not a TargetConfiguration
    return ListSpec(access, draw(targets_for(list_name)))


@st.composite
def b2b_settings(draw: st.DrawFn, kind: str) -> Any:
    """A B2BSetting (or TenantRestrictions) spec that mostly obeys R9/R10; now and then one that breaks them
    as real tenants' partners do (Graph accepts them; the construct warns)."""
    users = draw(st.one_of(st.none(), target_lists("users_and_groups")))
    apps = draw(st.one_of(st.none(), target_lists("applications")))
    if _chance(draw, 8):
        users, apps = draw(st.sampled_from(ADMIN_CENTER_CONFLICTS))
    elif isinstance(users, ListSpec) and isinstance(apps, ListSpec) and not _chance(draw, 15):
        # Pair them as the portal would; the rest of the time any conflict is left in.
        if _is(users, "blocked", "AllUsers"):
            apps = ListSpec("blocked", [TargetSpec("AllApplications", "application")])
        elif _is(users, "allowed") and _is(apps, "blocked", "AllApplications"):
            apps = ListSpec("allowed", apps.targets)
    fields_: dict[str, Any] = {"users_and_groups": users, "applications": apps}
    if kind == "tenant_restrictions" and _chance(draw, 5):
        fields_["devices"] = draw(
            st.sampled_from([{"mode": "allowed", "rule": "device.isCompliant -eq True"}, {}, "x"])
        )
    return SettingSpec(kind, {k: v for k, v in fields_.items() if v is not None})


@st.composite
def flag_settings(draw: st.DrawFn, kind: str) -> SettingSpec:
    bad = st.sampled_from([0, 1, "true", "False", "", [], {}])
    values = {name: draw(_rarely(bad, st.one_of(st.none(), st.booleans()), 4)) for name in FLAG_FIELDS[kind]}
    return SettingSpec(kind, {k: v for k, v in values.items() if v is not None})


def _wrong_setting(kind: str) -> st.SearchStrategy[Any]:
    """Something that is not the settings class ``kind`` takes."""
    others = [
        k for k in ("b2b_collaboration_inbound", "inbound_trust", "automatic_user_consent") if k != kind
    ]
    return st.one_of(
        st.sampled_from([{"isMfaAccepted": True}, "allowed", True, [], 0]),
        st.sampled_from(others).map(lambda o: SettingSpec(o, {})),
        st.just(ListSpec("allowed", [TargetSpec("AllUsers", "user")])),
    )


def setting_for(kind: str) -> st.SearchStrategy[Any]:
    if kind in FLAG_FIELDS:
        right = flag_settings(kind)
    else:
        right = b2b_settings(kind)
    return st.one_of(st.none(), _rarely(_wrong_setting(kind), right, 3))


@st.composite
def partners(draw: st.DrawFn) -> PartnerSpec:
    """One partner: a construct id, a tenant id and any subset of the seven settings."""
    # Top-level values first: they matter most, and an example that grows too large is cut at the end.
    construct_id = draw(st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True))
    tenant_id = draw(tenant_ids())
    service_provider = draw(
        _rarely(st.sampled_from([1, 0, "true", "yes"]), st.one_of(st.none(), st.booleans()), 3)
    )
    settings: dict[str, Any] = {}
    for kind in (*B2B_SETTINGS, "tenant_restrictions", "inbound_trust", "automatic_user_consent"):
        value = draw(setting_for(kind))
        if value is not None:
            settings[kind] = value
    return PartnerSpec(construct_id, tenant_id, settings, service_provider)
