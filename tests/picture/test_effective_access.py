"""The effective-access model: what a partner's construct leaves out comes from the default, member by
member and claim by claim."""

from __future__ import annotations

import json
from pathlib import Path

from constructs_xtap.picture import (
    effective_access,
    partner_picture,
    read_synthesized_stack,
    render_json_document,
    render_terminal_table,
)
from constructs_xtap.wire import SYSTEM_DEFAULT_CONFIGURATION, TenantSnapshot

TENANT = "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a"
GROUP = "6f546279-4da5-4b53-a095-09ea0cef9971"


def _member(access: str, target: str, kind: str) -> dict[str, object]:
    return {"accessType": access, "targets": [{"target": target, "targetType": kind}]}


def test_a_blocked_group_means_everyone_else_is_allowed() -> None:
    partner = {
        "tenantId": TENANT,
        "b2bCollaborationOutbound": {
            "usersAndGroups": _member("blocked", GROUP, "group"),
            "applications": _member("allowed", "AllApplications", "application"),
        },
    }

    cell = partner_picture(partner, dict(SYSTEM_DEFAULT_CONFIGURATION)).cells["b2bCollaborationOutbound"]

    assert (cell.text, cell.verdict) == (
        "allowed for all users except group 6f546279… to all applications",
        "limited",
    )


def test_a_left_out_member_inherits_the_defaults_member_and_the_cell_says_which() -> None:
    partner = {
        "tenantId": TENANT,
        "b2bCollaborationInbound": {"usersAndGroups": _member("allowed", GROUP, "group")},
    }

    cell = partner_picture(partner, dict(SYSTEM_DEFAULT_CONFIGURATION)).cells["b2bCollaborationInbound"]

    assert cell.text == "allowed for group 6f546279… to all applications (applications inherited)"
    assert cell.source == "partly inherited"
    assert cell.applications is not None and cell.applications.inherited


def test_trust_claims_inherit_one_by_one_and_consent_inherits_the_defaults_fixed_no() -> None:
    trust = {
        "isMfaAccepted": True,
        "isCompliantDeviceAccepted": False,
        "isHybridAzureADJoinedDeviceAccepted": False,
    }
    default = {**SYSTEM_DEFAULT_CONFIGURATION, "inboundTrust": trust}
    partner = {
        "tenantId": TENANT,
        "inboundTrust": {"isMfaAccepted": False, "isCompliantDeviceAccepted": None},
    }

    cells = partner_picture(partner, default).cells

    assert cells["trustMfa"].text == "no"
    assert cells["trustCompliantDevice"].text == "inherited (no)"
    assert cells["consentInbound"].text == "inherited (no)"


def test_without_a_known_default_inherited_cells_say_inherited_and_nothing_more() -> None:
    picture = effective_access(TenantSnapshot(default=None, partners=({"tenantId": TENANT},)), "test")

    cell = picture.partners[0].cells["b2bCollaborationInbound"]
    assert (cell.text, cell.verdict) == ("inherited", "unknown")
    assert picture.default.cells["trustMfa"].text == "not known"


def test_synthesized_lookups_and_identity_syncs_resolve_to_their_partner(tmp_path: Path) -> None:
    (tmp_path / "cdk.tf.json").write_text(
        json.dumps(
            {
                "data": {"xtap_tenant_information": {"fabrikam-tenant": {"domain_name": "fabrikam.com"}}},
                "resource": {
                    "xtap_partner_configuration": {
                        "fabrikam_1": {
                            "//": {"metadata": {"path": "s/fabrikam/Resource"}},
                            "tenant_id": "${data.xtap_tenant_information.fabrikam-tenant.tenant_id}",
                        }
                    },
                    "xtap_partner_identity_synchronization": {
                        "sync": {
                            "tenant_id": "${xtap_partner_configuration.fabrikam_1.tenant_id}",
                            "user_sync_inbound": True,
                        }
                    },
                },
            }
        )
    )

    picture = effective_access(read_synthesized_stack(tmp_path), "synth")

    (row,) = picture.partners
    assert (row.tenant_id, row.name) == ("tenant of fabrikam.com", "fabrikam")
    assert row.cells["identitySync"].text == "yes"
    assert picture.default.cells["b2bCollaborationInbound"].source == "unknown"  # the stack has no default


def test_json_document_has_stable_sorted_keys_and_a_format_version() -> None:
    picture = effective_access(
        TenantSnapshot(default=dict(SYSTEM_DEFAULT_CONFIGURATION), partners=({"tenantId": TENANT},)), "t"
    )

    document = json.loads(render_json_document(picture))

    assert sorted(document) == ["columns", "default", "format", "partners", "source"]
    assert document["format"] == 1
    assert sorted(document["partners"][0]) == ["cells", "label", "name", "tenantId"]
    assert sorted(document["partners"][0]["cells"]["b2bCollaborationInbound"]) == [
        "applications",
        "source",
        "summary",
        "text",
        "usersAndGroups",
        "verdict",
    ]


def test_terminal_table_colours_allowed_green_and_blocked_red() -> None:
    picture = effective_access(TenantSnapshot(default=dict(SYSTEM_DEFAULT_CONFIGURATION), partners=()), "t")

    text = render_terminal_table(picture, width=400, color=True)

    assert "\x1b[32msystem default (allowed for all users)" in text
    assert "\x1b[31msystem default (blocked for all users)" in text
