"""The permissions an access token carries: read from its claims without PyJWT, signature unchecked."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from typing import Any

import pytest

from constructs_xtap.graph.token_permissions import token_permissions


def _segment(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def _token(claims: Any, header: Any = None) -> str:
    return f"{_segment(header or {'alg': 'RS256', 'typ': 'JWT'})}.{_segment(claims)}.c2lnbmF0dXJl"


def test_app_roles_and_delegated_scopes_are_read() -> None:
    assert token_permissions(_token({"roles": ["Policy.Read.All", 7], "exp": 1})) == {"Policy.Read.All"}
    assert token_permissions(_token({"scp": "Policy.Read.All  Policy.ReadWrite.CrossTenantAccess"})) == {
        "Policy.Read.All",
        "Policy.ReadWrite.CrossTenantAccess",
    }
    assert token_permissions(_token({"roles": []})) == frozenset()


@pytest.mark.parametrize(
    "token",
    [
        "opaque-token",
        "a.b",
        "a.b.c.d",
        "!!!.@@@.###",
        f"{_segment({'alg': 'none'})}.bm90IGpzb24.",
        _token(["roles"]),
        _token({"roles": ["x"]}, header=["not", "an", "object"]),
        _token({"sub": "no roles, no scopes"}),
    ],
    ids=[
        "opaque",
        "two-segments",
        "four-segments",
        "not-base64",
        "claims-not-json",
        "claims-not-object",
        "header-not-object",
        "neither-claim",
    ],
)
def test_anything_else_is_cannot_tell(token: str) -> None:
    assert token_permissions(token) is None


def test_reading_a_token_imports_neither_pyjwt_nor_cryptography() -> None:
    program = (
        "import sys\nfrom constructs_xtap.graph.token_permissions import token_permissions\n"
        f"assert token_permissions({_token({'roles': ['r']})!r}) == {{'r'}}\n"
        "assert not {'jwt', 'cryptography'} & set(sys.modules), 'imported'\n"
    )
    subprocess.run([sys.executable, "-c", program], check=True)
