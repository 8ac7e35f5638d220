"""Validation of partner request bodies against the documented v1.0 schema (graph-api.md §2.1-2.9).

Property names are case-sensitive on the wire: ``b2BCollaborationInbound`` or ``isMfaTrusted`` anywhere in
the body is ``400 Request_BadRequest "Invalid property '<name>'"`` (graph-api.md §3.3 item 5, R22).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from constructs_xtap.local_graph.graph_error import GraphError
from constructs_xtap.wire import ACCESS_TYPES, TARGET_TYPES, is_guid


@dataclass(frozen=True)
class Spec:
    """The expected JSON type of one value: bool, string, enum, array of ``item`` or object of ``fields``."""

    kind: str
    enum: frozenset[str] = frozenset()
    item: Spec | None = None
    fields: dict[str, Spec] = field(default_factory=dict)
    type_name: str = ""


BOOL = Spec("bool")
STRING = Spec("string")
ACCESS_TYPE = Spec("enum", enum=frozenset(ACCESS_TYPES))
TARGET = Spec(
    "object",
    fields={"target": STRING, "targetType": Spec("enum", enum=frozenset(TARGET_TYPES))},
    type_name="crossTenantAccessPolicyTarget",
)
TARGET_CONFIGURATION = Spec(
    "object",
    fields={"accessType": ACCESS_TYPE, "targets": Spec("array", item=TARGET)},
    type_name="crossTenantAccessPolicyTargetConfiguration",
)
B2B_SETTING = Spec(
    "object",
    fields={"usersAndGroups": TARGET_CONFIGURATION, "applications": TARGET_CONFIGURATION},
    type_name="crossTenantAccessPolicyB2BSetting",
)
TENANT_RESTRICTIONS = Spec(
    "object",
    fields={
        "usersAndGroups": TARGET_CONFIGURATION,
        "applications": TARGET_CONFIGURATION,
        "devices": Spec("object", fields={"mode": ACCESS_TYPE, "rule": STRING}, type_name="devicesFilter"),
    },
    type_name="crossTenantAccessPolicyTenantRestrictions",
)
INBOUND_TRUST = Spec(
    "object",
    fields={
        "isMfaAccepted": BOOL,
        "isCompliantDeviceAccepted": BOOL,
        "isHybridAzureADJoinedDeviceAccepted": BOOL,
    },
    type_name="crossTenantAccessPolicyInboundTrust",
)
INBOUND_OUTBOUND = Spec(
    "object",
    fields={"inboundAllowed": BOOL, "outboundAllowed": BOOL},
    type_name="inboundOutboundPolicyConfiguration",
)

#: Settings a client may write on create and update, in the order Graph answers them.
SETTINGS: dict[str, Spec] = {
    "inboundTrust": INBOUND_TRUST,
    "automaticUserConsentSettings": INBOUND_OUTBOUND,
    "b2bCollaborationInbound": B2B_SETTING,
    "b2bCollaborationOutbound": B2B_SETTING,
    "b2bDirectConnectOutbound": B2B_SETTING,
    "b2bDirectConnectInbound": B2B_SETTING,
    "tenantRestrictions": TENANT_RESTRICTIONS,
    "m365CollaborationInbound": Spec(
        "object",
        fields={"users": TARGET_CONFIGURATION},
        type_name="crossTenantAccessPolicyM365CollaborationInboundSetting",
    ),
    "m365CollaborationOutbound": Spec(
        "object",
        fields={"usersAndGroups": TARGET_CONFIGURATION},
        type_name="crossTenantAccessPolicyM365CollaborationOutboundSetting",
    ),
    "appServiceConnectInbound": Spec(
        "object",
        fields={"applications": TARGET_CONFIGURATION},
        type_name="crossTenantAccessPolicyAppServiceConnectSetting",
    ),
    # Undocumented but present in real responses (vector create_partner_minimal_entra); accepted as an
    # inbound/outbound pair like automaticUserConsentSettings [assumption].
    "crossCloudMeetingConfiguration": INBOUND_OUTBOUND,
}

# Settings Graph answers as an inbound/outbound pair with null members rather than as null.
PAIR_SETTINGS = ("automaticUserConsentSettings", "crossCloudMeetingConfiguration")
# Documented but not writable by clients.
READ_ONLY = ("isInMultiTenantOrganization",)
# Writable on create only (absent from the update table, graph-api.md §1.4).
CREATE_ONLY = ("tenantId", "isServiceProvider")


def bad_request(message: str) -> GraphError:
    """Return the 400 ``Request_BadRequest`` error Graph answers for a malformed body."""
    return GraphError(400, "Request_BadRequest", message)


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def check_value(name: str, spec: Spec, value: Any) -> Any:
    """Return ``value`` checked against ``spec`` (``@odata.*`` annotations dropped); else a 400."""
    if value is None:  # every documented property except the key is nullable
        return None
    if spec.kind == "bool":
        if not isinstance(value, bool):
            raise bad_request(
                f"Cannot convert the literal {_describe(value)} to the expected type 'Edm.Boolean' "
                f"of property '{name}'."
            )
        return value
    if spec.kind == "string":
        if not isinstance(value, str):
            raise bad_request(
                f"Cannot convert the literal {_describe(value)} to the expected type 'Edm.String' "
                f"of property '{name}'."
            )
        return value
    if spec.kind == "enum":
        if not isinstance(value, str) or value not in spec.enum:
            allowed = ", ".join(sorted(spec.enum))
            raise bad_request(
                f"Invalid value {_describe(value)} for property '{name}'. Allowed values: {allowed}."
            )
        return value
    if spec.kind == "array":
        if not isinstance(value, list):
            raise bad_request(f"Property '{name}' must be a JSON array.")
        assert spec.item is not None
        return [check_value(name, spec.item, item) for item in value]
    if not isinstance(value, dict):
        raise bad_request(f"Property '{name}' must be a JSON object of type '{spec.type_name}'.")
    return check_object(spec.fields, value)


def check_object(fields: dict[str, Spec], value: dict[str, Any]) -> dict[str, Any]:
    """Check every member of a JSON object; unknown or mis-cased member names are ``Invalid property``."""
    checked: dict[str, Any] = {}
    for key, member in value.items():
        if key.startswith("@odata."):  # SDK annotations such as @odata.type carry no data
            continue
        spec = fields.get(key)
        if spec is None:
            raise bad_request(f"Invalid property '{key}'")
        checked[key] = check_value(key, spec, member)
    return checked


def _check_body_object(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise bad_request(
            "The request body must be a JSON object representing a "
            "crossTenantAccessPolicyConfigurationPartner."
        )
    return body


def _check_names(body: dict[str, Any], allowed: tuple[str, ...]) -> None:
    """Reject unknown names first so a mis-cased name is reported as such wherever it is."""
    known = set(SETTINGS) | set(READ_ONLY) | set(CREATE_ONLY)
    for key in body:
        if not key.startswith("@odata.") and key not in known:
            raise bad_request(f"Invalid property '{key}'")
    for key in body:
        if key in READ_ONLY:
            raise bad_request(f"Property '{key}' is read-only and cannot be set.")
        if key in CREATE_ONLY and key not in allowed:
            raise bad_request(
                f"Property '{key}' cannot be updated; it can only be set when the partner "
                "configuration is created. Delete and re-create the partner to change it."
            )


def check_create(body: Any) -> dict[str, Any]:
    """Return the checked body of ``POST .../partners``; ``tenantId`` (a GUID) is lower-cased."""
    body = _check_body_object(body)
    _check_names(body, CREATE_ONLY)
    tenant_id = body.get("tenantId")
    if tenant_id is None:
        raise bad_request("Property 'tenantId' is required when creating a partner configuration.")
    if not isinstance(tenant_id, str) or not is_guid(tenant_id):
        raise bad_request(
            f"Invalid value {_describe(tenant_id)} for property 'tenantId'. "
            "A partner's tenantId must be a tenant GUID."
        )
    checked = check_object(
        {**SETTINGS, "isServiceProvider": BOOL}, {k: v for k, v in body.items() if k != "tenantId"}
    )
    checked["tenantId"] = tenant_id.lower()
    return checked


def check_update(body: Any) -> dict[str, Any]:
    """Return the checked body of ``PATCH .../partners/{id}`` (only writable settings)."""
    body = _check_body_object(body)
    _check_names(body, ())
    return check_object(SETTINGS, body)
