"""The ``xtap_policy`` resource: the tenant's crossTenantAccessPolicy object (graph-api.md §1.7, §2.11).

One per tenant. ``allowed_cloud_endpoints`` is a set (order carries no meaning) and must be a subset of the
documented clouds (R19), checked at plan. It is optional and computed: left out it means the documented
default, an empty set, and is planned as ``[]`` (the schema default, :mod:`plugin_servicer`), so a left-out
value over a ``[]`` state plans no change while a cloud added elsewhere shows as drift back to ``[]``.
Create and update PATCH it; destroy PATCHes it back to ``[]``. Import id: ``policy``.
"""

from __future__ import annotations

from typing import Any

from tf.iface import Config
from tf.types import Unknown
from tf.utils import Diagnostics

from constructs_xtap.provider.kind_resource import KindResource
from constructs_xtap.wire import ALLOWED_CLOUD_ENDPOINTS, POLICY
from constructs_xtap.wire.graph_properties import ALLOWED_CLOUD_ENDPOINTS_PROPERTY

ATTR_ALLOWED_CLOUD_ENDPOINTS = ALLOWED_CLOUD_ENDPOINTS_PROPERTY.attribute


class PolicyResource(KindResource):
    """Terraform's view of the cross-tenant access policy object."""

    kind = POLICY
    noun = "cross-tenant access policy"

    def validate_kind(self, diags: Diagnostics, config: Config) -> None:
        endpoints = config.get(ATTR_ALLOWED_CLOUD_ENDPOINTS)
        if endpoints is None or endpoints is Unknown:
            return
        seen: set[str] = set()
        for index, endpoint in enumerate(endpoints):
            if endpoint is Unknown:
                continue
            if endpoint not in ALLOWED_CLOUD_ENDPOINTS:
                diags.add_error(
                    "Unknown cloud endpoint",
                    f"allowed_cloud_endpoints[{index}] is {endpoint!r}; Graph accepts only "
                    f"{', '.join(ALLOWED_CLOUD_ENDPOINTS)} (graph-api R19; names are case-sensitive).",
                    path=[ATTR_ALLOWED_CLOUD_ENDPOINTS],
                )
            elif endpoint in seen:
                diags.add_error(
                    "Repeated cloud endpoint",
                    f"allowed_cloud_endpoints lists {endpoint!r} twice; list each cloud once.",
                    path=[ATTR_ALLOWED_CLOUD_ENDPOINTS],
                )
            seen.add(endpoint)

    def verify_answer(self, found: dict[str, Any], key: str | None) -> dict[str, Any]:
        # The documentation's example wraps the policy in "value" (§5.20, a doc artefact): accept both.
        inner = found.get("value")
        if isinstance(inner, dict) and ALLOWED_CLOUD_ENDPOINTS_PROPERTY.name not in found:
            return inner
        return found
