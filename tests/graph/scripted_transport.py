"""A requests transport adapter that answers from a script, for Graph client unit tests."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from typing import Any

import requests
from requests.adapters import BaseAdapter, HTTPAdapter
from urllib3.response import HTTPResponse


@dataclass
class Answer:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Sent:
    method: str
    url: str
    headers: dict[str, str]
    body: Any
    timeout: Any


class ScriptedAdapter(BaseAdapter):
    """Answers each request with the next scripted item: an :class:`Answer` or an exception to raise."""

    def __init__(self, *script: Answer | Exception) -> None:
        super().__init__()
        self.script = list(script)
        self.sent: list[Sent] = []
        self._builder = HTTPAdapter()

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        body = json.loads(request.body) if request.body else None
        self.sent.append(
            Sent(str(request.method), str(request.url), dict(request.headers), body, kwargs.get("timeout"))
        )
        if not self.script:
            raise AssertionError(f"unscripted request {request.method} {request.url}")
        item = self.script.pop(0)
        if isinstance(item, Exception):
            raise item
        if isinstance(item.body, (dict, list)):
            data = json.dumps(item.body).encode()
            headers = {"Content-Type": "application/json", **item.headers}
        else:
            data = (item.body or "").encode()
            headers = dict(item.headers)
        raw = HTTPResponse(
            body=io.BytesIO(data),
            headers=headers,
            status=item.status,
            preload_content=False,
            decode_content=False,
        )
        return self._builder.build_response(request, raw)

    def close(self) -> None:
        pass


class FakeTokens:
    """A token source that hands out numbered tokens and counts how often it was told to forget."""

    def __init__(self) -> None:
        self.issued = 0
        self.forgotten = 0
        self._current: str | None = None

    def token(self) -> str:
        if self._current is None:
            self.issued += 1
            self._current = f"token-{self.issued}"
        return self._current

    def forget(self) -> None:
        self.forgotten += 1
        self._current = None
