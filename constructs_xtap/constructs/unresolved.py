"""Recognise values only known at deploy time (cdktf tokens), which synth-time validation must skip."""

from __future__ import annotations

from typing import Any

from cdktf import Token

# Every cdktf string token, alone or concatenated into a larger string, is encoded with this marker.
_TOKEN_MARKER = "TfToken["


def is_unresolved(value: Any) -> bool:
    """True for a cdktf token or a string with one inside (e.g. an azuread group's ``object_id``)."""
    if isinstance(value, str):
        # Most values are plain strings: answer without a round trip to the jsii runtime.
        return _TOKEN_MARKER in value
    if value is None or isinstance(value, bool | int | float):
        return False
    return Token.is_unresolved(value)
