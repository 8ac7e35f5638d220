"""The generated module: a TerraformStack subclass of typed constructs marked for import, leaving out what
the tenant inherits, commenting what the constructs cannot express, synthesizing to what Graph holds."""

from __future__ import annotations

import json
from types import MappingProxyType
from typing import Any

import cdktf
import pytest

from constructs_xtap.export import ruff_format, stack_source
from constructs_xtap.testing import partner_bodies
from constructs_xtap.wire import SYSTEM_DEFAULT_CONFIGURATION, TenantSnapshot, settings_equal

HOME = "1ab2812d-7bcc-447f-b856-89860d0dc855"
FABRIKAM = "7e9d5c3b-2a1f-4e6d-9c8b-7a6f5e4d3c2b"
OTHER = "2c4e6a8b-1d3f-4a5b-8c7d-9e0f1a2b3c4d"
GROUP = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"
SYSTEM_DEFAULT = json.loads(json.dumps(dict(SYSTEM_DEFAULT_CONFIGURATION)))
ALLOW_GROUP = {
    "usersAndGroups": {"accessType": "allowed", "targets": [{"target": GROUP, "targetType": "group"}]},
    "applications": None,
}


def _snapshot(
    partners: tuple[dict[str, Any], ...] = (),
    default: dict[str, Any] | None = None,
    **kwargs: Any,
) -> TenantSnapshot:
    return TenantSnapshot(
        tenant_id=HOME,
        default={"isServiceDefault": True, **SYSTEM_DEFAULT, **(default or {})},
        policy={"displayName": "CrossTenantAccessPolicy", "allowedCloudEndpoints": []},
        partners=partners,
        **kwargs,
    )


def _stack(source: str, class_name: str = "ExportedStack") -> Any:
    namespace: dict[str, Any] = {}
    exec(compile(source, "exported_stack.py", "exec"), namespace)
    return namespace[class_name](cdktf.Testing.app(), "exported")


def test_a_tenant_at_the_system_default_exports_bare_defaults_and_policy_marked_for_import() -> None:
    module = stack_source(_snapshot())

    assert (
        'defaults = CrossTenantAccessDefaults(\n            self,\n            "defaults",\n        )'
        in module.source
    )
    assert 'defaults.resource.import_from("default")' in module.source
    assert 'policy.resource.import_from("policy")' in module.source
    assert module.notes == ()
    synthesized = json.loads(cdktf.Testing.synth(_stack(module.source)))
    imports = {i["id"]: i["to"].split(".")[0] for i in synthesized["import"]}
    assert imports == {"default": "xtap_default_configuration", "policy": "xtap_policy"}


def test_a_default_setting_that_differs_from_the_system_default_is_the_only_one_written() -> None:
    module = stack_source(
        _snapshot(default={"b2bDirectConnectOutbound": None, "tenantRestrictions": ALLOW_GROUP})
    )

    assert "tenant_restrictions=TenantRestrictions(" in module.source
    assert "b2b_collaboration_inbound" not in module.source
    assert "inbound_trust" not in module.source


def test_partners_write_what_graph_holds_and_synthesize_to_it_with_identity_sync_imported() -> None:
    partner = {
        "tenantId": FABRIKAM.upper(),
        "isServiceProvider": None,
        "isInMultiTenantOrganization": False,
        "inboundTrust": {"isMfaAccepted": True},
        "automaticUserConsentSettings": {"inboundAllowed": None, "outboundAllowed": None},
        "b2bCollaborationInbound": ALLOW_GROUP,
        "b2bCollaborationOutbound": None,
        "crossCloudMeetingConfiguration": {"inboundAllowed": None, "outboundAllowed": None},
    }
    sync = {"tenantId": FABRIKAM, "displayName": "Fabrikam", "userSyncInbound": {"isSyncAllowed": True}}
    module = stack_source(
        _snapshot(
            (partner,),
            identity_synchronizations=MappingProxyType({FABRIKAM: sync}),
            names={FABRIKAM: "Fabrikam"},
        )
    )

    assert module.notes == ()
    assert "automatic_user_consent" not in module.source and "b2b_collaboration_outbound" not in module.source
    stack = _stack(ruff_format(module.source, "exported_stack.py"))
    bodies = partner_bodies(stack)
    (body,) = bodies.values()
    assert body["tenant_id"] == FABRIKAM
    assert settings_equal(body["inbound_trust"], partner["inboundTrust"])
    assert settings_equal(body["b2b_collaboration_inbound"], ALLOW_GROUP)
    synthesized = json.loads(cdktf.Testing.synth(stack))
    sync_resources = synthesized["resource"]["xtap_partner_identity_synchronization"]
    assert [r["display_name"] for r in sync_resources.values()] == ["Fabrikam"]
    assert sorted(i["id"] for i in synthesized["import"]) == sorted(["default", "policy", FABRIKAM, FABRIKAM])


