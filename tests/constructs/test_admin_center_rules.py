"""Admin-center rules (graph-api.md §3.1 R9, R10): synth warnings by default, an error on request.

Each rule: the breaking pair warns and still synthesizes, the satisfying pair is silent, a token is skipped;
the ``xtap:adminCenterRules`` context turns the same finding into an error.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest
from constructs import Construct
from sample_ids import GROUP_ID, SEED_TENANT

from constructs_xtap import (
    AutomaticUserConsent,
    B2BSetting,
    CrossTenantAccessPartner,
    InboundTrust,
    Target,
    TargetConfiguration,
    TenantRestrictions,
    XtapValidationError,
)
from constructs_xtap.constructs.admin_center_rule import ADMIN_CENTER_PACK
from constructs_xtap.constructs.admin_center_rules import (
    ADMIN_CENTER_RULES,
    ADMIN_CENTER_RULES_CONTEXT,
    check_admin_center_rules,
    warning_message,
)
from constructs_xtap.constructs.partner_validation import validate_partner
from constructs_xtap.wire import RESOURCE_TYPE
from tests.constructs.frameworks import synth

if TYPE_CHECKING:  # cdktf's classes stand for both frameworks' in annotations, as in the library
    from cdktf import TerraformStack

REPO = Path(__file__).resolve().parents[2]
ALL_USERS_BLOCKED = TargetConfiguration.blocked(Target.all_users())
ALL_APPS_BLOCKED = TargetConfiguration.blocked(Target.all_applications())


# The metadata type of a warning annotation, as cdktf writes it into the node and the manifest.
WARNING = "@cdktf/warn"


def warnings_on(construct: Construct) -> list[str]:
    """The cdktf warning annotations attached to ``construct`` itself."""
    return [str(m.data) for m in construct.node.metadata if m.type == WARNING]


def partner_resources(stack: TerraformStack) -> dict[str, Any]:
    return dict(synth(stack)["resource"][RESOURCE_TYPE])


def stack_in(cdk: ModuleType, context: dict[str, Any] | None = None) -> TerraformStack:
    return cdk.TerraformStack(cdk.Testing.app(context=context), "test")


def strict_stack(cdk: ModuleType) -> TerraformStack:
    return stack_in(cdk, {ADMIN_CENTER_RULES_CONTEXT: "error"})


def peer_maximal_partner(scope: Construct) -> CrossTenantAccessPartner:
    """deploymenttheory/terraform-provider-microsoft365's unit-test partner ``resource_07_maximal.tf``.

    Every setting set; its ``b2b_direct_connect_inbound`` blocks ``AllUsers`` and only ``Office365``, which
    Graph accepts (the provider's own tests create it) and the admin center would refuse (R10).
    """
    return CrossTenantAccessPartner(
        scope,
        "maximal",
        tenant_id="12345678-1234-1234-1234-123456789012",
        is_service_provider=True,
        b2b_collaboration_inbound=B2BSetting(
            users_and_groups=TargetConfiguration.allowed(Target.all_users()),
            applications=TargetConfiguration.allowed(Target.all_applications()),
        ),
        b2b_collaboration_outbound=B2BSetting(
            users_and_groups=TargetConfiguration.allowed(Target.all_users()),
            applications=TargetConfiguration.allowed(Target.all_applications()),
        ),
        b2b_direct_connect_inbound=B2BSetting(
            users_and_groups=ALL_USERS_BLOCKED,
            applications=TargetConfiguration.blocked(Target.office365()),
        ),
        b2b_direct_connect_outbound=B2BSetting(
            users_and_groups=ALL_USERS_BLOCKED, applications=ALL_APPS_BLOCKED
        ),
        inbound_trust=InboundTrust(
            is_mfa_accepted=True,
            is_compliant_device_accepted=True,
            is_hybrid_azure_ad_joined_device_accepted=True,
        ),
        tenant_restrictions=TenantRestrictions(
            users_and_groups=ALL_USERS_BLOCKED, applications=ALL_APPS_BLOCKED
        ),
        automatic_user_consent=AutomaticUserConsent(inbound_allowed=False, outbound_allowed=False),
    )


# R10 (and R9 example 1): blocking all users requires blocking all applications


def test_r10_warns_when_all_users_are_blocked_but_applications_are_allowed(stack: TerraformStack) -> None:
    setting = B2BSetting(
        users_and_groups=ALL_USERS_BLOCKED,
        applications=TargetConfiguration.allowed(Target.all_applications()),
    )
    partner = CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT, b2b_collaboration_inbound=setting)
    (finding,) = partner.admin_center_warnings
    assert (finding.path, finding.property, finding.rule) == (
        "test/p",
        "b2b_collaboration_inbound.applications",
        "admin-center/R10",
    )
    assert "blocks all users" in finding.problem
    (warning,) = warnings_on(partner)
    assert warning.startswith(
        "b2b_collaboration_inbound.applications = \"allowed ['AllApplications']\": [admin-center/R10] "
    )
    assert "Fix: set applications to TargetConfiguration.blocked(Target.all_applications())" in warning
    assert f'"{ADMIN_CENTER_RULES_CONTEXT}" to "error"' in warning
    assert len(partner_resources(stack)) == 1


def test_r10_is_silent_when_all_applications_are_blocked_too(stack: TerraformStack) -> None:
    setting = B2BSetting(users_and_groups=ALL_USERS_BLOCKED, applications=ALL_APPS_BLOCKED)
    partner = CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT, b2b_collaboration_inbound=setting)
    assert partner.admin_center_warnings == ()
    assert warnings_on(partner) == []


def test_r10_warns_for_blocking_all_users_and_only_office365_inbound(stack: TerraformStack) -> None:
    # The issue's example: Graph accepts it, peers' tests create it, so it must synthesize.
    setting = B2BSetting(
        users_and_groups=ALL_USERS_BLOCKED, applications=TargetConfiguration.blocked(Target.office365())
    )
    partner = CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT, b2b_direct_connect_inbound=setting)
    assert [(f.property, f.rule) for f in partner.admin_center_warnings] == [
        ("b2b_direct_connect_inbound.applications", "admin-center/R10")
    ]
    (resource,) = partner_resources(stack).values()
    assert json.loads(resource["b2b_direct_connect_inbound"])["applications"]["targets"] == [
        {"target": "Office365", "targetType": "application"}
    ]


# R9 (example 2): users allowed means at least one application must be allowed


def test_r9_warns_when_users_are_allowed_but_all_applications_are_blocked(stack: TerraformStack) -> None:
    setting = B2BSetting(
        users_and_groups=TargetConfiguration.allowed(Target.group(GROUP_ID)), applications=ALL_APPS_BLOCKED
    )
    partner = CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT, b2b_collaboration_outbound=setting)
    (finding,) = partner.admin_center_warnings
    assert (finding.property, finding.rule) == ("b2b_collaboration_outbound.applications", "admin-center/R9")
    assert "at least one application" in finding.problem
    assert warnings_on(partner) == [warning_message(finding)]


def test_r9_is_silent_for_blocked_groups_with_all_applications_blocked(stack: TerraformStack) -> None:
    # Documented: "Block users in group 'g1' from accessing any application" (graph-api.md §5.35).
    setting = B2BSetting(
        users_and_groups=TargetConfiguration.blocked(Target.group(GROUP_ID)), applications=ALL_APPS_BLOCKED
    )
    partner = CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT, b2b_collaboration_outbound=setting)
    assert partner.admin_center_warnings == ()


def test_admin_center_rules_apply_to_tenant_restrictions(stack: TerraformStack) -> None:
    restrictions = TenantRestrictions(
        users_and_groups=TargetConfiguration.allowed(Target.all_users()), applications=ALL_APPS_BLOCKED
    )
    partner = CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT, tenant_restrictions=restrictions)
    assert [f.property for f in partner.admin_center_warnings] == ["tenant_restrictions.applications"]


@pytest.mark.parametrize("side", ["users_and_groups", "applications"])
def test_admin_center_rules_skip_a_token_access_type(
    stack: TerraformStack, token_string: str, side: str
) -> None:
    pair = {
        "users_and_groups": ALL_USERS_BLOCKED,
        "applications": TargetConfiguration.allowed(Target.office365()),
    }
    pair[side] = TargetConfiguration(token_string, pair[side].targets)
    partner = CrossTenantAccessPartner(
        stack, "p", tenant_id=SEED_TENANT, b2b_collaboration_inbound=B2BSetting(**pair)
    )
    assert partner.admin_center_warnings == ()


# a peer's partner that Graph accepts


def test_peer_maximal_partner_synthesizes_with_one_r10_warning(stack: TerraformStack) -> None:
    partner = peer_maximal_partner(stack)
    assert [(f.property, f.rule) for f in partner.admin_center_warnings] == [
        ("b2b_direct_connect_inbound.applications", "admin-center/R10")
    ]
    assert len(warnings_on(partner)) == 1
    (resource,) = partner_resources(stack).values()
    assert resource["tenant_id"] == "12345678-1234-1234-1234-123456789012"
    assert resource["is_service_provider"] is True
    assert len(partner.graph_body) == 9  # tenantId, isServiceProvider and all seven settings


def test_peer_maximal_partner_fails_synth_when_admin_center_rules_are_errors(cdk: ModuleType) -> None:
    with pytest.raises(XtapValidationError) as raised:
        peer_maximal_partner(strict_stack(cdk))
    (problem,) = raised.value.problems
    assert (problem.path, problem.property, problem.rule) == (
        "test/maximal",
        "b2b_direct_connect_inbound.applications",
        "admin-center/R10",
    )
    assert "test/maximal: b2b_direct_connect_inbound.applications = " in str(raised.value)
    assert "[admin-center/R10] users_and_groups blocks all users" in str(raised.value)


def test_graph_validation_holds_no_admin_center_rule(stack: TerraformStack) -> None:
    # The two kinds stay apart: the Graph-rule validator finds nothing wrong with the peer's partner.
    partner = peer_maximal_partner(stack)
    settings = {
        "b2b_direct_connect_inbound": B2BSetting(
            users_and_groups=ALL_USERS_BLOCKED, applications=TargetConfiguration.blocked(Target.office365())
        )
    }
    assert validate_partner("test/x", tenant_id=SEED_TENANT, settings=settings) == []
    assert partner.admin_center_warnings


# the switch: the cdktf context key xtap:adminCenterRules


def test_error_mode_reports_admin_center_findings_beside_graph_errors_in_one_error(cdk: ModuleType) -> None:
    setting = B2BSetting(
        users_and_groups=TargetConfiguration.allowed(Target.group("not-a-guid")),
        applications=ALL_APPS_BLOCKED,
    )
    with pytest.raises(XtapValidationError) as raised:
        CrossTenantAccessPartner(
            strict_stack(cdk), "p", tenant_id="contoso.com", b2b_collaboration_outbound=setting
        )
    assert [(p.property, p.rule) for p in raised.value.problems] == [
        ("tenant_id", None),
        ("b2b_collaboration_outbound.users_and_groups.targets[0].target", None),
        ("b2b_collaboration_outbound.applications", "admin-center/R9"),
    ]


def test_error_mode_checks_users_against_applications_despite_malformed_target_list(cdk: ModuleType) -> None:
    # Users are allowed (whatever the broken list was meant to hold) while every app is blocked.
    setting = B2BSetting(
        users_and_groups=TargetConfiguration("allowed", None),  # type: ignore[arg-type]
        applications=ALL_APPS_BLOCKED,
    )
    with pytest.raises(XtapValidationError) as raised:
        CrossTenantAccessPartner(
            strict_stack(cdk), "p", tenant_id=SEED_TENANT, b2b_collaboration_outbound=setting
        )
    assert [p.property for p in raised.value.problems] == [
        "b2b_collaboration_outbound.users_and_groups.targets",
        "b2b_collaboration_outbound.applications",
    ]


def test_warn_mode_raises_graph_errors_without_admin_center_findings(stack: TerraformStack) -> None:
    setting = B2BSetting(
        users_and_groups=ALL_USERS_BLOCKED, applications=TargetConfiguration.allowed(Target.office365())
    )
    with pytest.raises(XtapValidationError) as raised:
        CrossTenantAccessPartner(stack, "p", tenant_id="contoso.com", b2b_collaboration_inbound=setting)
    assert [p.property for p in raised.value.problems] == ["tenant_id"]


def test_explicit_warn_context_behaves_as_the_default(cdk: ModuleType) -> None:
    setting = B2BSetting(
        users_and_groups=ALL_USERS_BLOCKED, applications=TargetConfiguration.allowed(Target.office365())
    )
    stack = stack_in(cdk, {ADMIN_CENTER_RULES_CONTEXT: "warn"})
    partner = CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT, b2b_collaboration_inbound=setting)
    assert [f.rule for f in partner.admin_center_warnings] == ["admin-center/R10"]


def test_stack_context_makes_admin_center_rules_errors_in_that_stack_only(cdk: ModuleType) -> None:
    app = cdk.Testing.app()
    strict, lenient = cdk.TerraformStack(app, "strict"), cdk.TerraformStack(app, "lenient")
    strict.node.set_context(ADMIN_CENTER_RULES_CONTEXT, "error")
    assert peer_maximal_partner(lenient).admin_center_warnings
    with pytest.raises(XtapValidationError, match=r"strict/maximal: .*\[admin-center/R10\]"):
        peer_maximal_partner(strict)


@pytest.mark.parametrize("value", ["strict", "Error", True, ["error"]])
def test_unknown_admin_center_rules_context_fails_synth_naming_the_key(cdk: ModuleType, value: Any) -> None:
    with pytest.raises(XtapValidationError) as raised:
        CrossTenantAccessPartner(
            stack_in(cdk, {ADMIN_CENTER_RULES_CONTEXT: value}), "p", tenant_id=SEED_TENANT
        )
    (problem,) = raised.value.problems
    assert problem.property == f"context {ADMIN_CENTER_RULES_CONTEXT!r}"
    assert problem.value == value
    assert '"error"' in problem.fix


# where the warnings surface


def test_warning_reaches_the_synth_manifest_on_the_partner_path(cdk: ModuleType, tmp_path: Path) -> None:
    # cdktf synth and cdktf deploy print the manifest's annotations; App.synth writes them there.
    app = cdk.App(outdir=str(tmp_path))
    peer_maximal_partner(cdk.TerraformStack(app, "partners"))
    app.synth()
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    (annotation,) = manifest["stacks"]["partners"]["annotations"]
    assert annotation["constructPath"] == "partners/maximal"
    assert annotation["level"] == WARNING
    assert "b2b_direct_connect_inbound.applications = \"blocked ['Office365']\"" in annotation["message"]
    assert "[admin-center/R10]" in annotation["message"]
    assert (
        "Fix: set applications to TargetConfiguration.blocked(Target.all_applications())"
        in annotation["message"]
    )


def test_a_partner_without_findings_adds_no_annotation(cdk: ModuleType, tmp_path: Path) -> None:
    app = cdk.App(outdir=str(tmp_path))
    CrossTenantAccessPartner(cdk.TerraformStack(app, "partners"), "p", tenant_id=SEED_TENANT)
    app.synth()
    assert json.loads((tmp_path / "manifest.json").read_text())["stacks"]["partners"]["annotations"] == []


_APP = """\
from {cdk} import App, TerraformStack
from test_admin_center_rules import peer_maximal_partner

app = App()
peer_maximal_partner(TerraformStack(app, "partners"))
app.synth()
"""


def _run_app(cdk: ModuleType, tmp_path: Path, context: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run an app the way ``cdktf synth`` does: cdktf.json's context arrives as CDKTF_CONTEXT_JSON."""
    env = {
        **os.environ,
        "CDKTF_OUTDIR": str(tmp_path / "out"),
        "CDKTF_CONTEXT_JSON": json.dumps(context),
        "PYTHONPATH": os.pathsep.join([str(REPO), str(Path(__file__).parent)]),
    }
    return subprocess.run(
        [sys.executable, "-c", _APP.format(cdk=cdk.__name__)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cdktf_json_context_turns_the_same_app_from_warnings_into_a_synth_error(
    cdk: ModuleType, tmp_path: Path
) -> None:
    warned = _run_app(cdk, tmp_path, {})
    assert warned.returncode == 0, warned.stderr
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert [a["constructPath"] for a in manifest["stacks"]["partners"]["annotations"]] == ["partners/maximal"]
    failed = _run_app(cdk, tmp_path, {ADMIN_CENTER_RULES_CONTEXT: "error"})
    assert failed.returncode != 0
    assert "XtapValidationError: 1 problem in cross-tenant access settings" in failed.stderr
    assert "partners/maximal: b2b_direct_connect_inbound.applications" in failed.stderr


# the rules themselves


def test_every_admin_center_rule_has_a_stable_unique_id_in_the_admin_center_pack() -> None:
    ids = [rule.id for rule in ADMIN_CENTER_RULES]
    assert ids == ["R9", "R10", "R11"]
    assert [rule.qualified_id for rule in ADMIN_CENTER_RULES] == [f"{ADMIN_CENTER_PACK}/{i}" for i in ids]
    assert ADMIN_CENTER_PACK == "admin-center"


def test_r9_and_r10_apply_to_partners_and_defaults_and_r11_to_inbound_defaults_only() -> None:
    kinds = {rule.id: (sorted(rule.kinds), rule.settings, rule.names) for rule in ADMIN_CENTER_RULES}
    assert kinds == {
        "R9": (["default", "partner"], None, "applications"),
        "R10": (["default", "partner"], None, "applications"),
        "R11": (
            ["default"],
            frozenset({"b2b_collaboration_inbound", "b2b_direct_connect_inbound"}),
            "users_and_groups",
        ),
    }


@pytest.mark.parametrize("users", [None, "AllUsers", {"accessType": "allowed"}, TargetConfiguration("x", 3)])
def test_admin_center_rules_never_raise_on_wrong_types(users: Any) -> None:
    for kind in ("partner", "default"):
        setting = B2BSetting(users_and_groups=users, applications=users)
        assert check_admin_center_rules("p", {"b2b_collaboration_inbound": setting}, kind) == []
