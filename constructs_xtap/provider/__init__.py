"""The ``xtap`` Terraform provider (plugin protocol through PyPI ``tf``): the partner, default, policy and
identity synchronization resources on one kind engine, and the tenant lookup data source."""

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
