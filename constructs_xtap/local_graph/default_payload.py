"""PATCH bodies of the default configuration (``/policies/crossTenantAccessPolicy/default``, graph-api.md
§1.6, §2.10) and how they change it.

Writable: the settings it shares with partners (same checks as a partner's, partner_payload.py) and
``invitationRedemptionIdentityProviderConfiguration``. ``automaticUserConsentSettings``, ``isServiceDefault``
and ``id`` are read-only (R17) and answered 400.
"""

from __future__ import annotations

import copy
from typing import Any

from constructs_xtap.local_graph.documented_defaults import SERVICE_DEFAULT_CONFIGURATION
from constructs_xtap.local_graph.partner_payload import SETTINGS, Spec, bad_request, check_object
from constructs_xtap.wire.graph_enums import FALLBACK_IDENTITY_PROVIDERS, PRIMARY_IDENTITY_PROVIDERS
from constructs_xtap.wire.object_kinds import DEFAULT

ENTITY_TYPE = "microsoft.graph.crossTenantAccessPolicyConfigurationDefault"
IDENTITY_PROVIDERS = Spec(
    "object",
    fields={
        "primaryIdentityProviderPrecedenceOrder": Spec(
            "array", item=Spec("enum", enum=PRIMARY_IDENTITY_PROVIDERS)
        ),
        "fallbackIdentityProvider": Spec("enum", enum=FALLBACK_IDENTITY_PROVIDERS),
    },
    type_name="defaultInvitationRedemptionIdentityProviderConfiguration",
)
IDENTITY_PROVIDERS_NAME = "invitationRedemptionIdentityProviderConfiguration"
#: What a client may PATCH, from the kind's description (wire/object_kinds.py DEFAULT.settings).
WRITABLE: dict[str, Spec] = {
    name: IDENTITY_PROVIDERS if name == IDENTITY_PROVIDERS_NAME else SETTINGS[name]
    for name in DEFAULT.settings
}


def check_default_update(body: Any) -> dict[str, Any]:
    """Return the checked body of ``PATCH .../default``.

    400 ``Request_BadRequest``: not an object; ``Invalid property '<name>'`` for unknown or mis-cased names
    (R22); a read-only property (R17: ``automaticUserConsentSettings``, also ``isServiceDefault``, ``id``)
    [assumption: message]; a value of the wrong type or enum; an identity provider configuration without a
    ``fallbackIdentityProvider`` (R18: one fallback identity provider is always enabled) [assumption].
    """
    if not isinstance(body, dict):
        raise bad_request(f"The request body must be a JSON object representing a {ENTITY_TYPE}.")
    for key in body:
        if not key.startswith("@odata.") and key not in WRITABLE and key not in DEFAULT.read_only:
            raise bad_request(f"Invalid property '{key}'")
    for key in body:
        if key in DEFAULT.read_only:
            raise bad_request(
                f"Property '{key}' is read-only and cannot be updated in the default configuration."
            )
    checked = check_object(WRITABLE, body)
    providers = checked.get(IDENTITY_PROVIDERS_NAME)
    if providers is not None and providers.get("fallbackIdentityProvider") is None:
        raise bad_request(
            f"Property '{IDENTITY_PROVIDERS_NAME}' needs a 'fallbackIdentityProvider': one fallback "
            "identity provider must always be enabled."
        )
    return checked


def apply_default_update(current: dict[str, Any], checked: dict[str, Any]) -> None:
    """Replace each sent property wholesale; ``null`` puts that property back to its service default
    [assumption]; the configuration is no longer the service default (``isServiceDefault: false``)."""
    for name, value in checked.items():
        source = SERVICE_DEFAULT_CONFIGURATION[name] if value is None else value
        current[name] = copy.deepcopy(source)
    current["isServiceDefault"] = False
