"""The package's public names: sorted, complete, and importable without starting the jsii runtime."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import constructs_xtap
import constructs_xtap.constructs
import constructs_xtap.guardrails
import constructs_xtap.testing

REPO = Path(__file__).resolve().parents[2]


def test_all_is_sorted_and_every_name_resolves() -> None:
    for module in (constructs_xtap, constructs_xtap.constructs, constructs_xtap.testing):
        assert module.__all__ == sorted(module.__all__)
        for name in module.__all__:
            assert getattr(module, name) is not None


def test_top_level_package_re_exports_the_construct_library_and_guardrails() -> None:
    guardrails = ["Guardrails", "GuardrailsError"]
    assert constructs_xtap.__all__ == sorted(constructs_xtap.constructs.__all__ + guardrails)
    assert constructs_xtap.Guardrails is constructs_xtap.guardrails.Guardrails
    assert constructs_xtap.CrossTenantAccessPartner is constructs_xtap.constructs.CrossTenantAccessPartner


def test_unknown_name_raises_attribute_error() -> None:
    try:
        constructs_xtap.NoSuchThing  # noqa: B018
    except AttributeError as error:
        assert "NoSuchThing" in str(error)
    else:
        raise AssertionError("constructs_xtap.NoSuchThing resolved")


def test_importing_the_package_does_not_load_cdktf() -> None:
    # The provider process imports constructs_xtap too; it must not need Node/jsii to start.
    code = "import sys, constructs_xtap, constructs_xtap.wire; print('cdktf' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"


def test_the_issue_8_names_are_exported() -> None:
    new = {
        "AppServiceConnectInbound",
        "CloudEndpoint",
        "CrossTenantAccessDefaults",
        "CrossTenantAccessPolicy",
        "DataXtapTenantInformation",
        "IdentityProvider",
        "IdentitySynchronization",
        "InvitationRedemption",
        "M365CollaborationInbound",
        "M365CollaborationOutbound",
        "TenantInformation",
        "XtapDefaultConfiguration",
        "XtapPartnerIdentitySynchronization",
        "XtapPolicy",
    }
    assert new <= set(constructs_xtap.__all__)
