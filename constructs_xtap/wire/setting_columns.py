"""The columns of the effective-access picture: which setting (or member of one) each shows, in order, and
the words every format and the plan summary use for it. The group above a column is its setting's title
(:mod:`constructs_xtap.wire.graph_properties`)."""

from __future__ import annotations

from dataclasses import dataclass

from constructs_xtap.wire.graph_properties import (
    AUTOMATIC_USER_CONSENT_SETTINGS,
    B2B_COLLABORATION_INBOUND,
    B2B_COLLABORATION_OUTBOUND,
    B2B_DIRECT_CONNECT_INBOUND,
    B2B_DIRECT_CONNECT_OUTBOUND,
    INBOUND_TRUST_SETTING,
    TENANT_RESTRICTIONS_SETTING,
    USER_SYNC_INBOUND_SETTING,
    GraphProperty,
)
from constructs_xtap.wire.object_kinds import IDENTITY_SYNCHRONIZATION


@dataclass(frozen=True)
class SettingColumn:
    """One column: ``key`` (stable, for JSON), ``title`` (the words every format and plan summaries use),
    ``graph_name`` (the Graph property, dotted for a member: ``inboundTrust.isMfaAccepted``), ``group``
    (the heading above related columns)."""

    key: str
    title: str
    graph_name: str
    group: str

    @property
    def access(self) -> bool:
        """Whether the column shows who may come in or go out (a whole setting), else a flag (a member)."""
        return "." not in self.graph_name

    @property
    def setting(self) -> str:
        """The top-level Graph property the column reads (``inboundTrust``)."""
        return self.graph_name.split(".", 1)[0]


def _access(key: str, direction: str, setting: GraphProperty) -> SettingColumn:
    return SettingColumn(key, f"{direction} {setting.words}", setting.name, setting.words)


def _flag(key: str, title: str, setting: GraphProperty, member: str) -> SettingColumn:
    setting.type.member(member)  # a member the type does not have fails at import, not at render
    return SettingColumn(key, title, f"{setting.name}.{member}", setting.words)


_SYNC = f"{IDENTITY_SYNCHRONIZATION.navigation}.{USER_SYNC_INBOUND_SETTING.name}"
_MFA, _COMPLIANT, _HYBRID = INBOUND_TRUST_SETTING.type.fields
_IN, _OUT = AUTOMATIC_USER_CONSENT_SETTINGS.type.fields
(_SYNC_ALLOWED,) = USER_SYNC_INBOUND_SETTING.type.fields

#: The picture's columns, in order.
SETTING_COLUMNS: tuple[SettingColumn, ...] = (
    _access(B2B_COLLABORATION_INBOUND.name, "inbound", B2B_COLLABORATION_INBOUND),
    _access(B2B_COLLABORATION_OUTBOUND.name, "outbound", B2B_COLLABORATION_OUTBOUND),
    _access(B2B_DIRECT_CONNECT_INBOUND.name, "inbound", B2B_DIRECT_CONNECT_INBOUND),
    _access(B2B_DIRECT_CONNECT_OUTBOUND.name, "outbound", B2B_DIRECT_CONNECT_OUTBOUND),
    _flag("trustMfa", "trust MFA", INBOUND_TRUST_SETTING, _MFA),
    _flag("trustCompliantDevice", "trust compliant devices", INBOUND_TRUST_SETTING, _COMPLIANT),
    _flag("trustHybridJoinedDevice", "trust hybrid-joined devices", INBOUND_TRUST_SETTING, _HYBRID),
    _flag("consentInbound", "automatic consent inbound", AUTOMATIC_USER_CONSENT_SETTINGS, _IN),
    _flag("consentOutbound", "automatic consent outbound", AUTOMATIC_USER_CONSENT_SETTINGS, _OUT),
    SettingColumn(
        TENANT_RESTRICTIONS_SETTING.name,
        TENANT_RESTRICTIONS_SETTING.words,
        TENANT_RESTRICTIONS_SETTING.name,
        TENANT_RESTRICTIONS_SETTING.words,
    ),
    SettingColumn(
        "identitySync",
        f"inbound {USER_SYNC_INBOUND_SETTING.words}",
        f"{_SYNC}.{_SYNC_ALLOWED}",
        "identity sync",
    ),
)
