"""Entry point of the provider process Terraform starts (console script ``terraform-provider-xtap``).

It serves the provider over Terraform's plugin protocol with
:mod:`~constructs_xtap.provider.plugin_server`, which does what the stock ``tf`` runner does
(toolchain-recipes.md §3.3) except:

* SIGINT is ignored, as Go providers do: Ctrl-C reaches the whole process group, and Terraform itself
  decides how to stop. Otherwise Python's KeyboardInterrupt kills in-flight creates, orphaning partners.
* StopProvider does not stop the gRPC server: Terraform sends it on interrupt and then waits for in-flight
  operations, whose results must reach state. go-plugin's Shutdown still stops the server.
* The servicer is :class:`~constructs_xtap.provider.plugin_servicer.XtapServicer`, which warns on a
  plan that writes when the provider's token lacks the write permission.
* tf caches its go-plugin TLS key under ``~/.cache``; it goes under the virtual environment instead
  (or a private temporary directory if that is read-only), so nothing is written to the user's home.
  Its expiry is kept beside it, so a start with a valid certificate does not import ``cryptography``
  (:mod:`~constructs_xtap.provider.plugin_certificate`).

The process imports only what the handshake needs (``grpc``): tf's protocol modules and the provider (its
resources) load after the handshake, while Terraform connects (:mod:`~constructs_xtap.provider.plugin_server`,
:mod:`~constructs_xtap.provider.deferred_provider`); the Graph client's HTTP libraries load only when a call
needs Graph.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any


def _cert_cache_dir() -> Path:
    preferred = Path(sys.prefix) / "var" / "constructs-xtap" / "tf-python-provider"
    try:
        preferred.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.access(preferred, os.W_OK):
            return preferred
    except OSError:
        pass
    import tempfile

    return Path(tempfile.mkdtemp(prefix="xtap-provider-"))


def _certificate() -> tuple[bytes, Any]:
    """go-plugin's TLS certificate chain and server credentials, from our cache or made by tf."""
    from constructs_xtap.provider.plugin_certificate import cached_or_new_certificate

    cache_file = _cert_cache_dir() / "ssl_cert.json"

    def generate() -> tuple[bytes, Any]:
        import tf.runner as runner  # its protocol modules too: a first start, or a certificate to renew

        runner._get_cert_cache_path = lambda: cache_file
        return runner._self_signed_cert()

    return cached_or_new_certificate(cache_file, generate)


def _log_to_terraform() -> None:
    """With TF_LOG set, our debug lines (method, path, status, request-id; no headers) reach Terraform."""
    if not os.environ.get("TF_LOG"):
        return
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("[DEBUG] %(name)s: %(message)s"))
    logger = logging.getLogger("constructs_xtap")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)


def main() -> None:
    """Serve the provider over Terraform's plugin protocol until Terraform shuts it down."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _log_to_terraform()

    from constructs_xtap.provider.deferred_provider import DeferredProvider
    from constructs_xtap.provider.plugin_server import serve

    provider = DeferredProvider(_new_provider)
    serve(provider, _certificate, sys.argv, prepare=provider.provider)


def _new_provider() -> Any:
    """The provider Terraform talks to, built on its first call."""
    from constructs_xtap.provider.provider import XtapProvider

    return XtapProvider()


if __name__ == "__main__":
    main()
