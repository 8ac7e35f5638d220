"""Scripted faults (issue 4 item 1): answers, resets and delays queued by method and path prefix."""

from __future__ import annotations

import copy
import threading
from dataclasses import dataclass, field
from typing import Any

ACTIONS = ("reset", "commit_then_reset")


class FaultError(ValueError):
    """A fault specification that cannot be queued; the message names the fault and the fix."""


@dataclass
class Fault:
    """One queued fault, answered ``times`` more times to requests matching ``method`` and ``path``."""

    method: str | None
    path: str
    times: int
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    has_body: bool = False
    action: str | None = None
    delay: float = 0.0

    def matches(self, method: str, path: str) -> bool:
        """Method (case-insensitive, ``None``/``*`` = any) and path prefix (case-insensitive) match."""
        if self.method is not None and self.method != method.upper():
            return False
        return path.lower().startswith(self.path.lower())

    def describe(self) -> dict[str, Any]:
        """Return the fault as the HTTP API shows it."""
        shown: dict[str, Any] = {"method": self.method, "path": self.path, "times": self.times}
        if self.status is not None:
            shown["status"] = self.status
            shown["headers"] = dict(self.headers)
            if self.has_body:
                shown["body"] = copy.deepcopy(self.body)
        if self.action is not None:
            shown["action"] = self.action
        if self.delay:
            shown["delay"] = self.delay
        return shown


def parse_fault(index: int, spec: Any) -> Fault:
    """Build a ``Fault`` from one item of ``{"faults": [...]}``; raise ``FaultError`` naming what is wrong."""
    where = f"faults[{index}]"
    if not isinstance(spec, dict):
        raise FaultError(f"{where} must be a JSON object, got {spec!r}")
    known = {"method", "path", "times", "status", "headers", "body", "action", "delay"}
    unknown = sorted(set(spec) - known)
    if unknown:
        raise FaultError(f"{where} has unknown member(s) {unknown}; allowed: {sorted(known)}")
    method = spec.get("method")
    if method is not None and not isinstance(method, str):
        raise FaultError(f'{where}.method must be an HTTP method such as "POST", got {method!r}')
    method = None if method in (None, "*") else method.upper()
    path = spec.get("path", "/")
    if not isinstance(path, str) or not path.startswith("/"):
        raise FaultError(f"{where}.path must be a path prefix starting with '/', got {path!r}")
    times = spec.get("times", 1)
    if isinstance(times, bool) or not isinstance(times, int) or times < 1:
        raise FaultError(f"{where}.times must be a whole number of at least 1, got {times!r}")
    status = spec.get("status")
    if status is not None and (
        isinstance(status, bool) or not isinstance(status, int) or not 100 <= status <= 599
    ):
        raise FaultError(f"{where}.status must be an HTTP status code (100-599), got {status!r}")
    headers = spec.get("headers", {})
    if not isinstance(headers, dict) or not all(isinstance(k, str) for k in headers):
        raise FaultError(f"{where}.headers must be an object of header names to values, got {headers!r}")
    action = spec.get("action")
    if action is not None and action not in ACTIONS:
        raise FaultError(f"{where}.action must be one of {list(ACTIONS)}, got {action!r}")
    delay = spec.get("delay", 0)
    if isinstance(delay, bool) or not isinstance(delay, int | float) or delay < 0:
        raise FaultError(f"{where}.delay must be a number of seconds >= 0, got {delay!r}")
    if status is not None and action is not None:
        raise FaultError(
            f"{where} has both status and action; a fault either answers or closes the connection"
        )
    if status is None and action is None and not delay:
        raise FaultError(
            f"{where} does nothing: give a status, an action ({' or '.join(ACTIONS)}) or a delay"
        )
    if (headers or "body" in spec) and status is None:
        raise FaultError(f"{where}.headers and .body need a status to answer with")
    return Fault(
        method=method,
        path=path,
        times=times,
        status=status,
        headers={k: str(v) for k, v in headers.items()},
        body=spec.get("body"),
        has_body="body" in spec,
        action=action,
        delay=float(delay),
    )


def parse_faults(payload: Any) -> list[Fault]:
    """Parse the body of ``POST /_xtap/faults``: ``{"faults": [...]}``."""
    if not isinstance(payload, dict) or not isinstance(payload.get("faults"), list):
        raise FaultError('the body must be {"faults": [ ... ]}')
    return [parse_fault(index, spec) for index, spec in enumerate(payload["faults"])]


class FaultQueue:
    """Faults in the order queued; the first one matching a request is used and counted down."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, faults: list[Fault]) -> None:
        """Queue faults behind those already queued."""
        with self._lock:
            self._faults.extend(faults)

    def clear(self) -> None:
        """Drop every queued fault."""
        with self._lock:
            self._faults.clear()

    def take(self, method: str, path: str) -> Fault | None:
        """Return the fault that answers this request (counting one use of it), or ``None``."""
        with self._lock:
            for fault in self._faults:
                if fault.matches(method, path):
                    fault.times -= 1
                    if fault.times == 0:
                        self._faults.remove(fault)
                    return copy.deepcopy(fault)
            return None

    def pending(self) -> list[dict[str, Any]]:
        """Return the queued faults with their remaining counts."""
        with self._lock:
            return [fault.describe() for fault in self._faults]
