"""The JSON-string attributes of each Graph object kind, read from its one description (wire.object_kinds).

A kind's writable nested settings are carried in Terraform as ``jsonencode``-style string attributes
(``ObjectKind.terraform.json_attributes``: ``b2b_collaboration_inbound`` holds Graph's
``b2bCollaborationInbound``). The L1 bindings and the L2 constructs take their attribute lists from here, so
a setting added to a kind's description appears in synth at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from constructs_xtap.wire import OBJECT_KINDS, JsonSetting, ObjectKind, TerraformFace, graph_property


def kind_face(kind: ObjectKind) -> TerraformFace:
    """How Terraform sees ``kind`` (type name, attributes); ``ValueError`` for a kind without one."""
    if kind.terraform is None:
        raise ValueError(f"object kind {kind.name!r} has no Terraform face")
    return kind.terraform


def terraform_face(type_name: str) -> TerraformFace:
    """The Terraform face of the kind whose resource or data source is ``type_name``; ``KeyError`` names
    it."""
    for kind in OBJECT_KINDS:
        if kind.terraform is not None and kind.terraform.type_name == type_name:
            return kind.terraform
    raise KeyError(f"no object kind has the Terraform type {type_name!r}")


def setting_arguments(kind: ObjectKind, arguments: Mapping[str, Any]) -> dict[str, Any]:
    """The settings of ``kind`` among a construct's ``arguments`` (its ``__init__``'s ``locals()``):
    keyword (``GraphProperty.argument``) -> what the caller passed, in the order the construct takes them."""
    keywords = {graph_property(name).argument for name in kind.settings}
    return {name: value for name, value in arguments.items() if name in keywords}


def kind_json_settings(kind: ObjectKind) -> tuple[JsonSetting, ...]:
    """Every JSON-string setting of ``kind`` as (Terraform attribute, Graph name), in schema order."""
    return tuple(
        JsonSetting(attribute=a.name, graph_name=a.graph_name)
        for a in kind_face(kind).json_attributes
        if a.graph_name is not None
    )
