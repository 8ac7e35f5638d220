"""Read each format of ``xtap show`` back into ``{row label or tenant id: {column key: cell text}}``."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from constructs_xtap.wire import SETTING_COLUMNS

KEYS = [c.key for c in SETTING_COLUMNS]


def json_cells(text: str) -> dict[str, dict[str, str]]:
    """Rows keyed by tenant id (``"default"`` for the default)."""
    document = json.loads(text)
    rows = [document["default"], *document["partners"]]
    return {(r["tenantId"] or "default"): {k: c["text"] for k, c in r["cells"].items()} for r in rows}


def markdown_cells(text: str) -> dict[str, dict[str, str]]:
    """Rows keyed by label (``default``, ``Fabrikam (3d0f5dec…)``)."""
    rows = {}
    for line in text.splitlines():
        if line.startswith("| **"):
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            rows[cells[0].strip("*")] = dict(zip(KEYS, cells[1:], strict=True))
    return rows


def table_cells(text: str) -> dict[str, dict[str, str]]:
    """Rows of an unwrapped rich table (wide enough), keyed by label."""
    rows = {}
    for line in text.splitlines():
        if line.startswith("│"):
            cells = [c.strip() for c in line.strip().strip("│").split("│")]
            if cells[0] != "tenant":
                rows[cells[0]] = dict(zip(KEYS, cells[1:], strict=True))
    return rows


class _Grid(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        if tag == "td":
            self.rows[-1].append(dict(attrs).get("title") or "")


def html_cells(text: str) -> dict[str, dict[str, str]]:
    """Rows keyed by tenant id (``default``): each cell's text is the first line of its title."""
    grid = _Grid()
    grid.feed(text)
    tenants = [r for r in grid.rows if r]
    # The first td of a row is the tenant (no title); the id is in its <small>, read from the order below.
    ids = [line.split("<small>")[1].split("</small>")[0] for line in text.splitlines() if "<small>" in line]
    return {
        ("default" if i == 0 else ids[i]): dict(zip(KEYS, [t.split("\n")[0] for t in row[1:]], strict=True))
        for i, row in enumerate(tenants)
    }
