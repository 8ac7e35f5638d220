"""OpenID discovery and the OAuth 2.0 client-credentials token endpoint of the local Entra authority.

MSAL (``instance_discovery=False``) calls ``GET /{tenant}/v2.0/.well-known/openid-configuration`` and then
``POST {token_endpoint}`` (toolchain-recipes.md §3.4). Errors use Entra's token-error JSON
(``error``, ``error_description`` starting with the AADSTS code, ``error_codes``, ``timestamp``, ``trace_id``,
``correlation_id``, ``error_uri``).
"""

from __future__ import annotations

import base64
import binascii
import datetime
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

import jwt

from constructs_xtap.local_graph.access_tokens import AccessTokens
from constructs_xtap.local_graph.client_registry import ClientRegistry, RegisteredClient
from constructs_xtap.local_graph.tenant_registry import TenantRegistry

CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


@dataclass(frozen=True)
class TokenReply:
    """Status and JSON body of a discovery or token response."""

    status: int
    body: dict[str, Any]


class TokenRequestError(Exception):
    """An Entra token error: HTTP status, OAuth ``error``, AADSTS number and description."""

    def __init__(self, status: int, error: str, code: int, description: str) -> None:
        super().__init__(f"AADSTS{code}: {description}")
        self.status = status
        self.error = error
        self.code = code
        self.description = description

    def reply(self, correlation_id: str | None) -> TokenReply:
        """Return the error as Entra's JSON body."""
        trace_id = str(uuid.uuid4())
        correlation = correlation_id or str(uuid.uuid4())
        now = datetime.datetime.now(datetime.UTC)
        stamp = now.strftime("%Y-%m-%d %H:%M:%SZ")
        description = (
            f"AADSTS{self.code}: {self.description} Trace ID: {trace_id} Correlation ID: {correlation} "
            f"Timestamp: {stamp}"
        )
        return TokenReply(
            self.status,
            {
                "error": self.error,
                "error_description": description,
                "error_codes": [self.code],
                "timestamp": stamp,
                "trace_id": trace_id,
                "correlation_id": correlation,
                "error_uri": f"https://login.microsoftonline.com/error?code={self.code}",
            },
        )


def _client_not_found(client_id: str, tenant: str) -> TokenRequestError:
    return TokenRequestError(
        400,
        "unauthorized_client",
        700016,
        f"Application with identifier '{client_id}' was not found in the directory '{tenant}'. "
        "This can happen if the application has not been installed by the administrator of the "
        "tenant or consented to by any user in the tenant. You may have sent your authentication "
        "request to the wrong tenant.",
    )


def _b64url_decode(value: Any) -> bytes | None:
    if not isinstance(value, str):
        return None
    try:
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (binascii.Error, ValueError):
        return None


