"""The ``xtap`` Terraform provider (plugin protocol through PyPI ``tf``): the partner, default, policy and
identity synchronization resources on one kind engine, and the tenant lookup data source.

The names load on first use, not at import: the provider process imports this package before its
handshake, which needs none of them (:mod:`constructs_xtap.provider.__main__`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from constructs_xtap.provider.consistency import ConsistencyTimeout, Waits, wait_until
    from constructs_xtap.provider.default_configuration_resource import DefaultConfigurationResource
    from constructs_xtap.provider.kind_resource import KindResource
    from constructs_xtap.provider.partner_configuration_resource import PartnerConfigurationResource
    from constructs_xtap.provider.partner_identity_synchronization_resource import (
        PartnerIdentitySynchronizationResource,
    )
    from constructs_xtap.provider.plugin_servicer import XtapServicer
    from constructs_xtap.provider.policy_resource import PolicyResource
    from constructs_xtap.provider.provider import XtapProvider
    from constructs_xtap.provider.provider_config import ConfigProblem, resolve_provider_config
    from constructs_xtap.provider.provider_not_configured import ProviderNotConfigured
    from constructs_xtap.provider.tenant_information_data_source import TenantInformationDataSource
    from constructs_xtap.provider.terraform_json import TerraformJson

#: The module of this package each exported name lives in.
_HOMES: dict[str, str] = {
    "ConfigProblem": "provider_config",
    "ConsistencyTimeout": "consistency",
    "DefaultConfigurationResource": "default_configuration_resource",
    "KindResource": "kind_resource",
    "PartnerConfigurationResource": "partner_configuration_resource",
    "PartnerIdentitySynchronizationResource": "partner_identity_synchronization_resource",
    "PolicyResource": "policy_resource",
    "ProviderNotConfigured": "provider_not_configured",
    "TenantInformationDataSource": "tenant_information_data_source",
    "TerraformJson": "terraform_json",
    "Waits": "consistency",
    "XtapProvider": "provider",
    "XtapServicer": "plugin_servicer",
    "resolve_provider_config": "provider_config",
    "wait_until": "consistency",
}

__all__ = [
    "ConfigProblem",
    "ConsistencyTimeout",
    "DefaultConfigurationResource",
    "KindResource",
    "PartnerConfigurationResource",
    "PartnerIdentitySynchronizationResource",
    "PolicyResource",
    "ProviderNotConfigured",
    "TenantInformationDataSource",
    "TerraformJson",
    "Waits",
    "XtapProvider",
    "XtapServicer",
    "resolve_provider_config",
    "wait_until",
]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'constructs_xtap.provider' has no attribute {name!r}")
