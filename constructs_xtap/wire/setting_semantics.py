"""When two values of one Graph setting mean the same: the one definition of semantic equality.

Graph hands back a setting in its own spelling, and people and the admin center write it in theirs. These
differences carry no meaning and never count as a change (graph-api.md §2.5, toolchain-recipes.md §3.8):

* object key order, and the order of a ``targets`` list (Graph treats it as a set of targets);
* the letter case of a GUID (tenant, user, group and application ids are case-insensitive);
* OData annotations (``@odata.type``, ``@odata.context``, ``targets@odata.type``…);
* ``null`` members and empty objects: an unset member of an inbound/outbound pair, an all-``null``
  setting and a missing setting all mean "inherit" (graph-api.md §5.35).

Everything else keeps its meaning: keywords (``AllUsers``, ``Office365``…) and enum values (``allowed``,
``blocked``) are compared case-sensitively, and every list except ``targets`` keeps its order (an identity
provider precedence order is an order).
"""

from __future__ import annotations

import json
from typing import Any

from constructs_xtap.wire.guid import is_guid

#: The lists whose order carries no meaning.
UNORDERED_LISTS: frozenset[str] = frozenset({"targets"})


def canonical_setting(value: Any) -> Any:
    """The canonical form of one setting's value: equal forms mean equal settings.

    ``value`` is decoded JSON (dict, list, str, bool, number or ``None``); the result has the same shape
    with annotations and ``null``/empty members dropped, GUIDs lower-cased and ``targets`` sorted.
    ``None`` means "inherit". Anything that is not JSON (a ``tf`` Unknown, for one) is returned as is.
    """
    return _canonical(value, key=None)


def settings_equal(a: Any, b: Any) -> bool:
    """Whether two values of one setting mean the same to Graph (see the module docstring)."""
    return bool(canonical_setting(a) == canonical_setting(b))


def aligned_setting(value: Any, like: Any) -> Any:
    """``value`` in canonical form, but spelled and ordered like ``like`` wherever the two mean the same.

    Used when Graph holds a changed setting: state shows what Graph holds, while every target that did not
    change keeps its place and letter case, so a plan's diff shows only what changed.
    """
    return _align(canonical_setting(value), like, key=None)


def _align(value: Any, like: Any, *, key: str | None) -> Any:
    if settings_equal(value, like):
        return like
    if like is None or value is None:
        return value
    if isinstance(value, dict) and isinstance(like, dict):
        return {name: _align(item, like.get(name), key=name) for name, item in value.items()}
    if isinstance(value, list) and isinstance(like, list):
        if key not in UNORDERED_LISTS:
            if len(value) != len(like):
                return value
            return [_align(item, other, key=None) for item, other in zip(value, like, strict=True)]
        remaining = list(value)
        kept = []
        for other in like:
            match = next((i for i, item in enumerate(remaining) if settings_equal(item, other)), None)
            if match is not None:
                remaining.pop(match)
                kept.append(other)
        return kept + remaining
    return value


def _canonical(value: Any, *, key: str | None) -> Any:
    if isinstance(value, dict):
        kept = {}
        for name, item in value.items():
            if not isinstance(name, str) or "@odata." in name:
                continue
            canonical = _canonical(item, key=name)
            if canonical is not None:
                kept[name] = canonical
        return kept or None
    if isinstance(value, list):
        items = [_canonical(item, key=None) for item in value]
        return sorted(items, key=_sort_key) if key in UNORDERED_LISTS else items
    if isinstance(value, str) and is_guid(value):
        return value.lower()
    return value


def _sort_key(item: Any) -> str:
    # Targets are objects of strings; their compact JSON with sorted keys orders them fully and stably.
    return json.dumps(item, sort_keys=True, separators=(",", ":"), default=repr)
