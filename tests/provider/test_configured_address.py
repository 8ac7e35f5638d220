"""The exact `terraform import` address, found in the working directory's cdk.tf.json."""

from __future__ import annotations

import json
from pathlib import Path

from constructs_xtap.provider.configured_address import configured_addresses

TENANT = "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a"


def _write(directory: Path, resources: object) -> None:
    (directory / "cdk.tf.json").write_text(
        json.dumps({"resource": {"xtap_partner_configuration": resources}})
    )


def test_configured_address_finds_the_resource_for_the_tenant_in_any_case(tmp_path: Path) -> None:
    _write(tmp_path, {"seed_DDF3C172": {"tenant_id": TENANT.upper()}, "other": {"tenant_id": "x"}})
    assert configured_addresses(TENANT, tmp_path) == ["xtap_partner_configuration.seed_DDF3C172"]


def test_configured_address_is_empty_without_configuration_or_match(tmp_path: Path) -> None:
    assert configured_addresses(TENANT, tmp_path) == []
    _write(tmp_path, {"other": {"tenant_id": "9c5d131d-b1c3-4fc4-9e3f-c6557947d551"}})
    assert configured_addresses(TENANT, tmp_path) == []


def test_configured_address_ignores_unreadable_or_odd_files(tmp_path: Path) -> None:
    (tmp_path / "broken.tf.json").write_text("{not json")
    _write(tmp_path, ["not", "a", "mapping"])
    assert configured_addresses(TENANT, tmp_path) == []


def test_configured_address_follows_a_tenant_id_reference_to_the_partner_and_its_lookup(
    tmp_path: Path,
) -> None:
    sync = "xtap_partner_identity_synchronization"
    document = {
        "data": {"xtap_tenant_information": {"fabrikam_lookup": {"tenant_id": TENANT}}},
        "resource": {
            "xtap_partner_configuration": {
                "fabrikam": {"tenant_id": "${data.xtap_tenant_information.fabrikam_lookup.tenant_id}"},
                "contoso": {"tenant_id": "${data.xtap_tenant_information.contoso_lookup.tenant_id}"},
            },
            sync: {
                "fabrikam_sync": {"tenant_id": "${xtap_partner_configuration.fabrikam.tenant_id}"},
                "by_id": {"tenant_id": "${xtap_partner_configuration.fabrikam.id}"},
                "contoso_sync": {"tenant_id": "${xtap_partner_configuration.contoso.tenant_id}"},
                "computed": {"tenant_id": "${lower(var.tenant)}"},
            },
        },
    }
    (tmp_path / "cdk.tf.json").write_text(json.dumps(document))
    assert configured_addresses(TENANT, tmp_path) == ["xtap_partner_configuration.fabrikam"]
    assert configured_addresses(TENANT, tmp_path, type_name=sync) == [
        f"{sync}.by_id",
        f"{sync}.fabrikam_sync",
    ]
