"""Graph's cross-tenant access enumerations and reserved target keywords (graph-api.md §2.4-2.5, R13-R14)."""

from __future__ import annotations

from types import MappingProxyType

# crossTenantAccessPolicyTargetConfigurationAccessType. `unknownFutureValue` is Graph's evolvable-enum
# sentinel: it may be read back, but it is not a value a client should send.
ACCESS_TYPES: frozenset[str] = frozenset({"allowed", "blocked"})
# crossTenantAccessPolicyTargetType.
TARGET_TYPES: frozenset[str] = frozenset({"user", "group", "application"})
UNKNOWN_FUTURE_VALUE = "unknownFutureValue"

# Reserved `target` keywords and the only `targetType` each may be paired with.
KEYWORD_TARGET_TYPES: MappingProxyType[str, str] = MappingProxyType(
    {
        "AllUsers": "user",
        "AllApplications": "application",
        "AllMicrosoftApps": "application",
        "Office365": "application",
    }
)

# The target types each target list of a setting may hold, by the list's Graph member name (the constructs'
# placement rule: users and groups in usersAndGroups/users, applications in applications).
TARGET_LIST_TYPES: MappingProxyType[str, frozenset[str]] = MappingProxyType(
    {
        "usersAndGroups": frozenset({"user", "group"}),
        "users": frozenset({"user", "group"}),
        "applications": frozenset({"application"}),
    }
)

# Keywords that mean "everyone" / "everything" and so cannot be listed beside specific targets.
ALL_TARGET_KEYWORDS: frozenset[str] = frozenset({"AllUsers", "AllApplications"})

# b2bIdentityProvidersType, split as defaultInvitationRedemptionIdentityProviderConfiguration uses it
# (graph-api.md §2.10): the primary providers of ``primaryIdentityProviderPrecedenceOrder`` and the fallback
# providers of ``fallbackIdentityProvider`` (R18: one fallback provider is always enabled).
PRIMARY_IDENTITY_PROVIDERS: frozenset[str] = frozenset(
    {"azureActiveDirectory", "externalFederation", "socialIdentityProviders"}
)
FALLBACK_IDENTITY_PROVIDERS: frozenset[str] = frozenset(
    {"defaultConfiguredIdp", "emailOneTimePasscode", "microsoftAccount"}
)
