"""Shape checks for the fleet file's JSON: an entry of the wrong kind is a ``ValueError`` naming the entry,
what it must be and an example, never a Python traceback deeper in."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def an_object(value: object, where: str, example: str) -> Mapping[str, Any]:
    """``value`` when it is a JSON object; else ``ValueError`` saying ``where`` must be one."""
    if not isinstance(value, Mapping):
        raise ValueError(f"{where} must be an object, like {example}; got {_kind(value)} {_short(value)}")
    return value


def a_list(value: object, where: str, example: str, *, of: str = "") -> list[Any]:
    """``value`` when it is a JSON list; else ``ValueError`` saying ``where`` must be a list (``of``: of
    what, e.g. ``"tenant objects"``), like ``example``."""
    if not isinstance(value, list):
        what = f"a list of {of}" if of else "a list"
        raise ValueError(f"{where} must be {what}, like {example}; got {_kind(value)} {_short(value)}")
    return value


def strings(value: object, where: str, example: str) -> list[str]:
    """``value`` when it is a JSON list of strings; else ``ValueError`` naming the first wrong item."""
    items = a_list(value, where, example, of="strings")
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise ValueError(
                f"{where}[{index}] must be a string, like {example}; got {_kind(item)} {_short(item)}"
            )
    return items


def _kind(value: object) -> str:
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "the string"
    if value is None:
        return "null"
    return "the value"


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
