"""A Graph 400 that names a property points the diagnostic at that setting's attribute, for every kind."""

from __future__ import annotations

import pytest

from constructs_xtap.graph import GraphBadRequest, GraphEnvelope
from constructs_xtap.provider.graph_diagnostics import diagnose


def invalid_property(name: str) -> GraphBadRequest:
    envelope = GraphEnvelope(code="Request_BadRequest", message=f"Invalid property '{name}'.")
    return GraphBadRequest(method="PATCH", path="/policies/x", status=400, envelope=envelope, tries=1)


@pytest.mark.parametrize(
    ("graph_name", "attribute"),
    [
        ("inboundTrust", "inbound_trust"),
        ("m365CollaborationInbound", "m365_collaboration_inbound"),
        ("appServiceConnectInbound", "app_service_connect_inbound"),
        (
            "invitationRedemptionIdentityProviderConfiguration",
            "invitation_redemption_identity_provider_configuration",
        ),
    ],
)
def test_an_invalid_property_400_points_at_its_attribute(graph_name: str, attribute: str) -> None:
    found = diagnose(invalid_property(graph_name), action="update", tenant_id=None)
    assert found.path == [attribute]


def test_an_invalid_property_no_kind_has_stays_on_tenant_id() -> None:
    found = diagnose(invalid_property("b2BCollaborationInbound"), action="create", tenant_id=None)
    assert found.path == ["tenant_id"]
