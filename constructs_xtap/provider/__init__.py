"""The ``xtap`` Terraform provider (plugin protocol through PyPI ``tf``), serving
``xtap_partner_configuration``."""

from constructs_xtap.provider.consistency import ConsistencyTimeout, Waits, wait_until
from constructs_xtap.provider.partner_configuration_resource import PartnerConfigurationResource
from constructs_xtap.provider.plugin_servicer import XtapServicer
from constructs_xtap.provider.provider import XtapProvider
from constructs_xtap.provider.provider_config import ConfigProblem, resolve_provider_config
from constructs_xtap.provider.provider_not_configured import ProviderNotConfigured
from constructs_xtap.provider.terraform_json import TerraformJson

__all__ = [
    "ConfigProblem",
    "ConsistencyTimeout",
    "PartnerConfigurationResource",
    "ProviderNotConfigured",
    "TerraformJson",
    "Waits",
    "XtapProvider",
    "XtapServicer",
    "resolve_provider_config",
    "wait_until",
]
