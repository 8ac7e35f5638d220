"""The stack's default provider: found or created once per stack, then shared by every construct given
no provider (it is remembered, not searched for among the stack's children each time)."""

from __future__ import annotations

import json
from types import ModuleType
from typing import TYPE_CHECKING

from constructs_xtap import CrossTenantAccessPartner, InboundTrust, XtapProvider

if TYPE_CHECKING:  # cdktf's classes stand for both frameworks' in annotations, as in the library
    from cdktf import TerraformStack


def _partner(stack: TerraformStack, i: int) -> CrossTenantAccessPartner:
    return CrossTenantAccessPartner(
        stack,
        f"p{i}",
        tenant_id=f"{i:08x}-0000-4000-8000-000000000000",
        inbound_trust=InboundTrust(is_mfa_accepted=True),
    )


def test_every_partner_of_a_stack_shares_one_default_provider(cdk: ModuleType, stack: TerraformStack) -> None:
    partners = [_partner(stack, i) for i in range(5)]
    assert len({id(p.provider) for p in partners}) == 1
    assert json.loads(cdk.Testing.synth(stack))["provider"] == {"xtap": [{}]}


def test_each_stack_of_an_app_has_its_own_default_provider(cdk: ModuleType) -> None:
    app = cdk.Testing.app()
    first, second = cdk.TerraformStack(app, "first"), cdk.TerraformStack(app, "second")
    a, b, c = _partner(first, 1), _partner(second, 2), _partner(first, 3)
    assert a.provider is c.provider
    assert b.provider is not a.provider
    assert b.provider.node.scope is second


def test_an_unaliased_provider_declared_first_is_the_default(stack: TerraformStack) -> None:
    declared = XtapProvider(stack, "mine")
    assert _partner(stack, 1).provider is declared
    assert _partner(stack, 2).provider is declared
