"""The JSON-string attribute type: encodes byte for byte like Terraform's ``jsonencode``.

tf's ``NormalizedJson`` writes ``", "`` and ``": "``; Terraform compares strings byte for byte, so after an
import every setting would show as a whitespace change (toolchain-recipes.md §3.3). Equality is Graph's
meaning (:func:`~constructs_xtap.wire.settings_equal`): key and ``targets`` order, GUID case, annotations
and ``null`` members ("inherit") do not count.
"""

from __future__ import annotations

from typing import Any

from tf.types import NormalizedJson, Unknown

from constructs_xtap.wire import settings_equal, terraform_jsonencode


class JsonText(str):
    """JSON text to hand Terraform exactly as it is (a state's own bytes, kept by a plan).

    tf re-encodes a planned value and, when it means the same as the configuration, reuses the
    configuration's bytes. A plan that keeps the prior state's spelling of an equal setting returns its text
    wrapped in this type, which tf's reuse never applies to (:meth:`TerraformJson.semantically_equal`).
    """


class JsonObject(dict[str, Any]):
    """A decoded JSON object that remembers the exact text it was decoded from (:attr:`text`)."""

    text: str


class TerraformJson(NormalizedJson):
    """A JSON string in state, written exactly as ``jsonencode`` writes it.

    Decoding yields plain JSON values, except that an object is a :class:`JsonObject` carrying its source
    text, so a plan can hand back a prior state's bytes unchanged.
    """

    def decode(self, value: Any) -> Any:
        decoded = super().decode(value)
        if isinstance(decoded, dict) and isinstance(value, str):
            decoded = JsonObject(decoded)
            decoded.text = value
        return decoded

    def encode(self, value: Any) -> Any:
        if value is None or value is Unknown:
            return value
        if isinstance(value, JsonText):
            return str(value)
        if isinstance(value, JsonObject):
            return value.text  # decoded from this very text: give back its bytes
        return terraform_jsonencode(value)

    def semantically_equal(self, a_decoded: Any, b_decoded: Any) -> bool:
        if isinstance(a_decoded, JsonText) or isinstance(b_decoded, JsonText):
            return False  # written verbatim, never swapped for another value's bytes
        if a_decoded is Unknown or b_decoded is Unknown:
            return a_decoded is b_decoded
        return settings_equal(a_decoded, b_decoded)
