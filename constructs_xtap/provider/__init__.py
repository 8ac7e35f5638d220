"""The ``xtap`` Terraform provider (plugin protocol through PyPI ``tf``): a resource or data source for each
kind of :data:`~constructs_xtap.wire.OBJECT_KINDS`, all on one kind engine.

The names load on first use, not at import: the provider process imports this package before its handshake,
which needs none of them (:mod:`constructs_xtap.provider.__main__`), and must not import
``constructs_xtap.graph`` nor ``constructs_xtap.wire`` by then (which is why this package and the Graph
client's each say how in a few lines, rather than sharing a helper). ``_HOMES`` names each export
once; ``__all__`` and ``__getattr__`` follow from it. A type checker sees the names loaded this way as
``Any``: typed code imports them from their module (``constructs_xtap.provider.provider``), as this project's
own code does.
"""

from __future__ import annotations

import importlib
from typing import Any

#: Each exported name and the module it lives in, in ``__all__``'s order (CONSTANTS, Classes, functions).
_HOMES = {
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
__all__ = list(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
