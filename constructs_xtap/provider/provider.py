"""The ``xtap`` Terraform provider: its configuration block, and the Graph client built from it."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from typing import Any

from tf.iface import Config, DataSource, Provider, Resource
from tf.schema import Attribute, Schema
from tf.types import Bool, Number, String, TfType
from tf.utils import Diagnostics

from constructs_xtap.graph import GraphClient, GraphSettings
from constructs_xtap.provider import refined_unknowns
from constructs_xtap.provider.consistency import Waits
from constructs_xtap.provider.partner_configuration_resource import PartnerConfigurationResource
from constructs_xtap.provider.provider_config import resolve_provider_config
from constructs_xtap.provider.provider_not_configured import ProviderNotConfigured
from constructs_xtap.wire import PROVIDER_SETTINGS
from constructs_xtap.wire.partner_schema import PROVIDER_HOSTNAME, PROVIDER_LOCAL_NAME, PROVIDER_SOURCE

#: The provider block's attributes are strings, except these.
_NON_STRING_TYPES: dict[str, TfType] = {"use_managed_identity": Bool(), "timeout_seconds": Number()}


class XtapProvider(Provider):
    """Serves ``xtap_partner_configuration``; one Graph client (session, msal cache) per process."""

    def __init__(
        self,
        *,
        environ: Mapping[str, str] | None = None,
        client_factory: Callable[[GraphSettings], GraphClient] = GraphClient.from_settings,
        waits: Waits | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        refined_unknowns.install()  # before any request is decoded, in the process and in tests alike
        self.environ: Mapping[str, str] = os.environ if environ is None else environ
        self.client_factory = client_factory
        self._configured_waits = waits or Waits()
        #: The waits in force: the configured ones, capped by ``timeout_seconds`` once configured.
        self.waits = self._configured_waits
        self.sleep = sleep
        self._client: GraphClient | None = None
        self._not_ready = "the provider has not been configured yet"

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
            elif not problems:
                self._not_ready = "part of the provider configuration is only known after apply"
            else:
                self._not_ready = "the provider configuration has errors (see above)"
        except Exception as error:  # never a traceback in Terraform's output
            diags.add_error("Internal error configuring the xtap provider", f"{error!r}")

    def graph_client(self) -> GraphClient:
        if self._client is None:
            raise ProviderNotConfigured(f"Graph cannot be called: {self._not_ready}.")
        return self._client

    def get_data_sources(self) -> list[type[DataSource]]:
        return []

    def get_resources(self) -> list[type[Resource]]:
        return [PartnerConfigurationResource]

    def new_resource(self, klass: type[Resource]) -> Any:
        return klass(self)
