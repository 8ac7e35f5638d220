"""One setting's Graph object as the JSON-string attribute Terraform hands to the provider."""

from __future__ import annotations

from typing import Any

from constructs_xtap.constructs.framework import Framework
from constructs_xtap.constructs.unresolved import is_unresolved
from constructs_xtap.wire import terraform_jsonencode


def setting_json(graph_object: dict[str, Any], framework: Framework) -> str:
    """The JSON text of ``graph_object``, byte for byte what Terraform's ``jsonencode`` would write.

    A string token (e.g. a group's ``object_id``) survives inside the text: cdktf resolves it to a
    ``${...}`` reference that Terraform substitutes. A non-string token (a bool variable) would be quoted
    that way, so such settings are left to Terraform's own ``jsonencode`` instead (``framework``'s ``Fn``:
    the construct's framework, ``framework_of``).
    """
    if _has_non_string_token(graph_object):
        return str(framework.module.Fn.jsonencode(graph_object))
    return terraform_jsonencode(graph_object)


def _has_non_string_token(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_has_non_string_token(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_non_string_token(v) for v in value)
    return not isinstance(value, str) and is_unresolved(value)
