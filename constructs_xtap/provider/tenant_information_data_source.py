"""The ``xtap_tenant_information`` data source: an Entra ID tenant found by domain name or tenant id.

``GET /tenantRelationships/findTenantInformationByDomainName(domainName='…')`` or
``…ByTenantId(tenantId='…')`` (anchors-turn2.md §4) answers ``{tenantId, displayName, defaultDomainName,
federationBrandName}``. Exactly one of ``domain_name`` and ``tenant_id`` must be given (a validate error
otherwise). An unknown domain or tenant is an error naming it; a 403 names the permission it needs,
``CrossTenantInformation.ReadBasic.All``. No exception leaves this class.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tf.iface import Config, DataSource, ReadDataContext, State
from tf.schema import Schema
from tf.types import Unknown
from tf.utils import Diagnostics

from constructs_xtap.graph.errors import GraphForbidden, GraphNotFound
from constructs_xtap.provider.graph_diagnostics import diagnose, facts
from constructs_xtap.provider.kind_resource import schema_attribute
from constructs_xtap.wire import TENANT_INFORMATION, is_guid
from constructs_xtap.wire.object_kinds import TerraformFace

if TYPE_CHECKING:  # pragma: no cover
    from constructs_xtap.provider.provider import XtapProvider

READ_PERMISSION = "CrossTenantInformation.ReadBasic.All"
ATTR_DOMAIN_NAME = "domain_name"
ATTR_TENANT_ID = "tenant_id"


def _face() -> TerraformFace:
    face = TENANT_INFORMATION.terraform
    assert face is not None
    return face


class TenantInformationDataSource(DataSource):
    """Terraform's view of Graph's tenant lookup."""

    def __init__(self, provider: XtapProvider) -> None:
        self.provider = provider

    @classmethod
    def get_name(cls) -> str:
        return _face().type_name.removeprefix("xtap_")

    @classmethod
    def get_schema(cls) -> Schema:
        face = _face()
        return Schema(
            version=1, description=face.description, attributes=[schema_attribute(a) for a in face.attributes]
        )

    def validate(self, diags: Diagnostics, type_name: str, config: Config) -> None:
        try:
            super().validate(diags, type_name, config)
            domain, tenant = config.get(ATTR_DOMAIN_NAME), config.get(ATTR_TENANT_ID)
            if domain is Unknown or tenant is Unknown:
                return  # Terraform reads the data source once both are known
            if (domain is None) == (tenant is None):
                diags.add_error(
                    "Give exactly one of domain_name and tenant_id",
                    "xtap_tenant_information looks a tenant up either by one of its domain names "
                    '(domain_name = "contoso.com") or by its tenant id (tenant_id = "<GUID>"); '
                    + ("both are set." if domain is not None else "neither is set."),
                    path=[ATTR_DOMAIN_NAME],
                )
            elif isinstance(tenant, str) and not is_guid(tenant):
                diags.add_error(
                    "Invalid tenant_id",
                    f"tenant_id is {tenant!r}, which is not a GUID; to look a tenant up by a domain name, "
                    "set domain_name instead.",
                    path=[ATTR_TENANT_ID],
                )
        except Exception as error:  # never a traceback in Terraform's output
            diags.add_error("Internal error validating xtap_tenant_information", f"{error!r}")

    def read(self, ctx: ReadDataContext, config: Config) -> State | None:
        domain, tenant = config.get(ATTR_DOMAIN_NAME), config.get(ATTR_TENANT_ID)
        asked = f"domain {domain}" if domain is not None else f"tenant id {tenant}"
        try:
            client = self.provider.graph_client()
            if domain is not None:
                found = client.find_tenant_information(domain_name=str(domain))
            else:
                found = client.find_tenant_information(tenant_id=str(tenant))
        except GraphNotFound as missing:
            ctx.diagnostics.add_error(
                f"No Entra ID tenant found for {asked}",
                f"Graph knows no tenant with the {asked}. Check the spelling; Graph finds a tenant by a "
                "verified domain name, e.g. contoso.com or contoso.onmicrosoft.com."
                f"\n\n{facts(missing)}",
                path=[ATTR_DOMAIN_NAME if domain is not None else ATTR_TENANT_ID],
            )
            return None
        except GraphForbidden as refused:
            ctx.diagnostics.add_error(
                "Permission denied to look up tenant information",
                f"Graph refused to look up the {asked}: the application lacks the Microsoft Graph "
                f"application permission {READ_PERMISSION} (admin consent required). Grant it: Entra admin "
                "center > App registrations > your app > API permissions > Add a permission > Microsoft "
                f"Graph > Application permissions > {READ_PERMISSION}, then 'Grant admin consent'."
                f"\n\n{facts(refused)}",
                path=[ATTR_DOMAIN_NAME if domain is not None else ATTR_TENANT_ID],
            )
            return None
        except Exception as error:  # never a traceback in Terraform's output
            found_error = diagnose(
                error,
                action="look up",
                tenant_id=None,
                subject=f"the {asked}",
                noun="tenant information",
                path=[],
            )
            ctx.diagnostics.add_error(found_error.summary, found_error.detail)
            return None
        return self._state(config, found)

    @staticmethod
    def _state(config: Config, found: dict[str, Any]) -> State:
        """The data source's state: what the configuration gave, and each Graph answer that is a string (the
        tenant id in lower case, unless configured)."""
        state: dict[str, Any] = {}
        for attribute in _face().attributes:
            if attribute.graph_name is None:
                state[attribute.name] = config.get(attribute.name)
                continue
            answered = found.get(attribute.graph_name)
            answered = answered if isinstance(answered, str) else None
            if attribute.settable:  # the key: as configured, else found (lower case)
                answered = config.get(attribute.name) or (answered.lower() if answered else None)
            state[attribute.name] = answered
        return state
