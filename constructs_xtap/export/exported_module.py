"""The exporter's result: the module's source and what it could not express."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportedModule:
    """``source``: the Python module (not yet formatted). ``notes``: one line per value written as a
    comment instead of code, and per thing that could not be read, for stderr. ``partners``: how many
    partners the stack declares."""

    source: str
    notes: tuple[str, ...]
    partners: int
