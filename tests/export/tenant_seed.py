"""A tenant seeded with plain HTTP calls (requests + a bearer token), covering every setting kind the
constructs take: a customised default, allowed cloud endpoints, partners with every partner setting, an
identity synchronization policy, and a partner that Graph accepts but the admin center would not."""

from __future__ import annotations

from typing import Any

from constructs_xtap.local_graph import LocalGraph

POLICY = "/v1.0/policies/crossTenantAccessPolicy"
FABRIKAM = "7e9d5c3b-2a1f-4e6d-9c8b-7a6f5e4d3c2b"  # registered: the lookup names it
CONTOSO = "2c4e6a8b-1d3f-4a5b-8c7d-9e0f1a2b3c4d"  # registered: identity synchronization
WARNED = "4a6c8e0f-3b5d-4c7e-9f1a-2b3c4d5e6f7a"  # unknown to the lookup; only passes with warnings
GROUP = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"
USER = "1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9"
APP = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"


def _all(access_type: str, target: str, target_type: str) -> dict[str, Any]:
    return {"accessType": access_type, "targets": [{"target": target, "targetType": target_type}]}


def _everyone(access_type: str) -> dict[str, Any]:
    return {
        "usersAndGroups": _all(access_type, "AllUsers", "user"),
        "applications": _all(access_type, "AllApplications", "application"),
    }


DEFAULT_CHANGES: dict[str, Any] = {
    "b2bCollaborationInbound": _everyone("blocked"),
    "inboundTrust": {
        "isMfaAccepted": True,
        "isCompliantDeviceAccepted": False,
        "isHybridAzureADJoinedDeviceAccepted": False,
    },
    "invitationRedemptionIdentityProviderConfiguration": {
        "primaryIdentityProviderPrecedenceOrder": ["azureActiveDirectory", "externalFederation"],
        "fallbackIdentityProvider": "emailOneTimePasscode",
    },
    "m365CollaborationOutbound": {"usersAndGroups": _all("allowed", "AllUsers", "user")},
}

PARTNERS: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    # tenant id: (POST body, then PATCH body for what Graph documents for update only)
    FABRIKAM: (
        {
            "tenantId": FABRIKAM,
            "inboundTrust": {"isMfaAccepted": True, "isCompliantDeviceAccepted": True},
            "automaticUserConsentSettings": {"inboundAllowed": True, "outboundAllowed": False},
            "b2bCollaborationInbound": {
                "usersAndGroups": _all("allowed", "AllUsers", "user"),
                "applications": {
                    "accessType": "allowed",
                    "targets": [
                        {"target": APP, "targetType": "application"},
                        {"target": "Office365", "targetType": "application"},
                    ],
                },
            },
            "b2bCollaborationOutbound": {
                "usersAndGroups": {
                    "accessType": "allowed",
                    "targets": [
                        {"target": GROUP, "targetType": "group"},
                        {"target": USER, "targetType": "user"},
                    ],
                },
                "applications": _all("allowed", "AllMicrosoftApps", "application"),
            },
            "b2bDirectConnectOutbound": _everyone("allowed"),
            "tenantRestrictions": {
                "usersAndGroups": _all("allowed", "AllUsers", "user"),
                "applications": _all("blocked", "Office365", "application"),
            },
        },
        {
            "m365CollaborationInbound": {"users": _all("allowed", GROUP, "group")},
            "m365CollaborationOutbound": {"usersAndGroups": _all("blocked", "AllUsers", "user")},
            "appServiceConnectInbound": {"applications": _all("allowed", "AllApplications", "application")},
        },
    ),
    CONTOSO: (
        {"tenantId": CONTOSO, "isServiceProvider": True, "b2bCollaborationInbound": _everyone("allowed")},
        {},
    ),
    WARNED: (
        {
            "tenantId": WARNED,
            # admin-center/R10: all users blocked, but only Office365 blocked among the applications.
            "b2bDirectConnectInbound": {
                "usersAndGroups": _all("blocked", "AllUsers", "user"),
                "applications": _all("blocked", "Office365", "application"),
            },
        },
        {},
    ),
}


def seed_tenant(graph: LocalGraph) -> None:
    """Seed ``graph``'s home tenant over HTTP as an administrator (or another tool) would have."""
    graph.register_tenant(FABRIKAM, "Fabrikam, Ltd.", "fabrikam.com")
    graph.register_tenant(CONTOSO, "Contoso", "contoso.com")
    session = graph.session()
    session.headers["Authorization"] = f"Bearer {graph.issue_token()}"
    root = f"{graph.graph_endpoint}{POLICY}"

    def check(response: Any, status: int) -> None:
        assert response.status_code == status, f"{response.request.method} {response.url}: {response.text}"

    check(session.patch(f"{root}/default", json=DEFAULT_CHANGES, timeout=10), 204)
    check(session.patch(root, json={"allowedCloudEndpoints": ["microsoftonline.us"]}, timeout=10), 204)
    for tenant_id, (create, update) in PARTNERS.items():
        check(session.post(f"{root}/partners", json=create, timeout=10), 201)
        if update:
            check(session.patch(f"{root}/partners/{tenant_id}", json=update, timeout=10), 204)
    sync = {"displayName": "Contoso", "userSyncInbound": {"isSyncAllowed": True}}
    check(session.put(f"{root}/partners/{CONTOSO}/identitySynchronization", json=sync, timeout=10), 204)


DEVICES_FILTER = {"mode": "allowed", "rule": "device.trustType -eq 'AzureAD'"}
#: Settings Graph accepts that the constructs cannot express: a tenant restrictions ``devices`` filter on the
#: default and on CONTOSO, and on CONTOSO an ``AllUsers`` beside a group (the local Graph refuses
#: ``unknownFutureValue`` on write, so this stands in for a B2B setting the constructs reject).
UNEXPRESSIBLE_DEFAULT: dict[str, Any] = {
    "tenantRestrictions": {
        "usersAndGroups": _all("blocked", "AllUsers", "user"),
        "applications": _all("blocked", "AllApplications", "application"),
        "devices": DEVICES_FILTER,
    },
}
UNEXPRESSIBLE_CONTOSO: dict[str, Any] = {
    "tenantRestrictions": {
        "usersAndGroups": _all("allowed", GROUP, "group"),
        "applications": _all("allowed", "AllApplications", "application"),
        "devices": DEVICES_FILTER,
    },
    "b2bDirectConnectOutbound": {
        "usersAndGroups": {
            "accessType": "allowed",
            "targets": [
                {"target": "AllUsers", "targetType": "user"},
                {"target": GROUP, "targetType": "group"},
            ],
        },
        "applications": _all("allowed", "AllApplications", "application"),
    },
}


def seed_unexpressible(graph: LocalGraph) -> None:
    """On top of ``seed_tenant``: patch the settings the constructs cannot express into the default and
    CONTOSO, as an administrator would in the admin center."""
    session = graph.session()
    session.headers["Authorization"] = f"Bearer {graph.issue_token()}"
    root = f"{graph.graph_endpoint}{POLICY}"
    for url, body in (
        (f"{root}/default", UNEXPRESSIBLE_DEFAULT),
        (f"{root}/partners/{CONTOSO}", UNEXPRESSIBLE_CONTOSO),
    ):
        response = session.patch(url, json=body, timeout=10)
        assert response.status_code == 204, f"PATCH {url}: {response.text}"
