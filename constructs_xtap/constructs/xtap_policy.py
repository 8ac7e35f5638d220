"""The hand-written L1 binding of the Terraform resource ``xtap_policy``.

It is a cdktf or a cdktn element, as its scope's framework is (``framework.BoundResource``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from constructs import Construct

from constructs_xtap.constructs.framework import BoundResource, bound_framework
from constructs_xtap.constructs.kind_settings import kind_face
from constructs_xtap.constructs.unresolved import is_unresolved
from constructs_xtap.wire import POLICY, POLICY_RESOURCE_TYPE

if TYPE_CHECKING:
    from cdktf import (
        ITerraformDependable,
        TerraformProvider,
        TerraformResourceLifecycle,
    )


_FACE = kind_face(POLICY)
ATTR_ID = _FACE.attribute("id").name
ATTR_ALLOWED_CLOUD_ENDPOINTS = _FACE.attribute("allowed_cloud_endpoints").name


class XtapPolicy(BoundResource):
    """``resource "xtap_policy"``: the tenant's cross-tenant access policy object
    (PATCH /policies/crossTenantAccessPolicy, graph-api.md §1.7, §2.11).

    ``allowed_cloud_endpoints``: a list of strings (or a list token). The provider's attribute is a set, so
    the strings are written sorted (tokens among them after, in the order given) and a synth never reorders
    them. Default ``None``: left out of cdk.tf.json (``null`` in Terraform), which the provider treats as
    the documented default, no other cloud, the same as ``[]``. Prefer the L2 ``CrossTenantAccessPolicy``,
    which validates the values (R19).
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
            terraform_generator_metadata=bound_framework(self).generator_metadata,
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
        return {ATTR_ALLOWED_CLOUD_ENDPOINTS: in_stable_order(self._allowed_cloud_endpoints)}


def in_stable_order(endpoints: Sequence[str]) -> list[str]:
    """``endpoints`` as plain strings, sorted, with anything else (deploy-time tokens, whose text says
    nothing about their value) after them in the order given; a list token is returned as it is."""
    if is_unresolved(endpoints):
        return list(endpoints)
    texts = [str.__str__(e) if isinstance(e, str) else e for e in endpoints]
    plain = [t for t in texts if isinstance(t, str) and not is_unresolved(t)]
    return sorted(plain) + [t for t in texts if not isinstance(t, str) or is_unresolved(t)]
