"""Which identity provider a guest redeems an invitation with, in the default configuration."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from constructs_xtap.constructs.identity_provider import IdentityProvider


@dataclass(frozen=True)
class InvitationRedemption:
    """The redemption order (Graph's defaultInvitationRedemptionIdentityProviderConfiguration, §2.10).

    ``primary_identity_provider_precedence_order``: the primary providers to try, first to last, each
    once: ``IdentityProvider.AZURE_ACTIVE_DIRECTORY``, ``EXTERNAL_FEDERATION``, ``SOCIAL_IDENTITY_PROVIDERS``
    (or their strings). Stored as a tuple; unlike targets, its order is meaningful.
    ``fallback_identity_provider``: the provider used when no primary one applies:
    ``IdentityProvider.DEFAULT_CONFIGURED_IDP`` (both fallbacks on), ``EMAIL_ONE_TIME_PASSCODE`` (Microsoft
    account off) or ``MICROSOFT_ACCOUNT`` (one-time passcode off). Required: Graph needs one fallback
    provider enabled at any time (graph-api.md §3.1 R18, "You can't disable both fallback identity
    providers").

    Wrong values are kept as given, never raised here: ``CrossTenantAccessDefaults`` reports them with its
    construct path, beside every other problem.
    """

    primary_identity_provider_precedence_order: Sequence[IdentityProvider | str]
    fallback_identity_provider: IdentityProvider | str

    def __post_init__(self) -> None:
        order = self.primary_identity_provider_precedence_order
        if isinstance(order, Sequence) and not isinstance(order, str | bytes | bytearray):
            object.__setattr__(self, "primary_identity_provider_precedence_order", tuple(order))
