"""The JSON-string attribute type: encodes byte for byte like Terraform's ``jsonencode``.

tf's ``NormalizedJson`` writes ``", "`` and ``": "``; Terraform compares strings byte for byte, so after an
import every setting would show as a whitespace change (toolchain-recipes.md §3.3). Equality also follows
Graph's "inherit" semantics: ``null`` members and an all-``null`` setting mean the same as no setting.
"""

from __future__ import annotations

from typing import Any

from tf.types import NormalizedJson, Unknown

from constructs_xtap.wire import normalize_setting, terraform_jsonencode


class TerraformJson(NormalizedJson):
    """A JSON string in state, written exactly as ``jsonencode`` writes it."""

    def encode(self, value: Any) -> Any:
        if value is None or value is Unknown:
            return value
        return terraform_jsonencode(value)

    def semantically_equal(self, a_decoded: Any, b_decoded: Any) -> bool:
        if a_decoded is Unknown or b_decoded is Unknown:
            return a_decoded is b_decoded
        return bool(normalize_setting(a_decoded) == normalize_setting(b_decoded))
