"""Provider block resolution and plan-time validation: every problem names the setting and the fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tf.types import Number, Unknown
from tf.utils import Diagnostics

from constructs_xtap.graph import (
    ClientCertificate,
    ClientSecret,
    FederatedToken,
    GraphClient,
    GraphSettings,
    ManagedIdentity,
)
from constructs_xtap.provider import XtapProvider, resolve_provider_config
from constructs_xtap.wire import PROVIDER_SETTINGS
from tests.client_certificate import make_certificate

TENANT = "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a"
CLIENT = "8b1a2c3d-0000-4000-8000-000000000002"


def block(**values: Any) -> dict[str, Any]:
    config: dict[str, Any] = {s.attribute: None for s in PROVIDER_SETTINGS}
    config.update(values)
    return config


def write_certificate(path: Path, password: bytes | None = None) -> None:
    _, cert_pem, key_pem = make_certificate(password)
    path.write_bytes(cert_pem + key_pem)


def test_environment_fills_every_setting_the_block_leaves_out() -> None:
    settings, problems = resolve_provider_config(
        block(),
        {
            "AZURE_TENANT_ID": TENANT,
            "ARM_CLIENT_ID": CLIENT,
            "AZURE_CLIENT_SECRET": "s",
            "XTAP_CLOUD": "usgov",
        },
    )
    assert problems == []
    assert settings is not None
    assert (settings.tenant_id, settings.client_id, settings.credential) == (
        TENANT,
        CLIENT,
        ClientSecret("s"),
    )
    assert (settings.graph_endpoint, settings.authority_host) == (
        "https://graph.microsoft.us",
        "https://login.microsoftonline.us",
    )


def test_block_credential_wins_over_environment_credentials(tmp_path: Path) -> None:
    token = tmp_path / "token"
    token.write_text("eyJ.fake.jwt\n")
    settings, problems = resolve_provider_config(
        block(tenant_id=TENANT, client_id=CLIENT, federated_token_file=str(token)),
        {"AZURE_CLIENT_SECRET": "from-env"},
    )
    assert problems == []
    assert settings is not None and settings.credential == FederatedToken(file=str(token))


def test_explicit_endpoints_override_the_cloud() -> None:
    settings, _ = resolve_provider_config(
        block(
            tenant_id=TENANT,
            client_id=CLIENT,
            client_secret="s",
            cloud="china",
            graph_endpoint="https://127.0.0.1:8443/",
            authority_host="https://127.0.0.1:8443",
        ),
        {},
    )
    assert settings is not None
    assert (settings.graph_endpoint, settings.authority_host) == (
        "https://127.0.0.1:8443",
        "https://127.0.0.1:8443",
    )


def test_managed_identity_needs_no_client_id() -> None:
    settings, problems = resolve_provider_config(block(tenant_id=TENANT), {"ARM_USE_MSI": "true"})
    assert problems == []
    assert settings is not None and settings.credential == ManagedIdentity(client_id=None)


def test_certificate_with_password_is_accepted(tmp_path: Path) -> None:
    pem = tmp_path / "app.pem"
    write_certificate(pem, b"pw")
    settings, problems = resolve_provider_config(
        block(
            tenant_id=TENANT,
            client_id=CLIENT,
            client_certificate_path=str(pem),
            client_certificate_password="pw",
        ),
        {},
    )
    assert problems == []
    assert settings is not None and settings.credential == ClientCertificate(str(pem), "pw")


@pytest.mark.parametrize(
    ("values", "environ", "expected"),
    [
        pytest.param({"timeout_seconds": 45}, {}, 45.0, id="block-integer"),
        pytest.param(
            {"timeout_seconds": 2.5}, {"XTAP_TIMEOUT_SECONDS": "900"}, 2.5, id="block-wins-over-env"
        ),
        pytest.param({}, {"XTAP_TIMEOUT_SECONDS": " 90.5 "}, 90.5, id="env-fractional"),
        pytest.param({}, {}, 300.0, id="default"),
    ],
)
def test_timeout_seconds_sets_the_retry_deadline_from_block_or_environment(
    values: dict[str, Any], environ: dict[str, str], expected: float
) -> None:
    settings, problems = resolve_provider_config(
        block(tenant_id=TENANT, client_id=CLIENT, client_secret="s", **values), environ
    )
    assert problems == []
    assert settings is not None and settings.retry_deadline == expected


@pytest.mark.parametrize(
    ("timeout", "conflict_after_delete", "read_back"),
    [
        pytest.param(None, 120.0, 60.0, id="unset-keeps-defaults"),
        pytest.param(90, 90.0, 60.0, id="between-the-defaults"),
        pytest.param(5, 5.0, 5.0, id="below-both"),
        pytest.param(600, 120.0, 60.0, id="above-both"),
    ],
)
def test_timeout_seconds_caps_the_consistency_waits(
    timeout: float | None, conflict_after_delete: float, read_back: float
) -> None:
    built: list[GraphSettings] = []

    class OpaqueToken:  # configuring gets a token; no Entra ID here, and an opaque one tells nothing
        def token(self) -> str:
            return "opaque"

        def forget(self) -> None:
            pass

    def factory(settings: GraphSettings) -> GraphClient:
        built.append(settings)
        return GraphClient(settings, token_source=OpaqueToken())

    provider = XtapProvider(environ={}, client_factory=factory)
    diags = Diagnostics()
    provider.configure_provider(
        diags, block(tenant_id=TENANT, client_id=CLIENT, client_secret="s", timeout_seconds=timeout)
    )
    assert not diags.has_errors()
    assert (provider.waits.conflict_after_delete, provider.waits.read_back) == (
        conflict_after_delete,
        read_back,
    )
    assert built[0].retry_deadline == (300.0 if timeout is None else timeout)


def test_provider_schema_declares_timeout_seconds_as_a_number() -> None:
    schema = XtapProvider(environ={}).get_provider_schema(Diagnostics())
    (attribute,) = [a for a in schema.attributes if a.name == "timeout_seconds"]
    assert isinstance(attribute.type, Number)
    assert "XTAP_TIMEOUT_SECONDS" in (attribute.description or "")


@pytest.mark.parametrize(
    ("values", "environ", "attribute", "phrase"),
    [
        pytest.param(
            {"tenant_id": TENANT, "client_id": CLIENT}, {}, "client_secret", "No credentials", id="no-creds"
        ),
        pytest.param(
            {"tenant_id": TENANT, "client_id": CLIENT, "client_secret": "s", "cloud": "mars"},
            {},
            "cloud",
            "global, usgov, dod, china",
            id="unknown-cloud",
        ),
        pytest.param(
            {"tenant_id": "contoso", "client_id": CLIENT, "client_secret": "s"},
            {},
            "tenant_id",
            "not a GUID",
            id="bad-tenant",
        ),
        pytest.param(
            {"client_id": CLIENT, "client_secret": "s"},
            {"ARM_TENANT_ID": "nope"},
            "tenant_id",
            "environment variable ARM_TENANT_ID",
            id="bad-tenant-from-env",
        ),
        pytest.param(
            {"tenant_id": TENANT, "client_id": CLIENT, "client_certificate_path": "/nonexistent/app.pem"},
            {},
            "client_certificate_path",
            "cannot be read",
            id="unreadable-certificate",
        ),
        pytest.param(
            {"tenant_id": TENANT, "client_id": CLIENT, "client_secret": "s"},
            {"AZURE_CLIENT_SECRET": "x", "XTAP_GRAPH_ENDPOINT": "http://127.0.0.1:1"},
            "graph_endpoint",
            "https://",
            id="http-endpoint",
        ),
        pytest.param(
            {"tenant_id": TENANT, "client_id": CLIENT},
            {"AZURE_CLIENT_SECRET": "x", "ARM_OIDC_TOKEN": "y"},
            "client_secret",
            "More than one credential",
            id="two-env-credentials",
        ),
        pytest.param(
            {"tenant_id": TENANT, "client_secret": "s"}, {}, "client_id", "No client id", id="no-client-id"
        ),
        pytest.param(
            {
                "tenant_id": TENANT,
                "client_id": CLIENT,
                "client_secret": "s",
                "ca_bundle": "/nonexistent/ca.pem",
            },
            {},
            "ca_bundle",
            "cannot be read",
            id="unreadable-ca",
        ),
        pytest.param(
            {"tenant_id": TENANT, "client_id": CLIENT, "client_secret": "s", "timeout_seconds": 0},
            {},
            "timeout_seconds",
            '`timeout_seconds` in the provider "xtap" block is 0; set it to a positive number of seconds',
            id="zero-timeout",
        ),
        pytest.param(
            {"tenant_id": TENANT, "client_id": CLIENT, "client_secret": "s", "timeout_seconds": -30.5},
            {},
            "timeout_seconds",
            "positive number of seconds",
            id="negative-timeout",
        ),
        pytest.param(
            {"tenant_id": TENANT, "client_id": CLIENT, "client_secret": "s"},
            {"XTAP_TIMEOUT_SECONDS": "5m"},
            "timeout_seconds",
            "environment variable XTAP_TIMEOUT_SECONDS is '5m'; set it to a positive number of seconds",
            id="timeout-from-env-not-a-number",
        ),
    ],
)
def test_bad_configuration_fails_validation_naming_the_setting(
    values: dict[str, Any], environ: dict[str, str], attribute: str, phrase: str
) -> None:
    provider = XtapProvider(environ=environ)
    diags = Diagnostics()
    provider.validate_config(diags, block(**values))
    assert diags.has_errors()
    matching = [d for d in diags.diagnostics if d.path == [attribute]]
    assert matching, [str(d) for d in diags.diagnostics]
    assert any(phrase in f"{d.summary} {d.detail}" for d in matching)


def test_encrypted_key_without_password_names_the_password_setting(tmp_path: Path) -> None:
    pem = tmp_path / "app.pem"
    write_certificate(pem, b"pw")
    _, problems = resolve_provider_config(
        block(tenant_id=TENANT, client_id=CLIENT, client_certificate_path=str(pem)), {}
    )
    assert [p.attribute for p in problems] == ["client_certificate_password"]


def test_unknown_values_are_not_validated_until_known() -> None:
    settings, problems = resolve_provider_config(
        block(tenant_id=Unknown, client_id=CLIENT, client_secret="s"), {}
    )
    assert (settings, problems) == (None, [])


def test_secret_never_appears_in_problems_or_settings_repr() -> None:
    settings, problems = resolve_provider_config(
        block(tenant_id=TENANT, client_id=CLIENT, client_secret="very-secret-value"), {}
    )
    assert "very-secret-value" not in repr(settings) + repr(problems)


def test_provider_schema_marks_secrets_sensitive() -> None:
    schema = XtapProvider(environ={}).get_provider_schema(Diagnostics())
    sensitive = {a.name for a in schema.attributes if a.sensitive}
    assert sensitive == {"client_secret", "client_certificate_password", "federated_token"}
    assert all(a.optional for a in schema.attributes)
