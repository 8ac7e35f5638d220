"""The ``xtap`` Terraform provider (plugin protocol through PyPI ``tf``): a resource or data source for each
kind of :data:`~constructs_xtap.wire.OBJECT_KINDS`, all on one kind engine.

The names load on first use, not at import: the provider process imports this package before its handshake,
which needs none of them (:mod:`constructs_xtap.provider.__main__`), and must not import
``constructs_xtap.graph`` nor ``constructs_xtap.wire`` by then (which is why this package and the Graph
client's each say how in a few lines, rather than sharing a helper). ``_EXPORTS`` names each module's
exports once; ``__all__`` and ``__getattr__`` follow from it.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS: dict[str, tuple[str, ...]] = {
    "consistency": ("ConsistencyTimeout", "Waits", "wait_until"),
    "default_configuration_resource": ("DefaultConfigurationResource",),
    "kind_resource": ("KindResource",),
    "partner_configuration_resource": ("PartnerConfigurationResource",),
    "partner_identity_synchronization_resource": ("PartnerIdentitySynchronizationResource",),
    "plugin_servicer": ("XtapServicer",),
    "policy_resource": ("PolicyResource",),
    "provider": ("XtapProvider",),
    "provider_config": ("ConfigProblem", "resolve_provider_config"),
    "provider_not_configured": ("ProviderNotConfigured",),
    "tenant_information_data_source": ("TenantInformationDataSource",),
    "terraform_json": ("TerraformJson",),
}

_HOME = {name: module for module, names in _EXPORTS.items() for name in names}
#: ruff's isort-style order (RUF022): CONSTANTS, then Classes, then functions.
__all__ = sorted(_HOME, key=lambda name: (0 if name.isupper() else 1 if name[:1].isupper() else 2, name))


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
