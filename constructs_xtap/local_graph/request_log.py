"""The log of requests the local Graph served, for tests that count calls (``GET /_xtap/requests``)."""

from __future__ import annotations

import threading
from typing import Any


class RequestLog:
    """Served requests as ``{"method", "path", "status"}``; ``status`` is ``None`` when the connection was
    closed without an answer (``reset`` and ``commit_then_reset`` faults)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: list[dict[str, Any]] = []

    def record(self, method: str, path: str, status: int | None) -> None:
        """Append one served request."""
        with self._lock:
            self._entries.append({"method": method, "path": path, "status": status})

    def entries(self) -> list[dict[str, Any]]:
        """Return a copy of the log, oldest first."""
        with self._lock:
            return [dict(entry) for entry in self._entries]

    def clear(self) -> None:
        """Forget every served request."""
        with self._lock:
            self._entries.clear()
