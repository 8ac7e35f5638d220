"""``xtap plan-summary``: a plan's effect, one line per setting in the picture's words, replacements and
deletions first."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from constructs_xtap.cli import main
from constructs_xtap.picture import plan_summary

VENDOR = "4b2e8d61-7f3a-4c59-9e0d-1a6c5b7f8e23"
FABRIKAM = "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a"
RIVAL = "e1a7c9d3-5b2f-4e6a-8d0c-7f3b1a9e5c42"
NEW = "9c7a1f5e-2b0d-4e83-a6f1-5d3b8e4c2a71"

BLOCKED = json.dumps(
    {
        "usersAndGroups": {
            "accessType": "blocked",
            "targets": [{"target": "AllUsers", "targetType": "user"}],
        },
        "applications": {
            "accessType": "blocked",
            "targets": [{"target": "AllApplications", "targetType": "application"}],
        },
    }
)
OFFICE = json.dumps(
    {
        "usersAndGroups": {
            "accessType": "allowed",
            "targets": [{"target": "AllUsers", "targetType": "user"}],
        },
        "applications": {
            "accessType": "allowed",
            "targets": [{"target": "Office365", "targetType": "application"}],
        },
    }
)


def change(
    type_name: str, name: str, actions: list[str], before: Any, after: Any, unknown: Any = None
) -> dict[str, Any]:
    return {
        "address": f"{type_name}.{name}",
        "mode": "managed",
        "type": type_name,
        "name": name,
        "change": {"actions": actions, "before": before, "after": after, "after_unknown": unknown or {}},
    }


def partner(tenant: str, **settings: str) -> dict[str, Any]:
    return {"id": tenant, "tenant_id": tenant, **settings}


def plan(*changes: dict[str, Any]) -> dict[str, Any]:
    return {"format_version": "1.2", "resource_changes": list(changes)}


DEFAULT_NOOP = change(
    "xtap_default_configuration", "defaults_F780287E", ["no-op"], {"id": "default"}, {"id": "default"}
)


def test_created_partner_lists_each_setting_it_changes_from_the_inherited_value() -> None:
    summary = plan_summary(
        plan(
            DEFAULT_NOOP,
            change(
                "xtap_partner_configuration",
                "fabrikam_67528000",
                ["create"],
                None,
                partner(FABRIKAM, b2b_collaboration_inbound=BLOCKED),
            ),
        )
    )

    assert "### Created" in summary
    assert (
        "- fabrikam (3d0f5dec…): inbound B2B collaboration: inherited (allowed for all users) → "
        "blocked for all users" in summary.splitlines()
    )
    assert "outbound B2B collaboration" not in summary  # unchanged: still inherited
    assert "Review first" not in summary


def test_updated_partner_shows_old_and_new_effective_values() -> None:
    summary = plan_summary(
        plan(
            DEFAULT_NOOP,
            change(
                "xtap_partner_configuration",
                "vendor_1515F034",
                ["update"],
                partner(VENDOR, b2b_direct_connect_inbound=OFFICE),
                partner(VENDOR),
            ),
        )
    )

    assert "### Updated" in summary
    assert (
        "- vendor (4b2e8d61…): inbound B2B direct connect: allowed for all users to Office 365 → "
        "system default (blocked for all users)" not in summary
    )
    assert (
        "- vendor (4b2e8d61…): inbound B2B direct connect: allowed for all users to Office 365 → "
        "inherited (blocked for all users)" in summary.splitlines()
    )


def test_replacement_and_deletion_come_first_and_say_so() -> None:
    summary = plan_summary(
        plan(
            DEFAULT_NOOP,
            change(
                "xtap_partner_configuration",
                "fabrikam_67528000",
                ["create"],
                None,
                partner(FABRIKAM, b2b_collaboration_outbound=BLOCKED),
            ),
            change(
                "xtap_partner_configuration",
                "rival_508FE7CC",
                ["delete"],
                partner(RIVAL, b2b_collaboration_inbound=BLOCKED),
                None,
            ),
            change(
                "xtap_partner_configuration",
                "vendor_1515F034",
                ["delete", "create"],
                partner(VENDOR, b2b_collaboration_inbound=BLOCKED),
                partner(NEW, b2b_collaboration_inbound=BLOCKED),
            ),
        )
    )

    lines = summary.splitlines()
    assert "**Review first:** 1 replaced, 1 deleted." in lines
    order = [
        lines.index(h)
        for h in (
            "### Replaced (deleted, then created again)",
            "### Deleted (the tenant falls back to the default)",
            "### Created",
        )
    ]
    assert order == sorted(order)
    assert "- **vendor (4b2e8d61…) is replaced by vendor (9c7a1f5e…)** (the tenant id changes)" in lines
    assert (
        "- vendor (4b2e8d61…): inbound B2B collaboration: blocked for all users → "
        "inherited (allowed for all users)" in lines
    )
    assert (
        "- vendor (9c7a1f5e…): inbound B2B collaboration: inherited (allowed for all users) → "
        "blocked for all users" in lines
    )
    assert (
        "- rival (e1a7c9d3…): inbound B2B collaboration: blocked for all users → "
        "inherited (allowed for all users)" in lines
    )
    assert lines.index(
        "- rival (e1a7c9d3…): inbound B2B collaboration: blocked for all users → "
        "inherited (allowed for all users)"
    ) < lines.index("### Created")


def test_a_default_change_is_listed_and_so_is_every_partner_that_inherits_it() -> None:
    summary = plan_summary(
        plan(
            change(
                "xtap_default_configuration",
                "defaults_F780287E",
                ["update"],
                {"id": "default"},
                {"id": "default", "b2b_collaboration_inbound": BLOCKED},
            ),
            change("xtap_partner_configuration", "rival_508FE7CC", ["no-op"], partner(RIVAL), partner(RIVAL)),
            change(
                "xtap_partner_configuration",
                "vendor_1515F034",
                ["no-op"],
                partner(VENDOR, b2b_collaboration_inbound=OFFICE),
                partner(VENDOR, b2b_collaboration_inbound=OFFICE),
            ),
        )
    )

    lines = summary.splitlines()
    assert (
        "- default: inbound B2B collaboration: system default (allowed for all users) → blocked for all users"
        in lines
    )
    assert "### Changed through the default (inherited settings)" in lines
    assert (
        "- rival (e1a7c9d3…): inbound B2B collaboration: inherited (allowed for all users) → "
        "inherited (blocked for all users)" in lines
    )
    assert "vendor" not in summary  # its own rule does not change


def test_policy_and_identity_sync_changes_are_one_line_each() -> None:
    summary = plan_summary(
        plan(
            change(
                "xtap_policy",
                "policy_E16B4B70",
                ["update"],
                {"id": "policy", "allowed_cloud_endpoints": []},
                {"id": "policy", "allowed_cloud_endpoints": ["microsoftonline.us"]},
            ),
            change("xtap_partner_configuration", "rival_508FE7CC", ["no-op"], partner(RIVAL), partner(RIVAL)),
            change(
                "xtap_partner_identity_synchronization",
                "sync_1234ABCD",
                ["create"],
                None,
                {"tenant_id": RIVAL, "user_sync_inbound": True, "display_name": "Rival"},
            ),
        )
    )

    lines = summary.splitlines()
    assert "- policy: other Microsoft clouds: none → microsoftonline.us" in lines
    assert "- rival (e1a7c9d3…): inbound identity sync: no → yes" in lines


def test_values_known_only_after_apply_say_so() -> None:
    summary = plan_summary(
        plan(
            DEFAULT_NOOP,
            change(
                "xtap_partner_configuration",
                "liaisons_ABCDEF12",
                ["update"],
                partner(VENDOR),
                partner(VENDOR),
                {"b2b_collaboration_outbound": True},
            ),
        )
    )

    assert (
        "- liaisons (4b2e8d61…): outbound B2B collaboration: inherited (allowed for all users) → "
        "(known after apply)" in summary.splitlines()
    )


def test_no_change_says_so() -> None:
    assert "No change to cross-tenant access." in plan_summary(plan(DEFAULT_NOOP))


def test_cli_writes_the_summary_and_refuses_what_is_not_a_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = tmp_path / "plan.json", tmp_path / "state.json"
    good.write_text(
        json.dumps(
            plan(
                DEFAULT_NOOP,
                change("xtap_partner_configuration", "rival_508FE7CC", ["delete"], partner(RIVAL), None),
            )
        )
    )
    bad.write_text(json.dumps({"values": {}}))

    assert main(["plan-summary", str(good)]) == 0
    assert "### Deleted" in capsys.readouterr().out
    assert main(["plan-summary", str(bad)]) == 1
    assert "no resource_changes" in capsys.readouterr().err


M365_ALL = json.dumps(
    {"users": {"accessType": "allowed", "targets": [{"target": "AllUsers", "targetType": "user"}]}}
)
APPS_ALL = json.dumps(
    {
        "applications": {
            "accessType": "allowed",
            "targets": [{"target": "AllApplications", "targetType": "application"}],
        }
    }
)
GROUP = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"
OUT_GROUP = json.dumps(
    {"usersAndGroups": {"accessType": "blocked", "targets": [{"target": GROUP, "targetType": "group"}]}}
)


def test_microsoft_365_and_app_service_connect_changes_get_a_line_each() -> None:
    summary = plan_summary(
        plan(
            DEFAULT_NOOP,
            change(
                "xtap_partner_configuration",
                "vendor_1515F034",
                ["update"],
                partner(VENDOR, m365_collaboration_outbound=OUT_GROUP),
                partner(VENDOR, m365_collaboration_inbound=M365_ALL, app_service_connect_inbound=APPS_ALL),
            ),
        )
    )

    lines = summary.splitlines()
    assert (
        "- vendor (4b2e8d61…): inbound Microsoft 365 collaboration: inherited → allowed for all users"
        in lines
    )
    assert (
        "- vendor (4b2e8d61…): outbound Microsoft 365 collaboration: blocked for group 9a8b7c6d… → inherited"
        in lines
    )
    assert (
        "- vendor (4b2e8d61…): inbound app service connect: inherited → allowed for all applications" in lines
    )
    assert "no effective change" not in summary


def test_a_change_in_a_part_the_picture_does_not_show_still_names_the_setting() -> None:
    restrictions = json.loads(BLOCKED)
    with_devices = json.dumps(
        {**restrictions, "devices": {"mode": "allowed", "rule": "device.isCompliant -eq True"}}
    )
    summary = plan_summary(
        plan(
            change(
                "xtap_default_configuration",
                "defaults_F780287E",
                ["update"],
                {"id": "default", "tenant_restrictions": with_devices},
                {"id": "default", "tenant_restrictions": BLOCKED},
            ),
            change(
                "xtap_partner_configuration",
                "vendor_1515F034",
                ["update"],
                partner(VENDOR, tenant_restrictions=with_devices),
                partner(VENDOR, tenant_restrictions=BLOCKED),
            ),
        )
    )

    lines = summary.splitlines()
    assert "- default: updated: tenant restrictions" in lines
    assert "- vendor (4b2e8d61…): updated: tenant restrictions" in lines


def test_a_tenant_id_known_only_after_apply_is_not_cut_short() -> None:
    summary = plan_summary(
        plan(
            DEFAULT_NOOP,
            change(
                "xtap_partner_configuration",
                "newcomer_ABCDEF12",
                ["create"],
                None,
                {"b2b_collaboration_inbound": BLOCKED},
                {"tenant_id": True, "id": True},
            ),
        )
    )

    assert "- newcomer (known after apply): inbound B2B collaboration:" in summary
    assert "(known a…" not in summary


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"PK\x03\x04\x14\x00\x08\x00\xff\xfe binary plan",
            "this is not JSON: run `terraform show -json PLAN > plan.json` first",
        ),
        (b"[]", "not a Terraform plan (terraform show -json PLAN): a JSON list, not an object"),
        (b'{"resource_changes": [1]}', "no resource_changes"),
    ],
)
def test_what_is_not_a_json_plan_is_one_line_naming_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    plan_file = tmp_path / "plan.bin"
    plan_file.write_bytes(content)

    assert main(["plan-summary", str(plan_file)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_an_output_in_a_missing_directory_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan(DEFAULT_NOOP)))

    assert main(["plan-summary", str(plan_file), "-o", str(tmp_path / "missing" / "summary.md")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write" in err and "create its directory first" in err
