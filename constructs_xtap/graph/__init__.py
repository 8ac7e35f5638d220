"""The Graph client: the only code that speaks Microsoft Graph (every kind, errors, retries, tokens).

The names load on first use, not at import: the provider's schema and validation calls need the errors and
settings, not the client's HTTP stack (requests, urllib3), so a provider process that never calls Graph never
imports it. ``_EXPORTS`` names each module's exports once; ``__all__`` and ``__getattr__`` follow from it.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS: dict[str, tuple[str, ...]] = {
    "client": ("GraphClient", "kind_path"),
    "clouds": ("CLOUDS", "Cloud", "find_cloud"),
    "errors": (
        "GraphAuthenticationError",
        "GraphBadRequest",
        "GraphConflict",
        "GraphEnvelope",
        "GraphError",
        "GraphForbidden",
        "GraphNotFound",
        "GraphRequestError",
        "GraphResponseError",
        "GraphServerError",
        "GraphStatusError",
        "GraphThrottled",
        "GraphUnauthorized",
    ),
    "graph_settings": (
        "ClientCertificate",
        "ClientSecret",
        "Credential",
        "FederatedToken",
        "GraphSettings",
        "ManagedIdentity",
    ),
    "retry": ("RETRY_STATUSES", "GraphRetry"),
    "token_permissions": ("token_permissions",),
    "token_source": ("MsalTokenSource", "TokenSource"),
}

_HOME = {name: module for module, names in _EXPORTS.items() for name in names}
#: ruff's isort-style order (RUF022): CONSTANTS, then Classes, then functions.
__all__ = sorted(_HOME, key=lambda name: (0 if name.isupper() else 1 if name[:1].isupper() else 2, name))


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
