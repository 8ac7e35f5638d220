"""The hand-written L1 binding of the Terraform resource ``xtap_partner_identity_synchronization``.

It is a cdktf or a cdktn element, as its scope's framework is (``framework.BoundResource``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from constructs import Construct

from constructs_xtap.constructs.framework import BoundResource, bound_framework
from constructs_xtap.constructs.kind_settings import kind_face
from constructs_xtap.wire import (
    IDENTITY_SYNCHRONIZATION,
    IDENTITY_SYNCHRONIZATION_RESOURCE_TYPE,
)

if TYPE_CHECKING:
    from cdktf import (
        IResolvable,
        ITerraformDependable,
        TerraformProvider,
        TerraformResourceLifecycle,
    )


_FACE = kind_face(IDENTITY_SYNCHRONIZATION)
ATTR_ID = _FACE.attribute("id").name
ATTR_TENANT_ID = _FACE.attribute("tenant_id").name
ATTR_USER_SYNC_INBOUND = _FACE.attribute("user_sync_inbound").name
ATTR_DISPLAY_NAME = _FACE.attribute("display_name").name
#: The provider's optional bool: on 409 take the existing policy over and update it (never sent to Graph).
ATTR_ADOPT_EXISTING = "adopt_existing"


class XtapPartnerIdentitySynchronization(BoundResource):
    """``resource "xtap_partner_identity_synchronization"``: one partner's identity synchronization policy
    (PUT .../partners/{tenantId}/identitySynchronization, graph-api.md §1.8).

    ``tenant_id``: the partner's tenant id; pass the partner resource's ``tenant_id_attribute`` so Terraform
    creates this after the partner and destroys it first (Graph refuses to delete a partner that still has
    one, §3.1 R7). ``user_sync_inbound``: whether the partner's users may be synchronized in.
    ``display_name``: default ``None``, left out (Graph keeps no name). ``adopt_existing``: default ``None``,
    left out (the provider's default, false): a create that meets an existing policy fails unless it already
    holds these settings; ``True`` takes the existing policy over and updates it. Prefer the L2
    ``CrossTenantAccessPartner(identity_synchronization=IdentitySynchronization(...))``.
    """

    TF_RESOURCE_TYPE = IDENTITY_SYNCHRONIZATION_RESOURCE_TYPE

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        tenant_id: str,
        user_sync_inbound: bool | IResolvable,
        display_name: str | None = None,
        adopt_existing: bool | IResolvable | None = None,
        depends_on: Sequence[ITerraformDependable] | None = None,
        lifecycle: TerraformResourceLifecycle | None = None,
        provider: TerraformProvider | None = None,
    ) -> None:
        super().__init__(
            scope,
            id,
            terraform_resource_type=IDENTITY_SYNCHRONIZATION_RESOURCE_TYPE,
            terraform_generator_metadata=bound_framework(self).generator_metadata,
            depends_on=depends_on,
            lifecycle=lifecycle,
            provider=provider,
        )
        self._tenant_id = tenant_id
        self._user_sync_inbound = user_sync_inbound
        self._display_name = display_name
        self._adopt_existing = adopt_existing

    @property
    def synchronization_id(self) -> str:
        """The computed ``id`` attribute (a token until deploy)."""
        return self.get_string_attribute(ATTR_ID)

    def _synthesize_attributes(self) -> dict[str, Any]:
        attributes: dict[str, Any] = {
            ATTR_TENANT_ID: self._tenant_id,
            ATTR_USER_SYNC_INBOUND: self._user_sync_inbound,
        }
        if self._display_name is not None:
            attributes[ATTR_DISPLAY_NAME] = self._display_name
        if self._adopt_existing is not None:
            attributes[ATTR_ADOPT_EXISTING] = self._adopt_existing
        return attributes
