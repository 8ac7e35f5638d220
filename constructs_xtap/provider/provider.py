"""The ``xtap`` Terraform provider: its configuration block, and the Graph client built from it."""

from __future__ import annotations

import importlib
import os
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from tf.iface import Config, DataSource, Provider, Resource
from tf.schema import Attribute, Schema
from tf.types import Bool, Number, String, TfType
from tf.utils import Diagnostics

from constructs_xtap.graph.errors import GraphError
from constructs_xtap.provider import refined_unknowns
from constructs_xtap.provider.consistency import Waits
from constructs_xtap.provider.graph_diagnostics import PERMISSION as WRITE_PERMISSION
from constructs_xtap.provider.graph_diagnostics import diagnose
from constructs_xtap.provider.listed_reads import ListedReads
from constructs_xtap.provider.provider_config import resolve_provider_config
from constructs_xtap.provider.provider_not_configured import ProviderNotConfigured
from constructs_xtap.provider.tenant_information_data_source import READ_PERMISSION as LOOKUP_PERMISSION
from constructs_xtap.wire import OBJECT_KINDS, PROVIDER_SETTINGS, TerraformFace
from constructs_xtap.wire.partner_schema import PROVIDER_HOSTNAME, PROVIDER_LOCAL_NAME, PROVIDER_SOURCE

if TYPE_CHECKING:  # pragma: no cover
    from constructs_xtap.graph.client import GraphClient
    from constructs_xtap.graph.graph_settings import GraphSettings

#: The provider block's attributes are strings, except these.
_NON_STRING_TYPES: dict[str, TfType] = {"use_managed_identity": Bool(), "timeout_seconds": Number()}


