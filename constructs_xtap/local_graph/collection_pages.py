"""Server-driven paging of a collection: pages of a set size linked by ``@odata.nextLink`` with an opaque
``$skiptoken`` (graph-api.md §1.1 "Paging", §6.4; server.py assumption 15).

A token names the last item served (its key and position), signed with a key that lives only in this
object: a token is honoured only by the run that issued it and only until :meth:`expire_all`.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from constructs_xtap.local_graph.graph_error import GraphError

#: Graph's usual page size for directory collections; the partners list's own size is undocumented.
DEFAULT_PAGE_SIZE = 100
SKIPTOKEN = "$skiptoken"
_MAC_BYTES = 16


def expired_page_token() -> GraphError:
    """Return the 400 for a ``$skiptoken`` this server cannot honour [assumption: the code and message Graph
    answers for directory page tokens it no longer honours, as publicly reported against the SDKs]."""
    return GraphError(
        400,
        "Directory_ExpiredPageToken",
        "The specified page token value has expired and can no longer be included in your request.",
    )


@dataclass(frozen=True)
class Page:
    """Items ``start`` to ``stop`` (exclusive) of the collection; ``next_token`` is ``None`` on the last."""

    start: int
    stop: int
    next_token: str | None


class CollectionPages:
    """Cuts collections into pages of ``page_size`` items and issues and reads their ``$skiptoken``."""

    def __init__(self, page_size: int = DEFAULT_PAGE_SIZE) -> None:
        self._lock = threading.Lock()
        self._key = secrets.token_bytes(32)
        self._page_size = check_page_size(page_size)

    @property
    def page_size(self) -> int:
        """Items per page (at least 1)."""
        return self._page_size

    @page_size.setter
    def page_size(self, value: int) -> None:
        self._page_size = check_page_size(value)

    def expire_all(self) -> None:
        """Make every token issued so far answer ``400 Directory_ExpiredPageToken``."""
        with self._lock:
            self._key = secrets.token_bytes(32)

    def page(self, keys: Sequence[str], skiptoken: list[str] | None, scope: str = "") -> Page:
        """Return the page of ``keys`` (the collection's item keys, in order) that ``skiptoken`` points at.

        ``skiptoken`` is the query's ``$skiptoken`` values: ``None`` for the first page. Anything but one
        token issued by this object for the same ``scope`` (the tenant whose collection it is) since the last
        :meth:`expire_all` raises ``expired_page_token()``. If
        the last item served has since gone, the page starts where it was (nothing unserved is skipped
        when only it went); items added since are served on later pages.
        """
        start = 0 if skiptoken is None else self._start(keys, skiptoken, scope)
        stop = min(start + self._page_size, len(keys))
        next_token = self._issue(stop - 1, keys[stop - 1], scope) if stop < len(keys) else None
        return Page(start, stop, next_token)

    def _start(self, keys: Sequence[str], skiptoken: list[str], scope: str) -> int:
        if len(skiptoken) != 1:
            raise expired_page_token()
        index, key = self._read(skiptoken[0], scope)
        if key in keys:
            return keys.index(key) + 1
        return min(index, len(keys))

    def _mac(self, payload: bytes) -> bytes:
        with self._lock:
            return hmac.new(self._key, payload, hashlib.sha256).digest()[:_MAC_BYTES]

    def _issue(self, index: int, key: str, scope: str) -> str:
        payload = f"{scope}:{index}:{key}".encode()
        return (self._mac(payload) + payload).hex().upper()

    def _read(self, token: str, scope: str) -> tuple[int, str]:
        try:
            raw = bytes.fromhex(token)
        except ValueError:
            raise expired_page_token() from None
        mac, payload = raw[:_MAC_BYTES], raw[_MAC_BYTES:]
        if not payload or not hmac.compare_digest(mac, self._mac(payload)):
            raise expired_page_token()
        issued_for, _, rest = payload.decode().partition(":")
        if issued_for != scope:
            raise expired_page_token()
        index, _, key = rest.partition(":")
        return int(index), key


def check_page_size(value: int) -> int:
    """Return ``value`` if it is a usable page size (an ``int`` of at least 1), else raise ``ValueError``."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"the local Graph page size must be a whole number of at least 1, not {value!r}")
    return value
