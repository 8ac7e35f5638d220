"""The ``xtap_partner_configuration`` resource: one Graph crossTenantAccessPolicyConfigurationPartner.

Served by the kind engine (:mod:`kind_resource`) like every kind; the partner's description says what only
partners do (graph-api.md §1.2-1.5): create is one POST to the collection with ``tenantId``, state from the
201 body; the settings Graph documents for PATCH only (``PARTNER.update_only``) follow in one PATCH right
after the POST [assumption: §1.2 does not list them for create, so create does not rely on POST accepting
them]; a 409 is resolved by the engine's :meth:`~KindResource.adopt_existing` (Graph soft-deletes partners,
``PARTNER.deleted_items``, so a 409 whose partner cannot be read is waited out and POSTed again).

``tenant_id`` is Graph's key and read-only, so changing it replaces the resource. ``is_service_provider``
is create-only (``PARTNER.create_only``), and Graph refuses to delete a partner that is a service provider,
so a replacement could never complete: a change of it fails at plan with an explanation instead.
``is_in_multi_tenant_organization`` is read-only in Graph (computed). ``adopt_existing`` is never sent.

What is left here is words: the noun, the create-only reason, and the advice when Graph refuses a delete
(a service provider, or an identity synchronization left) that keeps the state.
"""

from __future__ import annotations

from typing import ClassVar

from tf.iface import State

from constructs_xtap.graph.errors import GraphError, GraphForbidden
from constructs_xtap.provider.kind_resource import KindResource
from constructs_xtap.wire import IDENTITY_SYNCHRONIZATION, PARTNER
from constructs_xtap.wire.graph_properties import IS_SERVICE_PROVIDER


class PartnerConfigurationResource(KindResource):
    """Terraform's view of one partner configuration."""

    kind = PARTNER
    noun = "partner configuration"
    construct_resource = "partner.resource"
    create_only_reason: ClassVar[str] = (
        "Graph sets it only when a partner is created and refuses to delete a partner that is a service "
        "provider, so neither an update nor a replacement can change it."
    )

    differs = "its settings differ"

    def exists_title(self, key: str | None) -> str:
        return f"A {self.noun} for tenant {key} already exists"

    def delete_refusal(self, refused: GraphError, key: str | None, current: State) -> str | None:
        from constructs_xtap.graph.client import kind_path  # loaded already: a delete has called Graph

        if isinstance(refused, GraphForbidden) and not current.get(IS_SERVICE_PROVIDER.attribute):
            return None  # a missing permission, not a refusal of this partner
        return (
            "Graph does not delete a partner that is your cloud service provider "
            f"({IS_SERVICE_PROVIDER.attribute} = true), nor one that still has an identity synchronization "
            f"policy (delete {kind_path(IDENTITY_SYNCHRONIZATION, key)} first). "
            "To stop managing it without deleting it, run `terraform state rm` for this resource "
            "(with cdktf, in cdktf.out/stacks/<stack>) and remove it from the configuration."
        )
