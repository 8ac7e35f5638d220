"""The hand-written L1 binding of the Terraform data source ``xtap_tenant_information``.

It is a cdktf or a cdktn element, as its scope's framework is (``framework.BoundResource``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from constructs import Construct

from constructs_xtap.constructs.framework import BoundDataSource, bound_framework
from constructs_xtap.constructs.kind_settings import kind_face
from constructs_xtap.wire import TENANT_INFORMATION, TENANT_INFORMATION_DATA_SOURCE

if TYPE_CHECKING:
    from cdktf import (
        ITerraformDependable,
        TerraformProvider,
    )


_FACE = kind_face(TENANT_INFORMATION)
TENANT_INFORMATION_DATA_SOURCE_TYPE = TENANT_INFORMATION_DATA_SOURCE
ATTR_DOMAIN_NAME = _FACE.attribute("domain_name").name
ATTR_TENANT_ID = _FACE.attribute("tenant_id").name
ATTR_DISPLAY_NAME = _FACE.attribute("display_name").name
ATTR_DEFAULT_DOMAIN_NAME = _FACE.attribute("default_domain_name").name
ATTR_FEDERATION_BRAND_NAME = _FACE.attribute("federation_brand_name").name


class DataXtapTenantInformation(BoundDataSource):
    """``data "xtap_tenant_information"``: a tenant looked up by domain name or tenant id
    (GET /tenantRelationships/findTenantInformationBy{DomainName,TenantId}, anchors-turn2.md §4).

    Give exactly one of ``domain_name`` and ``tenant_id`` (default ``None`` each: left out). Prefer the L2
    ``TenantInformation.by_domain_name`` / ``by_tenant_id``, which check that.
    """

    TF_RESOURCE_TYPE = TENANT_INFORMATION_DATA_SOURCE_TYPE

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        domain_name: str | None = None,
        tenant_id: str | None = None,
        depends_on: Sequence[ITerraformDependable] | None = None,
        provider: TerraformProvider | None = None,
    ) -> None:
        super().__init__(
            scope,
            id,
            terraform_resource_type=TENANT_INFORMATION_DATA_SOURCE_TYPE,
            terraform_generator_metadata=bound_framework(self).generator_metadata,
            depends_on=depends_on,
            provider=provider,
        )
        self._domain_name = domain_name
        self._tenant_id = tenant_id

    @property
    def tenant_id(self) -> str:
        """The ``tenant_id`` attribute as a token (the one given, or the one found by domain name)."""
        return self.get_string_attribute(ATTR_TENANT_ID)

    @property
    def display_name(self) -> str:
        """The computed ``display_name`` (a token): the tenant's organisation name."""
        return self.get_string_attribute(ATTR_DISPLAY_NAME)

    @property
    def default_domain_name(self) -> str:
        """The computed ``default_domain_name`` (a token), e.g. ``contoso.onmicrosoft.com``."""
        return self.get_string_attribute(ATTR_DEFAULT_DOMAIN_NAME)

    @property
    def federation_brand_name(self) -> str:
        """The computed ``federation_brand_name`` (a token); Graph answers ``null`` for most tenants."""
        return self.get_string_attribute(ATTR_FEDERATION_BRAND_NAME)

    def _synthesize_attributes(self) -> dict[str, Any]:
        attributes: dict[str, Any] = {}
        if self._domain_name is not None:
            attributes[ATTR_DOMAIN_NAME] = self._domain_name
        if self._tenant_id is not None:
            attributes[ATTR_TENANT_ID] = self._tenant_id
        return attributes
