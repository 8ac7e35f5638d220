"""The Graph client: the only code that speaks Microsoft Graph (every kind, errors, retries, tokens).

The names load on first use, not at import: the provider's schema and validation calls need the errors and
settings, not the client's HTTP stack (requests, urllib3), so a provider process that never calls Graph
never imports it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from constructs_xtap.graph.client import PARTNERS_PATH, GraphClient, kind_path
    from constructs_xtap.graph.clouds import CLOUDS, Cloud, find_cloud
    from constructs_xtap.graph.errors import (
        GraphAuthenticationError,
        GraphBadRequest,
        GraphConflict,
        GraphEnvelope,
        GraphError,
        GraphForbidden,
        GraphNotFound,
        GraphRequestError,
        GraphResponseError,
        GraphServerError,
        GraphStatusError,
        GraphThrottled,
        GraphUnauthorized,
    )
    from constructs_xtap.graph.graph_settings import (
        ClientCertificate,
        ClientSecret,
        Credential,
        FederatedToken,
        GraphSettings,
        ManagedIdentity,
    )
    from constructs_xtap.graph.retry import RETRY_STATUSES, GraphRetry
    from constructs_xtap.graph.token_permissions import token_permissions
    from constructs_xtap.graph.token_source import MsalTokenSource, TokenSource

#: The module of this package each exported name lives in.
_HOMES: dict[str, str] = {
    "CLOUDS": "clouds",
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
    "PARTNERS_PATH": "client",
    "RETRY_STATUSES": "retry",
    "TokenSource": "token_source",
    "find_cloud": "clouds",
    "kind_path": "client",
    "token_permissions": "token_permissions",
}

__all__ = [
    "CLOUDS",
    "PARTNERS_PATH",
    "RETRY_STATUSES",
    "ClientCertificate",
    "ClientSecret",
    "Cloud",
    "Credential",
    "FederatedToken",
    "GraphAuthenticationError",
    "GraphBadRequest",
    "GraphClient",
    "GraphConflict",
    "GraphEnvelope",
    "GraphError",
    "GraphForbidden",
    "GraphNotFound",
    "GraphRequestError",
    "GraphResponseError",
    "GraphRetry",
    "GraphServerError",
    "GraphSettings",
    "GraphStatusError",
    "GraphThrottled",
    "GraphUnauthorized",
    "ManagedIdentity",
    "MsalTokenSource",
    "TokenSource",
    "find_cloud",
    "kind_path",
    "token_permissions",
]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'constructs_xtap.graph' has no attribute {name!r}")
