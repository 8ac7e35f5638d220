"""Turn a typed setting into the Graph sub-object it stands for, in Graph's exact camelCase names."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import fields, is_dataclass
from enum import Enum
from typing import Any

from constructs_xtap.wire import JsonSetting, graph_property, is_guid, normalize_setting, to_graph_name


def to_graph_object(setting: Any) -> dict[str, Any]:
    """Return the Graph JSON object of a settings dataclass; members left as ``None`` are omitted.

    Names come from the one shared mapping (constructs_xtap.wire.graph_names), never from case
    conversion: ``is_hybrid_azure_ad_joined_device_accepted`` is ``isHybridAzureADJoinedDeviceAccepted``.
    Values are canonical: every GUID (a target's object id or app id, graph-api.md §2.5) is written in
    lower case, as every Graph example and answer writes ids (§3.1 R2), so the same policy is always the
    same text; keywords such as ``AllUsers`` keep their case (they are case-sensitive, R14), and tokens
    pass through untouched (a token is not a GUID).
    """
    body: dict[str, Any] = {}
    for field in fields(setting):
        value = getattr(setting, field.name)
        if value is not None:
            body[to_graph_name(field.name)] = _to_graph_value(value)
    return body


def _to_graph_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if is_dataclass(value) and not isinstance(value, type):
        return to_graph_object(value)
    if isinstance(value, list | tuple):
        return [_to_graph_value(v) for v in value]
    if is_guid(value):
        return value.lower()
    return value


def graph_objects_by_attribute(
    given: Mapping[str, Any], json_settings: Sequence[JsonSetting]
) -> dict[str, dict[str, Any]]:
    """The Graph sub-object of every setting that is set, keyed by Terraform attribute name.

    ``given`` maps the construct's keyword names (``GraphProperty.argument``: ``automatic_user_consent``
    for ``automatic_user_consent_settings``) to validated settings. A setting left out, or with nothing set
    in it, is omitted: Terraform holds ``null``, which means "inherit" (or, on the default configuration,
    "the system default").
    """
    settings: dict[str, dict[str, Any]] = {}
    for setting in json_settings:
        value = given.get(graph_property(setting.graph_name).argument)
        graph_object = normalize_setting(to_graph_object(value)) if value is not None else None
        if graph_object is not None:
            settings[setting.attribute] = graph_object
    return settings
