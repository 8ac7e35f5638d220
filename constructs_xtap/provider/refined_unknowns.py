"""Terraform's *refined* unknown values, read as tf's ``Unknown``.

Terraform (go-cty ≥ 1.13) sends an unknown value that carries refinements ("not null", a string prefix, a
number range) as msgpack extension type 12 instead of the plain unknown, extension type 0 with one zero
byte. ``jsonencode`` of a value with any unknown part yields such a refined unknown string. ``tf`` 1.2.0
decodes only extension 0, so a refined unknown reached the provider as a raw ``msgpack.ExtType`` and was
treated as text. With this hook both mean ``Unknown``: validation skips them and plans keep them unknown
("(known after apply)"). The plan answers a plain unknown where the configuration held a refined one;
Terraform strips refinements before comparing a planned value with the configuration.
"""

from __future__ import annotations

from typing import Any

from msgpack.ext import ExtType
from tf.types import Unknown

#: go-cty's msgpack extension codes for an unknown value: plain, and with refinements.
UNKNOWN_EXT_CODES = frozenset({0, 12})


def ext_hook(code: int, data: bytes) -> Any:
    """msgpack ``ext_hook`` for Terraform's DynamicValue: every kind of unknown becomes ``Unknown``."""
    if code in UNKNOWN_EXT_CODES:
        return Unknown
    return ExtType(code, data)


def install() -> None:
    """Make ``tf.utils.read_dynamic_value`` (which looks the hook up at each call) use :func:`ext_hook`."""
    import tf.utils

    tf.utils._msgpack_ext_hook = ext_hook
