"""The ``xtap_partner_configuration`` resource: one Graph crossTenantAccessPolicyConfigurationPartner.

Lifecycle (graph-api.md §1.2-1.5):

* create: one POST with ``tenantId``; state from the 201 body. A 409 is resolved by reading the partner:
  equal to what we sent → it is our own earlier create whose answer was lost, adopt it; different → fail
  with the import command; not readable → a partner deleted moments ago is still propagating, so wait
  (:mod:`consistency`) and POST again.
* read: GET; 404 drops the resource from state; ``null`` means "inherit" and is not a difference.
* update: PATCH with the complete desired value of each changed setting (``null`` when removed), then
  read back until Graph shows it.
* delete: DELETE; 404 counts as deleted.
* import: by tenant id, checked to be a GUID before any call.

``tenant_id`` is Graph's key and read-only, so changing it replaces the resource. ``is_service_provider``
is settable on create only, and Graph refuses to delete a partner that is a service provider, so a
replacement could never complete: a change of it fails at plan with an explanation instead.

No exception leaves this class: everything is caught here and becomes a diagnostic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from tf.iface import (
    Config,
    CreateContext,
    DeleteContext,
    ImportContext,
    PlanContext,
    ReadContext,
    Resource,
    State,
    UpdateContext,
)
from tf.schema import Attribute, Schema
from tf.types import Bool, String, Unknown
from tf.utils import Diagnostics

from constructs_xtap.graph import (
    PARTNERS_PATH,
    GraphBadRequest,
    GraphClient,
    GraphConflict,
    GraphForbidden,
    GraphNotFound,
    GraphResponseError,
)
from constructs_xtap.provider.configured_address import configured_addresses
from constructs_xtap.provider.consistency import ConsistencyTimeout, wait_until
from constructs_xtap.provider.graph_diagnostics import diagnose, facts
from constructs_xtap.provider.partner_state import (
    create_body,
    differing_settings,
    keep_equal_settings,
    patch_body,
    state_from_partner,
    unknown_enum_paths,
)
from constructs_xtap.provider.setting_validation import setting_problems
from constructs_xtap.provider.terraform_json import TerraformJson
from constructs_xtap.wire import JSON_SETTINGS, RESOURCE_TYPE, is_guid
from constructs_xtap.wire.partner_schema import ATTR_ID, ATTR_IS_SERVICE_PROVIDER, ATTR_TENANT_ID

if TYPE_CHECKING:  # pragma: no cover
    from constructs_xtap.provider.provider import XtapProvider

T = TypeVar("T")


def import_command(tenant_id: str) -> str:
    return f"terraform import {RESOURCE_TYPE}.<name> {tenant_id}"


def _import_advice(tenant_id: str) -> str:
    addresses = configured_addresses(tenant_id)
    if len(addresses) == 1:
        return (
            "To manage it with this configuration, import it into state (with cdktf, in "
            f"cdktf.out/stacks/<stack>):\n  terraform import {addresses[0]} {tenant_id}\n"
            "The next plan then shows how it differs from the configuration."
        )
    return (
        "To manage it with this configuration, import it into state:\n"
        f"  {import_command(tenant_id)}\n"
        f"where <name> is this resource's name in the configuration (Terraform does not tell the provider "
        "which resource is being created). With cdktf, run the command in cdktf.out/stacks/<stack> and take "
        f'the name from cdk.tf.json under "resource" > "{RESOURCE_TYPE}", or add an import block:\n'
        f'  import {{\n    to = {RESOURCE_TYPE}.<name>\n    id = "{tenant_id}"\n  }}\n'
        "The next plan then shows how it differs from the configuration."
    )


class PartnerExists(Exception):
    """A partner for this tenant exists in Graph and is not the one we tried to create."""

    def __init__(self, partner: dict[str, Any], differing: list[str]) -> None:
        super().__init__("partner exists")
        self.partner = partner
        self.differing = differing


class PartnerConfigurationResource(Resource):
    """Terraform's view of one partner configuration."""

    def __init__(self, provider: XtapProvider) -> None:
        self.provider = provider

    @classmethod
    def get_name(cls) -> str:
        return "partner_configuration"

    @classmethod
    def get_schema(cls) -> Schema:
        settings = [
            Attribute(
                s.attribute,
                TerraformJson(),
                description=(
                    f"Graph's `{s.graph_name}` as a JSON object string in Graph's camelCase (as `jsonencode` "
                    "writes it). Left out or null: inherit the tenant's default cross-tenant access settings."
                ),
                optional=True,
            )
            for s in JSON_SETTINGS
        ]
        return Schema(
            version=1,
            description="Partner-specific cross-tenant access settings for one external Entra ID tenant.",
            attributes=[
                Attribute(
                    ATTR_ID, String(), description="The partner's tenant id (Graph's key).", computed=True
                ),
                Attribute(
                    ATTR_TENANT_ID,
                    String(),
                    description="Tenant id (lower-case GUID) of the partner organisation. "
                    "Changing it replaces the partner configuration.",
                    required=True,
                    requires_replace=True,
                ),
                *settings,
                Attribute(
                    ATTR_IS_SERVICE_PROVIDER,
                    Bool(),
                    description="Whether the partner is your cloud service provider. Graph sets it on create "
                    "only and never deletes a service-provider partner, so it cannot change later. Left out: "
                    "not a service provider.",
                    optional=True,
                ),
            ],
        )

    # ------------------------------------------------------------------ plan time

    def validate(self, diags: Diagnostics, type_name: str, config: Config) -> None:
        with self._boundary(diags, "validate", None):
            self._validate(diags, type_name, config)

    def _validate(self, diags: Diagnostics, type_name: str, config: Config) -> None:
        super().validate(diags, type_name, config)
        if diags.has_errors():
            return
        tenant_id = config.get(ATTR_TENANT_ID)
        if isinstance(tenant_id, str) and not (is_guid(tenant_id) and tenant_id == tenant_id.lower()):
            diags.add_error(
                "Invalid tenant_id",
                f"tenant_id is {tenant_id!r}; it must be the partner's tenant id as a lower-case GUID, "
                "e.g. 72f988bf-86f1-41af-91ab-2d7cd011db47 (Graph keys partners by it).",
                path=[ATTR_TENANT_ID],
            )
        for setting in JSON_SETTINGS:
            self._validate_json(diags, setting.attribute, setting.graph_name, config.get(setting.attribute))

    @staticmethod
    def _validate_json(diags: Diagnostics, attribute: str, graph_name: str, raw: Any) -> None:
        if raw is None or raw is Unknown:
            return
        try:
            value = TerraformJson().decode(raw)
        except ValueError as exc:
            diags.add_error(
                f"{attribute} is not valid JSON",
                f"{exc}. Set it to jsonencode({{...}}) of Graph's {graph_name} object, "
                "or leave it out to inherit.",
                path=[attribute],
            )
            return
        if value is not None and not isinstance(value, dict):
            diags.add_error(
                f"{attribute} must be a JSON object",
                f"Got {type(value).__name__}; set it to jsonencode({{...}}) of Graph's {graph_name} object.",
                path=[attribute],
            )
            return
        for problem in setting_problems(attribute, value):
            diags.add_error(problem.summary, problem.detail, path=[attribute])

    def plan(self, ctx: PlanContext, current: State | None, planned: State) -> State | None:
        with self._boundary(ctx.diagnostics, "plan", None):
            self._check_service_provider(ctx.diagnostics, current, planned)
            if current is not None and current.get(ATTR_TENANT_ID) == planned.get(ATTR_TENANT_ID):
                keep_equal_settings(current, planned)
        return planned

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

    def create(self, ctx: CreateContext, planned: State) -> State | None:
        tenant_id = str(planned[ATTR_TENANT_ID])
        body = create_body(planned)
        with self._boundary(
            ctx.diagnostics, "create", tenant_id, sent_service_provider="isServiceProvider" in body
        ):
            client = self.provider.graph_client()
            created: dict[str, Any] | None
            try:
                created = client.create_partner(body)
            except GraphConflict as conflict:
                created = self._resolve_conflict(ctx.diagnostics, client, body, conflict)
            except GraphResponseError:
                # Graph said yes (2xx) but its body is unreadable: the partner exists, so read it instead.
                created = client.get_partner(tenant_id)
            if created is None:
                return None
            return self._state(ctx.diagnostics, created, tenant_id, planned)
        return None

    def read(self, ctx: ReadContext, current: State) -> State | None:
        tenant_id = str(current.get(ATTR_TENANT_ID) or current.get(ATTR_ID))
        with self._boundary(ctx.diagnostics, "read", tenant_id):
            try:
                partner = self.provider.graph_client().get_partner(tenant_id)
            except GraphNotFound:
                return None  # deleted outside Terraform: drop it, the next plan creates it again
            return self._state(ctx.diagnostics, partner, tenant_id, current)
        return current

    def update(self, ctx: UpdateContext, current: State, planned: State) -> State | None:
        tenant_id = str(current[ATTR_TENANT_ID])
        with self._boundary(ctx.diagnostics, "update", tenant_id):
            client = self.provider.graph_client()
            body = patch_body(current, planned)
            if body:
                client.update_partner(tenant_id, body)
            partner = self._read_back(client, tenant_id, planned)
            differing = differing_settings(partner, create_body(planned))
            if differing:
                ctx.diagnostics.add_error(
                    "Graph does not show the update yet",
                    f"After the update, Graph still answers different values for {', '.join(differing)} "
                    f"(waited {self.provider.waits.read_back:g} s). State now holds what Graph answered; run "
                    "plan again to see whether the change still needs applying.",
                    path=[differing[0]],
                )
            return self._state(ctx.diagnostics, partner, tenant_id, planned)
        return current

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

    def import_(self, ctx: ImportContext, id: str) -> State | None:
        tenant_id = id.strip().lower()
        if not is_guid(tenant_id):
            ctx.diagnostics.add_error(
                "Invalid import id",
                f"{id!r} is not a tenant id. Import a partner configuration by the partner's tenant id (a "
                f"GUID): {import_command('<tenant id>')}",
                path=[ATTR_TENANT_ID],
            )
            return None
        with self._boundary(ctx.diagnostics, "import", tenant_id):
            try:
                partner = self.provider.graph_client().get_partner(tenant_id)
            except GraphNotFound as missing:
                ctx.diagnostics.add_error(
                    "Nothing to import",
                    f"Graph has no partner configuration for tenant {tenant_id}. Check the id; to create it "
                    f"instead, remove the import and apply.\n\n{facts(missing)}",
                    path=[ATTR_TENANT_ID],
                )
                return None
            return self._state(ctx.diagnostics, partner, tenant_id, {})
        return None

    # ------------------------------------------------------------------ helpers

    def _resolve_conflict(
        self, diags: Diagnostics, client: GraphClient, body: dict[str, Any], conflict: GraphConflict
    ) -> dict[str, Any] | None:
        tenant_id = str(body["tenantId"])

        def attempt() -> dict[str, Any] | None:
            try:
                existing = client.get_partner(tenant_id)
            except GraphNotFound:
                # Graph still holds the key of a partner deleted moments ago; POST again once it has let go.
                try:
                    return client.create_partner(body)
                except GraphConflict:
                    return None
            differing = differing_settings(existing, body)
            if differing:
                raise PartnerExists(existing, differing)
            return existing  # equal to what we sent: our own earlier create, whose answer was lost

        try:
            return self._wait(
                attempt,
                what=f"Graph releasing tenant id {tenant_id} after a recent delete",
                timeout=self.provider.waits.conflict_after_delete,
            )
        except PartnerExists as exists:
            diags.add_error(
                f"A partner configuration for tenant {tenant_id} already exists",
                "It exists in Graph but not in this Terraform state, and its settings differ from this "
                f"configuration in: {', '.join(exists.differing)}. Nothing was changed.\n"
                f"{_import_advice(tenant_id)}\n\n{facts(conflict)}",
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

    def _read_back(self, client: GraphClient, tenant_id: str, planned: State) -> dict[str, Any]:
        """GET until Graph shows the planned settings (bounded); the last answer is returned either way."""
        desired = create_body(planned)
        last: dict[str, Any] = {}

        def shows_update() -> dict[str, Any] | None:
            nonlocal last
            last = client.get_partner(tenant_id)
            return last if not differing_settings(last, desired) else None

        try:
            return self._wait(
                shows_update,
                what=f"Graph showing the update of partner {tenant_id}",
                timeout=self.provider.waits.read_back,
            )
        except ConsistencyTimeout:
            return last

    def _wait(self, check: Callable[[], T | None], *, what: str, timeout: float) -> T:
        """Poll ``check`` with the provider's intervals until it yields a result or ``timeout`` passes."""
        waits = self.provider.waits
        return wait_until(
            check,
            what=what,
            timeout=timeout,
            first_interval=waits.first_interval,
            max_interval=waits.max_interval,
            sleep=self.provider.sleep,
        )

    def _state(self, diags: Diagnostics, partner: dict[str, Any], tenant_id: str, prior: State) -> State:
        # An answer without the partner's key is not a partner (a proxy's page, a truncated body): trusting
        # it would read every setting as "inherit" and plan to rewrite them all.
        answered = partner.get("tenantId")
        if not isinstance(answered, str) or answered.lower() != tenant_id.lower():
            raise GraphResponseError(
                f"Graph answered with tenantId {answered!r} when asked for partner {tenant_id!r}"
            )
        for path in unknown_enum_paths(partner):
            diags.add_warning(
                "Graph returned unknownFutureValue",
                f"{path} is 'unknownFutureValue': Graph holds a value newer than the v1.0 API can show. It "
                "is kept in state as returned; the plan shows it as a difference, and applying sets the "
                "configured value.",
                path=[path.split(".", 1)[0].split("[", 1)[0]],
            )
        return state_from_partner(partner, tenant_id=tenant_id.lower(), prior=prior)

    @contextmanager
    def _boundary(
        self, diags: Diagnostics, action: str, tenant_id: str | None, *, sent_service_provider: bool = False
    ) -> Iterator[None]:
        """Turn any exception into a diagnostic: Terraform must never see a Python traceback."""
        try:
            yield
        except Exception as error:  # the resource boundary: nothing may escape to tf's gRPC layer
            found = diagnose(
                error, action=action, tenant_id=tenant_id, sent_service_provider=sent_service_provider
            )
            diags.add_error(found.summary, found.detail, path=found.path or None)
