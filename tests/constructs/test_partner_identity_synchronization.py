"""A partner's identity synchronization: its own resource, ordered after the partner (R7), and validated."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest
from sample_ids import SEED_TENANT

from constructs_xtap import (
    CrossTenantAccessPartner,
    IdentitySynchronization,
    XtapPartnerIdentitySynchronization,
    XtapProvider,
    XtapValidationError,
)
from tests.constructs.frameworks import synth
from tests.vectors import documented_vector

if TYPE_CHECKING:  # cdktf's classes stand for both frameworks' in annotations, as in the library
    from cdktf import TerraformStack


SYNC = "xtap_partner_identity_synchronization"  # the Terraform contract, spelled out rather than from wire


def resources(stack: TerraformStack) -> dict[str, Any]:
    return dict(synth(stack)["resource"])


def test_identity_synchronization_references_the_partners_tenant_id_so_it_follows_the_partner(
    stack: TerraformStack,
) -> None:
    partner = CrossTenantAccessPartner(
        stack,
        "fabrikam",
        tenant_id=SEED_TENANT,
        identity_synchronization=IdentitySynchronization(user_sync_inbound=True, display_name="Fabrikam"),
    )
    synthesized = resources(stack)
    (partner_name,) = synthesized["xtap_partner_configuration"]
    (sync,) = synthesized[SYNC].values()
    # A reference, not the literal id: Terraform creates the partner first and destroys this first (R7).
    assert sync == {
        "tenant_id": f"${{xtap_partner_configuration.{partner_name}.tenant_id}}",
        "user_sync_inbound": True,
        "display_name": "Fabrikam",
        "provider": "xtap",
    }
    assert isinstance(partner.identity_synchronization_resource, XtapPartnerIdentitySynchronization)


def test_identity_synchronization_carries_the_documented_put_body(stack: TerraformStack) -> None:
    body = documented_vector("put_identitysync_v1")["requestBody"]
    CrossTenantAccessPartner(
        stack,
        "fabrikam",
        tenant_id=SEED_TENANT,
        identity_synchronization=IdentitySynchronization(
            user_sync_inbound=body["userSyncInbound"]["isSyncAllowed"], display_name=body["displayName"]
        ),
    )
    (sync,) = resources(stack)[SYNC].values()
    assert (sync["user_sync_inbound"], sync["display_name"]) == (True, "Fabrikam")


def test_display_name_left_out_is_not_written(stack: TerraformStack) -> None:
    CrossTenantAccessPartner(
        stack, "p", tenant_id=SEED_TENANT, identity_synchronization=IdentitySynchronization(False)
    )
    (sync,) = resources(stack)[SYNC].values()
    assert "display_name" not in sync and sync["user_sync_inbound"] is False


def test_a_partner_without_identity_synchronization_has_no_such_resource(stack: TerraformStack) -> None:
    partner = CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT)
    assert partner.identity_synchronization_resource is None
    assert SYNC not in resources(stack)


def test_identity_synchronization_uses_the_partners_provider(stack: TerraformStack) -> None:
    home = XtapProvider(stack, "home", alias="home")
    CrossTenantAccessPartner(
        stack,
        "p",
        tenant_id=SEED_TENANT,
        provider=home,
        identity_synchronization=IdentitySynchronization(True),
    )
    (sync,) = resources(stack)[SYNC].values()
    assert sync["provider"] == "xtap.home"


def test_a_token_flag_passes_through(cdk: ModuleType, stack: TerraformStack) -> None:
    allowed = cdk.TerraformVariable(stack, "allowed", type="bool").boolean_value
    CrossTenantAccessPartner(
        stack, "p", tenant_id=SEED_TENANT, identity_synchronization=IdentitySynchronization(allowed)
    )
    (sync,) = resources(stack)[SYNC].values()
    assert sync["user_sync_inbound"] == "${var.allowed}"


def test_an_adopted_partner_adopts_its_existing_identity_synchronization_too(stack: TerraformStack) -> None:
    # A multitenant organization made both in Graph; adopting only the partner fails the deploy halfway.
    CrossTenantAccessPartner(
        stack,
        "p",
        tenant_id=SEED_TENANT,
        adopt_existing=True,
        identity_synchronization=IdentitySynchronization(True),
    )
    synthesized = resources(stack)
    (partner,) = synthesized["xtap_partner_configuration"].values()
    (sync,) = synthesized[SYNC].values()
    assert partner["adopt_existing"] is True
    assert sync["adopt_existing"] is True


def test_a_partner_that_does_not_adopt_writes_no_adopt_existing_on_its_identity_synchronization(
    stack: TerraformStack,
) -> None:
    CrossTenantAccessPartner(
        stack, "p", tenant_id=SEED_TENANT, identity_synchronization=IdentitySynchronization(True)
    )
    (sync,) = resources(stack)[SYNC].values()
    assert "adopt_existing" not in sync  # the provider's default (false), as before


def test_a_token_adopt_existing_reaches_both_resources(cdk: ModuleType, stack: TerraformStack) -> None:
    adopt = cdk.TerraformVariable(stack, "adopt", type="bool").boolean_value
    CrossTenantAccessPartner(
        stack,
        "p",
        tenant_id=SEED_TENANT,
        adopt_existing=adopt,
        identity_synchronization=IdentitySynchronization(True),
    )
    synthesized = resources(stack)
    (partner,) = synthesized["xtap_partner_configuration"].values()
    (sync,) = synthesized[SYNC].values()
    assert partner["adopt_existing"] == sync["adopt_existing"] == "${var.adopt}"


def test_the_l1_writes_adopt_existing_only_when_given(stack: TerraformStack) -> None:
    XtapPartnerIdentitySynchronization(
        stack, "given", tenant_id=SEED_TENANT, user_sync_inbound=True, adopt_existing=False
    )
    XtapPartnerIdentitySynchronization(stack, "left-out", tenant_id=SEED_TENANT, user_sync_inbound=True)
    synthesized = resources(stack)[SYNC]
    assert synthesized["given"]["adopt_existing"] is False
    assert "adopt_existing" not in synthesized["left-out"]


@pytest.mark.parametrize(
    ("sync", "prop"),
    [
        (IdentitySynchronization("yes"), "identity_synchronization.user_sync_inbound"),  # type: ignore[arg-type]
        (IdentitySynchronization(None), "identity_synchronization.user_sync_inbound"),  # type: ignore[arg-type]
        (IdentitySynchronization(True, display_name=""), "identity_synchronization.display_name"),
        (IdentitySynchronization(True, display_name=3), "identity_synchronization.display_name"),  # type: ignore[arg-type]
        ({"user_sync_inbound": True}, "identity_synchronization"),
    ],
)
def test_identity_synchronization_is_validated_with_the_partner(
    stack: TerraformStack, sync: Any, prop: str
) -> None:
    with pytest.raises(XtapValidationError) as raised:
        CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT, identity_synchronization=sync)
    assert [p.property for p in raised.value.problems] == [prop]
