"""PartnersStack: the deployable stack of a tenant's cross-tenant posture (``make deploy`` deploys it)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from constructs import Construct

from constructs_xtap import (
    B2BSetting,
    CrossTenantAccessDefaults,
    CrossTenantAccessPartner,
    CrossTenantAccessPolicy,
    Target,
    TargetConfiguration,
    XtapProvider,
)
from constructs_xtap.constructs.framework import BoundStack, framework_of
from constructs_xtap.guardrails import Guardrails
from stacks.documented_partners import DOCUMENTED_PARTNERS

#: The stack name ``make deploy`` targets; its state file is terraform.partners.tfstate.
PARTNERS_STACK_NAME = "partners"


class PartnersStack(BoundStack):
    """The tenant's default configuration, its policy, and one ``CrossTenantAccessPartner`` per entry of
    ``partners``.

    The defaults block inbound B2B collaboration for everyone, so every partner that lets people in is an
    exception stated in code; every other default setting is stated as the system default (a change in the
    admin center shows as drift). The policy collaborates with the commercial cloud only (no other cloud's
    endpoints). ``make destroy`` resets both and deletes the partners.

    ``partners``: construct id -> ``CrossTenantAccessPartner`` keyword arguments. Default: the documented
    example plus the handful in ``stacks.documented_partners``.
    ``provider_settings``: keyword arguments for the stack's ``XtapProvider``. Default: none, so the
    provider reads everything from the environment (no secret is ever written into the stack).

    The stack checks itself with every guardrail pack (``Guardrails()``): it passes CISA.MS.AAD.8.3, and
    the few warnings it accepts are suppressed below with their reasons, so ``make deploy`` writes
    ``cdktf.out/xtap-guardrails.json`` and ``.sarif`` with no unsuppressed finding.

    In a ``cdktf.App`` it is a cdktf ``TerraformStack``, in a ``cdktn.App`` a cdktn one, with the same
    synthesized JSON (``BoundStack``).
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
        everyone_blocked = B2BSetting(
            users_and_groups=TargetConfiguration.blocked(Target.all_users()),
            applications=TargetConfiguration.blocked(Target.all_applications()),
        )
        self.defaults = CrossTenantAccessDefaults(
            self, "defaults", provider=self.provider, b2b_collaboration_inbound=everyone_blocked
        )
        self.policy = CrossTenantAccessPolicy(
            self, "policy", provider=self.provider, allowed_cloud_endpoints=[]
        )
        self.partners: dict[str, CrossTenantAccessPartner] = {
            name: CrossTenantAccessPartner(self, name, provider=self.provider, **dict(props))
            for name, props in (DOCUMENTED_PARTNERS if partners is None else partners).items()
        }
        framework_of(self).module.Aspects.of(self).add(Guardrails())
        if partners is None and "subsidiary" in self.partners:
            subsidiary = self.partners["subsidiary"]
            Guardrails.suppress(
                subsidiary,
                "MSFT.XTAP.1",
                reason="the subsidiary's users sign in under our own Conditional Access and device "
                "management, so its MFA and compliant-device claims are ours",
            )
            Guardrails.suppress(
                subsidiary,
                "MSFT.XTAP.2",
                reason="Teams shared channels with the subsidiary are open to everyone on both sides by "
                "design; B2B direct connect needs users and applications allowed on both tenants",
            )
