"""The provider the process serves before it is built: built after the handshake, not before.

Terraform waits for a provider's handshake line before it sends anything. Building
:class:`~constructs_xtap.provider.provider.XtapProvider` imports tf's schema and every resource, which the
handshake does not need; this stand-in lets the process print the handshake first and build the provider
afterwards, while Terraform connects, or on the first call that needs it if that comes sooner: once, under a
lock, because gRPC serves calls in parallel threads. A build that fails is tried again by the next use.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


class DeferredProvider:
    """Forwards every attribute to the provider ``build`` returns, calling ``build`` on first use only."""

    def __init__(self, build: Callable[[], Any]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._provider: Any = None

    def provider(self) -> Any:
        """The real provider, built now if this is the first use."""
        if self._provider is None:
            with self._lock:
                if self._provider is None:
                    self._provider = self._build()
        return self._provider

    def __getattr__(self, name: str) -> Any:
        # Called only for names this object lacks: everything the servicer asks the provider for.
        return getattr(self.provider(), name)
