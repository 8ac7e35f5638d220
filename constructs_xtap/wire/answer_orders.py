"""The order in which Graph answers a new object's properties, where it differs from its kind's description
order (``ObjectKind.property_names``): the real POST response of vector create_partner_minimal_entra puts
``isServiceProvider`` right after the key and ``b2bDirectConnectOutbound`` before
``b2bDirectConnectInbound``; the documented identitySynchronization examples (graph-api.md §1.8) answer
``tenantId``, ``displayName``, ``userSyncInbound``. JSON objects carry no order, so this is fidelity only.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from constructs_xtap.wire.graph_properties import (
    APP_SERVICE_CONNECT_INBOUND,
    AUTOMATIC_USER_CONSENT_SETTINGS,
    B2B_COLLABORATION_INBOUND,
    B2B_COLLABORATION_OUTBOUND,
    B2B_DIRECT_CONNECT_INBOUND,
    B2B_DIRECT_CONNECT_OUTBOUND,
    CROSS_CLOUD_MEETING_CONFIGURATION,
    DISPLAY_NAME,
    INBOUND_TRUST_SETTING,
    IS_IN_MULTI_TENANT_ORGANIZATION,
    IS_SERVICE_PROVIDER,
    M365_COLLABORATION_INBOUND_SETTING,
    M365_COLLABORATION_OUTBOUND_SETTING,
    TENANT_ID,
    TENANT_RESTRICTIONS_SETTING,
    USER_SYNC_INBOUND_SETTING,
)
from constructs_xtap.wire.object_kinds import IDENTITY_SYNCHRONIZATION, PARTNER, ObjectKind

ANSWER_ORDERS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        PARTNER.name: tuple(
            p.name
            for p in (
                TENANT_ID,
                IS_SERVICE_PROVIDER,
                IS_IN_MULTI_TENANT_ORGANIZATION,
                INBOUND_TRUST_SETTING,
                AUTOMATIC_USER_CONSENT_SETTINGS,
                B2B_COLLABORATION_INBOUND,
                B2B_COLLABORATION_OUTBOUND,
                B2B_DIRECT_CONNECT_OUTBOUND,
                B2B_DIRECT_CONNECT_INBOUND,
                TENANT_RESTRICTIONS_SETTING,
                M365_COLLABORATION_INBOUND_SETTING,
                M365_COLLABORATION_OUTBOUND_SETTING,
                APP_SERVICE_CONNECT_INBOUND,
                CROSS_CLOUD_MEETING_CONFIGURATION,
            )
        ),
        IDENTITY_SYNCHRONIZATION.name: (TENANT_ID.name, DISPLAY_NAME.name, USER_SYNC_INBOUND_SETTING.name),
    }
)


def answer_order(kind: ObjectKind) -> tuple[str, ...]:
    """The properties of a new object of ``kind`` in the order Graph answers them (every one of
    ``kind.property_names``)."""
    return ANSWER_ORDERS.get(kind.name, kind.property_names)


# Each order lists exactly its kind's properties: checked once, when the orders are read in.
for _kind in (PARTNER, IDENTITY_SYNCHRONIZATION):
    if set(ANSWER_ORDERS[_kind.name]) != set(_kind.property_names):
        raise ValueError(f"ANSWER_ORDERS[{_kind.name!r}] does not list exactly the kind's properties")
