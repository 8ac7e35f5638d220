"""The framework seam (constructs_xtap.constructs.framework): in a cdktn App the constructs are cdktn
elements, a tree mixing cdktf and cdktn fails when the construct is made, Guardrails runs in a cdktn App,
and a cdktn-only program never imports cdktf.

These tests are about cdktn (and mixing it with cdktf) by nature, so they name the frameworks themselves
instead of taking the ``cdk`` fixture; the rest of the construct tests run under both through it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import cdktf
import cdktn
import pytest
from constructs import Construct
from sample_ids import SEED_TENANT

from constructs_xtap import (
    CrossTenantAccessDefaults,
    CrossTenantAccessPartner,
    XtapProvider,
    XtapValidationError,
)
from constructs_xtap.constructs.framework import FrameworkMixError, framework_named
from constructs_xtap.constructs.xtap_partner_configuration import XtapPartnerConfiguration
from constructs_xtap.guardrails import Guardrails

REPO = Path(__file__).resolve().parents[2]


def test_a_partner_in_a_cdktn_app_is_a_cdktn_element() -> None:
    stack = cdktn.TerraformStack(cdktn.Testing.app(), "partners")
    partner = CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT)
    assert isinstance(partner.resource, XtapPartnerConfiguration)
    assert isinstance(partner.resource, cdktn.TerraformResource)
    assert not isinstance(partner.resource, cdktf.TerraformResource)
    assert cdktn.TerraformStack.of(partner.resource) is stack


def test_a_partner_in_a_cdktf_app_is_a_cdktf_element() -> None:
    stack = cdktf.TerraformStack(cdktf.Testing.app(), "partners")
    partner = CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT)
    assert isinstance(partner.resource, XtapPartnerConfiguration)
    assert isinstance(partner.resource, cdktf.TerraformResource)
    assert not isinstance(partner.resource, cdktn.TerraformResource)


@pytest.mark.parametrize(
    ("app_framework", "stack_framework"), [(cdktn, cdktf), (cdktf, cdktn)], ids=["cdktn-app", "cdktf-app"]
)
def test_a_tree_mixing_the_frameworks_fails_when_the_partner_is_made_naming_the_scopes(
    app_framework: ModuleType, stack_framework: ModuleType
) -> None:
    app = app_framework.Testing.app()
    stack = stack_framework.TerraformStack(app, "mixed")
    with pytest.raises(FrameworkMixError) as raised:
        CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT)
    message = str(raised.value)
    assert message.startswith("mixed: this construct tree mixes cdktf and cdktn")
    assert f"{app_framework.__name__}: (the App)" in message
    assert f"{stack_framework.__name__}: mixed" in message
    # Raised while making the partner, before any synth: no Terraform element of it got into the tree.
    elements = (cdktf.TerraformElement, cdktn.TerraformElement)
    assert [c.node.path for c in stack.node.find_all() if c is not stack and isinstance(c, elements)] == []


def test_an_element_of_the_other_framework_already_in_the_stack_fails_when_the_partner_is_made() -> None:
    # The likely mix: App and stacks moved to cdktn, a prebuilt provider's cdktf classes kept beside.
    stack = cdktn.TerraformStack(cdktn.Testing.app(), "tenant")
    cdktf.TerraformOutput(stack, "leftover", value="x")
    with pytest.raises(FrameworkMixError) as raised:
        CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT)
    message = str(raised.value)
    assert message.startswith(
        "tenant: this cdktn stack holds cdktf elements: tenant/leftover (TerraformOutput)"
    )
    assert "cdktn-provider-*" in message


@pytest.mark.parametrize(
    ("provider_framework", "partner_framework"),
    [(cdktf, cdktn), (cdktn, cdktf)],
    ids=["cdktf-provider", "cdktn-provider"],
)
def test_a_provider_made_in_the_other_frameworks_app_is_a_validation_problem(
    provider_framework: ModuleType, partner_framework: ModuleType
) -> None:
    home = provider_framework.TerraformStack(provider_framework.Testing.app(), "home")
    provider = XtapProvider(home, "xtap", alias="home")
    stack = partner_framework.TerraformStack(partner_framework.Testing.app(), "s")
    with pytest.raises(XtapValidationError) as raised:
        CrossTenantAccessPartner(stack, "p", tenant_id=SEED_TENANT, provider=provider)
    (problem,) = raised.value.problems
    assert problem.property == "provider"
    assert problem.value == "home/xtap"
    assert f"is a {provider_framework.__name__} provider block" in problem.problem
    assert f"this construct is in a {partner_framework.__name__} app" in problem.problem


def test_a_provider_of_another_stack_is_a_validation_problem(cdk: ModuleType) -> None:
    app = cdk.Testing.app()
    provider = XtapProvider(cdk.TerraformStack(app, "other"), "xtap")
    with pytest.raises(XtapValidationError) as raised:
        CrossTenantAccessDefaults(cdk.TerraformStack(app, "s"), "defaults", provider=provider)
    (problem,) = raised.value.problems
    assert problem.property == "provider"
    assert "is in the stack 'other', not in this construct's stack 's'" in problem.problem


def test_guardrails_added_to_a_cdktn_app_runs_at_synth() -> None:
    app = cdktn.Testing.app()
    stack = cdktn.TerraformStack(app, "partners")
    CrossTenantAccessDefaults(stack, "defaults")  # inbound B2B collaboration left open: CISA.MS.AAD.8.3
    cdktn.Aspects.of(app).add(Guardrails())
    # GuardrailsError's text, raised in the aspect, reaching the caller as jsii's RuntimeError.
    with pytest.raises(RuntimeError, match=r"Guardrails found 1 error\(s\):\n  \[partners/defaults\] \[CISA"):
        cdktn.Testing.synth(stack)


_CDKTN_ONLY = textwrap.dedent(
    """\
    import json, sys
    from pathlib import Path

    import cdktn
    import constructs_xtap
    from stacks import PartnersStack

    app = cdktn.Testing.app()
    stack = PartnersStack(app)
    document = json.loads(cdktn.Testing.synth(stack))
    assert document["resource"]["xtap_partner_configuration"], document
    assert isinstance(stack.partners["documented-example"].resource, cdktn.TerraformResource)
    assert (Path(app.outdir) / "xtap-guardrails.json").is_file(), "the stack's Guardrails did not run"
    loaded = sorted(name for name in sys.modules if name.partition(".")[0] == "cdktf")
    assert not loaded, f"a cdktn-only program imported {loaded}"
    print("cdktn only")
    """
)


def test_a_cdktn_only_program_builds_and_synthesizes_a_partners_stack_without_importing_cdktf(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    run = subprocess.run(
        [sys.executable, "-c", _CDKTN_ONLY],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.strip().endswith("cdktn only")


def test_framework_named_refuses_an_unknown_framework() -> None:
    with pytest.raises(ValueError, match=r"unknown CDK framework 'nope': use one of cdktf, cdktn"):
        framework_named("nope")


@pytest.mark.parametrize("construct_id", ["p", "a/b"])
def test_problems_name_the_construct_path_the_tree_gives_it(cdk: ModuleType, construct_id: str) -> None:
    # The path is worked out from the scope's path and the id, without asking jsii: it must be node.path.
    group = Construct(cdk.TerraformStack(cdk.Testing.app(), "s"), "group")
    with pytest.raises(XtapValidationError) as raised:
        CrossTenantAccessPartner(group, construct_id, tenant_id="not-a-guid")
    expected = Construct(
        Construct(cdk.TerraformStack(cdk.Testing.app(), "s"), "group"), construct_id
    ).node.path
    assert {problem.path for problem in raised.value.problems} == {expected}
