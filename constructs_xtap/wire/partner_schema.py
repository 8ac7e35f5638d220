"""The Terraform schema of ``xtap_partner_configuration`` and of the ``xtap`` provider block.

Both sides read this module: the cdktf L1 binding writes these attribute names into cdk.tf.json, and the
provider declares them to Terraform. Changing a name here changes both at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from constructs_xtap.wire.graph_properties import (
    AUTOMATIC_USER_CONSENT_SETTINGS,
    B2B_SETTINGS,
    INBOUND_TRUST_SETTING,
    TENANT_RESTRICTIONS_SETTING,
)

PROVIDER_LOCAL_NAME = "xtap"
PROVIDER_NAMESPACE = "constructs-xtap"
PROVIDER_HOSTNAME = "registry.terraform.io"
PROVIDER_SOURCE = f"{PROVIDER_NAMESPACE}/{PROVIDER_LOCAL_NAME}"
PROVIDER_VERSION = "0.1.0"
PROVIDER_VERSION_CONSTRAINT = f"~> {PROVIDER_VERSION}"

RESOURCE_TYPE = "xtap_partner_configuration"


@dataclass(frozen=True)
class JsonSetting:
    """One nested Graph setting, carried in Terraform as a ``jsonencode``-style string attribute."""

    attribute: str
    graph_name: str


#: The partner's first seven nested settings, in Graph's documented order (the
#: crossTenantAccessPolicyConfigurationPartner resource type). Each is optional; ``null`` means "inherit from
#: the default configuration".
JSON_SETTINGS: tuple[JsonSetting, ...] = tuple(
    JsonSetting(attribute=p.attribute, graph_name=p.name)
    for p in (
        INBOUND_TRUST_SETTING,
        AUTOMATIC_USER_CONSENT_SETTINGS,
        *B2B_SETTINGS,
        TENANT_RESTRICTIONS_SETTING,
    )
)

ATTR_ID = "id"  # computed; equals tenant_id (the partner's key in Graph)
ATTR_TENANT_ID = "tenant_id"  # required; Graph cannot change it (Read-only. Key.) -> replace
ATTR_IS_SERVICE_PROVIDER = "is_service_provider"  # optional bool; settable on create only


@dataclass(frozen=True)
class ProviderSetting:
    """One attribute of the ``provider "xtap"`` block and the environment variables it falls back to."""

    attribute: str
    env: tuple[str, ...]
    sensitive: bool = False
    description: str = ""


def _azure_env(name: str) -> tuple[str, ...]:
    """``XTAP_<name>``, then what the Azure SDKs (``AZURE_<name>``) and azurerm (``ARM_<name>``) read."""
    return (f"XTAP_{name}", f"AZURE_{name}", f"ARM_{name}")


#: The provider settings that are ways to authenticate; exactly one must be configured.
CREDENTIAL_SETTINGS: tuple[str, ...] = (
    "client_secret",
    "client_certificate_path",
    "federated_token",
    "federated_token_file",
    "use_managed_identity",
)

#: The provider block. Secrets are marked sensitive and are never written by the construct library;
#: pipelines pass them through the environment.
PROVIDER_SETTINGS: tuple[ProviderSetting, ...] = (
    ProviderSetting(
        "tenant_id",
        _azure_env("TENANT_ID"),
        description="The home tenant (GUID) whose cross-tenant access policy is managed.",
    ),
    ProviderSetting(
        "client_id",
        _azure_env("CLIENT_ID"),
        description="Application (client) id of the app registration or managed identity.",
    ),
    ProviderSetting(
        "client_secret",
        _azure_env("CLIENT_SECRET"),
        sensitive=True,
        description="Client secret of the app registration.",
    ),
    ProviderSetting(
        "client_certificate_path",
        _azure_env("CLIENT_CERTIFICATE_PATH"),
        description="PEM file holding the client certificate and its private key.",
    ),
    ProviderSetting(
        "client_certificate_password",
        _azure_env("CLIENT_CERTIFICATE_PASSWORD"),
        sensitive=True,
        description="Password of the client certificate's private key, if any.",
    ),
    ProviderSetting(
        "federated_token_file",
        ("XTAP_FEDERATED_TOKEN_FILE", "AZURE_FEDERATED_TOKEN_FILE", "ARM_OIDC_TOKEN_FILE_PATH"),
        description="File holding a federated (OIDC) token, as workload identity provides.",
    ),
    ProviderSetting(
        "federated_token",
        ("XTAP_FEDERATED_TOKEN", "ARM_OIDC_TOKEN"),
        sensitive=True,
        description="A federated (OIDC) token value, as pipelines provide.",
    ),
    ProviderSetting(
        "use_managed_identity",
        ("XTAP_USE_MSI", "ARM_USE_MSI"),
        description="Authenticate with the machine's managed identity.",
    ),
    ProviderSetting(
        "cloud",
        ("XTAP_CLOUD", "ARM_ENVIRONMENT"),
        description="global, usgov, dod or china. Default: global.",
    ),
    ProviderSetting(
        "graph_endpoint",
        ("XTAP_GRAPH_ENDPOINT",),
        description="Explicit Graph root, e.g. https://127.0.0.1:8443. Default: from cloud.",
    ),
    ProviderSetting(
        "authority_host",
        ("XTAP_AUTHORITY_HOST", "AZURE_AUTHORITY_HOST"),
        description="Explicit Entra authority host. Default: from cloud.",
    ),
    ProviderSetting(
        "ca_bundle",
        ("XTAP_CA_BUNDLE",),
        description="CA bundle (PEM) to trust instead of the system one, e.g. the local Graph's.",
    ),
    ProviderSetting(
        "timeout_seconds",
        ("XTAP_TIMEOUT_SECONDS",),
        description="Seconds one Graph call may keep retrying throttling (429) and server errors (5xx), "
        "Retry-After and backoff included; also caps the waits for Graph to settle after a delete (120 s) "
        "or an update (60 s). A positive number. Default: 300.",
    ),
)
