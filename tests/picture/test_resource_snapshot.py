"""Every kind a Terraform resource declares has its place in the picture's tenant snapshot."""

from __future__ import annotations

import dataclasses

import pytest

from constructs_xtap.picture.resource_snapshot import RESOURCE_KINDS, resource_snapshot
from constructs_xtap.wire import PARTNER

TENANT = "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a"


@pytest.mark.parametrize("type_name", sorted(RESOURCE_KINDS))
def test_every_resource_kind_lands_in_the_snapshot(type_name: str) -> None:
    kind = RESOURCE_KINDS[type_name]
    snapshot = resource_snapshot([(kind, {}, TENANT, "fabrikam")])
    syncs = snapshot.identity_synchronizations
    held = [snapshot.default, snapshot.policy, *snapshot.partners, *syncs.values()]
    assert any(value is not None for value in held), type_name


def test_a_kind_the_snapshot_has_no_place_for_is_refused_not_dropped() -> None:
    unknown = dataclasses.replace(PARTNER, name="multi_tenant_organization", entity_type="microsoft.graph.x")
    with pytest.raises(ValueError, match="no place for multi_tenant_organization objects"):
        resource_snapshot([(unknown, {}, TENANT, "fabrikam")])
