"""The hand-written L1 binding of the Terraform resource ``xtap_default_configuration``.

It is a cdktf or a cdktn element, as its scope's framework is (``framework.BoundResource``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from constructs import Construct

from constructs_xtap.constructs.framework import BoundResource, bound_framework
from constructs_xtap.constructs.kind_settings import kind_face, kind_json_settings
from constructs_xtap.wire import DEFAULT, DEFAULT_RESOURCE_TYPE

if TYPE_CHECKING:
    from cdktf import (
        IResolvable,
        ITerraformDependable,
        TerraformProvider,
        TerraformResourceLifecycle,
    )


_FACE = kind_face(DEFAULT)
ATTR_ID = _FACE.attribute("id").name
ATTR_IS_SERVICE_DEFAULT = _FACE.attribute("is_service_default").name

#: Every JSON-string setting of the default configuration (attribute, Graph name), from its description.
DEFAULT_JSON_SETTINGS = kind_json_settings(DEFAULT)


class XtapDefaultConfiguration(BoundResource):
    """``resource "xtap_default_configuration"``: the tenant's default cross-tenant access configuration
    (PATCH /policies/crossTenantAccessPolicy/default, graph-api.md §1.6, §2.10).

    Nested settings are JSON strings (``json_settings``: attribute name -> text written like Terraform's
    ``jsonencode``); an attribute left out is ``null`` in Terraform: the setting keeps its system default.
    Prefer the L2 ``CrossTenantAccessDefaults``, which builds these strings and validates. Raises
    ``ValueError`` naming any ``json_settings`` key the resource does not have.
    """

    TF_RESOURCE_TYPE = DEFAULT_RESOURCE_TYPE

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        json_settings: dict[str, str] | None = None,
        depends_on: Sequence[ITerraformDependable] | None = None,
        lifecycle: TerraformResourceLifecycle | None = None,
        provider: TerraformProvider | None = None,
    ) -> None:
        super().__init__(
            scope,
            id,
            terraform_resource_type=DEFAULT_RESOURCE_TYPE,
            terraform_generator_metadata=bound_framework(self).generator_metadata,
            depends_on=depends_on,
            lifecycle=lifecycle,
            provider=provider,
        )
        known = {s.attribute for s in DEFAULT_JSON_SETTINGS}
        unknown = sorted(set(json_settings or {}) - known)
        if unknown:
            raise ValueError(f"{DEFAULT_RESOURCE_TYPE} has no attribute(s) {unknown}; known: {sorted(known)}")
        self._json_settings = dict(json_settings or {})

    @property
    def default_id(self) -> str:
        """The computed ``id`` attribute (a token until deploy)."""
        return self.get_string_attribute(ATTR_ID)

    @property
    def is_service_default(self) -> IResolvable:
        """The computed ``is_service_default`` (a token): true while Graph holds the system default."""
        return self.get_boolean_attribute(ATTR_IS_SERVICE_DEFAULT)

    @property
    def json_settings(self) -> dict[str, str]:
        """The JSON-string attributes that are set (attribute name -> JSON text)."""
        return dict(self._json_settings)

    def _synthesize_attributes(self) -> dict[str, Any]:
        return dict(self._json_settings)
