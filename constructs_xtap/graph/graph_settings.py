"""What a :class:`~constructs_xtap.graph.GraphClient` needs: who it is, how it proves it, where Graph is.

The provider resolves these from its configuration and the environment; other callers build them directly.
Secrets are excluded from ``repr`` so that a settings object can be logged or shown in a traceback safely.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ClientSecret:
    """An app registration's client secret."""

    secret: str = field(repr=False)


@dataclass(frozen=True)
class ClientCertificate:
    """A PEM file holding the app's certificate and its private key (optionally password-protected)."""

    path: str
    password: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class FederatedToken:
    """A federated (OIDC) token used as the client assertion: read from ``file`` on every use, or a ``value``.

    Workload identity rotates the file, so it is re-read each time a token is acquired.
    """

    file: str | None = None
    value: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class ManagedIdentity:
    """The machine's managed identity: system-assigned, or user-assigned when ``client_id`` is given."""

    client_id: str | None = None


Credential = ClientSecret | ClientCertificate | FederatedToken | ManagedIdentity


@dataclass(frozen=True)
class GraphSettings:
    """Everything the Graph client needs. ``graph_endpoint`` and ``authority_host`` are https roots."""

    tenant_id: str
    client_id: str | None
    credential: Credential
    graph_endpoint: str = "https://graph.microsoft.com"
    authority_host: str = "https://login.microsoftonline.com"
    #: PEM bundle of the CAs to trust instead of the default bundle (e.g. the local Graph's CA).
    ca_bundle: str | None = None
    api_version: str = "v1.0"
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    #: Upper bound, in seconds, on the time one call may spend retrying (Retry-After and backoff included):
    #: a retry whose wait would end past it is not made. The provider sets it from ``timeout_seconds``.
    retry_deadline: float = 300.0
    max_tries: int = 10
    backoff_factor: float = 0.5
    backoff_max: float = 30.0
    backoff_jitter: float = 0.5
