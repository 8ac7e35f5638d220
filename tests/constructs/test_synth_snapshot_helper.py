"""constructs_xtap.testing: the helpers users import to test their own stacks."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from sample_ids import GROUP_ID, SEED_TENANT

from constructs_xtap import B2BSetting, CrossTenantAccessPartner, Target, TargetConfiguration
from constructs_xtap.testing import partner_bodies, synth_snapshot

if TYPE_CHECKING:  # cdktf's classes stand for both frameworks' in annotations, as in the library
    from cdktf import TerraformStack


def test_synth_snapshot_returns_the_stack_as_a_plain_dict_without_metadata(stack: TerraformStack) -> None:
    CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT)
    synthesized = synth_snapshot(stack)
    assert isinstance(synthesized, dict)
    assert "//" not in next(iter(synthesized["resource"]["xtap_partner_configuration"].values()))


def test_synth_snapshot_is_the_same_for_the_same_stack(cdk: ModuleType) -> None:
    def build() -> dict[str, object]:
        stack = cdk.TerraformStack(cdk.Testing.app(), "s")
        CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT)
        return synth_snapshot(stack)

    assert build() == build()


def test_partner_bodies_decodes_json_settings(stack: TerraformStack) -> None:
    CrossTenantAccessPartner(
        stack,
        "p",
        tenant_id=SEED_TENANT,
        b2b_collaboration_outbound=B2BSetting(
            users_and_groups=TargetConfiguration.blocked(Target.group(GROUP_ID))
        ),
    )
    (body,) = partner_bodies(stack).values()
    assert body == {
        "tenant_id": SEED_TENANT,
        "b2b_collaboration_outbound": {
            "usersAndGroups": {
                "accessType": "blocked",
                "targets": [{"target": GROUP_ID, "targetType": "group"}],
            }
        },
    }


def test_partner_bodies_is_empty_for_a_stack_without_partners(stack: TerraformStack) -> None:
    assert partner_bodies(stack) == {}
