"""PictureColumn and COLUMNS: the settings the effective-access picture shows, in order."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PictureColumn:
    """One column: ``key`` (stable, for JSON), ``title`` (the words every format and plan summaries use),
    ``graph_name`` (the Graph property, dotted for a member: ``inboundTrust.isMfaAccepted``), ``group``
    (the heading above related columns) and ``access`` (an :class:`AccessCell` column, else a
    :class:`FlagCell` one)."""

    key: str
    title: str
    graph_name: str
    group: str
    access: bool = False

    @property
    def setting(self) -> str:
        """The top-level Graph property the column reads (``inboundTrust``)."""
        return self.graph_name.split(".", 1)[0]


COLUMNS: tuple[PictureColumn, ...] = (
    PictureColumn(
        "b2bCollaborationInbound",
        "inbound B2B collaboration",
        "b2bCollaborationInbound",
        "B2B collaboration",
        access=True,
    ),
    PictureColumn(
        "b2bCollaborationOutbound",
        "outbound B2B collaboration",
        "b2bCollaborationOutbound",
        "B2B collaboration",
        access=True,
    ),
    PictureColumn(
        "b2bDirectConnectInbound",
        "inbound B2B direct connect",
        "b2bDirectConnectInbound",
        "B2B direct connect",
        access=True,
    ),
    PictureColumn(
        "b2bDirectConnectOutbound",
        "outbound B2B direct connect",
        "b2bDirectConnectOutbound",
        "B2B direct connect",
        access=True,
    ),
    PictureColumn("trustMfa", "trust MFA", "inboundTrust.isMfaAccepted", "inbound trust"),
    PictureColumn(
        "trustCompliantDevice",
        "trust compliant devices",
        "inboundTrust.isCompliantDeviceAccepted",
        "inbound trust",
    ),
    PictureColumn(
        "trustHybridJoinedDevice",
        "trust hybrid-joined devices",
        "inboundTrust.isHybridAzureADJoinedDeviceAccepted",
        "inbound trust",
    ),
    PictureColumn(
        "consentInbound",
        "automatic consent inbound",
        "automaticUserConsentSettings.inboundAllowed",
        "automatic consent",
    ),
    PictureColumn(
        "consentOutbound",
        "automatic consent outbound",
        "automaticUserConsentSettings.outboundAllowed",
        "automatic consent",
    ),
    PictureColumn(
        "tenantRestrictions", "tenant restrictions", "tenantRestrictions", "tenant restrictions", access=True
    ),
    PictureColumn(
        "identitySync",
        "inbound identity sync",
        "identitySynchronization.userSyncInbound.isSyncAllowed",
        "identity sync",
    ),
)
