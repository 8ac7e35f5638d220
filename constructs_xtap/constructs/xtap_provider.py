"""The hand-written L1 binding of this project's Terraform provider block, ``provider "xtap"``.

It is a cdktf or a cdktn element, as its scope's framework is (``framework.BoundProvider``).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import jsii
from constructs import Construct

from constructs_xtap.constructs.framework import BoundProvider, bound_framework
from constructs_xtap.constructs.unresolved import is_unresolved
from constructs_xtap.constructs.validation_problem import ValidationProblem
from constructs_xtap.constructs.xtap_validation_error import XtapValidationError
from constructs_xtap.wire.partner_schema import PROVIDER_LOCAL_NAME, PROVIDER_SOURCE

if TYPE_CHECKING:
    from cdktf import IResolvable


class XtapProvider(BoundProvider):
    """``provider "xtap"``: where and as whom the provider calls Graph.

    Every argument is optional and defaults to ``None``: left out of the block, so the provider reads
    it from its environment variables (``AZURE_TENANT_ID``, ``XTAP_GRAPH_ENDPOINT``, ...). Secrets
    (client secret, certificate password, federated token) have no argument on purpose: they would be
    written in clear into cdk.tf.json, so pipelines pass them through the environment.

    ``timeout_seconds``: how long one Graph call may keep retrying throttling (429) and server errors, and
    the longest the provider waits for Graph to settle. Default ``None``: ``XTAP_TIMEOUT_SECONDS``, else
    300 s.
    """

    TF_RESOURCE_TYPE = PROVIDER_LOCAL_NAME

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        alias: str | None = None,
        tenant_id: str | None = None,
        client_id: str | None = None,
        client_certificate_path: str | None = None,
        federated_token_file: str | None = None,
        use_managed_identity: bool | IResolvable | None = None,
        cloud: str | None = None,
        graph_endpoint: str | None = None,
        authority_host: str | None = None,
        ca_bundle: str | None = None,
        timeout_seconds: float | None = None,
    ) -> None:
        super().__init__(
            scope,
            id,
            terraform_resource_type=PROVIDER_LOCAL_NAME,
            terraform_generator_metadata=bound_framework(self).generator_metadata,
            terraform_provider_source=PROVIDER_SOURCE,
        )
        if timeout_seconds is not None:
            # Checked in this order because jsii cannot carry inf or nan to the token check; a number
            # token (e.g. a variable's number_value) is a finite negative float that must pass.
            number = isinstance(timeout_seconds, (int, float)) and not isinstance(timeout_seconds, bool)
            if (
                not number
                or not math.isfinite(timeout_seconds)
                or (timeout_seconds <= 0 and not is_unresolved(timeout_seconds))
            ):
                raise XtapValidationError(
                    [
                        ValidationProblem(
                            path=self.node.path,
                            property="timeout_seconds",
                            value=timeout_seconds,
                            problem="is not a positive number of seconds",
                            fix="pass e.g. 600, or leave it out for the default (300 s)",
                        )
                    ]
                )
        self._alias = alias
        self._settings: dict[str, Any] = {
            "tenant_id": tenant_id,
            "client_id": client_id,
            "client_certificate_path": client_certificate_path,
            "federated_token_file": federated_token_file,
            "use_managed_identity": use_managed_identity,
            "cloud": cloud,
            "graph_endpoint": graph_endpoint,
            "authority_host": authority_host,
            "ca_bundle": ca_bundle,
            "timeout_seconds": timeout_seconds,
        }

    # cdktf reads the alias through this getter (for the block and for "xtap.<alias>" references), and
    # the base class keeps none: generated bindings override it the same way.
    @property
    @jsii.member(jsii_name="alias")
    def alias(self) -> str | None:
        """The provider alias; default ``None``: the stack's default ``xtap`` provider."""
        return getattr(self, "_alias", None)

    @alias.setter
    def alias(self, value: str | None) -> None:
        self._alias = value

    @property
    def settings(self) -> dict[str, Any]:
        """The block's attributes as given; ``None`` means "from the environment"."""
        return dict(self._settings)

    def _synthesize_attributes(self) -> dict[str, Any]:
        # jsii calls this Python override (the underscore name is the binding of synthesizeAttributes).
        attributes = {k: v for k, v in self._settings.items() if v is not None}
        if self.alias is not None:
            attributes["alias"] = self.alias
        return attributes
