"""Graph's wire format and the Terraform schema, shared by every room of the project."""

from constructs_xtap.wire.cdk_frameworks import CDK_FRAMEWORKS
from constructs_xtap.wire.graph_enums import (
    ACCESS_TYPES,
    ALL_TARGET_KEYWORDS,
    FALLBACK_IDENTITY_PROVIDERS,
    KEYWORD_TARGET_TYPES,
    PRIMARY_IDENTITY_PROVIDERS,
    TARGET_LIST_TYPES,
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
from constructs_xtap.wire.graph_path import graph_value, put_graph_value
from constructs_xtap.wire.graph_properties import GRAPH_PROPERTIES, GraphProperty, graph_property
from constructs_xtap.wire.graph_types import GraphType
from constructs_xtap.wire.guid import is_guid
from constructs_xtap.wire.jsonencode import normalize_setting, terraform_jsonencode
from constructs_xtap.wire.object_kinds import (
    ALLOWED_CLOUD_ENDPOINTS,
    DEFAULT,
    DEFAULT_RESOURCE_TYPE,
    IDENTITY_SYNCHRONIZATION,
    IDENTITY_SYNCHRONIZATION_RESOURCE_TYPE,
    OBJECT_KINDS,
    PARTNER,
    PARTNER_RESOURCE_TYPE,
    POLICY,
    POLICY_RESOURCE_TYPE,
    SYSTEM_DEFAULT_CONFIGURATION,
    TENANT_INFORMATION,
    TENANT_INFORMATION_DATA_SOURCE,
    KindAttribute,
    ObjectKind,
    TerraformFace,
)
from constructs_xtap.wire.partner_schema import (
    JSON_SETTINGS,
    PROVIDER_SETTINGS,
    RESOURCE_TYPE,
    JsonSetting,
    ProviderSetting,
)
from constructs_xtap.wire.setting_columns import SETTING_COLUMNS, SettingColumn
from constructs_xtap.wire.setting_semantics import aligned_setting, canonical_setting, settings_equal
from constructs_xtap.wire.tenant_snapshot import TenantSnapshot

__all__ = [
    "ACCESS_TYPES",
    "ALLOWED_CLOUD_ENDPOINTS",
    "ALL_TARGET_KEYWORDS",
    "CDK_FRAMEWORKS",
    "DEFAULT",
    "DEFAULT_RESOURCE_TYPE",
    "FALLBACK_IDENTITY_PROVIDERS",
    "GRAPH_PROPERTIES",
    "GRAPH_TO_SNAKE",
    "IDENTITY_SYNCHRONIZATION",
    "IDENTITY_SYNCHRONIZATION_RESOURCE_TYPE",
    "JSON_SETTINGS",
    "KEYWORD_TARGET_TYPES",
    "OBJECT_KINDS",
    "PARTNER",
    "PARTNER_RESOURCE_TYPE",
    "POLICY",
    "POLICY_RESOURCE_TYPE",
    "PRIMARY_IDENTITY_PROVIDERS",
    "PROVIDER_SETTINGS",
    "RESOURCE_TYPE",
    "SETTING_COLUMNS",
    "SNAKE_TO_GRAPH",
    "SYSTEM_DEFAULT_CONFIGURATION",
    "TARGET_LIST_TYPES",
    "TARGET_TYPES",
    "TENANT_INFORMATION",
    "TENANT_INFORMATION_DATA_SOURCE",
    "UNKNOWN_FUTURE_VALUE",
    "GraphProperty",
    "GraphType",
    "JsonSetting",
    "KindAttribute",
    "ObjectKind",
    "ProviderSetting",
    "SettingColumn",
    "TenantSnapshot",
    "TerraformFace",
    "aligned_setting",
    "canonical_setting",
    "graph_property",
    "graph_value",
    "is_guid",
    "normalize_setting",
    "put_graph_value",
    "settings_equal",
    "terraform_jsonencode",
    "to_graph",
    "to_graph_name",
    "to_snake",
    "to_snake_name",
]
