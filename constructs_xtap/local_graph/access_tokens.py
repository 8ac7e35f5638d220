"""Access tokens the local token endpoint issues and the local Graph accepts.

Tokens are JWTs signed with a key that lives only in this process (HS256), so a restarted local Graph
rejects old tokens with 401 and clients re-acquire. ``revoke_all`` bumps a generation number carried in
each token, so every token issued before it is answered 401 (tests of "401 mid-run -> re-acquire once").

A token whose signature and audience were verified once is remembered with its claims, so the next requests
carrying it skip the JWT decoding; its lifetime and generation are still checked on every request.
"""

from __future__ import annotations

import secrets
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

import jwt

from constructs_xtap.local_graph.client_registry import RegisteredClient
from constructs_xtap.local_graph.graph_error import GraphError

DEFAULT_LIFETIME = 3599  # seconds; what Entra answers as expires_in for app tokens
#: How many verified tokens ``check`` remembers (a client uses one at a time; a test run a few dozen).
_VERIFIED_TOKENS = 256


@dataclass(frozen=True)
class IssuedToken:
    """A token and how long it lives, as the token endpoint answers it."""

    access_token: str
    expires_in: int


def invalid_token(message: str) -> GraphError:
    """Return Graph's 401 for a missing, malformed, expired or revoked bearer token."""
    return GraphError(
        401,
        "InvalidAuthenticationToken",
        message,
        headers={"WWW-Authenticate": 'Bearer realm="", error="invalid_token"'},
    )


class AccessTokens:
    """Issues and checks bearer tokens for the hosted tenants (``issuer`` names the home tenant)."""

    def __init__(self, tenant_id: str, audience: str, issuer: str, lifetime: int = DEFAULT_LIFETIME) -> None:
        self._key = secrets.token_bytes(64)
        self._lock = threading.Lock()
        self._generation = 0
        self.tenant_id = tenant_id
        self.audience = audience
        self.issuer = issuer
        self.lifetime = lifetime
        # Every token handed out, so tests can prove none of them leaked into state, plans or logs.
        self._issued: list[str] = []
        # Tokens whose signature and audience were verified, with their claims (oldest first).
        self._verified: dict[str, dict[str, Any]] = {}

    def issue(
        self, client: RegisteredClient, lifetime: int | None = None, *, tenant_id: str | None = None
    ) -> IssuedToken:
        """Return a token for ``client`` carrying its app roles, issued by and for ``tenant_id`` (``tid``;
        default: the home tenant), whose objects it acts on."""
        tid = (tenant_id or self.tenant_id).lower()
        now = int(time.time())
        expires_in = self.lifetime if lifetime is None else lifetime
        with self._lock:
            generation = self._generation
        claims = {
            "aud": self.audience,
            "iss": self.issuer.replace(self.tenant_id, tid),
            "iat": now,
            "nbf": now,
            "exp": now + expires_in,
            "tid": tid,
            "appid": client.client_id,
            "azp": client.client_id,
            "sub": client.client_id,
            "roles": list(client.roles),
            "jti": str(uuid.uuid4()),
            "xtap_gen": generation,
        }
        token = jwt.encode(claims, self._key, algorithm="HS256")
        with self._lock:
            self._issued.append(token)
        return IssuedToken(token, expires_in)

    def check(self, authorization: str | None) -> dict[str, Any]:
        """Return the claims of a valid ``Authorization: Bearer`` header; raise a 401 ``GraphError``."""
        if not authorization or not authorization.strip():
            raise invalid_token("Access token is empty.")
        scheme, _, token = authorization.strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise invalid_token(
                "Access token validation failure. The Authorization header must be 'Bearer <token>'."
            )
        token = token.strip()
        with self._lock:
            claims = self._verified.get(token)
        if claims is None:
            claims = self._verify(token)
        elif not self._in_lifetime(claims):
            raise invalid_token("Lifetime validation failed, the token is expired.")
        with self._lock:
            if claims.get("xtap_gen") != self._generation:
                raise invalid_token("Lifetime validation failed, the token has been revoked.")
        return dict(claims)

    def _verify(self, token: str) -> dict[str, Any]:
        """The claims of a token whose signature, audience and lifetime hold, remembered; else a 401."""
        try:
            claims: dict[str, Any] = jwt.decode(
                token, self._key, algorithms=["HS256"], audience=self.audience, leeway=0
            )
        except jwt.ExpiredSignatureError:
            raise invalid_token("Lifetime validation failed, the token is expired.") from None
        except jwt.InvalidTokenError:
            raise invalid_token("Access token validation failure. Invalid audience or signature.") from None
        with self._lock:
            if len(self._verified) >= _VERIFIED_TOKENS:
                del self._verified[next(iter(self._verified))]
            self._verified[token] = claims
        return claims

    @staticmethod
    def _in_lifetime(claims: dict[str, Any]) -> bool:
        """PyJWT's lifetime rules with no leeway: expired at ``exp``, valid from ``nbf``."""
        now = time.time()
        exp, nbf = claims.get("exp"), claims.get("nbf")
        return (exp is None or now < exp) and (nbf is None or nbf <= now)

    def issued_tokens(self) -> list[str]:
        """Every token issued so far, oldest first."""
        with self._lock:
            return list(self._issued)

    def revoke_all(self) -> None:
        """Make every token issued so far invalid."""
        with self._lock:
            self._generation += 1
