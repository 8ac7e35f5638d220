"""Recognise values only known at deploy time (cdktf or cdktn tokens), which synth-time validation must skip.

The framework imported in this process answers (``framework.loaded_framework``): cdktn keeps cdktf's token
encoding, so either recognises the other's tokens.
"""

from __future__ import annotations

import math
from typing import Any

from constructs_xtap.constructs.framework import loaded_framework

# Every cdktf (and cdktn) token encoded in a string (string, list or map token) carries this marker.
_TOKEN_MARKER = "TfToken["


def is_unresolved(value: Any) -> bool:
    """True for a cdktf token or a string with one inside (e.g. an azuread group's ``object_id``).

    Never raises: only values jsii can carry are passed to ``Token.is_unresolved``; anything else
    (bytes, ``uuid.UUID``, a plain object, ...) is not a token, so validation reports it as a wrong type.
    """
    if isinstance(value, str):
        # Most values are plain strings: only ask the jsii runtime when the marker is there, and then
        # still ask, because text that merely contains the marker (e.g. "TfToken[1]") is not a token.
        # str.__str__ gives a plain str even for a StrEnum member, which jsii would not take as a string.
        return _TOKEN_MARKER in value and bool(_token().is_unresolved(str.__str__(value)))
    if value is None or isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return _is_token_number(value)
    if isinstance(value, list | tuple):
        return _is_list_token(value)
    if isinstance(value, dict):
        # A map token is a dict keyed by an encoded token; the keys alone decide (cdktf's own rule).
        # The values are replaced by "" because jsii drops null members from a map.
        keys = {str.__str__(k): "" for k in value if isinstance(k, str) and _TOKEN_MARKER in k}
        return bool(keys) and bool(_token().is_unresolved(keys))
    if _is_jsii_object(value):
        return bool(_token().is_unresolved(value))
    return False


def _is_jsii_object(value: Any) -> bool:
    """Whether jsii can pass ``value`` by reference, by the test its own serializer applies.

    True for a jsii object or a proxy of one (a bool variable's ``boolean_value`` is an ``IResolvable``
    proxy), and for a Python class declared with ``@jsii.implements``; False for bytes, ``uuid.UUID``,
    plain objects, on which jsii raises AttributeError.
    """
    return isinstance(getattr(value, "__jsii_type__", None), str) or hasattr(type(value), "__jsii_type__")


def _is_token_number(value: int | float) -> bool:
    """A number token is a finite double with a marker bit pattern."""
    number = _finite(value)
    return number is not None and bool(_token().is_unresolved(number))


def _is_list_token(value: list[Any] | tuple[Any, ...]) -> bool:
    """A list token is a one-element list holding an encoded string or a token number (cdktf's rule)."""
    if len(value) != 1:
        return False
    (item,) = value
    if isinstance(item, str):
        return _TOKEN_MARKER in item and bool(_token().is_unresolved([str.__str__(item)]))
    if isinstance(item, int | float) and not isinstance(item, bool):
        number = _finite(item)
        return number is not None and bool(_token().is_unresolved([number]))
    return False


def _finite(value: int | float) -> float | None:
    """The value as a float jsii can carry: NaN, infinities and ints beyond a double cannot cross."""
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _token() -> Any:
    return loaded_framework().module.Token
