"""``PartnerOwners``: which construct of a stack manages each partner, so no partner has two owners."""

from __future__ import annotations

import weakref
from typing import ClassVar

from cdktf import TerraformStack

from constructs_xtap.constructs.validation_problem import ValidationProblem


class PartnerOwners:
    """The owner (construct path) of every partner of one stack, keyed by provider alias and tenant id.

    Graph keeps one partner per tenant id (graph-api.md §3.1 R5). Two constructs for one tenant under one
    provider configuration would be two Terraform resources for one Graph object: the second create meets
    409 and adopts the first's partner, and each apply undoes the other's settings. The same tenant under
    two provider aliases (two home tenants being managed) or in two stacks is two partners, and legal.
    Tenant ids compare case-insensitively (Graph's ids do); tokens are never compared.
    """

    _of_stack: ClassVar[weakref.WeakKeyDictionary[TerraformStack, PartnerOwners]] = (
        weakref.WeakKeyDictionary()
    )

    def __init__(self) -> None:
        self._owners: dict[tuple[str | None, str], str] = {}

    @classmethod
    def of(cls, stack: TerraformStack) -> PartnerOwners:
        """The one registry of ``stack``, created on first use."""
        owners = cls._of_stack.get(stack)
        if owners is None:
            owners = cls._of_stack[stack] = cls()
        return owners

    def check(self, path: str, alias: str | None, tenant_id: str) -> list[ValidationProblem]:
        """The problem of ``path`` managing ``tenant_id`` through the provider ``alias``: [] when no other
        construct does yet, else one problem naming both construct paths."""
        owner = self._owners.get((alias, tenant_id.lower()))
        if owner is None:
            return []
        provider = "the default xtap provider" if alias is None else f"the xtap provider alias {alias!r}"
        return [
            ValidationProblem(
                path,
                "tenant_id",
                tenant_id,
                f"is already managed by {owner!r} through {provider}; two resources would own one Graph "
                "partner (Graph keeps one per tenant id) and each deploy would undo the other's settings",
                f"keep one CrossTenantAccessPartner per tenant: merge these settings into {owner!r} and "
                f"remove {path!r}; only another home tenant, through another XtapProvider alias, may add it",
            )
        ]

    def claim(self, path: str, alias: str | None, tenant_id: str) -> None:
        """Record ``path`` as the owner of ``tenant_id`` through the provider ``alias`` (after ``check``)."""
        self._owners.setdefault((alias, tenant_id.lower()), path)
