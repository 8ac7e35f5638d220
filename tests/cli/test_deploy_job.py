"""`make deploy` uses the real tenant only when the environment configures one, by the provider's rules."""

from __future__ import annotations

import pytest

from constructs_xtap.cli.deploy_job import check_tenant_environment

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
CLIENT = "11111111-2222-4333-8444-555555555555"


def test_no_tenant_variables_means_the_local_graph() -> None:
    assert check_tenant_environment({"PATH": "/usr/bin", "XTAP_CLOUD": "usgov"}) is False


@pytest.mark.parametrize(
    "env",
    [
        {"AZURE_TENANT_ID": TENANT, "AZURE_CLIENT_ID": CLIENT, "AZURE_CLIENT_SECRET": "s"},
        {"ARM_TENANT_ID": TENANT, "ARM_CLIENT_ID": CLIENT, "ARM_OIDC_TOKEN": "eyJ.x.y"},
        {"XTAP_TENANT_ID": TENANT, "XTAP_CLIENT_ID": CLIENT, "XTAP_CLIENT_SECRET": "s"},
    ],
    ids=["azure", "arm-oidc", "xtap"],
)
def test_a_complete_tenant_configuration_means_the_real_tenant(env: dict[str, str]) -> None:
    assert check_tenant_environment(env) is True


def test_a_half_configured_tenant_exits_naming_the_problem_instead_of_using_the_local_graph() -> None:
    with pytest.raises(SystemExit) as exited:
        check_tenant_environment({"AZURE_TENANT_ID": TENANT, "AZURE_CLIENT_ID": CLIENT})
    message = str(exited.value.code)
    assert "AZURE_TENANT_ID, AZURE_CLIENT_ID" in message
    assert "No credentials configured" in message
    assert "unset them to deploy to the local Graph" in message
