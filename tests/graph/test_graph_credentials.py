"""Real msal against the local Graph: secret, certificate and federated token (file re-read on each use)."""

from __future__ import annotations

import base64
import os
import time
import uuid
from pathlib import Path

import jwt
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from constructs_xtap.graph import (
    ClientCertificate,
    ClientSecret,
    FederatedToken,
    GraphAuthenticationError,
    GraphClient,
    GraphSettings,
    kind_path,
)
from constructs_xtap.local_graph import LocalGraph
from constructs_xtap.wire import PARTNER as PARTNER_KIND
from tests.client_certificate import make_certificate


def settings_for(graph: LocalGraph, client_id: str, credential: object) -> GraphSettings:
    return GraphSettings(
        tenant_id=graph.tenant_id,
        client_id=client_id,
        credential=credential,  # type: ignore[arg-type]
        graph_endpoint=graph.graph_endpoint,
        authority_host=graph.authority_host,
        ca_bundle=str(graph.ca_path),
    )


def assertion(graph: LocalGraph, client_id: str, key: rsa.RSAPrivateKey, cert_pem: bytes) -> str:
    """A client assertion JWT as a federated identity provider would hand to a pipeline."""
    der = x509.load_pem_x509_certificate(cert_pem).public_bytes(serialization.Encoding.DER)
    digest = hashes.Hash(hashes.SHA256())
    digest.update(der)
    thumbprint = base64.urlsafe_b64encode(digest.finalize()).rstrip(b"=").decode()
    now = int(time.time())
    claims = {
        "aud": f"{graph.authority_host}/{graph.tenant_id}/oauth2/v2.0/token",
        "iss": client_id,
        "sub": client_id,
        "jti": str(uuid.uuid4()),
        "nbf": now - 10,
        "exp": now + 600,
    }
    return jwt.encode(claims, key, algorithm="RS256", headers={"x5t#S256": thumbprint})


def test_client_secret_gets_a_token_and_lists_partners(local_graph: LocalGraph) -> None:
    client = GraphClient.from_settings(
        settings_for(local_graph, local_graph.client_id, ClientSecret(local_graph.client_secret))
    )
    assert client.list_objects(PARTNER_KIND) == []


def test_password_protected_certificate_authenticates(local_graph: LocalGraph, tmp_path: Path) -> None:
    client_id = str(uuid.uuid4())
    _, cert_pem, key_pem = make_certificate(b"pem-pass")
    local_graph.register_client(client_id, certificate_pem=cert_pem)
    pem = tmp_path / "app.pem"
    pem.write_bytes(cert_pem + key_pem)

    client = GraphClient.from_settings(
        settings_for(local_graph, client_id, ClientCertificate(str(pem), "pem-pass"))
    )
    assert client.list_objects(PARTNER_KIND) == []


def test_federated_token_file_is_read_again_for_each_new_token(
    local_graph: LocalGraph, tmp_path: Path
) -> None:
    client_id = str(uuid.uuid4())
    key, cert_pem, _ = make_certificate()
    local_graph.register_client(client_id, certificate_pem=cert_pem)
    token_file = tmp_path / "oidc-token"
    token_file.write_text(assertion(local_graph, client_id, key, cert_pem))

    client = GraphClient.from_settings(
        settings_for(local_graph, client_id, FederatedToken(file=str(token_file)))
    )
    assert client.list_objects(PARTNER_KIND) == []

    # The pipeline rotates the file; the next acquisition must use the new content (here: a broken one).
    token_file.write_text("not-a-jwt")
    client.token_source.forget()
    with pytest.raises(GraphAuthenticationError) as caught:
        client.list_objects(PARTNER_KIND)
    assert caught.value.error in {"invalid_client", "invalid_request"}

    token_file.write_text(assertion(local_graph, client_id, key, cert_pem))
    assert client.list_objects(PARTNER_KIND) == []


def test_wrong_secret_is_an_authentication_error_without_the_secret(local_graph: LocalGraph) -> None:
    client_id = str(uuid.uuid4())
    local_graph.register_client(client_id, secret="right")
    client = GraphClient.from_settings(settings_for(local_graph, client_id, ClientSecret("wrong-but-secret")))
    with pytest.raises(GraphAuthenticationError) as caught:
        client.get_object(kind_path(PARTNER_KIND, str(uuid.uuid4())))
    assert "AADSTS7000215" in str(caught.value)
    assert "wrong-but-secret" not in str(caught.value) + repr(caught.value)


def test_machine_ca_bundle_variables_do_not_override_the_configured_ca(
    local_graph: LocalGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The machine exports REQUESTS_CA_BUNDLE (system CAs only); requests would let it win over verify=.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", os.devnull)
    monkeypatch.setenv("CURL_CA_BUNDLE", os.devnull)
    client_id = str(uuid.uuid4())
    local_graph.register_client(client_id, secret="ca-test")
    client = GraphClient.from_settings(settings_for(local_graph, client_id, ClientSecret("ca-test")))
    assert client.list_objects(PARTNER_KIND) == []
