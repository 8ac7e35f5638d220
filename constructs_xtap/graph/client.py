"""GraphClient: the one place that speaks Microsoft Graph's cross-tenant access endpoints, errors and retries.

Every kind of object (:mod:`constructs_xtap.wire.object_kinds`) is served by the same few calls: GET,
create (POST or PUT), PATCH, DELETE, a bound action and the paged list of a collection, at the path the
kind's description gives (:func:`kind_path`); the tenant lookup is a thin, named use of them.

Every call has a connect and a read timeout. Answers 429, 500, 502, 503 and 504, a reset connection and
a read timeout are retried for calls that are safe to replay, waiting what ``Retry-After`` says (fractional
seconds too) or backing off exponentially with jitter, never past the call's deadline. A 401 gets one fresh
token and one more try. Anything else becomes an exception from :mod:`constructs_xtap.graph.errors`.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, urlsplit

import requests
from urllib3.exceptions import MaxRetryError, ProtocolError, ReadTimeoutError
from urllib3.response import BaseHTTPResponse, HTTPResponse

from constructs_xtap.graph.errors import (
    GraphEnvelope,
    GraphRequestError,
    GraphResponseError,
    GraphStatusError,
    status_error_class,
)
from constructs_xtap.graph.graph_settings import GraphSettings
from constructs_xtap.graph.retry import GraphRetry, graph_retry
from constructs_xtap.graph.token_permissions import token_permissions
from constructs_xtap.graph.token_source import MsalTokenSource, TokenSource
from constructs_xtap.wire.object_kinds import (
    OBJECT_KINDS,
    TENANT_INFORMATION,
    TENANT_INFORMATION_BY_DOMAIN_PATH,
    ObjectKind,
)

log = logging.getLogger(__name__)


def kind_path(kind: ObjectKind, key: str | None = None) -> str:
    """The path of one object of ``kind`` (``key``: the partner's tenant id for keyed kinds).

    Raises ``ValueError`` when a keyed kind gets no key. The key is percent-encoded as one path segment.
    """
    if "{tenant_id}" not in kind.path:
        return kind.path
    if not key:
        raise ValueError(f"the {kind.name} kind needs a tenant id to address an object")
    return kind.path.replace("{tenant_id}", quote(key, safe=""))


def _odata_string(value: str) -> str:
    """An OData string literal's content in a URL: quotes doubled, then percent-encoded."""
    return quote(value.replace("'", "''"), safe="")


def build_session(settings: GraphSettings) -> requests.Session:
    """A session that trusts exactly the configured CAs.

    ``trust_env`` is off because requests lets ``REQUESTS_CA_BUNDLE``/``CURL_CA_BUNDLE`` override a
    session's ``verify`` (toolchain-recipes.md §3.4); proxies from the environment are kept explicitly.
    """
    session = requests.Session()
    session.trust_env = False
    session.verify = settings.ca_bundle or True
    session.proxies = dict(requests.utils.get_environ_proxies(settings.graph_endpoint))
    session.headers["User-Agent"] = "constructs-xtap"
    return session


def parse_envelope(response: requests.Response) -> GraphEnvelope:
    """Graph's error envelope, tolerating bodies that are not JSON (proxies, gateways)."""
    code = message = request_id = client_request_id = None
    try:
        body = response.json()
    except ValueError:
        body = None
    error = body.get("error") if isinstance(body, dict) else None
    if isinstance(error, dict):
        code = _text(error.get("code"))
        message = _text(error.get("message"))
        inner = error.get("innerError") or error.get("innererror")
        if isinstance(inner, dict):
            request_id = _text(inner.get("request-id"))
            client_request_id = _text(inner.get("client-request-id"))
    elif response.text.strip():
        message = f"non-JSON error body: {response.text.strip()[:200]}"
    return GraphEnvelope(
        code=code,
        message=message,
        request_id=request_id or response.headers.get("request-id"),
        client_request_id=client_request_id or response.headers.get("client-request-id"),
    )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


class GraphClient:
    """Create, read, update, delete and list the objects of every kind (``wire.OBJECT_KINDS``)."""

    def __init__(
        self,
        settings: GraphSettings,
        *,
        session: requests.Session | None = None,
        token_source: TokenSource | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self.session = session or build_session(settings)
        self.token_source: TokenSource = token_source or MsalTokenSource(settings, self.session)
        self._sleep = sleep
        self._clock = clock

    @classmethod
    def from_settings(cls, settings: GraphSettings) -> GraphClient:
        """The client for these settings, with its own session and msal application."""
        return cls(settings)

    def __repr__(self) -> str:
        settings = self.settings
        return f"GraphClient(graph_endpoint={settings.graph_endpoint!r}, tenant_id={settings.tenant_id!r})"

    def close(self) -> None:
        self.session.close()

    def granted_permissions(self) -> frozenset[str] | None:
        """Get an access token now and return the permissions it carries (``None``: cannot tell).

        Raises :class:`GraphAuthenticationError` when Entra refuses the credential (its AADSTS code and
        description in the message) and :class:`GraphRequestError` when the token endpoint is unreachable:
        the provider calls this while being configured, so a bad credential fails the plan, not the apply.
        """
        return token_permissions(self.token_source.token())

    # ------------------------------------------------------------------ any kind

    def get_object(self, path: str) -> dict[str, Any]:
        """GET one object (200 + JSON object). Raises :class:`GraphNotFound` for 404, as every call does."""
        return self._object(self._call("GET", path), "GET", path)

    def create_object(self, method: str, path: str, body: dict[str, Any]) -> dict[str, Any] | None:
        """Create with ``method`` (``POST`` answers 201 + the object; ``PUT`` answers 204: ``None``).

        A POST to a kind's collection must carry the kind's key in ``body`` (``ValueError`` before any
        request); one answered without the object raises :class:`GraphResponseError`.
        Replaying is safe for both: the object's key is in the path or the body, so a replay of a create
        that landed is answered 409 (graph-api.md §3.3, R5, R6) and the caller resolves that 409.
        """
        if method not in ("POST", "PUT"):
            raise ValueError(f"create_object creates with POST or PUT, not {method}")
        kind = next((k for k in OBJECT_KINDS if method == "POST" and k.collection_path == path), None)
        if kind is not None and not isinstance(body.get(str(kind.key)), str):
            raise ValueError(f"a POST to {path} needs a body with {kind.key}, the {kind.name}'s key")
        response = self._call(method, path, body=body, replayable=True)
        if response.status_code == 204 or not response.content:
            if method == "POST":
                raise GraphResponseError(f"POST {path} answered without a body", method="POST", path=path)
            return None
        return self._object(response, method, path)

    def update_object(self, path: str, body: dict[str, Any]) -> None:
        """PATCH the given top-level properties (204); Graph replaces each one wholesale."""
        self._call("PATCH", path, body=body, replayable=True)

    def delete_object(self, path: str) -> None:
        """DELETE (204). A 404 raises :class:`GraphNotFound`; callers that delete treat it as done."""
        self._call("DELETE", path, replayable=True)

    def invoke_action(self, path: str) -> None:
        """POST a bound action without a body (``…/default/resetToSystemDefault``: 204, idempotent)."""
        self._call("POST", path, replayable=True)

    def find_tenant_information(
        self, *, tenant_id: str | None = None, domain_name: str | None = None
    ) -> dict[str, Any]:
        """``tenantInformation`` of a tenant found by id or by domain name (exactly one must be given).

        ``GET /tenantRelationships/findTenantInformationByTenantId(tenantId='…')`` or
        ``…ByDomainName(domainName='…')`` (anchors-turn2.md §4): ``{tenantId, displayName,
        defaultDomainName, federationBrandName}``. Needs ``CrossTenantInformation.ReadBasic.All``; an unknown
        tenant or domain raises :class:`GraphNotFound`.
        """
        if (tenant_id is None) == (domain_name is None):
            raise ValueError("find_tenant_information needs exactly one of tenant_id and domain_name")
        if tenant_id is not None:
            path = TENANT_INFORMATION.path.replace("{tenant_id}", _odata_string(tenant_id))
        else:
            path = TENANT_INFORMATION_BY_DOMAIN_PATH.replace("{domain_name}", _odata_string(str(domain_name)))
        return self.get_object(path)

    def list_objects(self, kind: ObjectKind, *, expand: str | None = None) -> list[dict[str, Any]]:
        """Every object of a listed ``kind`` (GET its ``collection_path``), following ``@odata.nextLink``.

        ``expand`` names a navigation property (``identitySynchronization``) to list instead: each object
        comes as its key and that property (``?$select=tenantId&$expand=…``, vector
        list_partners_expand_identitysync_v1; ``null`` where the object has none). Each page is one call,
        retried as every call is. Raises ``ValueError`` for a kind without a collection,
        :class:`GraphResponseError` for a next link to another host (the bearer token goes only to
        ``graph_endpoint``) and for a next link that repeats an earlier page (it would never end).
        """
        collection = kind.collection_path
        if collection is None:
            raise ValueError(f"the {kind.name} kind has no collection to list")
        listed: list[dict[str, Any]] = []
        path: str | None = collection
        if expand is not None:
            path = f"{collection}?$select={kind.key}&$expand={quote(expand, safe='')}"
        seen: set[str] = set()
        while path:
            seen.add(path)
            page = self._object(self._call("GET", path), "GET", path)
            values = page.get("value")
            if not isinstance(values, list):
                raise GraphResponseError(
                    f"GET {path} answered without a 'value' list", method="GET", path=path
                )
            listed.extend(v for v in values if isinstance(v, dict))
            next_link = page.get("@odata.nextLink")
            path = self._relative(next_link, collection) if isinstance(next_link, str) else None
            if path in seen:
                raise GraphResponseError(
                    f"GET {collection} pages in a circle: @odata.nextLink {next_link!r} was already read",
                    method="GET",
                    path=path,
                )
        return listed

    # ------------------------------------------------------------------ plumbing

    def _url(self, path: str) -> str:
        return f"{self.settings.graph_endpoint.rstrip('/')}/{self.settings.api_version}{path}"

    def _relative(self, link: str, collection: str) -> str:
        """The path (and query) of an absolute ``@odata.nextLink`` under this client's Graph root."""
        root, target = urlsplit(self.settings.graph_endpoint), urlsplit(link)
        prefix = f"{root.path.rstrip('/')}/{self.settings.api_version}/"
        same_origin = (target.scheme.lower(), target.netloc.lower()) == (
            root.scheme.lower(),
            root.netloc.lower(),
        )
        if not same_origin or not target.path.startswith(prefix):
            raise GraphResponseError(
                f"refusing to follow @odata.nextLink {link!r}: it is not under {self._url('')}, and the "
                "access token is sent to Graph only",
                method="GET",
                path=collection,
            )
        rest = target.path[len(prefix) - 1 :]
        return f"{rest}?{target.query}" if target.query else rest

    def _object(self, response: requests.Response, method: str, path: str) -> dict[str, Any]:
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            raise GraphResponseError(
                f"{method} {path} answered {response.status_code} with a body that is not a JSON object "
                f"(request-id {response.headers.get('request-id') or 'not given'})",
                method=method,
                path=path,
            )
        return body

    def _call(
        self, method: str, path: str, *, body: dict[str, Any] | None = None, replayable: bool = True
    ) -> requests.Response:
        """Send one logical call, retrying as the module docstring says; returns the 2xx response."""
        settings = self.settings
        retry: GraphRetry = graph_retry(
            max_tries=settings.max_tries,
            backoff_factor=settings.backoff_factor,
            backoff_max=settings.backoff_max,
            backoff_jitter=settings.backoff_jitter,
        )
        deadline = self._clock() + settings.retry_deadline
        url = self._url(path)
        data = json.dumps(body).encode() if body is not None else None
        tries = 0
        token_refreshed = False
        while True:
            tries += 1
            headers = {
                "Authorization": f"Bearer {self.token_source.token()}",
                "Accept": "application/json",
                "client-request-id": str(uuid.uuid4()),
            }
            if data is not None:
                headers["Content-Type"] = "application/json"
            try:
                response = self.session.request(
                    method,
                    url,
                    data=data,
                    headers=headers,
                    timeout=(settings.connect_timeout, settings.read_timeout),
                    allow_redirects=False,
                )
            except (requests.ConnectionError, requests.Timeout) as exc:
                if not self._network_error_is_retryable(exc, replayable):
                    raise self._request_error(method, path, exc, tries) from None
                try:
                    retry = retry.increment(method, url, error=_urllib3_error(exc))
                except Exception:  # urllib3 re-raises what it will not retry, or MaxRetryError
                    raise self._request_error(method, path, exc, tries) from None
                wait = retry.get_backoff_time()
                if self._clock() + wait > deadline:
                    early = _stopped_early(wait, settings.retry_deadline, "backoff")
                    raise self._request_error(method, path, exc, tries, early) from None
                log.debug(
                    "%s %s: %s, retrying in %.2fs (try %d)", method, path, type(exc).__name__, wait, tries
                )
                self._sleep(wait)
                continue

            status = response.status_code
            log.debug(
                "%s %s -> %d (request-id %s, try %d)",
                method,
                path,
                status,
                response.headers.get("request-id"),
                tries,
            )
            if status < 400:
                return response
            if status == 401 and not token_refreshed:
                # An expired or revoked token: drop it, get a new one, try once more.
                token_refreshed = True
                self.token_source.forget()
                continue
            raw = response.raw if isinstance(response.raw, BaseHTTPResponse) else _raw_copy(response)
            has_retry_after = "Retry-After" in response.headers
            if replayable and retry.is_retry(method, status, has_retry_after):
                try:
                    retry = retry.increment(method, url, response=raw)
                except MaxRetryError:
                    raise self._status_error(method, path, response, tries) from None
                retry_after = retry.get_retry_after(raw)
                wait = retry.get_backoff_time() if retry_after is None else retry_after
                if self._clock() + wait > deadline:
                    source = "backoff" if retry_after is None else "Retry-After"
                    early = _stopped_early(wait, settings.retry_deadline, source)
                    raise self._status_error(method, path, response, tries, early) from None
                log.debug("%s %s: %d, retrying in %.3fs (try %d)", method, path, status, wait, tries)
                self._sleep(wait)
                continue
            raise self._status_error(method, path, response, tries)

    @staticmethod
    def _network_error_is_retryable(exc: Exception, replayable: bool) -> bool:
        # A connection that never opened cannot have delivered the request; anything later may have.
        if isinstance(exc, requests.exceptions.SSLError):
            return False
        if isinstance(exc, requests.ConnectTimeout):
            return True
        return replayable

    @staticmethod
    def _request_error(
        method: str, path: str, exc: Exception, tries: int, stopped_early: str | None = None
    ) -> GraphRequestError:
        kind = "timed out" if isinstance(exc, requests.Timeout) else "failed without an answer"
        count = f"{tries} {'try' if tries == 1 else 'tries'}"
        if stopped_early:
            count += f"; {stopped_early}"
        return GraphRequestError(
            f"{method} {path} {kind} ({type(exc).__name__}: {exc}; {count})",
            method=method,
            path=path,
            tries=tries,
            stopped_early=stopped_early,
        )

    @staticmethod
    def _status_error(
        method: str, path: str, response: requests.Response, tries: int, stopped_early: str | None = None
    ) -> GraphStatusError:
        envelope = parse_envelope(response)
        retry_after = response.headers.get("Retry-After")
        seconds: float | None = None
        if retry_after:
            try:
                seconds = float(retry_after)
            except ValueError:
                seconds = None
        return status_error_class(response.status_code)(
            method=method,
            path=path,
            status=response.status_code,
            envelope=envelope,
            tries=tries,
            retry_after=seconds,
            stopped_early=stopped_early,
        )


def _stopped_early(wait: float, deadline: float, source: str) -> str:
    """Says that retrying stopped because the next wait would end past the call's retry deadline."""
    return (
        f"stopped early: the next wait ({round(wait, 2):g} s, {source}) would end past the "
        f"{deadline:g} s retry deadline"
    )


def _urllib3_error(exc: Exception) -> Exception:
    """The urllib3 error inside a requests exception, so that ``Retry`` can classify it."""
    inner = exc.args[0] if exc.args else None
    if isinstance(inner, MaxRetryError) and inner.reason is not None:
        inner = inner.reason
    if isinstance(inner, Exception) and type(inner).__module__.startswith("urllib3"):
        return inner
    if isinstance(exc, requests.ReadTimeout):
        return ReadTimeoutError(None, "", str(exc))  # type: ignore[arg-type]
    return ProtocolError(str(exc))


def _raw_copy(response: requests.Response) -> HTTPResponse:
    """A urllib3 response carrying the status and headers, for transports that do not provide one."""
    return HTTPResponse(
        body=b"", headers=dict(response.headers), status=response.status_code, preload_content=False
    )
