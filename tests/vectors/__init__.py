"""The documented Graph request/response examples (graph-api.md §5) that the tests compare against."""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path
from typing import Any

VECTORS_FILE = Path(__file__).with_name("graph-api-vectors.json")


@functools.cache
def _parsed() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(VECTORS_FILE.read_text(encoding="utf-8"))
    return data


def documented_vectors() -> dict[str, Any]:
    """Every vector by name; a fresh copy, so no test can change what another one reads."""
    return copy.deepcopy(_parsed())


def documented_vector(name: str) -> dict[str, Any]:
    """One vector (``method``, ``url``, ``requestBody``, ``status``, ``responseBody``, ...)."""
    return documented_vectors()[name]
