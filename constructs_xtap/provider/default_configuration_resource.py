"""The ``xtap_default_configuration`` resource: the tenant's crossTenantAccessPolicyConfigurationDefault.

One per tenant (graph-api.md §1.6, §2.10). Served by the kind engine; what is special lives in the kind's
description: create and update PATCH (a setting left out is sent as its system default, vector
get_default_beta_service_default), a setting equal to its system default reads as ``null`` while the
configuration leaves it out (so a portal change to any setting shows as drift), and destroy POSTs
``…/default/resetToSystemDefault``. ``automaticUserConsentSettings`` is read-only on the default (R17) and
is not an argument; ``isServiceDefault`` is computed and planned unknown whenever a write is planned.
Import id: ``default``.
"""

from __future__ import annotations

from constructs_xtap.provider.kind_resource import KindResource
from constructs_xtap.wire import DEFAULT


class DefaultConfigurationResource(KindResource):
    """Terraform's view of the default cross-tenant access configuration."""

    kind = DEFAULT
    noun = "default cross-tenant access configuration"
    recalculated = ("is_service_default",)
