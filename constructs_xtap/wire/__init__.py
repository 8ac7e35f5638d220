"""Graph's wire format and the Terraform schema, shared by every room of the project."""

from constructs_xtap.wire.graph_enums import (
    ACCESS_TYPES,
    ALL_TARGET_KEYWORDS,
    KEYWORD_TARGET_TYPES,
    TARGET_TYPES,
    UNKNOWN_FUTURE_VALUE,
)
from constructs_xtap.wire.graph_names import (
    GRAPH_TO_SNAKE,
    SNAKE_TO_GRAPH,
    to_graph,
    to_graph_name,
    to_snake,
    to_snake_name,
)
from constructs_xtap.wire.guid import is_guid
from constructs_xtap.wire.jsonencode import normalize_setting, terraform_jsonencode
from constructs_xtap.wire.object_kinds import (
    DEFAULT,
    IDENTITY_SYNCHRONIZATION,
    OBJECT_KINDS,
    PARTNER,
    POLICY,
    TENANT_INFORMATION,
    ObjectKind,
)
from constructs_xtap.wire.partner_schema import (
    JSON_SETTINGS,
    PROVIDER_SETTINGS,
    RESOURCE_TYPE,
    JsonSetting,
    ProviderSetting,
)
from constructs_xtap.wire.setting_semantics import aligned_setting, canonical_setting, settings_equal

__all__ = [
    "ACCESS_TYPES",
    "ALL_TARGET_KEYWORDS",
    "DEFAULT",
    "GRAPH_TO_SNAKE",
    "IDENTITY_SYNCHRONIZATION",
    "JSON_SETTINGS",
    "KEYWORD_TARGET_TYPES",
    "OBJECT_KINDS",
    "PARTNER",
    "POLICY",
    "PROVIDER_SETTINGS",
    "RESOURCE_TYPE",
    "SNAKE_TO_GRAPH",
    "TARGET_TYPES",
    "TENANT_INFORMATION",
    "UNKNOWN_FUTURE_VALUE",
    "JsonSetting",
    "ObjectKind",
    "ProviderSetting",
    "aligned_setting",
    "canonical_setting",
    "is_guid",
    "normalize_setting",
    "settings_equal",
    "terraform_jsonencode",
    "to_graph",
    "to_graph_name",
    "to_snake",
    "to_snake_name",
]
