"""The ``xtap_partner_configuration`` resource: one Graph crossTenantAccessPolicyConfigurationPartner.

Served by the kind engine (:mod:`kind_resource`: read, update, import, validation, semantic plans); this file
holds what only partners do (graph-api.md §1.2-1.5):

* create: one POST with ``tenantId``; state from the 201 body. The settings Graph documents for PATCH only
  (``m365CollaborationInbound``, ``m365CollaborationOutbound``, ``appServiceConnectInbound``) follow in one
  PATCH right after the POST [assumption: §1.2 does not list them for create, so create does not rely on
  POST accepting them]. A 409 is resolved by reading the partner: equal to what we sent → it is our own
  earlier create whose answer was lost, adopt it; different → with ``adopt_existing = true`` take it over
  and PATCH it to the configuration, otherwise fail with the import advice (:mod:`import_advice`: the cdktf
  way first, then the exact ``terraform import``); not readable → a partner
  deleted moments ago is still propagating, so wait (:mod:`consistency`) and POST again.
* delete: DELETE; 404 counts as deleted; a refusal (service provider, identity synchronization left)
  explains what to do and keeps the state.
* import: by tenant id, checked to be a GUID before any call.

``tenant_id`` is Graph's key and read-only, so changing it replaces the resource. ``is_service_provider``
is settable on create only, and Graph refuses to delete a partner that is a service provider, so a
replacement could never complete: a change of it fails at plan with an explanation instead.
``is_in_multi_tenant_organization`` is read-only in Graph (computed). ``adopt_existing`` is never sent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tf.iface import DeleteContext, State
from tf.types import Unknown
from tf.utils import Diagnostics

from constructs_xtap.graph.errors import (
    GraphBadRequest,
    GraphConflict,
    GraphForbidden,
    GraphNotFound,
    GraphResponseError,
)
from constructs_xtap.provider.consistency import ConsistencyTimeout
from constructs_xtap.provider.graph_diagnostics import GraphDiagnostic, diagnose, facts
from constructs_xtap.provider.kind_resource import KindResource, ObjectExists
from constructs_xtap.provider.kind_state import differing_attributes, known, patch_body, put_graph_value
from constructs_xtap.wire import PARTNER, RESOURCE_TYPE, canonical_setting, is_guid
from constructs_xtap.wire.partner_schema import ATTR_IS_SERVICE_PROVIDER, ATTR_TENANT_ID

if TYPE_CHECKING:  # pragma: no cover
    from constructs_xtap.graph.client import GraphClient

ATTR_ADOPT_EXISTING = "adopt_existing"
PartnerExists = ObjectExists  # the name this module used before the kind engine


def import_command(tenant_id: str) -> str:
    return f"terraform import {RESOURCE_TYPE}.<name> {tenant_id}"


def create_body(planned: dict[str, Any]) -> dict[str, Any]:
    """The POST body: ``tenantId``, each set setting documented for create, ``isServiceProvider`` if true.

    Settings that mean "inherit" are left out (Graph stores them as ``null``); ``isServiceProvider: false``
    is Graph's default, so it is not sent either.
    """
    body: dict[str, Any] = {"tenantId": planned[ATTR_TENANT_ID]}
    for attribute in PARTNER_FACE.json_attributes:
        value = known(planned.get(attribute.name))
        if attribute.graph_name not in PARTNER.update_only and canonical_setting(value) is not None:
            body[str(attribute.graph_name)] = value
    if known(planned.get(ATTR_IS_SERVICE_PROVIDER)) is True:
        body["isServiceProvider"] = True
    return body


def update_only_body(planned: dict[str, Any]) -> dict[str, Any]:
    """The PATCH that follows the POST: each set setting Graph documents for update only."""
    body: dict[str, Any] = {}
    for attribute in PARTNER_FACE.json_attributes:
        value = known(planned.get(attribute.name))
        if attribute.graph_name in PARTNER.update_only and canonical_setting(value) is not None:
            put_graph_value(body, str(attribute.graph_name), value)
    return body


class PartnerConfigurationResource(KindResource):
    """Terraform's view of one partner configuration."""

    kind = PARTNER
    noun = "partner configuration"
    construct_resource = "partner.resource"

    def __init__(self, provider: Any) -> None:
        super().__init__(provider)
        self._sent_service_provider = False

    # ------------------------------------------------------------------ plan time

    def plan_kind(self, diags: Diagnostics, current: State | None, planned: State) -> None:
        self._check_service_provider(diags, current, planned)

    def _check_service_provider(self, diags: Diagnostics, current: State | None, planned: State) -> None:
        if current is None:
            return
        was, wants = current.get(ATTR_IS_SERVICE_PROVIDER), planned.get(ATTR_IS_SERVICE_PROVIDER)
        tenant_changes = current.get(ATTR_TENANT_ID) != planned.get(ATTR_TENANT_ID)
        if wants is not Unknown and bool(was) != bool(wants) and not tenant_changes:
            value = str(bool(was)).lower()
            diags.add_error(
                "is_service_provider cannot change on an existing partner",
                f"The partner configuration for tenant {current.get(ATTR_TENANT_ID)} has "
                f"is_service_provider = {value}. Graph sets it only when a partner is created and refuses to "
                "delete a partner that is a service provider, so neither an update nor a replacement can "
                f"change it. Set is_service_provider = {value} again (or leave it out if false). To really "
                "change it, remove the partner in the Entra admin center, run `terraform state rm` for this "
                "resource, and apply.",
                path=[ATTR_IS_SERVICE_PROVIDER],
            )

    # ------------------------------------------------------------------ lifecycle

    def create_in_graph(
        self, diags: Diagnostics, client: GraphClient, planned: State, key: str | None
    ) -> dict[str, Any] | None:
        tenant_id = str(key)
        body = create_body(planned)
        self._sent_service_provider = "isServiceProvider" in body
        created: dict[str, Any] | None
        try:
            created = client.create_partner(body)
        except GraphConflict as conflict:
            created = self._resolve_conflict(diags, client, body, conflict, planned)
        except GraphResponseError:
            # Graph said yes (2xx) but its body is unreadable: the partner exists, so read it instead.
            created = client.get_partner(tenant_id)
        if created is None:
            return None
        later = update_only_body(planned)
        if later and differing_attributes(PARTNER_FACE, created, later, names=_UPDATE_ONLY_NAMES):
            client.update_partner(tenant_id, later)
            created = self.read_back(client, tenant_id, planned)
        return created

    def update_body(self, current: State, planned: State) -> dict[str, Any]:
        body = patch_body(PARTNER_FACE, current, planned)
        body.pop("isServiceProvider", None)  # create-only; a change is refused at plan
        return body

    def delete(self, ctx: DeleteContext, current: State) -> State | None:
        tenant_id = str(current[ATTR_TENANT_ID])
        with self._boundary(ctx.diagnostics, "delete", tenant_id):
            try:
                self.provider.graph_client().delete_partner(tenant_id)
            except GraphNotFound:
                pass  # already gone: that is what delete wants
            except (GraphBadRequest, GraphForbidden, GraphConflict) as refused:
                if isinstance(refused, GraphForbidden) and not current.get(ATTR_IS_SERVICE_PROVIDER):
                    raise
                from constructs_xtap.graph.client import PARTNERS_PATH

                ctx.diagnostics.add_error(
                    f"Graph refused to delete the partner configuration for tenant {tenant_id}",
                    "Graph does not delete a partner that is your cloud service provider "
                    "(is_service_provider = true), nor one that still has an identity synchronization policy "
                    f"(delete {PARTNERS_PATH}/{tenant_id}/identitySynchronization first). "
                    "To stop managing it without deleting it, run `terraform state rm` for this resource "
                    "(with cdktf, in cdktf.out/stacks/<stack>) and remove it from the configuration."
                    f"\n\n{facts(refused)}",
                    path=[ATTR_TENANT_ID],
                )
                return current
            return None
        return current

    def import_key(self, diags: Diagnostics, id: str) -> str | None:
        tenant_id = id.strip().lower()
        if not is_guid(tenant_id):
            diags.add_error(
                "Invalid import id",
                f"{id!r} is not a tenant id. Import a partner configuration by the partner's tenant id (a "
                f"GUID): {import_command('<tenant id>')}",
                path=[ATTR_TENANT_ID],
            )
        return tenant_id

    # ------------------------------------------------------------------ helpers

    def _resolve_conflict(
        self,
        diags: Diagnostics,
        client: GraphClient,
        body: dict[str, Any],
        conflict: GraphConflict,
        planned: State,
    ) -> dict[str, Any] | None:
        tenant_id = str(body["tenantId"])
        desired = self.desired(planned)

        def attempt() -> dict[str, Any] | None:
            try:
                existing = client.get_partner(tenant_id)
            except GraphNotFound:
                # Graph still holds the key of a partner deleted moments ago; POST again once it has let go.
                try:
                    return client.create_partner(body)
                except GraphConflict:
                    return None
            differing = differing_attributes(PARTNER_FACE, existing, desired)
            if differing:
                raise PartnerExists(existing, differing)
            return existing  # equal to what we sent: our own earlier create, whose answer was lost

        try:
            return self.wait(
                attempt,
                what=f"Graph releasing tenant id {tenant_id} after a recent delete",
                timeout=self.provider.waits.conflict_after_delete,
            )
        except PartnerExists as exists:
            if known(planned.get(ATTR_ADOPT_EXISTING)) is True:
                return self._take_over(diags, client, tenant_id, exists, planned, conflict)
            diags.add_error(
                f"A partner configuration for tenant {tenant_id} already exists",
                "It exists in Graph but not in this Terraform state, and its settings differ from this "
                f"configuration in: {', '.join(exists.differing)}. Nothing was changed.\n"
                f"{self.import_advice(tenant_id)}\n\n{facts(conflict)}",
                path=[ATTR_TENANT_ID],
            )
        except ConsistencyTimeout as timeout:
            diags.add_error(
                f"Graph still reports a partner configuration for tenant {tenant_id}",
                f"Creating it answers 409 but reading it answers 404, for {timeout.timeout:g} s: a partner "
                "deleted moments ago is still being removed (Graph soft-deletes partners). Run apply again "
                "in a few minutes. If it persists, look for it under "
                "/beta/policies/deletedItems/crossTenantPartners "
                f"and restore or permanently delete it.\n\n{facts(conflict)}",
                path=[ATTR_TENANT_ID],
            )
        return None

    def _take_over(
        self,
        diags: Diagnostics,
        client: GraphClient,
        tenant_id: str,
        exists: ObjectExists,
        planned: State,
        conflict: GraphConflict,
    ) -> dict[str, Any] | None:
        """``adopt_existing = true``: PATCH the existing partner to the configuration (whole settings)."""
        if ATTR_IS_SERVICE_PROVIDER in exists.differing:
            value = str(bool(exists.existing.get("isServiceProvider"))).lower()
            diags.add_error(
                f"Cannot adopt the partner configuration for tenant {tenant_id}",
                f"It exists with is_service_provider = {value}, which Graph sets only when a partner is "
                f"created; set is_service_provider = {value} to adopt it. Nothing was changed.\n\n"
                f"{facts(conflict)}",
                path=[ATTR_IS_SERVICE_PROVIDER],
            )
            return None
        body: dict[str, Any] = {}
        for attribute in PARTNER_FACE.json_attributes:
            if attribute.name in exists.differing:
                value = known(planned.get(attribute.name))
                body[str(attribute.graph_name)] = value if canonical_setting(value) is not None else None
        client.update_partner(tenant_id, body)
        return self.read_back(client, tenant_id, planned)

    def verify_answer(self, found: dict[str, Any], key: str | None) -> dict[str, Any]:
        # An answer without the partner's key is not a partner (a proxy's page, a truncated body): trusting
        # it would read every setting as "inherit" and plan to rewrite them all.
        answered = found.get("tenantId")
        if not isinstance(answered, str) or answered.lower() != str(key).lower():
            raise GraphResponseError(
                f"Graph answered with tenantId {answered!r} when asked for partner {key!r}"
            )
        return found

    def diagnostic(self, error: BaseException, action: str, key: str | None) -> GraphDiagnostic:
        return diagnose(
            error,
            action=action,
            tenant_id=key,
            sent_service_provider=action == "create" and self._sent_service_provider,
        )


PARTNER_FACE = PartnerConfigurationResource.face()
_UPDATE_ONLY_NAMES = tuple(
    a.name for a in PARTNER_FACE.json_attributes if a.graph_name in PARTNER.update_only
)
