"""The Graph client: the only code that speaks Microsoft Graph (every kind, errors, retries, tokens).

The names load on first use, not at import: the provider's schema and validation calls need the errors and
settings, not the client's HTTP stack (requests, urllib3), so a provider process that never calls Graph never
imports it. ``_HOMES`` names each export once; ``__all__`` and ``__getattr__`` follow from it. A type
checker sees the names loaded this way as ``Any``: typed code imports them from their module
(``constructs_xtap.graph.client``), as this project's own code does.
"""

from __future__ import annotations

import importlib
from typing import Any

#: Each exported name and the module it lives in, in ``__all__``'s order (CONSTANTS, Classes, functions).
_HOMES = {
    "CLOUDS": "clouds",
    "RETRY_STATUSES": "retry",
    "ClientCertificate": "graph_settings",
    "ClientSecret": "graph_settings",
    "Cloud": "clouds",
    "Credential": "graph_settings",
    "FederatedToken": "graph_settings",
    "GraphAuthenticationError": "errors",
    "GraphBadRequest": "errors",
    "GraphClient": "client",
    "GraphConflict": "errors",
    "GraphEnvelope": "errors",
    "GraphError": "errors",
    "GraphForbidden": "errors",
    "GraphNotFound": "errors",
    "GraphRequestError": "errors",
    "GraphResponseError": "errors",
    "GraphRetry": "retry",
    "GraphServerError": "errors",
    "GraphSettings": "graph_settings",
    "GraphStatusError": "errors",
    "GraphThrottled": "errors",
    "GraphUnauthorized": "errors",
    "ManagedIdentity": "graph_settings",
    "MsalTokenSource": "token_source",
    "TokenSource": "token_source",
    "find_cloud": "clouds",
    "kind_path": "client",
    "token_permissions": "token_permissions",
}
__all__ = list(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
