"""PartnersStack: the deployable stack of partner configurations (``make deploy`` deploys it)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cdktf import TerraformStack
from constructs import Construct

from constructs_xtap import CrossTenantAccessPartner, XtapProvider
from stacks.documented_partners import DOCUMENTED_PARTNERS

#: The stack name ``make deploy`` targets; its state file is terraform.partners.tfstate.
PARTNERS_STACK_NAME = "partners"


class PartnersStack(TerraformStack):
    """One ``CrossTenantAccessPartner`` per entry of ``partners``.

    ``partners``: construct id -> ``CrossTenantAccessPartner`` keyword arguments. Default: the documented
    example plus the handful in ``stacks.documented_partners``.
    ``provider_settings``: keyword arguments for the stack's ``XtapProvider``. Default: none, so the
    provider reads everything from the environment (no secret is ever written into the stack).
    """

    def __init__(
        self,
        scope: Construct,
        id: str = PARTNERS_STACK_NAME,
        *,
        partners: Mapping[str, Mapping[str, Any]] | None = None,
        provider_settings: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(scope, id)
        self.provider = XtapProvider(self, "xtap", **dict(provider_settings or {}))
        self.partners: dict[str, CrossTenantAccessPartner] = {
            name: CrossTenantAccessPartner(self, name, provider=self.provider, **dict(props))
            for name, props in (DOCUMENTED_PARTNERS if partners is None else partners).items()
        }
