"""The local token endpoint serves MSAL's client-credentials flows and answers errors as Entra does."""

from __future__ import annotations

from typing import Any

import msal
import pytest
import trustme
from cryptography.hazmat.primitives import hashes

from constructs_xtap.local_graph import LocalGraph


def msal_app(
    graph: LocalGraph, client_id: str, credential: Any, tenant: str | None = None
) -> msal.ConfidentialClientApplication:
    return msal.ConfidentialClientApplication(
        client_id,
        client_credential=credential,
        authority=f"{graph.authority_host}/{tenant or graph.tenant_id}",
        instance_discovery=False,
        http_client=graph.session(),
    )


def acquire(graph: LocalGraph, client_id: str, credential: Any) -> dict[str, Any]:
    result: dict[str, Any] = msal_app(graph, client_id, credential).acquire_token_for_client(
        scopes=[f"{graph.graph_endpoint}/.default"]
    )
    return result


def list_status(graph: LocalGraph, token: str) -> int:
    session = graph.session()
    session.headers["Authorization"] = f"Bearer {token}"
    return session.get(f"{graph.graph_endpoint}/v1.0/policies/crossTenantAccessPolicy/partners").status_code


@pytest.fixture(scope="module")
def client_certificate() -> tuple[str, str]:
    """An RSA client certificate and its private key (PEM), as an app registration would hold."""
    ca = trustme.CA(key_type=trustme.KeyType.RSA)
    leaf = ca.issue_cert("xtap-test-client", key_type=trustme.KeyType.RSA)
    return leaf.cert_chain_pems[0].bytes().decode(), leaf.private_key_pem.bytes().decode()


def test_msal_gets_a_token_with_the_client_secret_and_graph_accepts_it(local_graph: LocalGraph) -> None:
    result = acquire(local_graph, local_graph.client_id, local_graph.client_secret)
    assert result.get("token_type") == "Bearer", result
    assert result["expires_in"] > 0
    assert list_status(local_graph, result["access_token"]) == 200
    paths = [entry["path"] for entry in local_graph.requests()]
    assert paths[:2] == [
        f"/{local_graph.tenant_id}/v2.0/.well-known/openid-configuration",
        f"/{local_graph.tenant_id}/oauth2/v2.0/token",
    ]


def test_msal_gets_a_token_with_a_certificate_sending_x5t_s256(
    local_graph: LocalGraph, client_certificate: tuple[str, str]
) -> None:
    cert_pem, key_pem = client_certificate
    local_graph.register_client("c0ffee00-0000-4000-8000-000000000001", certificate_pem=cert_pem)
    result = acquire(
        local_graph,
        "c0ffee00-0000-4000-8000-000000000001",
        {"private_key": key_pem, "public_certificate": cert_pem},
    )
    assert result.get("token_type") == "Bearer", result
    assert list_status(local_graph, result["access_token"]) == 200


def test_msal_gets_a_token_with_a_certificate_named_by_sha1_thumbprint(
    local_graph: LocalGraph, client_certificate: tuple[str, str]
) -> None:
    from cryptography import x509

    cert_pem, key_pem = client_certificate
    thumbprint = x509.load_pem_x509_certificate(cert_pem.encode()).fingerprint(hashes.SHA1()).hex()
    local_graph.register_client("c0ffee00-0000-4000-8000-000000000002", certificate_pem=cert_pem)
    result = acquire(
        local_graph,
        "c0ffee00-0000-4000-8000-000000000002",
        {"private_key": key_pem, "thumbprint": thumbprint},
    )
    assert result.get("token_type") == "Bearer", result


def test_assertion_signed_by_an_unregistered_certificate_is_invalid_client(
    local_graph: LocalGraph, client_certificate: tuple[str, str]
) -> None:
    registered = trustme.CA(key_type=trustme.KeyType.RSA).issue_cert(
        "registered", key_type=trustme.KeyType.RSA
    )
    local_graph.register_client(
        "c0ffee00-0000-4000-8000-000000000003", certificate_pem=registered.cert_chain_pems[0].bytes()
    )
    cert_pem, key_pem = client_certificate
    result = acquire(
        local_graph,
        "c0ffee00-0000-4000-8000-000000000003",
        {"private_key": key_pem, "public_certificate": cert_pem},
    )
    assert result["error"] == "invalid_client"
    assert result["error_description"].startswith("AADSTS700027:")


