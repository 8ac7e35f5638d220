"""The local Graph's TLS certificate: a throwaway trustme CA and a leaf for 127.0.0.1 and localhost."""

from __future__ import annotations

import ssl
from pathlib import Path

import trustme


def server_context(ca_path: Path) -> ssl.SSLContext:
    """Return a server ``SSLContext`` with a fresh leaf; write the CA clients must trust to ``ca_path``."""
    ca = trustme.CA(organization_name="constructs-xtap local Graph")
    leaf = ca.issue_cert("127.0.0.1", "localhost")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    leaf.configure_cert(context)
    ca_path.parent.mkdir(parents=True, exist_ok=True)
    ca.cert_pem.write_to_path(str(ca_path))
    return context
