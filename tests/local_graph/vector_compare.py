"""Comparison of local Graph answers with documented vectors that show different vintages of the schema.

The documented examples differ in which properties they show (older pages lack tenantRestrictions, m365*,
isInMultiTenantOrganization; create_partner_v1 is marked truncated). So: every property a vector shows must
be answered exactly, and every other property answered must hold its documented "unset" value.
"""

from __future__ import annotations

import re
from typing import Any

import requests

PAIR = {"inboundAllowed": None, "outboundAllowed": None}
UNSET_VALUES: dict[str, Any] = {
    "isServiceProvider": None,
    "isInMultiTenantOrganization": False,
    "inboundTrust": None,
    "automaticUserConsentSettings": PAIR,
    "b2bCollaborationInbound": None,
    "b2bCollaborationOutbound": None,
    "b2bDirectConnectInbound": None,
    "b2bDirectConnectOutbound": None,
    "tenantRestrictions": None,
    "m365CollaborationInbound": None,
    "m365CollaborationOutbound": None,
    "appServiceConnectInbound": None,
    "crossCloudMeetingConfiguration": PAIR,
}
GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
GRAPH_DATE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$")


def assert_partner_matches(actual: dict[str, Any], documented: dict[str, Any]) -> None:
    """Documented properties equal; any other property answered holds its unset value."""
    actual = {k: v for k, v in actual.items() if k != "@odata.context"}
    documented = {k: v for k, v in documented.items() if k != "@odata.context"}
    for name, value in documented.items():
        assert name in actual, f"the documented property {name} is missing"
        assert actual[name] == value, f"{name}: answered {actual[name]!r}, documented {value!r}"
    for name in actual.keys() - documented.keys():
        assert name in UNSET_VALUES, (
            f"{name} is neither documented in the vector nor a known partner property"
        )
        assert actual[name] == UNSET_VALUES[name], f"{name} is not at its unset value: {actual[name]!r}"


def assert_error_matches(actual: dict[str, Any], documented: dict[str, Any]) -> None:
    """Same code, message, details and innerError members; date and ids vary per request, so only their
    form counts. A vector without innerError elides it (error_duplicate_identitysync_409 shows '...'):
    the answer still carries Graph's usual one."""
    assert set(actual) == {"error"}
    error, expected = actual["error"], documented["error"]
    assert set(error) == set(expected) | {"innerError"}
    assert error["code"] == expected["code"]
    assert error["message"] == expected["message"]
    if "details" in expected:
        assert error["details"] == expected["details"]
    inner, expected_inner = error["innerError"], expected.get("innerError", {})
    # Every error carries date, request-id and client-request-id, plus what the vector shows.
    assert set(inner) == set(expected_inner) | {"date", "request-id", "client-request-id"}
    assert GRAPH_DATE.match(inner["date"]), inner["date"]
    assert GUID.match(inner["request-id"]), inner["request-id"]
    assert GUID.match(inner["client-request-id"]), inner["client-request-id"]
    for name, value in expected_inner.items():
        if name not in ("date", "request-id", "client-request-id"):
            assert inner[name] == value, name


def assert_graph_error(
    response: requests.Response, status: int, code: str, message: str | None = None
) -> dict[str, Any]:
    """The answer is Graph's error envelope with this status and code (and message, if given)."""
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code
    if message is not None:
        assert error["message"] == message
    inner = error["innerError"]
    assert GRAPH_DATE.match(inner["date"])
    assert inner["request-id"] == response.headers["request-id"]
    assert GUID.match(inner["request-id"])
    assert inner["client-request-id"] == response.headers["client-request-id"]
    return error
