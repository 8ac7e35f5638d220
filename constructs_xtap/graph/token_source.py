"""Access tokens for Graph from msal: client secret, certificate, federated token, or managed identity.

One msal token cache serves the whole process, so a provider process asks Entra for a token once and
reuses it for every resource (toolchain-recipes.md §3.4). msal talks through the Graph client's own
``requests.Session`` so that the same CA settings apply to the token endpoint, and ``instance_discovery``
is off so that no request goes to login.microsoftonline.com when the authority is elsewhere.
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING, Any, Protocol

import requests

from constructs_xtap.graph.errors import GraphAuthenticationError, GraphRequestError
from constructs_xtap.graph.graph_settings import (
    ClientCertificate,
    ClientSecret,
    FederatedToken,
    GraphSettings,
    ManagedIdentity,
)

if TYPE_CHECKING:  # pragma: no cover
    import msal

_PEM_BLOCK = re.compile(r"-----BEGIN ([A-Z0-9 ]+)-----.+?-----END \1-----", re.DOTALL)

_process_cache: msal.TokenCache | None = None
_process_cache_lock = threading.Lock()


def process_token_cache() -> msal.TokenCache:
    """The one msal token cache of this process (in memory only; never written to disk)."""
    global _process_cache
    import msal

    with _process_cache_lock:
        if _process_cache is None:
            _process_cache = msal.TokenCache()
        return _process_cache


class TokenSource(Protocol):
    """Where the client gets bearer tokens; :meth:`forget` drops cached ones after a 401."""

    def token(self) -> str: ...

    def forget(self) -> None: ...


class _TimeoutHttpClient:
    """The session as msal sees it: msal sends no timeout of its own through a custom http_client."""

    def __init__(self, session: requests.Session, timeout: tuple[float, float]) -> None:
        self._session = session
        self._timeout = timeout

    def get(self, url: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", self._timeout)
        return self._session.get(url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", self._timeout)
        return self._session.post(url, **kwargs)

    def close(self) -> None:
        """The Graph client owns the session and closes it."""


def split_pem(text: str) -> tuple[str | None, list[str]]:
    """The private key block and the certificate blocks of a PEM file's text."""
    key: str | None = None
    certificates: list[str] = []
    for match in _PEM_BLOCK.finditer(text):
        label = match.group(1)
        if label.endswith("PRIVATE KEY") and key is None:
            key = match.group(0)
        elif label == "CERTIFICATE":
            certificates.append(match.group(0))
    return key, certificates


class MsalTokenSource:
    """Tokens from msal's ``ConfidentialClientApplication`` or ``ManagedIdentityClient``."""

    def __init__(self, settings: GraphSettings, session: requests.Session) -> None:
        self._settings = settings
        self._http = _TimeoutHttpClient(session, (settings.connect_timeout, settings.read_timeout))
        self._app: Any = None
        self._lock = threading.Lock()

    @property
    def authority(self) -> str:
        return f"{self._settings.authority_host.rstrip('/')}/{self._settings.tenant_id}"

    def token(self) -> str:
        with self._lock:
            try:
                result = self._acquire()
            except requests.RequestException as exc:
                raise GraphRequestError(
                    f"could not reach the token endpoint at {self.authority}: {type(exc).__name__}: {exc}"
                ) from None
            except (ValueError, OSError) as exc:
                # msal raises ValueError for unusable credentials or authorities; OSError: unreadable file.
                # An unknown tenant is one: msal drops Entra's answer (AADSTS90002), so it is asked again.
                result = self._discovery_refusal() if isinstance(exc, ValueError) else None
                if result is None:
                    raise GraphAuthenticationError(
                        f"could not use the configured credential with {self.authority}: {exc}"
                    ) from None
        if isinstance(result, dict) and result.get("access_token"):
            return str(result["access_token"])
        error = result.get("error") if isinstance(result, dict) else None
        description = result.get("error_description") if isinstance(result, dict) else None
        first_line = (description or "no description").strip().splitlines()[0]
        client = self._settings.client_id or "(managed identity)"
        raise GraphAuthenticationError(
            f"Entra ID refused a token for client {client} in tenant {self._settings.tenant_id} "
            f"at {self.authority}: {error or 'unknown_error'}: {first_line}",
            error=error,
            description=description,
        )

    def _discovery_refusal(self) -> dict[str, Any] | None:
        """Entra's error answer to the authority's OpenID discovery (e.g. ``invalid_tenant``), if any."""
        if isinstance(self._settings.credential, ManagedIdentity):
            return None
        url = f"{self.authority}/v2.0/.well-known/openid-configuration"
        try:
            answer = self._http.get(url).json()
        except (requests.RequestException, ValueError):
            return None
        if isinstance(answer, dict) and isinstance(answer.get("error"), str):
            return answer
        return None

    def forget(self) -> None:
        with self._lock:
            if self._app is None:
                return
            if isinstance(self._settings.credential, ManagedIdentity):
                cache = process_token_cache()
                for entry in list(cache.search(cache.CredentialType.ACCESS_TOKEN)):
                    cache.remove_at(entry)
            else:
                self._app.remove_tokens_for_client()

    def _acquire(self) -> Any:
        if self._app is None:
            self._app = self._build()
        root = self._settings.graph_endpoint.rstrip("/")
        if isinstance(self._settings.credential, ManagedIdentity):
            return self._app.acquire_token_for_client(resource=root)
        return self._app.acquire_token_for_client(scopes=[f"{root}/.default"])

    def _build(self) -> Any:
        import msal

        credential = self._settings.credential
        if isinstance(credential, ManagedIdentity):
            identity = (
                msal.UserAssignedManagedIdentity(client_id=credential.client_id)
                if credential.client_id
                else msal.SystemAssignedManagedIdentity()
            )
            return msal.ManagedIdentityClient(
                identity, http_client=self._http, token_cache=process_token_cache()
            )
        return msal.ConfidentialClientApplication(
            self._settings.client_id,
            client_credential=self._client_credential(),
            authority=self.authority,
            http_client=self._http,
            instance_discovery=False,
            token_cache=process_token_cache(),
        )

    def _client_credential(self) -> Any:
        credential = self._settings.credential
        if isinstance(credential, ClientSecret):
            return credential.secret
        if isinstance(credential, ClientCertificate):
            with open(credential.path, encoding="utf-8") as handle:
                key, certificates = split_pem(handle.read())
            if key is None or not certificates:
                raise ValueError(
                    f"{credential.path} must hold both the certificate and its private key in PEM format"
                )
            pem: dict[str, str] = {"private_key": key, "public_certificate": certificates[0]}
            if credential.password:
                pem["passphrase"] = credential.password
            return pem
        if isinstance(credential, FederatedToken):
            return {"client_assertion": _assertion_reader(credential)}
        raise ValueError(f"unsupported credential type {type(credential).__name__}")


def _assertion_reader(credential: FederatedToken) -> Any:
    """A callable msal invokes whenever it needs an assertion: the file is read afresh every time."""

    def read() -> str:
        if credential.file:
            with open(credential.file, encoding="utf-8") as handle:
                return handle.read().strip()
        return (credential.value or "").strip()

    return read
