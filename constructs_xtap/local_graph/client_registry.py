"""Applications registered in the local tenant: their secrets, certificates and Graph application roles."""

from __future__ import annotations

import hmac
import threading
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives import hashes

WRITE_ROLE = "Policy.ReadWrite.CrossTenantAccess"
READ_ROLE = "Policy.Read.All"
#: The tenant lookups' permission (findTenantInformationBy..., anchors-turn2.md §4).
TENANT_INFORMATION_ROLE = "CrossTenantInformation.ReadBasic.All"


@dataclass(frozen=True)
class RegisteredCertificate:
    """A client certificate, found by the thumbprint an assertion names (``x5t`` SHA-1, ``x5t#S256``)."""

    certificate: x509.Certificate
    sha1: bytes
    sha256: bytes


@dataclass(frozen=True)
class RegisteredClient:
    """One app registration: an id, optional secret and certificate, and the app roles its tokens carry."""

    client_id: str
    secret: str | None = None
    certificates: tuple[RegisteredCertificate, ...] = ()
    roles: tuple[str, ...] = (WRITE_ROLE,)

    def secret_matches(self, secret: str) -> bool:
        """Compare in constant time so the stand-in shows the right habit."""
        return self.secret is not None and hmac.compare_digest(self.secret.encode(), secret.encode())

    def certificate_for(self, sha1: bytes | None, sha256: bytes | None) -> RegisteredCertificate | None:
        """Return the registered certificate with this thumbprint, if any."""
        for certificate in self.certificates:
            if (sha256 is not None and certificate.sha256 == sha256) or (
                sha1 is not None and certificate.sha1 == sha1
            ):
                return certificate
        return None


def load_certificate(certificate_pem: str | bytes) -> RegisteredCertificate:
    """Parse the first certificate of a PEM (a bundle with the private key is fine)."""
    data = certificate_pem.encode() if isinstance(certificate_pem, str) else certificate_pem
    try:
        certificate = x509.load_pem_x509_certificates(data)[0]
    except (ValueError, IndexError) as error:
        raise ValueError(f"certificate_pem holds no PEM certificate: {error}") from error
    return RegisteredCertificate(
        certificate=certificate,
        sha1=certificate.fingerprint(hashes.SHA1()),
        sha256=certificate.fingerprint(hashes.SHA256()),
    )


@dataclass
class ClientRegistry:
    """The registered clients of the local tenant, keyed by lower-cased client id."""

    _clients: dict[str, RegisteredClient] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def register(
        self,
        client_id: str,
        *,
        secret: str | None = None,
        certificate_pem: str | bytes | None = None,
        roles: tuple[str, ...] | list[str] = (WRITE_ROLE,),
    ) -> RegisteredClient:
        """Register (or replace) an app; it needs a secret, a certificate or both."""
        if secret is None and certificate_pem is None:
            raise ValueError(f"register_client({client_id!r}) needs a secret, a certificate_pem or both")
        certificates = (load_certificate(certificate_pem),) if certificate_pem is not None else ()
        client = RegisteredClient(
            client_id=client_id, secret=secret, certificates=certificates, roles=tuple(roles)
        )
        with self._lock:
            self._clients[client_id.lower()] = client
        return client

    def get(self, client_id: str) -> RegisteredClient | None:
        """Return the registration of ``client_id`` (case-insensitive), or ``None``."""
        with self._lock:
            return self._clients.get(client_id.lower())