def test_an_unexpressible_value_becomes_a_comment_with_the_reason_and_a_note() -> None:
    partner = {
        "tenantId": FABRIKAM,
        "inboundTrust": {"isMfaAccepted": True},
        "tenantRestrictions": {"usersAndGroups": None, "applications": None, "devices": {"mode": "allowed"}},
        "crossCloudMeetingConfiguration": {"inboundAllowed": True, "outboundAllowed": None},
    }
    module = stack_source(_snapshot((partner,)))

    assert "# tenant_restrictions is not written: tenantRestrictions.devices is set" in module.source
    assert '"devices":{"mode":"allowed"}' in module.source
    assert "# crossCloudMeetingConfiguration is not written" in module.source
    assert [n.split(":")[0] for n in module.notes] == [f"partner tenant-{FABRIKAM} ({FABRIKAM})"] * 2
    assert "tenant_restrictions is written as a comment" in module.notes[0]
    stack = _stack(ruff_format(module.source, "exported_stack.py"))  # the rest still synthesizes
    (body,) = partner_bodies(stack).values()
    assert set(body) == {"tenant_id", "inbound_trust", "lifecycle"}
    # Terraform leaves the commented setting alone instead of resetting it to inherit (null).
    assert body["lifecycle"] == {"ignore_changes": ["tenant_restrictions"]}
    assert "alone (unmanaged) until you write it by hand" in module.notes[0]


def test_an_unexpressible_default_setting_is_ignored_by_terraform_instead_of_reset() -> None:
    unknown_future = {
        "usersAndGroups": {
            "accessType": "allowed",
            "targets": [{"target": "AllUsers", "targetType": "unknownFutureValue"}],
        },
        "applications": {
            "accessType": "allowed",
            "targets": [{"target": "AllApplications", "targetType": "application"}],
        },
    }
    devices = {**ALLOW_GROUP, "devices": {"mode": "allowed", "rule": "device.trustType -eq 'AzureAD'"}}
    module = stack_source(
        _snapshot(default={"tenantRestrictions": devices, "b2bDirectConnectInbound": unknown_future})
    )

    synthesized = json.loads(cdktf.Testing.synth(_stack(ruff_format(module.source, "exported_stack.py"))))
    (body,) = synthesized["resource"]["xtap_default_configuration"].values()
    assert sorted(body["lifecycle"]["ignore_changes"]) == [
        "b2b_direct_connect_inbound",
        "tenant_restrictions",
    ]
    assert "b2b_direct_connect_inbound" not in body and "tenant_restrictions" not in body
    assert len(module.notes) == 2
    assert all("alone (unmanaged) until you write it by hand" in n for n in module.notes)


def test_a_fully_expressible_partner_has_no_lifecycle_override() -> None:
    module = stack_source(_snapshot(({"tenantId": FABRIKAM, "b2bCollaborationInbound": ALLOW_GROUP},)))

    assert "ignore_changes" not in module.source


