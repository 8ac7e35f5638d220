"""``CrossTenantAccessPolicy``: the tenant's cross-tenant access policy object, as a construct."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from constructs import Construct

from constructs_xtap.constructs.cloud_endpoint import CloudEndpoint
from constructs_xtap.constructs.framework import place_under
from constructs_xtap.constructs.l1_binding import in_stable_order
from constructs_xtap.constructs.object_claim import claim_object
from constructs_xtap.constructs.problem_collector import ProblemCollector
from constructs_xtap.constructs.setting_validation import provider_problems
from constructs_xtap.constructs.stack_provider import stack_provider
from constructs_xtap.constructs.unresolved import is_unresolved
from constructs_xtap.constructs.xtap_policy import XtapPolicy
from constructs_xtap.constructs.xtap_provider import XtapProvider
from constructs_xtap.wire import ALLOWED_CLOUD_ENDPOINTS, POLICY
from constructs_xtap.wire.graph_properties import ALLOWED_CLOUD_ENDPOINTS_PROPERTY

_ENDPOINTS = sorted(ALLOWED_CLOUD_ENDPOINTS)
_GRAPH_NAME = ALLOWED_CLOUD_ENDPOINTS_PROPERTY.name


class CrossTenantAccessPolicy(Construct):
    """The cross-tenant access policy object (PATCH /policies/crossTenantAccessPolicy, graph-api.md §1.7,
    §2.11): which other Microsoft clouds this tenant collaborates with.

    ``allowed_cloud_endpoints``: a list of ``CloudEndpoint`` values or their strings, each once:
    ``microsoftonline.com``, ``microsoftonline.us``, ``partner.microsoftonline.cn`` (§3.1 R19); ``[]``
    collaborates with none. Order carries no meaning (Graph's and Terraform's value is a set): the clouds are
    written sorted, so reordering them changes nothing. A list token (e.g. a variable's ``list_value``)
    passes through unchecked, as do tokens among the elements (written after the clouds). Default ``None``:
    left out of the resource (cdk.tf.json has no ``allowed_cloud_endpoints``), which the provider treats as
    the documented default: no other Microsoft cloud, the same as ``[]``. When you first enable a
    cloud, B2B collaboration with all its tenants is blocked until a partner configuration allows it
    (Entra docs).
    ``provider``: default: the stack's ``XtapProvider``, added once per stack.

    At most one per stack and provider configuration: Graph keeps one policy per tenant, so a second
    ``CrossTenantAccessPolicy`` under the same provider alias (or both under the default provider) is a
    problem naming both construct paths. Raises ``XtapValidationError`` listing every problem.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        allowed_cloud_endpoints: Sequence[CloudEndpoint | str] | None = None,
        provider: XtapProvider | None = None,
    ) -> None:
        super().__init__(scope, id)
        place_under(self, scope)
        out = provider_problems(self, provider)
        endpoints = _check_endpoints(out, allowed_cloud_endpoints)
        claim_object(self, out.path, POLICY, provider, out.problems, [])

        self._allowed_cloud_endpoints = endpoints
        self._provider = provider if provider is not None else stack_provider(self)
        self.resource = XtapPolicy(
            self, "Resource", allowed_cloud_endpoints=endpoints, provider=self._provider
        )

    @property
    def allowed_cloud_endpoints(self) -> list[str] | None:
        """The endpoints as plain strings, sorted as written (or the list token given); ``None`` when left
        out."""
        return None if self._allowed_cloud_endpoints is None else list(self._allowed_cloud_endpoints)

    @property
    def provider(self) -> XtapProvider:
        """The provider block this policy is managed through."""
        return self._provider

    @property
    def graph_body(self) -> dict[str, Any]:
        """The exact JSON body of the PATCH (the clouds sorted); empty when ``allowed_cloud_endpoints`` is
        left out."""
        if self._allowed_cloud_endpoints is None:
            return {}
        return {_GRAPH_NAME: list(self._allowed_cloud_endpoints)}


def _check_endpoints(out: ProblemCollector, endpoints: Any) -> list[str] | None:
    """The endpoints as plain strings after adding every problem with them (R19)."""
    prop = "allowed_cloud_endpoints"
    if endpoints is None:
        return None
    if is_unresolved(endpoints):
        return list(endpoints)
    if isinstance(endpoints, str) or not isinstance(endpoints, Sequence):
        out.add(
            prop,
            endpoints,
            f"must be a list of cloud endpoints, not {type(endpoints).__name__}",
            f"pass a list, e.g. [CloudEndpoint.US_GOVERNMENT]; allowed: {_ENDPOINTS}",
        )
        return None
    seen: dict[str, int] = {}
    for index, endpoint in enumerate(endpoints):
        if is_unresolved(endpoint):
            continue
        if not isinstance(endpoint, str) or endpoint not in _ENDPOINTS:
            near = [e for e in _ENDPOINTS if isinstance(endpoint, str) and e == endpoint.strip().lower()]
            out.add(
                f"{prop}[{index}]",
                endpoint,
                f"is not a Microsoft cloud Graph accepts (graph-api.md §3.1 R19: one of {_ENDPOINTS})",
                f"write {near[0]!r}" if near else f"use CloudEndpoint or one of {_ENDPOINTS}",
            )
        elif endpoint in seen:
            out.add(
                f"{prop}[{index}]", str(endpoint), f"duplicates [{seen[endpoint]}]", "list each cloud once"
            )
        else:
            seen[endpoint] = index
    return in_stable_order(endpoints)
