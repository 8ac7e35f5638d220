"""The identity providers a guest's invitation redemption can use (Graph's b2bIdentityProvidersType)."""

from __future__ import annotations

from enum import StrEnum


class IdentityProvider(StrEnum):
    """A ``b2bIdentityProvidersType`` value; the plain strings are accepted wherever one is.

    Primary providers (``InvitationRedemption.primary_identity_provider_precedence_order``):
    ``AZURE_ACTIVE_DIRECTORY``, ``EXTERNAL_FEDERATION``, ``SOCIAL_IDENTITY_PROVIDERS``.
    Fallback providers (``InvitationRedemption.fallback_identity_provider``): ``DEFAULT_CONFIGURED_IDP``
    (email one-time passcode and Microsoft account both enabled), ``EMAIL_ONE_TIME_PASSCODE``,
    ``MICROSOFT_ACCOUNT`` (graph-api.md §2.10). Graph's ``unknownFutureValue`` is deliberately not offered.
    """

    AZURE_ACTIVE_DIRECTORY = "azureActiveDirectory"
    EXTERNAL_FEDERATION = "externalFederation"
    SOCIAL_IDENTITY_PROVIDERS = "socialIdentityProviders"
    DEFAULT_CONFIGURED_IDP = "defaultConfiguredIdp"
    EMAIL_ONE_TIME_PASSCODE = "emailOneTimePasscode"
    MICROSOFT_ACCOUNT = "microsoftAccount"
