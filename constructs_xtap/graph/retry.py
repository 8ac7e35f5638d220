"""The retry policy: urllib3's ``Retry`` with the two changes Graph needs.

Why a subclass (urllib3 2.8.0, checked by running it):

* ``Retry.parse_retry_after`` accepts only whole seconds or an HTTP date. Graph sends fractional seconds
  (``Retry-After: 2.128``, graph-api.md §3.3 item 7), for which urllib3 raises ``InvalidHeader``. We read a
  non-negative decimal number as seconds and leave everything else to urllib3. An unparseable header falls
  back to backoff instead of failing the request.
* ``Retry.get_backoff_time`` returns 0 for the first retry, so a 503 without ``Retry-After`` would be
  retried at once. Graph's guidance is exponential backoff, so the first retry already waits
  ``backoff_factor`` (plus jitter).

Everything else (status list, allowed methods, history, jitter, caps) is urllib3's own.
"""

from __future__ import annotations

import random
import re
from itertools import takewhile

from urllib3.exceptions import InvalidHeader
from urllib3.response import BaseHTTPResponse
from urllib3.util.retry import Retry

RETRY_STATUSES: frozenset[int] = frozenset({429, 500, 502, 503, 504})

_DECIMAL_SECONDS = re.compile(r"^\s*(?:[0-9]+\.?[0-9]*|\.[0-9]+)\s*$")


class GraphRetry(Retry):
    """urllib3 ``Retry`` that reads fractional ``Retry-After`` and backs off from the first retry."""

    def parse_retry_after(self, retry_after: str) -> float:
        if _DECIMAL_SECONDS.match(retry_after):
            return min(max(float(retry_after), 0.0), float(self.retry_after_max))
        return super().parse_retry_after(retry_after)

    def get_retry_after(self, response: BaseHTTPResponse) -> float | None:
        try:
            return super().get_retry_after(response)
        except InvalidHeader:
            return None  # a garbled header must not fail the request: back off instead

    def get_backoff_time(self) -> float:
        consecutive = len(list(takewhile(lambda h: h.redirect_location is None, reversed(self.history))))
        if consecutive == 0:
            return 0.0
        value = self.backoff_factor * (2 ** (consecutive - 1))
        if self.backoff_jitter:
            value += random.random() * self.backoff_jitter
        return float(max(0.0, min(self.backoff_max, value)))


#: What every Graph call's policy fixes, whatever the settings: only ``total`` counts tries (no separate
#: connect, read, status or other budget), a redirect is never followed (the token goes to Graph only),
#: methods are not filtered (the client decides per call whether a request may be replayed: a keyed POST is
#: safe to replay while a generic one is not), ``Retry-After`` is honoured, and the last answer is returned
#: rather than raised so that the client reads Graph's error envelope.
FIXED_POLICY: dict[str, object] = {
    "connect": None,
    "read": None,
    "redirect": 0,
    "status": None,
    "other": None,
    "allowed_methods": None,
    "status_forcelist": RETRY_STATUSES,
    "respect_retry_after_header": True,
    "raise_on_status": False,
    "raise_on_redirect": False,
}


def graph_retry(
    *, max_tries: int, backoff_factor: float, backoff_max: float, backoff_jitter: float
) -> GraphRetry:
    """The policy for one Graph call: ``max_tries`` attempts in all, retrying :data:`RETRY_STATUSES`, with
    :data:`FIXED_POLICY`."""
    return GraphRetry(
        total=max_tries - 1,
        backoff_factor=backoff_factor,
        backoff_max=backoff_max,
        backoff_jitter=backoff_jitter,
        **FIXED_POLICY,  # type: ignore[arg-type]
    )