def test_wrong_secret_is_401_invalid_client_aadsts7000215(local_graph: LocalGraph) -> None:
    result = acquire(local_graph, local_graph.client_id, "not-the-secret")
    assert result["error"] == "invalid_client"
    assert result["error_description"].startswith("AADSTS7000215: Invalid client secret provided.")
    assert result["error_codes"] == [7000215]
    assert local_graph.requests()[-1]["status"] == 401
    assert "not-the-secret" not in str(result)


def test_unknown_client_is_400_unauthorized_client_aadsts700016(local_graph: LocalGraph) -> None:
    result = acquire(local_graph, "00000000-0000-0000-0000-00000000dead", "whatever")
    assert result["error"] == "unauthorized_client"
    assert result["error_description"].startswith("AADSTS700016: Application with identifier")
    assert local_graph.requests()[-1]["status"] == 400


def test_unknown_tenant_is_aadsts90002(local_graph: LocalGraph) -> None:
    session = local_graph.session()
    other = "00000000-0000-0000-0000-0000000000aa"
    discovery = session.get(f"{local_graph.authority_host}/{other}/v2.0/.well-known/openid-configuration")
    assert discovery.status_code == 400
    assert discovery.json()["error_description"].startswith(f"AADSTS90002: Tenant '{other}' not found.")
    token = session.post(
        f"{local_graph.authority_host}/{other}/oauth2/v2.0/token",
        data={
            "grant_type": "client_credentials",
            "client_id": local_graph.client_id,
            "client_secret": local_graph.client_secret,
            "scope": f"{local_graph.graph_endpoint}/.default",
        },
    )
    assert token.status_code == 400
    assert token.json()["error_codes"] == [90002]


def test_discovery_document_has_https_endpoints_msal_needs(local_graph: LocalGraph) -> None:
    document = (
        local_graph.session()
        .get(f"{local_graph.authority_host}/{local_graph.tenant_id}/v2.0/.well-known/openid-configuration")
        .json()
    )
    assert (
        document["token_endpoint"]
        == f"{local_graph.authority_host}/{local_graph.tenant_id}/oauth2/v2.0/token"
    )
    assert document["authorization_endpoint"].startswith("https://")
    assert document["issuer"] == f"{local_graph.authority_host}/{local_graph.tenant_id}/v2.0"


def test_scope_without_default_suffix_is_invalid_scope(local_graph: LocalGraph) -> None:
    response = local_graph.session().post(
        f"{local_graph.authority_host}/{local_graph.tenant_id}/oauth2/v2.0/token",
        data={
            "grant_type": "client_credentials",
            "client_id": local_graph.client_id,
            "client_secret": local_graph.client_secret,
            "scope": "Policy.Read.All",
        },
    )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_scope"


def test_revoked_tokens_are_401_and_a_new_token_works(local_graph: LocalGraph) -> None:
    token = acquire(local_graph, local_graph.client_id, local_graph.client_secret)["access_token"]
    assert list_status(local_graph, token) == 200
    assert local_graph.session().post(f"{local_graph.graph_endpoint}/_xtap/tokens/revoke").status_code == 204
    assert list_status(local_graph, token) == 401
    assert list_status(local_graph, local_graph.issue_token()) == 200


def test_expired_token_is_401_lifetime_validation_failed(local_graph: LocalGraph) -> None:
    session = local_graph.session()
    session.headers["Authorization"] = f"Bearer {local_graph.issue_token(lifetime=-1)}"
    response = session.get(f"{local_graph.graph_endpoint}/v1.0/policies/crossTenantAccessPolicy/partners")
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "Lifetime validation failed, the token is expired."


def test_a_token_accepted_before_is_401_once_it_expires(
    local_graph: LocalGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    token = local_graph.issue_token(lifetime=60)
    assert list_status(local_graph, token) == 200  # verified and remembered
    later = time.time() + 61
    monkeypatch.setattr(time, "time", lambda: later)
    session = local_graph.session()
    session.headers["Authorization"] = f"Bearer {token}"
    response = session.get(f"{local_graph.graph_endpoint}/v1.0/policies/crossTenantAccessPolicy/partners")
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "Lifetime validation failed, the token is expired."


def test_a_tampered_copy_of_an_accepted_token_is_401(local_graph: LocalGraph) -> None:
    token = local_graph.issue_token()
    assert list_status(local_graph, token) == 200
    header, payload, signature = token.split(".")
    forged = f"{header}.{payload}.{signature[:-2]}{'AA' if signature[-2:] != 'AA' else 'BB'}"
    assert list_status(local_graph, forged) == 401
