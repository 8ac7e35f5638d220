"""graph_object: a resource's Terraform attributes (synthesized, planned or in state) as Graph's object."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from constructs_xtap.wire import DEFAULT, SYSTEM_DEFAULT_CONFIGURATION, ObjectKind, put_graph_value
from constructs_xtap.wire.object_kinds import JSON


def graph_object(kind: ObjectKind, attributes: Mapping[str, Any]) -> dict[str, Any]:
    """Graph's camelCase object for ``attributes`` (snake_case, JSON settings as strings), as described in
    ``wire.object_kinds``: each attribute with a ``graph_name`` goes to that (dotted) path, JSON strings
    decoded. Attributes left out or ``null`` are left out. Raises ``ValueError`` for a JSON setting that is
    not valid JSON (a synthesized Terraform expression such as ``${…}`` is kept as the string)."""
    assert kind.terraform is not None, f"{kind.name} has no Terraform face"
    out: dict[str, Any] = {}
    for attribute in kind.terraform.attributes:
        value = attributes.get(attribute.name)
        if attribute.graph_name is None or value is None:
            continue
        if attribute.type == JSON and isinstance(value, str) and not value.startswith("${"):
            try:
                value = json.loads(value)
            except json.JSONDecodeError as error:
                raise ValueError(
                    f"{kind.terraform.type_name}.{attribute.name} is not JSON: {error}"
                ) from None
        put_graph_value(out, attribute.graph_name, value)
    return out


def with_system_defaults(default: Mapping[str, Any]) -> dict[str, Any]:
    """The default configuration with each setting it leaves out (or ``null``) as the system default, as
    the provider sends it (``xtap_default_configuration``: "Left out or null: the system default")."""
    out = {name: value for name, value in SYSTEM_DEFAULT_CONFIGURATION.items() if name in DEFAULT.settings}
    out.update({name: value for name, value in default.items() if value is not None})
    return out