@dataclass
class TokenEndpoint:
    """The local authority for every hosted tenant: discovery and tokens for each registered tenant (by id
    or default domain name); the local Graph's own app (``multi_tenant_client_id``) is consented in every one
    of them, as a multi-tenant app is, other registered apps only in the home tenant (server.py assumption
    16)."""

    authority_host: str
    tenant_id: str
    clients: ClientRegistry
    tokens: AccessTokens
    tenants: TenantRegistry
    multi_tenant_client_id: str

    def _check_tenant(self, tenant: str) -> str:
        """Return the tenant id that ``tenant`` (a tenant id or default domain name) stands for."""
        found = self.tenants.tenant_id_of(tenant)
        if found is None:
            raise TokenRequestError(
                400,
                "invalid_request",
                90002,
                f"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are "
                "signing into the correct cloud. Check with your subscription administrator, this may happen "
                "if there are no active subscriptions for the tenant.",
            )
        return found

    def token_endpoint(self, tenant: str) -> str:
        """Return the token endpoint URL for ``tenant`` as written in the discovery document."""
        return f"{self.authority_host}/{tenant}/oauth2/v2.0/token"

    def discovery(self, tenant: str, correlation_id: str | None = None) -> TokenReply:
        """Answer ``GET /{tenant}/v2.0/.well-known/openid-configuration``."""
        try:
            self._check_tenant(tenant)
        except TokenRequestError as error:
            return error.reply(correlation_id)
        base = f"{self.authority_host}/{tenant}"
        return TokenReply(
            200,
            {
                "token_endpoint": self.token_endpoint(tenant),
                "token_endpoint_auth_methods_supported": [
                    "client_secret_post",
                    "private_key_jwt",
                    "client_secret_basic",
                ],
                "jwks_uri": f"{self.authority_host}/{tenant}/discovery/v2.0/keys",
                "response_modes_supported": ["query", "fragment", "form_post"],
                "subject_types_supported": ["pairwise"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
                "scopes_supported": ["openid", "profile", "email", "offline_access"],
                "issuer": f"{base}/v2.0",
                "request_uri_parameter_supported": False,
                "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
                "end_session_endpoint": f"{base}/oauth2/v2.0/logout",
                "tenant_region_scope": None,
                "cloud_instance_name": "xtap.local",
                "cloud_graph_host_name": "graph.xtap.local",
                "msgraph_host": "graph.xtap.local",
            },
        )

    def instance_discovery(self, tenant: str) -> TokenReply:
        """Answer ``GET /common/discovery/instance`` for clients that point instance discovery here."""
        return TokenReply(
            200,
            {
                "tenant_discovery_endpoint": (
                    f"{self.authority_host}/{tenant}/v2.0/.well-known/openid-configuration"
                ),
                "api-version": "1.1",
                "metadata": [],
            },
        )

    def token(
        self,
        tenant: str,
        form: dict[str, str],
        basic_auth: tuple[str, str] | None,
        correlation_id: str | None = None,
    ) -> TokenReply:
        """Answer ``POST /{tenant}/oauth2/v2.0/token`` (client credentials with a secret or an assertion)."""
        try:
            tenant_id = self._check_tenant(tenant)
            client = self._authenticate(tenant, form, basic_auth)
            self._check_consent(client, tenant, tenant_id)
            self._check_grant(form)
        except TokenRequestError as error:
            return error.reply(correlation_id)
        issued = self.tokens.issue(client, tenant_id=tenant_id)
        return TokenReply(
            200,
            {
                "token_type": "Bearer",
                "expires_in": issued.expires_in,
                "ext_expires_in": issued.expires_in,
                "access_token": issued.access_token,
            },
        )

    def _check_consent(self, client: RegisteredClient, tenant: str, tenant_id: str) -> None:
        """Only the multi-tenant app reaches tenants other than home; others are not found there."""
        if (
            client.client_id.lower() == self.multi_tenant_client_id.lower()
            or tenant_id == self.tenant_id.lower()
        ):
            return
        raise _client_not_found(client.client_id, tenant)

    def _check_grant(self, form: dict[str, str]) -> None:
        grant_type = form.get("grant_type")
        if grant_type != "client_credentials":
            raise TokenRequestError(
                400,
                "unsupported_grant_type",
                70003,
                f"The app requested an unsupported grant type '{grant_type}'. The local Graph supports only "
                "'client_credentials'.",
            )
        scope = form.get("scope")
        if not scope:
            raise TokenRequestError(
                400,
                "invalid_request",
                900144,
                "The request body must contain the following parameter: 'scope'.",
            )
        if not any(part.endswith("/.default") for part in scope.split()):
            raise TokenRequestError(
                400,
                "invalid_scope",
                1002012,
                f"The provided value for scope {scope} is not valid. Client credential flows must have a "
                "scope value with /.default suffixed to the resource identifier (application ID URI).",
            )

    def _authenticate(
        self, tenant: str, form: dict[str, str], basic_auth: tuple[str, str] | None
    ) -> RegisteredClient:
        client_id = form.get("client_id") or (basic_auth[0] if basic_auth else None)
        if not client_id:
            raise TokenRequestError(
                400,
                "invalid_request",
                900144,
                "The request body must contain the following parameter: 'client_id'.",
            )
        client = self.clients.get(client_id)
        if client is None:
            raise _client_not_found(client_id, tenant)
        secret = form.get("client_secret") or (basic_auth[1] if basic_auth else None)
        assertion = form.get("client_assertion")
        if secret is not None:
            if not client.secret_matches(secret):
                raise TokenRequestError(
                    401,
                    "invalid_client",
                    7000215,
                    "Invalid client secret provided. Ensure the secret being sent in the request is the "
                    "client secret value, not the client secret ID, for a secret added to app "
                    f"'{client.client_id}'.",
                )
            return client
        if assertion is not None:
            self._check_assertion(tenant, client, form.get("client_assertion_type"), assertion)
            return client
        raise TokenRequestError(
            401,
            "invalid_client",
            7000218,
            "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
        )

    def _check_assertion(
        self, tenant: str, client: RegisteredClient, assertion_type: str | None, assertion: str
    ) -> None:
        if assertion_type != CLIENT_ASSERTION_TYPE:
            raise TokenRequestError(
                400,
                "invalid_request",
                700025 if assertion_type else 900144,
                f"client_assertion_type must be '{CLIENT_ASSERTION_TYPE}'.",
            )

        def failed(detail: str) -> TokenRequestError:
            return TokenRequestError(
                401, "invalid_client", 700027, f"Client assertion failed signature validation. {detail}"
            )

        try:
            header = jwt.get_unverified_header(assertion)
        except jwt.InvalidTokenError as error:
            raise TokenRequestError(
                400, "invalid_request", 50027, f"JWT token is invalid or malformed: {error}."
            ) from None
        sha256 = _b64url_decode(header.get("x5t#S256"))
        sha1 = _b64url_decode(header.get("x5t"))
        if sha256 is None and sha1 is None:
            raise failed("The assertion's header names no certificate (x5t or x5t#S256).")
        certificate = client.certificate_for(sha1, sha256)
        if certificate is None:
            raise TokenRequestError(
                401,
                "invalid_client",
                700027,
                "The certificate with identifier used to sign the client assertion is not registered on "
                f"application '{client.client_id}'.",
            )
        try:
            claims: dict[str, Any] = jwt.decode(
                assertion,
                certificate.certificate.public_key(),  # type: ignore[arg-type]
                algorithms=["RS256", "PS256", "ES256"],
                options={"verify_aud": False, "require": ["exp", "aud", "iss", "sub"]},
            )
        except jwt.ExpiredSignatureError:
            raise TokenRequestError(
                400, "invalid_client", 700024, "Client assertion is not within its valid time range."
            ) from None
        except jwt.InvalidTokenError as error:
            raise failed(str(error)) from None
        audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        expected = {
            self.token_endpoint(tenant).lower(),
            unquote(self.token_endpoint(tenant)).lower(),
            f"{self.authority_host}/{tenant}/oauth2/token".lower(),
            f"{self.authority_host}/{tenant}/v2.0".lower(),
        }
        if not any(isinstance(aud, str) and aud.lower() in expected for aud in audiences):
            raise TokenRequestError(
                401,
                "invalid_client",
                700021,
                "Client assertion audience claim does not match Realm issuer. "
                f"Expected {self.token_endpoint(tenant)}.",
            )
        if (
            str(claims["iss"]).lower() != client.client_id.lower()
            or str(claims["sub"]).lower() != client.client_id.lower()
        ):
            raise TokenRequestError(
                401,
                "invalid_client",
                700023,
                "Client assertion iss and sub claims must both be the client id of the application.",
            )
