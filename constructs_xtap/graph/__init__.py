"""The Graph client: the only code that speaks Microsoft Graph (every kind, errors, retries, tokens)."""

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
