"""The provider gets its token while being configured, so a plan already knows the credential works and
whether it may write (issue: plans check what they can)."""

from __future__ import annotations

import uuid
from typing import Any

from provider_harness import Harness, errors, plan_change, planned_partner
from tf.gen import tfplugin_pb2 as pb

from constructs_xtap.local_graph import READ_ROLE, LocalGraph
from constructs_xtap.provider import XtapServicer

WRITE = "Policy.ReadWrite.CrossTenantAccess"


def new_partner() -> dict[str, Any]:
    config = planned_partner(str(uuid.uuid4()), inbound_trust='{"isMfaAccepted":true}')
    return {**config, "id": None, "is_in_multi_tenant_organization": None}


def warnings(response: Any) -> list[str]:
    return [f"{d.summary}\n{d.detail}" for d in response.diagnostics if d.severity == pb.Diagnostic.WARNING]


def test_a_wrong_client_secret_fails_configuration_with_entras_code(local_graph: LocalGraph) -> None:
    harness = Harness(local_graph, client_secret="not-the-secret")

    (error,) = errors(harness.configure_diagnostics)
    assert error.startswith("Could not authenticate to Entra ID")
    assert "AADSTS7000215" in error
    assert "Check the credential" in error


def test_an_unknown_tenant_fails_configuration_with_entras_code(local_graph: LocalGraph) -> None:
    harness = Harness(local_graph, tenant_id=str(uuid.uuid4()))

    (error,) = errors(harness.configure_diagnostics)
    assert error.startswith("Could not authenticate to Entra ID: unknown tenant")
    assert "AADSTS90002" in error
    assert "Check tenant_id" in error
    assert "Check the credential" not in error  # the secret is not what is wrong


def test_a_read_only_token_warns_on_a_plan_that_creates_naming_the_permission(
    local_graph: LocalGraph,
) -> None:
    reader = str(uuid.uuid4())
    local_graph.register_client(reader, secret="reader-secret", roles=(READ_ROLE,))
    harness = Harness(local_graph, client_id=reader, client_secret="reader-secret")
    assert errors(harness.configure_diagnostics) == []

    planned = plan_change(XtapServicer(harness.provider), None, new_partner())

    (warning,) = warnings(planned)
    assert WRITE in warning.splitlines()[0]
    assert "Grant admin consent" in warning
    assert READ_ROLE in warning  # what the token does hold


def test_a_read_only_token_does_not_warn_on_a_plan_without_writes(local_graph: LocalGraph) -> None:
    reader = str(uuid.uuid4())
    local_graph.register_client(reader, secret="reader-secret", roles=(READ_ROLE,))
    harness = Harness(local_graph, client_id=reader, client_secret="reader-secret")
    config = new_partner()
    state = {**config, "id": config["tenant_id"]}

    unchanged = plan_change(XtapServicer(harness.provider), state, state)

    assert warnings(unchanged) == []


def test_a_token_with_the_write_permission_plans_creates_without_warning(local_graph: LocalGraph) -> None:
    harness = Harness(local_graph)

    planned = plan_change(XtapServicer(harness.provider), None, new_partner())

    assert list(planned.diagnostics) == []
    assert harness.provider.granted_permissions is not None
    assert WRITE in harness.provider.granted_permissions
