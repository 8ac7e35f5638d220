"""The one place the provider waits for Graph to become consistent: polling with a deadline.

Resources never sleep on their own; they hand a check to :func:`wait_until`, which repeats it with growing
pauses until it yields a result or the deadline passes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

T = TypeVar("T")


class ConsistencyTimeout(Exception):
    """Graph did not reach the awaited state before the deadline."""

    def __init__(self, what: str, timeout: float, attempts: int) -> None:
        super().__init__(f"{what} did not happen within {timeout:g} s ({attempts} checks)")
        self.what = what
        self.timeout = timeout
        self.attempts = attempts


@dataclass
class Waits:
    """How long the provider waits for Graph to settle, in seconds."""

    #: A re-create right after a delete: Graph may answer 409 until the delete has propagated.
    conflict_after_delete: float = 120.0
    #: Reading back an update until Graph shows it.
    read_back: float = 60.0
    first_interval: float = 1.0
    max_interval: float = 10.0

    def bounded_by(self, seconds: float) -> Waits:
        """These waits, none longer than ``seconds`` (the provider's ``timeout_seconds``)."""
        return replace(
            self,
            conflict_after_delete=min(self.conflict_after_delete, seconds),
            read_back=min(self.read_back, seconds),
        )


def wait_until(
    check: Callable[[], T | None],
    *,
    what: str,
    timeout: float,
    first_interval: float = 1.0,
    max_interval: float = 10.0,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> T:
    """Call ``check`` until it returns something other than ``None``; raise :class:`ConsistencyTimeout`.

    Exceptions from ``check`` propagate at once: only "not yet" is waited out.
    """
    deadline = clock() + timeout
    interval = first_interval
    attempts = 0
    while True:
        attempts += 1
        result = check()
        if result is not None:
            return result
        if clock() + interval > deadline:
            raise ConsistencyTimeout(what, timeout, attempts)
        sleep(interval)
        interval = min(interval * 2, max_interval)
