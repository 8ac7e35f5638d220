"""The Graph permissions an access token carries, read from its claims.

Entra access tokens for Microsoft Graph are JWTs: application tokens list their app roles in ``roles``,
delegated tokens their scopes in ``scp`` (space-separated). The claims are read without verifying the
signature: Graph verifies it; the provider only looks ahead to warn before a write that Graph would refuse.
"""

from __future__ import annotations

import jwt


def token_permissions(access_token: str) -> frozenset[str] | None:
    """The app roles and delegated scopes in ``access_token``; ``None`` when it is not a readable JWT.

    ``None`` means "cannot tell" (an opaque token), never "no permissions".
    """
    try:
        claims = jwt.decode(access_token, options={"verify_signature": False})
    except jwt.PyJWTError:
        return None
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
