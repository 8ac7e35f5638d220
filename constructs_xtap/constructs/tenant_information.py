"""``TenantInformation``: look a Microsoft Entra tenant up by domain name or tenant id, at deploy time."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from constructs import Construct

from constructs_xtap.constructs.admin_center_rules import raise_or_warn
from constructs_xtap.constructs.data_xtap_tenant_information import DataXtapTenantInformation
from constructs_xtap.constructs.framework import place_under
from constructs_xtap.constructs.partner_validation import check_tenant_id
from constructs_xtap.constructs.problem_collector import ProblemCollector
from constructs_xtap.constructs.setting_validation import provider_problems
from constructs_xtap.constructs.stack_provider import stack_provider
from constructs_xtap.constructs.unresolved import is_unresolved
from constructs_xtap.constructs.xtap_provider import XtapProvider
from constructs_xtap.wire import is_guid

# A DNS name of two or more labels (what Entra verifies as a domain); Graph puts it in a quoted path segment.
_DOMAIN = re.compile(r"(?=.{1,253}\Z)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9-]{2,63}")


class TenantInformation(Construct):
    """A tenant's public information (Graph's findTenantInformationByDomainName / ByTenantId, v1.0, global
    cloud; the provider needs ``CrossTenantInformation.ReadBasic.All``), read when Terraform plans.

    Build it with ``TenantInformation.by_domain_name(scope, id, "fabrikam.com")`` or
    ``TenantInformation.by_tenant_id(scope, id, "<GUID>")``. Its attributes are deploy-time tokens:
    ``tenant_id``, ``display_name``, ``default_domain_name`` and ``federation_brand_name`` (``null`` for most
    tenants). ``tenant_id`` can be a partner's tenant id, so a partner is written by its domain name::

        CrossTenantAccessPartner(stack, "fabrikam",
            tenant_id=TenantInformation.by_domain_name(stack, "fabrikam-tenant", "fabrikam.com").tenant_id)

    The constructor takes ``domain_name`` and ``tenant_id`` (default ``None`` each: left out of the data
    source); exactly one must be given, which the two factories guarantee.
    ``provider``: default: the stack's ``XtapProvider``, added once per stack.
    Raises ``XtapValidationError`` when neither or both keys are given, when the domain name is not a domain
    name (a GUID, an e-mail address, a URL: the fix names the bare domain inside) or the tenant id is not
    a GUID; a token passes through unchecked.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        domain_name: str | None = None,
        tenant_id: str | None = None,
        provider: XtapProvider | None = None,
    ) -> None:
        super().__init__(scope, id)
        place_under(self, scope)
        out = provider_problems(self, provider)
        if (domain_name is None) == (tenant_id is None):
            out.add(
                "domain_name, tenant_id",
                {"domain_name": domain_name, "tenant_id": tenant_id},
                "a lookup needs exactly one of them",
                "use TenantInformation.by_domain_name(scope, id, 'fabrikam.com') or "
                "TenantInformation.by_tenant_id(scope, id, '<tenant GUID>')",
            )
        elif domain_name is not None:
            _check_domain_name(out, domain_name)
        else:
            check_tenant_id(out, tenant_id)
        raise_or_warn(self, out.problems, [])

        self._provider = provider if provider is not None else stack_provider(self)
        if isinstance(tenant_id, str) and is_guid(tenant_id):
            tenant_id = tenant_id.lower()
        self.resource = DataXtapTenantInformation(
            self, "Resource", domain_name=domain_name, tenant_id=tenant_id, provider=self._provider
        )

    @classmethod
    def by_domain_name(
        cls, scope: Construct, id: str, domain_name: str, *, provider: XtapProvider | None = None
    ) -> TenantInformation:
        """The tenant that has verified ``domain_name`` (e.g. ``"fabrikam.com"``; its primary domain, per
        Graph's documentation). A deploy-time token is accepted."""
        return cls(scope, id, domain_name=domain_name, provider=provider)

    @classmethod
    def by_tenant_id(
        cls, scope: Construct, id: str, tenant_id: str, *, provider: XtapProvider | None = None
    ) -> TenantInformation:
        """The tenant with id ``tenant_id`` (a GUID, any case; or a deploy-time token)."""
        return cls(scope, id, tenant_id=tenant_id, provider=provider)

    @property
    def tenant_id(self) -> str:
        """The tenant id (a token until Terraform reads the data source)."""
        return self.resource.tenant_id

    @property
    def display_name(self) -> str:
        """The tenant's organisation name (a token)."""
        return self.resource.display_name

    @property
    def default_domain_name(self) -> str:
        """The tenant's default domain, e.g. ``contoso.onmicrosoft.com`` (a token)."""
        return self.resource.default_domain_name

    @property
    def federation_brand_name(self) -> str:
        """The tenant's federation brand name (a token; ``null`` for most tenants)."""
        return self.resource.federation_brand_name

    @property
    def provider(self) -> XtapProvider:
        """The provider block the lookup runs through."""
        return self._provider


def _check_domain_name(out: ProblemCollector, domain_name: Any) -> None:
    if is_unresolved(domain_name):
        return
    if not isinstance(domain_name, str):
        out.add(
            "domain_name",
            domain_name,
            f"must be a string, not {type(domain_name).__name__}",
            "pass the domain as text, e.g. 'fabrikam.com'",
        )
    elif is_guid(domain_name):
        out.add(
            "domain_name",
            domain_name,
            "is a tenant id, not a domain name",
            "use TenantInformation.by_tenant_id(scope, id, tenant_id) for a tenant id",
        )
    elif _DOMAIN.fullmatch(domain_name) is None:
        host = _bare_domain(domain_name)
        fix = (
            f"pass the domain alone: {host!r}"
            if host is not None
            else "pass a domain name the tenant has verified, e.g. 'fabrikam.com'"
        )
        out.add("domain_name", domain_name, "is not a domain name", fix)


def _bare_domain(text: str) -> str | None:
    """The domain name inside ``text`` when it is a URL, an e-mail address or a domain with a path or
    surrounding spaces (``https://fabrikam.com/`` -> ``fabrikam.com``); ``None`` when there is none."""
    candidate = text.strip()
    if "://" in candidate:
        try:
            candidate = urlsplit(candidate).hostname or ""
        except ValueError:  # e.g. an unclosed IPv6 bracket
            return None
    else:
        candidate = candidate.split("/", 1)[0]
    candidate = candidate.rsplit("@", 1)[-1]
    return candidate if _DOMAIN.fullmatch(candidate) else None
