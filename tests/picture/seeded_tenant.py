"""A tenant seeded through Graph's own API, and what applies to each partner, worked out by hand."""

from __future__ import annotations

from constructs_xtap.graph import GraphClient, kind_path
from constructs_xtap.local_graph import LocalGraph
from constructs_xtap.wire import DEFAULT, IDENTITY_SYNCHRONIZATION
from constructs_xtap.wire import PARTNER as PARTNER_KIND

FABRIKAM = "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a"
LITWARE = "4b2e8d61-7f3a-4c59-9e0d-1a6c5b7f8e23"
PLAIN = "e1a7c9d3-5b2f-4e6a-8d0c-7f3b1a9e5c42"
GROUP_1 = "11111111-aaaa-4bbb-8ccc-000000000001"
GROUP_2 = "22222222-aaaa-4bbb-8ccc-000000000002"


def _targets(access: str, *targets: tuple[str, str]) -> dict[str, object]:
    return {"accessType": access, "targets": [{"target": t, "targetType": k} for t, k in targets]}


ALL_USERS = ("AllUsers", "user")
ALL_APPS = ("AllApplications", "application")
OFFICE = ("Office365", "application")

DEFAULT_BODY = {
    "b2bCollaborationInbound": {
        "usersAndGroups": _targets("blocked", ALL_USERS),
        "applications": _targets("blocked", ALL_APPS),
    },
    "b2bDirectConnectOutbound": {
        "usersAndGroups": _targets("allowed", ALL_USERS),
        "applications": _targets("allowed", OFFICE),
    },
    "inboundTrust": {
        "isMfaAccepted": True,
        "isCompliantDeviceAccepted": False,
        "isHybridAzureADJoinedDeviceAccepted": False,
    },
}
PARTNERS = [
    {
        "tenantId": FABRIKAM,
        "b2bCollaborationInbound": {
            "usersAndGroups": _targets("allowed", (GROUP_1, "group")),
            "applications": _targets("allowed", ALL_APPS),
        },
        "b2bCollaborationOutbound": {
            "usersAndGroups": _targets("blocked", ALL_USERS),
            "applications": _targets("blocked", ALL_APPS),
        },
        "inboundTrust": {"isCompliantDeviceAccepted": True},
        "automaticUserConsentSettings": {"inboundAllowed": True, "outboundAllowed": False},
    },
    {
        "tenantId": LITWARE,
        "b2bDirectConnectInbound": {"applications": _targets("allowed", OFFICE)},
        "b2bDirectConnectOutbound": {"usersAndGroups": _targets("blocked", (GROUP_2, "group"))},
        "tenantRestrictions": {
            "usersAndGroups": _targets("allowed", ALL_USERS),
            "applications": _targets("allowed", ALL_APPS),
        },
    },
    {"tenantId": PLAIN},
]

_SYSTEM_NO = "system default (no)"
_IN_NO, _IN_BLOCKED = "inherited (no)", "inherited (blocked for all users)"

#: Column key -> cell text, worked out from the objects above and Graph's inheritance rules by hand.
EXPECTED: dict[str, dict[str, str]] = {
    "default": {
        "b2bCollaborationInbound": "blocked for all users",
        "b2bCollaborationOutbound": "system default (allowed for all users)",
        "b2bDirectConnectInbound": "system default (blocked for all users)",
        "b2bDirectConnectOutbound": "allowed for all users to Office 365",
        "trustMfa": "yes",
        "trustCompliantDevice": _SYSTEM_NO,
        "trustHybridJoinedDevice": _SYSTEM_NO,
        "consentInbound": _SYSTEM_NO,
        "consentOutbound": _SYSTEM_NO,
        "tenantRestrictions": "system default (blocked for all users)",
        "identitySync": "—",
    },
    FABRIKAM: {
        "b2bCollaborationInbound": "allowed for group 11111111… to all applications",
        "b2bCollaborationOutbound": "blocked for all users",
        "b2bDirectConnectInbound": _IN_BLOCKED,
        "b2bDirectConnectOutbound": "inherited (allowed for all users to Office 365)",
        "trustMfa": "inherited (yes)",
        "trustCompliantDevice": "yes",
        "trustHybridJoinedDevice": _IN_NO,
        "consentInbound": "yes",
        "consentOutbound": "no",
        "tenantRestrictions": _IN_BLOCKED,
        "identitySync": "yes",
    },
    LITWARE: {
        "b2bCollaborationInbound": _IN_BLOCKED,
        "b2bCollaborationOutbound": "inherited (allowed for all users)",
        "b2bDirectConnectInbound": "blocked for all users (users inherited)",
        "b2bDirectConnectOutbound": "allowed for all users except group 22222222… to Office 365 "
        "(applications inherited)",
        "trustMfa": "inherited (yes)",
        "trustCompliantDevice": _IN_NO,
        "trustHybridJoinedDevice": _IN_NO,
        "consentInbound": _IN_NO,
        "consentOutbound": _IN_NO,
        "tenantRestrictions": "allowed for all users",
        "identitySync": "no",
    },
    PLAIN: {
        "b2bCollaborationInbound": _IN_BLOCKED,
        "b2bCollaborationOutbound": "inherited (allowed for all users)",
        "b2bDirectConnectInbound": _IN_BLOCKED,
        "b2bDirectConnectOutbound": "inherited (allowed for all users to Office 365)",
        "trustMfa": "inherited (yes)",
        "trustCompliantDevice": _IN_NO,
        "trustHybridJoinedDevice": _IN_NO,
        "consentInbound": _IN_NO,
        "consentOutbound": _IN_NO,
        "tenantRestrictions": _IN_BLOCKED,
        "identitySync": "no",
    },
}
#: Row labels in the table and Markdown formats.
LABELS = {"default": "default", FABRIKAM: "Fabrikam (3d0f5dec…)", LITWARE: "4b2e8d61…", PLAIN: "e1a7c9d3…"}


def seed(graph: LocalGraph, client: GraphClient) -> None:
    """Write the default and the partners through Graph; Fabrikam is a known tenant with an identity sync."""
    graph.register_tenant(FABRIKAM, "Fabrikam", "fabrikam.example")
    client.update_object(kind_path(DEFAULT), DEFAULT_BODY)
    for partner in PARTNERS:
        client.create_object("POST", str(PARTNER_KIND.collection_path), partner)
    client.create_object(
        "PUT",
        kind_path(IDENTITY_SYNCHRONIZATION, FABRIKAM),
        {"displayName": "Fabrikam sync", "userSyncInbound": {"isSyncAllowed": True}},
    )
