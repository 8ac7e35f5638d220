"""go-plugin's TLS certificate from tf's cache, its validity checked without importing ``cryptography``.

tf's runner parses its cached certificate with ``cryptography`` on every provider start only to read its
expiry: tens of milliseconds of imports before the handshake line Terraform waits for. The expiry is stored
in the same cache file, beside the certificate, the first time it is read; later starts compare a number.
A cache without a recorded expiry (written by tf alone) goes to tf's own code (``generate``), which reads
it with ``cryptography`` as before; a missing, damaged, expired or nearly expired one is removed first, so tf
writes a new certificate (tf itself would reuse one about to expire, and fail on some damaged ones).
The file holds a private key: it is written owner-only.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: A certificate this close to its end is renewed: Terraform must still trust it when it connects.
RENEW_BEFORE_SECONDS = 3600.0


def cached_or_new_certificate(
    cache_file: Path, generate: Callable[[], tuple[bytes, Any]]
) -> tuple[bytes, Any]:
    """The certificate chain (DER) and gRPC server credentials tf's runner serves with: from ``cache_file``
    when its recorded expiry is far enough, otherwise from ``generate`` (tf's cached-or-new certificate,
    which writes ``cache_file``), whose expiry is then recorded."""
    cached = _read(cache_file)
    if cached is not None and cached.get("not_valid_after", 0.0) > time.time() + RENEW_BEFORE_SECONDS:
        return _credentials(cached)
    if cached is None or "not_valid_after" in cached:
        _remove(cache_file)  # damaged, expired or nearly so: tf writes a new one (it would reuse the last)
    chain, credentials = generate()
    _record_expiry(cache_file)
    return chain, credentials


def _read(cache_file: Path) -> dict[str, Any] | None:
    try:
        cached = json.loads(cache_file.read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(cached, dict):
        return None
    if not all(isinstance(cached.get(k), str) for k in ("key_pem", "cert_pem", "cert_chain")):
        return None
    if not isinstance(cached.get("not_valid_after", 0.0), (int, float)):
        return None
    return cached


def _remove(cache_file: Path) -> None:
    try:
        cache_file.unlink(missing_ok=True)
    except OSError:
        pass


def _credentials(cached: dict[str, Any]) -> tuple[bytes, Any]:
    import base64

    import grpc

    return base64.b64decode(cached["cert_chain"]), grpc.ssl_server_credentials(
        private_key_certificate_chain_pairs=[(cached["key_pem"].encode(), cached["cert_pem"].encode())],
        require_client_auth=False,
    )


def _record_expiry(cache_file: Path) -> None:
    """Add the certificate's expiry to the cache tf just wrote; a cache that cannot be read or written stays
    as it is (the next start asks ``cryptography`` again)."""
    cached = _read(cache_file)
    if cached is None:
        return
    from cryptography import x509

    try:
        certificate = x509.load_pem_x509_certificate(cached["cert_pem"].encode())
    except ValueError:
        return
    cached["not_valid_after"] = certificate.not_valid_after_utc.timestamp()
    partial = cache_file.with_name(f"{cache_file.name}.{os.getpid()}.tmp")
    try:
        with open(os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600), "w") as f:
            json.dump(cached, f)
        os.replace(partial, cache_file)
    except OSError:
        partial.unlink(missing_ok=True)
