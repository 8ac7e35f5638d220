"""setting_changes: plan-summary lines for the settings a plan changes that the picture does not show."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from constructs_xtap.picture.markdown_table import markdown_cell
from constructs_xtap.picture.rule import Rule
from constructs_xtap.wire import graph_property, settings_equal

_MEMBER_WORDS = {"usersAndGroups": "users and groups", "users": "users", "applications": "applications"}
_EVERYONE = {"usersAndGroups": "all users", "users": "all users", "applications": "all applications"}


def setting_title(graph_name: str) -> str:
    """``m365CollaborationInbound`` -> ``"inbound Microsoft 365 collaboration"``: the property's words
    (``GraphProperty.words``, a picture column's group for the settings it shows); ``KeyError`` for a
    property ``wire.graph_properties`` does not describe."""
    return graph_property(graph_name).words


def _rule_words(member: str, rule: Rule) -> str:
    everyone = _EVERYONE.get(member, "all")
    if rule.allows_nothing:
        return f"blocked for {everyone}"
    if rule.allows_everything:
        return f"allowed for {everyone}"
    return f"{rule.access} for {rule.target_labels()}"


def describe_setting(value: Any, *, on_partner: bool) -> str:
    """A setting's value in words: ``"allowed for all users"``, ``"users and groups: allowed for group
    9a8b7c6d…; applications: blocked for all applications"``, ``"true"``; ``null`` is ``"inherited"`` on a
    partner and ``"not set"`` on the default."""
    if value is None or (isinstance(value, Mapping) and all(v is None for v in value.values())):
        return "inherited" if on_partner else "not set"
    if isinstance(value, Mapping):
        rules = {m: Rule.from_graph(value.get(m)) for m in _MEMBER_WORDS if m in value}
        known = {m: r for m, r in rules.items() if r is not None}
        if known:
            if len(known) == 1:
                ((member, rule),) = known.items()
                return _rule_words(member, rule)
            return "; ".join(f"{_MEMBER_WORDS[m]}: {_rule_words(m, r)}" for m, r in known.items())
        parts = [f"{k}: {describe_setting(v, on_partner=False)}" for k, v in value.items() if v is not None]
        return ", ".join(parts)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "none"
    return str(value)


def setting_change_lines(
    label: str,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    settings: Collection[str],
    *,
    shown: Collection[str],
    unknown: Collection[str] = (),
    on_partner: bool,
) -> list[str]:
    """One line per setting in ``settings`` (Graph names) whose value differs between ``before`` and
    ``after`` and whose change no picture line shows (``shown``: the settings that already have a line):
    ``- label: inbound Microsoft 365 collaboration: inherited → allowed for all users``, or, when the words
    are the same (a part the picture does not describe, e.g. tenant restrictions' ``devices``),
    ``- label: updated: tenant restrictions``. A setting whose Terraform attribute is in ``unknown`` shows
    ``(known after apply)``."""
    lines = []
    for name in settings:
        if name in shown:
            continue
        if graph_property(name).attribute in unknown:
            lines.append(f"- {markdown_cell(label)}: {setting_title(name)}: (known after apply)")
            continue
        old, new = before.get(name), after.get(name)
        if settings_equal(old, new):
            continue
        old_words = describe_setting(old, on_partner=on_partner)
        new_words = describe_setting(new, on_partner=on_partner)
        if old_words == new_words:
            lines.append(f"- {markdown_cell(label)}: updated: {setting_title(name)}")
        else:
            lines.append(
                f"- {markdown_cell(label)}: {setting_title(name)}: {markdown_cell(old_words)} → "
                f"{markdown_cell(new_words)}"
            )
    return lines
