"""Reading one inbound or outbound setting of a Graph body (camelCase JSON, as the create call sends it)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def access_type(body: Mapping[str, Any], setting: str, part: str) -> object:
    """``body[setting][part]["accessType"]``, e.g. ``access_type(body, "b2bCollaborationInbound",
    "usersAndGroups")``: ``"allowed"``, ``"blocked"``, a token, or ``None`` when the setting or part is left
    out (inherited from the default, or the system default on the default configuration)."""
    config = _part(body, setting, part)
    return config.get("accessType") if config is not None else None


def targets(body: Mapping[str, Any], setting: str, part: str) -> list[object]:
    """The ``target`` of each entry of ``body[setting][part]["targets"]``; empty when left out."""
    config = _part(body, setting, part)
    listed = config.get("targets") if config is not None else None
    if not isinstance(listed, list):
        return []
    return [t.get("target") if isinstance(t, Mapping) else t for t in listed]


def allows(body: Mapping[str, Any], setting: str, part: str, keyword: str) -> bool:
    """True when ``body[setting][part]`` is ``allowed`` and its targets include ``keyword`` (``"AllUsers"``,
    ``"AllApplications"``): everyone or everything that part names is let through."""
    return access_type(body, setting, part) == "allowed" and keyword in targets(body, setting, part)


def _part(body: Mapping[str, Any], setting: str, part: str) -> Mapping[str, Any] | None:
    section = body.get(setting)
    config = section.get(part) if isinstance(section, Mapping) else None
    return config if isinstance(config, Mapping) else None
