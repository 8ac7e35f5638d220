"""The Microsoft clouds a tenant may collaborate with (crossTenantAccessPolicy ``allowedCloudEndpoints``)."""

from __future__ import annotations

from enum import StrEnum


class CloudEndpoint(StrEnum):
    """An ``allowedCloudEndpoints`` value (graph-api.md §2.11, §3.1 R19); the plain strings are accepted.

    ``COMMERCIAL`` (``microsoftonline.com``, Microsoft Azure commercial), ``US_GOVERNMENT``
    (``microsoftonline.us``, Microsoft Azure Government), ``CHINA`` (``partner.microsoftonline.cn``,
    Microsoft Azure operated by 21Vianet).
    """

    COMMERCIAL = "microsoftonline.com"
    US_GOVERNMENT = "microsoftonline.us"
    CHINA = "partner.microsoftonline.cn"
