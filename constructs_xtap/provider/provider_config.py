"""The ``provider "xtap"`` block, with environment fallbacks, resolved into :class:`GraphSettings`.

Every problem is collected and reported together, each naming the setting (and the environment variable
it came from) and how to fix it, so that ``terraform plan`` fails before any call to Entra or Graph.

Credentials: set in the provider block, they win over the environment; otherwise exactly one kind must
come from the environment. Kinds: client secret, client certificate (PEM with key), federated token
(value or file) and managed identity.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, TypeVar
from urllib.parse import urlparse

from tf.types import Unknown

from constructs_xtap.graph.clouds import CLOUDS, find_cloud
from constructs_xtap.graph.graph_settings import (
    ClientCertificate,
    ClientSecret,
    Credential,
    FederatedToken,
    GraphSettings,
    ManagedIdentity,
)
from constructs_xtap.wire import PROVIDER_SETTINGS, ProviderSetting, is_guid
from constructs_xtap.wire.partner_schema import CREDENTIAL_SETTINGS

T = TypeVar("T")
_SETTINGS = {s.attribute: s for s in PROVIDER_SETTINGS}
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


@dataclass(frozen=True)
class ConfigProblem:
    """One thing wrong with the provider configuration, as a Terraform diagnostic will show it."""

    attribute: str
    summary: str
    detail: str


@dataclass(frozen=True)
class _Value:
    value: Any
    source: str  # where it came from, for messages: 'provider "xtap" { x }' or 'environment variable X'
    from_block: bool
    name: str  # the setting's attribute


def _source_of(setting: ProviderSetting) -> str:
    return f'`{setting.attribute}` in the provider "xtap" block'


def _env_list(setting: ProviderSetting) -> str:
    return ", ".join(setting.env)


class _Resolver:
    def __init__(self, config: Mapping[str, Any], environ: Mapping[str, str]) -> None:
        self.config = config
        self.environ = environ
        self.problems: list[ConfigProblem] = []
        self.unknown = False

    def get(self, name: str) -> _Value | None:
        setting = _SETTINGS[name]
        value = self.config.get(name)
        if value is Unknown:
            self.unknown = True
            return None
        if value is not None and value != "":
            return _Value(value, _source_of(setting), True, name)
        for env in setting.env:
            text = self.environ.get(env)
            if text:
                return _Value(text, f"environment variable {env}", False, name)
        return None

    def problem(self, attribute: str, summary: str, detail: str) -> None:
        self.problems.append(ConfigProblem(attribute, summary, detail))

    def read_file(self, found: _Value, summary: str, advice: str, *, why: bool = False) -> str | None:
        """The text of the file a setting names; ``None`` after reporting ``summary`` when it cannot be read
        (``why``: with the operating system's reason)."""
        path = str(found.value)
        try:
            with open(path, encoding="utf-8") as handle:
                return handle.read()
        except (OSError, UnicodeDecodeError) as exc:
            reason = f"{type(exc).__name__}: {exc.args[-1]}" if why else type(exc).__name__
            detail = f"{found.source} points to {path!r}, which cannot be read ({reason}). {advice}"
            self.problem(found.name, summary, detail)
            return None

    def checked(self, name: str, check: Callable[[_Resolver, _Value], T | None]) -> T | None:
        """What ``check`` makes of the setting ``name`` (``None`` after reporting a problem); ``None`` when
        it is not set or not known yet."""
        found = self.get(name)
        return None if found is None else check(self, found)

    def flag(self, name: str) -> _Value | None:
        found = self.get(name)
        if found is None or isinstance(found.value, bool):
            return found
        text = str(found.value).strip().lower()
        if text in _TRUE:
            return replace(found, value=True)
        if text in _FALSE:
            return replace(found, value=False)
        self.problem(
            name,
            f"Invalid {name}",
            f"{found.source} is {found.value!r}; use true or false.",
        )
        return None


def resolve_provider_config(
    config: Mapping[str, Any], environ: Mapping[str, str]
) -> tuple[GraphSettings | None, list[ConfigProblem]]:
    """The Graph settings for this configuration, or ``None`` with the problems (or unknown values)."""
    r = _Resolver(config, environ)

    tenant = r.get("tenant_id")
    tenant_id = _guid(r, "tenant_id", tenant, "the home tenant whose cross-tenant access policy is managed")
    if tenant is None and not r.unknown:
        r.problem(
            "tenant_id",
            "No tenant id configured",
            'Set `tenant_id` in the provider "xtap" block or one of the environment variables '
            f"{_env_list(_SETTINGS['tenant_id'])} to your tenant's id "
            "(a GUID; Entra admin center > Overview).",
        )

    client = r.get("client_id")
    client_id = _guid(r, "client_id", client, "the application (client) id of the app registration")

    credential = _credential(r, client_id)
    if (
        credential is not None
        and not isinstance(credential, ManagedIdentity)
        and client is None
        and not r.unknown
    ):
        r.problem(
            "client_id",
            "No client id configured",
            'Set `client_id` in the provider "xtap" block or one of the environment variables '
            f"{_env_list(_SETTINGS['client_id'])} to the application (client) id of the app registration.",
        )

    graph_endpoint, authority_host = _endpoints(r)
    ca_bundle = r.checked("ca_bundle", _ca_bundle)
    timeout = r.checked("timeout_seconds", _timeout_seconds)

    if r.problems or r.unknown or tenant_id is None or credential is None:
        return None, r.problems
    return (
        GraphSettings(
            tenant_id=tenant_id,
            client_id=client_id,
            credential=credential,
            graph_endpoint=graph_endpoint,
            authority_host=authority_host,
            ca_bundle=ca_bundle,
            retry_deadline=GraphSettings.retry_deadline if timeout is None else timeout,
        ),
        [],
    )


def _guid(r: _Resolver, name: str, found: _Value | None, meaning: str) -> str | None:
    if found is None:
        return None
    text = str(found.value).strip()
    if not is_guid(text):
        r.problem(
            name,
            f"Invalid {name}",
            f"{found.source} is {text!r}, which is not a GUID. Set it to {meaning}, "
            "e.g. 00000000-0000-0000-0000-000000000000 with your own value.",
        )
        return None
    return text.lower()


def _credential(r: _Resolver, client_id: str | None) -> Credential | None:
    found = {
        name: r.flag(name) if name == "use_managed_identity" else r.get(name) for name in CREDENTIAL_SETTINGS
    }
    configured = {n: v for n, v in found.items() if v is not None and v.value is not False}
    in_block = {n: v for n, v in configured.items() if v.from_block}
    chosen = in_block or configured
    if not chosen:
        if not r.unknown:
            options = "\n".join(
                f"  - {name} (environment: {_env_list(_SETTINGS[name])})" for name in CREDENTIAL_SETTINGS
            )
            r.problem(
                "client_secret",
                "No credentials configured for the xtap provider",
                'Configure exactly one way to authenticate, in the provider "xtap" block or the environment:'
                f"\n{options}\n"
                "For the local Graph, run `xtap local-graph` and eval the export lines it prints.",
            )
        return None
    if len(chosen) > 1:
        listed = ", ".join(v.source for v in chosen.values())
        r.problem(
            next(iter(chosen)),
            "More than one credential configured",
            f"Found {listed}. Keep exactly one of client_secret, client_certificate_path, federated_token, "
            "federated_token_file and use_managed_identity (unset the others).",
        )
        return None
    name, value = next(iter(chosen.items()))
    if name == "client_secret":
        return ClientSecret(str(value.value))
    if name == "client_certificate_path":
        password = r.get("client_certificate_password")
        return _certificate(r, value, None if password is None else str(password.value))
    if name == "federated_token":
        return FederatedToken(value=str(value.value))
    if name == "federated_token_file":
        return _token_file(r, value)
    return ManagedIdentity(client_id=client_id)


def _certificate(r: _Resolver, found: _Value, password: str | None) -> ClientCertificate | None:
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    path = str(found.value)
    text = r.read_file(
        found,
        "Unreadable client certificate",
        "Point it to a PEM file holding the certificate and its private key.",
        why=True,
    )
    if text is None:
        return None
    from constructs_xtap.graph.token_source import split_pem  # not its HTTP stack before configuring

    key, certificates = split_pem(text)
    if key is None or not certificates:
        missing = "a private key" if key is None else "a certificate"
        r.problem(
            "client_certificate_path",
            "Incomplete client certificate",
            f"{path!r} (from {found.source}) holds no {missing} in PEM format. Put both the "
            "-----BEGIN CERTIFICATE----- block and the private key block in the file.",
        )
        return None
    try:
        x509.load_pem_x509_certificate(certificates[0].encode())
    except ValueError:
        r.problem(
            "client_certificate_path",
            "Invalid client certificate",
            f"The certificate in {path!r} (from {found.source}) is not a valid X.509 PEM certificate.",
        )
        return None
    try:
        load_pem_private_key(key.encode(), password.encode() if password else None)
    except TypeError:
        r.problem(
            "client_certificate_password",
            "Client certificate password missing or not needed",
            f"The private key in {path!r} is "
            + ("encrypted: set client_certificate_password." if not password else "not encrypted: unset it."),
        )
        return None
    except ValueError:
        r.problem(
            "client_certificate_password",
            "Client certificate private key cannot be loaded",
            f"The private key in {path!r} could not be decrypted or parsed; check "
            "client_certificate_password "
            "(or its environment variables) and that the key is PEM.",
        )
        return None
    return ClientCertificate(path=path, password=password)


def _token_file(r: _Resolver, found: _Value) -> FederatedToken | None:
    path = str(found.value)
    text = r.read_file(
        found,
        "Unreadable federated token file",
        "Point it to the file your pipeline writes the OIDC token to.",
    )
    if text is None:
        return None
    if not text.strip():
        r.problem(
            "federated_token_file",
            "Empty federated token file",
            f"{path!r} (from {found.source}) is empty; the pipeline has not written its OIDC token yet.",
        )
        return None
    return FederatedToken(file=path)


def _endpoints(r: _Resolver) -> tuple[str, str]:
    cloud_value = r.get("cloud")
    cloud = CLOUDS["global"]
    if cloud_value is not None:
        found_cloud = find_cloud(str(cloud_value.value))
        if found_cloud is None:
            r.problem(
                "cloud",
                "Unknown cloud",
                f"{cloud_value.source} is {cloud_value.value!r}. Use one of {', '.join(CLOUDS)}, or set "
                "graph_endpoint and authority_host explicitly.",
            )
        else:
            cloud = found_cloud
    graph = r.checked("graph_endpoint", _https_url) or cloud.graph_endpoint
    authority = r.checked("authority_host", _https_url) or cloud.authority_host
    return graph, authority


def _https_url(r: _Resolver, found: _Value) -> str | None:
    name = found.name
    text = str(found.value).strip().rstrip("/")
    parsed = urlparse(text)
    example = CLOUDS["global"].graph_endpoint if name == "graph_endpoint" else CLOUDS["global"].authority_host
    if parsed.scheme != "https" or not parsed.hostname:
        r.problem(
            name,
            f"Invalid {name}",
            f"{found.source} is {text!r}; it must be an https:// URL such as {example} "
            "(msal and Graph only speak https).",
        )
        return None
    return text


def _ca_bundle(r: _Resolver, found: _Value) -> str | None:
    path = str(found.value)
    from constructs_xtap.graph.token_source import split_pem

    text = r.read_file(
        found,
        "Unreadable CA bundle",
        "Point it to a PEM file of CA certificates (for the local Graph: the file `xtap local-graph` "
        "prints).",
    )
    if text is None:
        return None
    _, certificates = split_pem(text)
    if not certificates:
        r.problem("ca_bundle", "Empty CA bundle", f"{path!r} (from {found.source}) holds no PEM certificate.")
        return None
    return path


def _timeout_seconds(r: _Resolver, found: _Value) -> float | None:
    value = found.value
    seconds: float | None = None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    elif isinstance(value, str):
        try:
            seconds = float(value.strip())
        except ValueError:
            seconds = None
    if seconds is None or not math.isfinite(seconds) or seconds <= 0:
        r.problem(
            "timeout_seconds",
            "Invalid timeout_seconds",
            f"{found.source} is {value!r}; set it to a positive number of seconds, e.g. 600 "
            f"(or unset it for the default of {GraphSettings.retry_deadline:g}).",
        )
        return None
    return seconds
