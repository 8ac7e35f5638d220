"""Entry point of the provider process Terraform starts (console script ``terraform-provider-xtap``).

Four adjustments to the stock ``tf`` runner (toolchain-recipes.md §3.3):

* SIGINT is ignored, as Go providers do: Ctrl-C reaches the whole process group, and Terraform itself
  decides how to stop. Otherwise Python's KeyboardInterrupt kills in-flight creates, orphaning partners.
* StopProvider no longer stops the gRPC server at once: Terraform sends it on interrupt and then waits
  for in-flight operations, whose results must reach state. go-plugin's Shutdown still stops the server.
* The servicer is :class:`~constructs_xtap.provider.plugin_servicer.XtapServicer`, which warns on a
  plan that writes when the provider's token lacks the write permission.
* tf caches its go-plugin TLS key under ``~/.cache``; it goes under the virtual environment instead
  (or a private temporary directory if that is read-only), so nothing is written to the user's home.
  Its expiry is kept beside it, so a start with a valid certificate does not import ``cryptography``
  (:mod:`~constructs_xtap.provider.plugin_certificate`).

The process imports only what the handshake needs: the provider itself (the Graph client, the resources)
is built on Terraform's first call (:mod:`~constructs_xtap.provider.deferred_provider`).
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any

_STOP_PROVIDER = "/tfplugin6.Provider/StopProvider"


def _cert_cache_dir() -> Path:
    preferred = Path(sys.prefix) / "var" / "constructs-xtap" / "tf-python-provider"
    try:
        preferred.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.access(preferred, os.W_OK):
            return preferred
    except OSError:
        pass
    return Path(tempfile.mkdtemp(prefix="xtap-provider-"))


def _patch_tf_runner() -> None:
    import tf.runner as runner

    if getattr(runner, "_xtap_patched", False):
        return
    runner._xtap_patched = True
    original = runner._ShutdownInterceptor.intercept_service

    def intercept_service(self: Any, continuation: Any, handler_call_details: Any) -> Any:
        if handler_call_details.method == _STOP_PROVIDER:
            return continuation(handler_call_details)  # answer it, but keep serving in-flight calls
        return original(self, continuation, handler_call_details)

    runner._ShutdownInterceptor.intercept_service = intercept_service

    import tf.provider

    from constructs_xtap.provider.plugin_servicer import XtapServicer

    tf.provider.ProviderServicer = XtapServicer  # run_provider imports the name when it starts serving

    from constructs_xtap.provider.plugin_certificate import cached_or_new_certificate

    cache_file = _cert_cache_dir() / "ssl_cert.json"
    runner._get_cert_cache_path = lambda: cache_file
    generate = runner._self_signed_cert
    runner._self_signed_cert = lambda: cached_or_new_certificate(cache_file, generate)


def _log_to_terraform() -> None:
    """With TF_LOG set, our debug lines (method, path, status, request-id; no headers) reach Terraform."""
    if not os.environ.get("TF_LOG"):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("[DEBUG] %(name)s: %(message)s"))
    logger = logging.getLogger("constructs_xtap")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)


def main() -> None:
    """Serve the provider over Terraform's plugin protocol until Terraform shuts it down."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _patch_tf_runner()
    _log_to_terraform()

    from tf.runner import run_provider

    from constructs_xtap.provider import refined_unknowns
    from constructs_xtap.provider.deferred_provider import DeferredProvider

    refined_unknowns.install()  # before any request is decoded, whichever call comes first
    run_provider(DeferredProvider(_new_provider), sys.argv)


def _new_provider() -> Any:
    """The provider Terraform talks to, built on its first call."""
    from constructs_xtap.provider.provider import XtapProvider

    return XtapProvider()


if __name__ == "__main__":
    main()
