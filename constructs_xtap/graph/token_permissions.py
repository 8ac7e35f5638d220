"""The Graph permissions an access token carries, read from its claims.

Entra access tokens for Microsoft Graph are JWTs: application tokens list their app roles in ``roles``,
delegated tokens their scopes in ``scp`` (space-separated). The claims are read without verifying the
signature: Graph verifies it; the provider only looks ahead to warn before a write that Graph would refuse.
Reading them is base64url and JSON alone (a JWT's header, claims and signature, dot-separated), so the
provider process does not import PyJWT and the ``cryptography`` it loads to check signatures.
"""

from __future__ import annotations

import base64
import json
from typing import Any


def token_permissions(access_token: str) -> frozenset[str] | None:
    """The app roles and delegated scopes in ``access_token``; ``None`` when it is not a readable JWT.

    ``None`` means "cannot tell" (an opaque token), never "no permissions".
    """
    claims = _unverified_claims(access_token)
    if not isinstance(claims, dict) or ("roles" not in claims and "scp" not in claims):
        return None
    roles = claims.get("roles")
    scopes = claims.get("scp")
    granted: set[str] = set()
    if isinstance(roles, list):
        granted.update(role for role in roles if isinstance(role, str))
    if isinstance(scopes, str):
        granted.update(scopes.split())
    return frozenset(granted)


def _unverified_claims(token: str) -> Any:
    """The claims of the JWT ``token`` (its header a JSON object too), signature unchecked; ``None`` when it
    is not three base64url segments with a JSON object header and claims."""
    segments = token.split(".") if isinstance(token, str) else []
    if len(segments) != 3:
        return None
    try:
        header, claims = (json.loads(_base64url(segment)) for segment in segments[:2])
        _base64url(segments[2])
    except ValueError:  # binascii.Error, UnicodeDecodeError and json's errors are ValueErrors
        return None
    return claims if isinstance(header, dict) else None


def _base64url(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
