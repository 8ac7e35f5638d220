"""other_clouds: the other Microsoft clouds a policy object lets the tenant collaborate with, in words."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from constructs_xtap.wire.graph_properties import ALLOWED_CLOUD_ENDPOINTS_PROPERTY


def other_clouds(policy: Mapping[str, Any] | None) -> str:
    """``policy``'s ``allowedCloudEndpoints`` joined by ``", "`` (``"microsoftonline.us"``), ``"none"``
    when empty, ``"not known"`` when ``policy`` is ``None`` (a stack or plan that does not manage it)."""
    if policy is None:
        return "not known"
    endpoints = policy.get(ALLOWED_CLOUD_ENDPOINTS_PROPERTY.name) or []
    return ", ".join(endpoints) if endpoints else "none"