class XtapProvider(Provider):
    """Serves a resource or data source for each kind of :data:`~constructs_xtap.wire.OBJECT_KINDS` with a
    Terraform face (:func:`served_class`); one Graph client (session, msal cache) per process."""

    def __init__(
        self,
        *,
        environ: Mapping[str, str] | None = None,
        client_factory: Callable[[GraphSettings], GraphClient] | None = None,
        waits: Waits | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        refined_unknowns.install()  # before any request is decoded, in the process and in tests alike
        self.environ: Mapping[str, str] = os.environ if environ is None else environ
        self.client_factory = client_factory or _graph_client
        self._configured_waits = waits or Waits()
        #: The waits in force: the configured ones, capped by ``timeout_seconds`` once configured.
        self.waits = self._configured_waits
        self.sleep = sleep
        self._client: GraphClient | None = None
        #: The lists reads are served from (:mod:`listed_reads`); new with every configured client.
        self.listed_reads = ListedReads()
        self._not_ready = "the provider has not been configured yet"
        #: What the configured credential's token may do; ``None`` until known (or when unreadable).
        self.granted_permissions: frozenset[str] | None = None

    def get_model_prefix(self) -> str:
        return f"{PROVIDER_LOCAL_NAME}_"

    def full_name(self) -> str:
        return f"{PROVIDER_HOSTNAME}/{PROVIDER_SOURCE}"

    def get_provider_schema(self, diags: Diagnostics) -> Schema:
        return Schema(
            version=1,
            description="Cross-tenant access policy of a Microsoft Entra ID tenant, through Microsoft Graph.",
            attributes=[
                Attribute(
                    s.attribute,
                    _NON_STRING_TYPES.get(s.attribute, String()),
                    description=f"{s.description} Environment: {', '.join(s.env)}.",
                    optional=True,
                    sensitive=s.sensitive,
                )
                for s in PROVIDER_SETTINGS
            ],
        )

    def validate_config(self, diags: Diagnostics, config: Config) -> None:
        try:
            _, problems = resolve_provider_config(config, self.environ)
        except Exception as error:  # never a traceback in Terraform's output
            diags.add_error("Internal error validating the xtap provider configuration", f"{error!r}")
            return
        for problem in problems:
            diags.add_error(problem.summary, problem.detail, path=[problem.attribute])

    def configure_provider(self, diags: Diagnostics, config: Config) -> None:
        try:
            settings, problems = resolve_provider_config(config, self.environ)
            for problem in problems:
                diags.add_error(problem.summary, problem.detail, path=[problem.attribute])
            if settings is not None:
                if self._client is not None:
                    self._client.close()
                self.waits = self._configured_waits.bounded_by(settings.retry_deadline)
                self._client = self.client_factory(settings)
                self.listed_reads = ListedReads()
                self._authenticate(diags, self._client)
            elif not problems:
                self._not_ready = "part of the provider configuration is only known after apply"
            else:
                self._not_ready = "the provider configuration has errors (see above)"
        except Exception as error:  # never a traceback in Terraform's output
            diags.add_error("Internal error configuring the xtap provider", f"{error!r}")

    def _authenticate(self, diags: Diagnostics, client: GraphClient) -> None:
        """Get a token while being configured, as the azuread provider does: a wrong secret, an unknown
        tenant or an unreachable Entra ID fails the plan with Entra's AADSTS code, not the apply."""
        try:
            self.granted_permissions = client.granted_permissions()
        except GraphError as error:
            found = diagnose(error, action="authenticate", tenant_id=None)
            diags.add_error(found.summary, found.detail)
            self._not_ready = "Entra ID refused the provider's credential (see above)"
            self._client = None

    def write_permission_warning(self) -> tuple[str, str] | None:
        """Summary and detail of the warning for a plan that writes with a token unable to write."""
        return self._missing_permission_warning(
            WRITE_PERMISSION,
            "This plan creates, changes or replaces cross-tenant access settings, but the access token the "
            f"provider got carries no {WRITE_PERMISSION}",
            "will refuse the apply with 403",
            " (Policy.Read.All is enough for plans alone.)",
        )

    def lookup_permission_warning(self) -> tuple[str, str] | None:
        """Summary and detail of the warning for a tenant lookup with a token unable to look tenants up."""
        return self._missing_permission_warning(
            LOOKUP_PERMISSION,
            f"xtap_tenant_information looks tenants up with findTenantInformationBy…, which needs "
            f"{LOOKUP_PERMISSION}",
            "will answer 403",
            "",
        )

    def _missing_permission_warning(
        self, permission: str, what: str, consequence: str, note: str
    ) -> tuple[str, str] | None:
        """The warning that the token lacks ``permission`` (and how to grant it); ``None`` when it has it
        or when the token's permissions are unknown."""
        granted = self.granted_permissions
        if granted is None or permission in granted:
            return None
        held = ", ".join(sorted(granted)) or "none"
        return (
            f"The xtap provider's token lacks {permission}",
            f"{what} (the token's roles/scp claim holds: {held}), so Graph {consequence}. Grant it: Entra "
            "admin center > App registrations > your app > API permissions > Add a permission > Microsoft "
            f"Graph > Application permissions > {permission}, then 'Grant admin consent'.{note}",
        )

    def graph_client(self) -> GraphClient:
        if self._client is None:
            raise ProviderNotConfigured(f"Graph cannot be called: {self._not_ready}.")
        return self._client

    def get_data_sources(self) -> list[type[DataSource]]:
        return [
            served_class(kind.terraform)
            for kind in OBJECT_KINDS
            if kind.terraform and kind.terraform.data_source
        ]

    def get_resources(self) -> list[type[Resource]]:
        return [
            served_class(kind.terraform)
            for kind in OBJECT_KINDS
            if kind.terraform and not kind.terraform.data_source
        ]

    def new_resource(self, klass: type[Resource]) -> Any:
        return klass(self)

    def new_data_source(self, klass: type[DataSource]) -> Any:
        return klass(self)


def served_class(face: TerraformFace) -> Any:
    """The class that serves a kind's Terraform face, found by its type name (one file per thing, named
    after it): ``xtap_policy`` is ``PolicyResource`` in :mod:`policy_resource`, ``xtap_tenant_information``
    is ``TenantInformationDataSource`` in :mod:`tenant_information_data_source`. A kind without its file
    raises ``ModuleNotFoundError`` naming the module to write (a subclass of :class:`KindResource` that
    names the kind and its noun)."""
    role = "data_source" if face.data_source else "resource"
    stem = f"{face.type_name.removeprefix(f'{PROVIDER_LOCAL_NAME}_')}_{role}"
    module = importlib.import_module(f"{__package__}.{stem}")
    return getattr(module, "".join(word.capitalize() for word in stem.split("_")))


def _graph_client(settings: GraphSettings) -> GraphClient:
    """The Graph client for ``settings``; its HTTP stack (requests, urllib3) loads here, on configure, so a
    process that only answers schema and validation calls never imports it."""
    from constructs_xtap.graph.client import GraphClient

    return GraphClient.from_settings(settings)
