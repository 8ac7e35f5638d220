"""JSON text exactly as Terraform's ``jsonencode`` writes it, and the "inherit" normal form of a setting.

Terraform compares JSON-string attributes byte for byte: a provider that writes ``", "`` where
``jsonencode`` writes ``","`` shows a whitespace diff after every import (toolchain-recipes.md §3.3).
"""

from __future__ import annotations

import json
from typing import Any

# jsonencode escapes these for safe embedding in HTML; so must we, or the bytes differ.
_TERRAFORM_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def terraform_jsonencode(value: Any) -> str:
    """Encode ``value`` exactly as Terraform's ``jsonencode`` does: sorted keys, compact, ``<>&`` escaped."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    for raw, escaped in _TERRAFORM_ESCAPES:
        text = text.replace(raw, escaped)
    return text


def normalize_setting(value: Any) -> Any:
    """Drop ``null`` members recursively; a setting left with nothing in it is ``None`` (inherit).

    Graph answers an unset setting as ``null`` and an unset member of a set one as ``null`` too
    (``automaticUserConsentSettings: {"inboundAllowed": null, "outboundAllowed": null}``); both mean
    "inherit from the default configuration" and must not read as a change (graph-api.md §5.35).
    """
    if isinstance(value, dict):
        kept = {k: normalize_setting(v) for k, v in value.items()}
        kept = {k: v for k, v in kept.items() if v is not None}
        return kept or None
    if isinstance(value, list):
        return [normalize_setting(v) for v in value]
    return value
