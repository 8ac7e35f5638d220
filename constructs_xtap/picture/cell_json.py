"""cell_json: the stable JSON of one cell of the picture, whatever its kind."""

from __future__ import annotations

from typing import Any, Protocol


class _Cell(Protocol):
    @property
    def source(self) -> str: ...
    @property
    def summary(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def verdict(self) -> str: ...


def cell_json(cell: _Cell, **members: Any) -> dict[str, Any]:
    """``{"source", "summary", "text", "verdict"}`` of ``cell`` and the cell's own ``members``, keys
    sorted (``xtap show --format json`` documents them so)."""
    shared = {"source": cell.source, "summary": cell.summary, "text": cell.text, "verdict": cell.verdict}
    return dict(sorted({**shared, **members}.items()))
