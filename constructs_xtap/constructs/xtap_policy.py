"""The hand-written cdktf L1 binding of the Terraform resource ``xtap_policy``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cdktf import ITerraformDependable, TerraformProvider, TerraformResource, TerraformResourceLifecycle
from constructs import Construct

from constructs_xtap.constructs.kind_settings import kind_face
from constructs_xtap.constructs.xtap_provider import XTAP_GENERATOR_METADATA
from constructs_xtap.wire import POLICY, POLICY_RESOURCE_TYPE

_FACE = kind_face(POLICY)
ATTR_ID = _FACE.attribute("id").name
ATTR_ALLOWED_CLOUD_ENDPOINTS = _FACE.attribute("allowed_cloud_endpoints").name


class XtapPolicy(TerraformResource):
    """``resource "xtap_policy"``: the tenant's cross-tenant access policy object
    (PATCH /policies/crossTenantAccessPolicy, graph-api.md §1.7, §2.11).

    ``allowed_cloud_endpoints``: a list of strings (or a list token). Default ``None``: left out, ``null``
    in Terraform. Prefer the L2 ``CrossTenantAccessPolicy``, which validates the values (R19).
    """

    TF_RESOURCE_TYPE = POLICY_RESOURCE_TYPE

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        allowed_cloud_endpoints: Sequence[str] | None = None,
        depends_on: Sequence[ITerraformDependable] | None = None,
        lifecycle: TerraformResourceLifecycle | None = None,
        provider: TerraformProvider | None = None,
    ) -> None:
        super().__init__(
            scope,
            id,
            terraform_resource_type=POLICY_RESOURCE_TYPE,
            terraform_generator_metadata=XTAP_GENERATOR_METADATA,
            depends_on=depends_on,
            lifecycle=lifecycle,
            provider=provider,
        )
        self._allowed_cloud_endpoints = allowed_cloud_endpoints

    @property
    def policy_id(self) -> str:
        """The computed ``id`` attribute (a token until deploy)."""
        return self.get_string_attribute(ATTR_ID)

    def _synthesize_attributes(self) -> dict[str, Any]:
        if self._allowed_cloud_endpoints is None:
            return {}
        return {ATTR_ALLOWED_CLOUD_ENDPOINTS: [str.__str__(e) for e in self._allowed_cloud_endpoints]}
