"""The hand-written L1 binding of the Terraform resource ``xtap_partner_configuration``.

It is a cdktf or a cdktn element, as its scope's framework is (``framework.BoundResource``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from constructs import Construct

from constructs_xtap.constructs.framework import BoundResource, bound_framework
from constructs_xtap.constructs.kind_settings import kind_face, kind_json_settings
from constructs_xtap.wire import PARTNER, PARTNER_RESOURCE_TYPE
from constructs_xtap.wire.partner_schema import ATTR_ID, ATTR_IS_SERVICE_PROVIDER, ATTR_TENANT_ID

if TYPE_CHECKING:
    from cdktf import (
        IResolvable,
        ITerraformDependable,
        ITerraformIterator,
        TerraformCount,
        TerraformProvider,
        TerraformResourceLifecycle,
    )


_FACE = kind_face(PARTNER)
RESOURCE_TYPE = PARTNER_RESOURCE_TYPE
ATTR_ADOPT_EXISTING = _FACE.attribute("adopt_existing").name
ATTR_IS_IN_MULTI_TENANT_ORGANIZATION = _FACE.attribute("is_in_multi_tenant_organization").name

#: Every JSON-string setting of the partner (attribute, Graph name), from its kind description.
PARTNER_JSON_SETTINGS = kind_json_settings(PARTNER)


class XtapPartnerConfiguration(BoundResource):
    """``resource "xtap_partner_configuration"``: attributes exactly as the provider's schema declares them.

    Nested settings are JSON strings (``json_settings``: attribute name -> text written like Terraform's
    ``jsonencode``); an attribute left out is ``null`` in Terraform, which means "inherit from the default
    configuration". ``adopt_existing``: default ``None``, left out (the provider's default, false): a create
    that meets an existing partner fails. Prefer the L2 ``CrossTenantAccessPartner``, which builds these
    strings and validates. Raises ``ValueError`` naming any ``json_settings`` key the resource does not have.
    """

    TF_RESOURCE_TYPE = RESOURCE_TYPE

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        tenant_id: str,
        json_settings: dict[str, str] | None = None,
        is_service_provider: bool | IResolvable | None = None,
        adopt_existing: bool | IResolvable | None = None,
        count: int | TerraformCount | None = None,
        depends_on: Sequence[ITerraformDependable] | None = None,
        for_each: ITerraformIterator | None = None,
        lifecycle: TerraformResourceLifecycle | None = None,
        provider: TerraformProvider | None = None,
    ) -> None:
        super().__init__(
            scope,
            id,
            terraform_resource_type=RESOURCE_TYPE,
            terraform_generator_metadata=bound_framework(self).generator_metadata,
            count=count,
            depends_on=depends_on,
            for_each=for_each,
            lifecycle=lifecycle,
            provider=provider,
        )
        known = {s.attribute for s in PARTNER_JSON_SETTINGS}
        unknown = sorted(set(json_settings or {}) - known)
        if unknown:
            raise ValueError(f"{RESOURCE_TYPE} has no attribute(s) {unknown}; known: {sorted(known)}")
        self._tenant_id = tenant_id
        self._json_settings = dict(json_settings or {})
        self._is_service_provider = is_service_provider
        self._adopt_existing = adopt_existing

    @property
    def partner_id(self) -> str:
        """The ``id`` attribute (a token until deploy): equals the partner's tenant id."""
        return self.get_string_attribute(ATTR_ID)

    @property
    def tenant_id_attribute(self) -> str:
        """The ``tenant_id`` attribute as a token, for referencing from other resources."""
        return self.get_string_attribute(ATTR_TENANT_ID)

    @property
    def is_in_multi_tenant_organization(self) -> IResolvable:
        """The computed ``is_in_multi_tenant_organization`` (a token): whether the partner is a member of a
        multitenant organization with this tenant (Graph's read-only ``isInMultiTenantOrganization``)."""
        return self.get_boolean_attribute(ATTR_IS_IN_MULTI_TENANT_ORGANIZATION)

    @property
    def json_settings(self) -> dict[str, str]:
        """The JSON-string attributes that are set (attribute name -> JSON text)."""
        return dict(self._json_settings)

    def _synthesize_attributes(self) -> dict[str, Any]:
        attributes: dict[str, Any] = {ATTR_TENANT_ID: self._tenant_id, **self._json_settings}
        if self._is_service_provider is not None:
            attributes[ATTR_IS_SERVICE_PROVIDER] = self._is_service_provider
        if self._adopt_existing is not None:
            attributes[ATTR_ADOPT_EXISTING] = self._adopt_existing
        return attributes