def test_partners_without_a_guid_tenant_id_are_skipped_and_named() -> None:
    partners = (
        {"b2bCollaborationInbound": ALLOW_GROUP},
        {"tenantId": "contoso.com", "b2bCollaborationInbound": ALLOW_GROUP},
        {"tenantId": FABRIKAM, "b2bCollaborationInbound": ALLOW_GROUP},
    )
    module = stack_source(_snapshot(partners))

    assert module.partners == 1
    assert "contoso.com" not in module.source.split("class ExportedStack")[1]
    assert len(module.notes) == 2
    assert module.notes[0].startswith("partner 1 of Graph's list has no tenantId, so it is not exported")
    assert "partner 2 of Graph's list has tenantId 'contoso.com', which is not a GUID" in module.notes[1]
    (body,) = partner_bodies(_stack(module.source)).values()  # the rest synthesizes
    assert body["tenant_id"] == FABRIKAM


def test_an_unknown_cloud_endpoint_is_a_comment_and_known_ones_are_cloud_endpoint_members() -> None:
    known = stack_source(
        TenantSnapshot(
            tenant_id=HOME,
            default=SYSTEM_DEFAULT,
            policy={"allowedCloudEndpoints": ["microsoftonline.us"]},
            partners=(),
        )
    )
    unknown = stack_source(
        TenantSnapshot(
            tenant_id=HOME,
            default=SYSTEM_DEFAULT,
            policy={"allowedCloudEndpoints": ["example.com"]},
            partners=(),
        )
    )

    assert "allowed_cloud_endpoints=[CloudEndpoint.US_GOVERNMENT]" in known.source
    assert "# allowed_cloud_endpoints is not written" in unknown.source
    assert unknown.notes and "the policy: allowed_cloud_endpoints" in unknown.notes[0]


def test_the_lookup_notes_are_passed_on_and_partners_come_in_construct_id_order() -> None:
    module = stack_source(
        _snapshot(
            ({"tenantId": FABRIKAM}, {"tenantId": OTHER}),
            names={FABRIKAM: "Adatum", OTHER: "Zeta"},
            notes=("the tenant lookup was refused",),
        ),
        class_name="Home",
    )

    assert module.notes == ("the tenant lookup was refused",)
    assert module.source.index('"adatum"') < module.source.index('"zeta"')
    assert "class Home(TerraformStack):" in module.source
    assert module.partners == 2


@pytest.mark.parametrize("name", ["1Stack", "my-stack", "class", ""])
def test_a_class_name_that_is_not_a_python_identifier_is_refused(name: str) -> None:
    with pytest.raises(ValueError, match="not a Python class name"):
        stack_source(_snapshot(), class_name=name)


def test_the_export_is_the_same_text_every_time() -> None:
    snapshot = _snapshot(
        ({"tenantId": OTHER, "b2bCollaborationInbound": ALLOW_GROUP}, {"tenantId": FABRIKAM})
    )

    assert stack_source(snapshot).source == stack_source(snapshot).source


def test_a_cdktn_export_differs_only_in_its_framework_and_synthesizes_the_same_json_under_cdktn() -> None:
    import cdktn

    partner = {"tenantId": FABRIKAM, "b2bCollaborationInbound": ALLOW_GROUP, "isServiceProvider": False}
    for_cdktf = stack_source(_snapshot((partner,)))
    for_cdktn = stack_source(_snapshot((partner,)), framework="cdktn")

    assert "from cdktn import TerraformStack" in for_cdktn.source
    assert for_cdktn.source.replace("cdktn", "cdktf") == for_cdktf.source
    namespace: dict[str, Any] = {}
    exec(compile(for_cdktn.source, "exported_stack.py", "exec"), namespace)
    under_cdktn = namespace["ExportedStack"](cdktn.Testing.app(), "exported")
    assert json.loads(cdktn.Testing.synth(under_cdktn)) == json.loads(
        cdktf.Testing.synth(_stack(for_cdktf.source))
    )


def test_an_unknown_framework_is_refused() -> None:
    with pytest.raises(ValueError, match="cdktf, cdktn"):
        stack_source(_snapshot(), framework="pulumi")
