"""render_markdown_table: the picture as a GitHub-flavoured Markdown table."""

from __future__ import annotations

from constructs_xtap.picture.access_picture import AccessPicture
from constructs_xtap.wire.setting_columns import SETTING_COLUMNS


def markdown_cell(text: str) -> str:
    """``text`` safe inside a Markdown table cell (pipes escaped, line breaks as spaces)."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render_markdown_table(picture: AccessPicture) -> str:
    """A heading naming the source, then one table: a row per tenant (the default first), a column per
    :data:`SETTING_COLUMNS` entry, each cell its text (``inherited (…)`` for a partner's inherited value)."""
    lines = [
        f"### Effective cross-tenant access ({markdown_cell(picture.source)})",
        "",
        "| tenant | " + " | ".join(c.title for c in SETTING_COLUMNS) + " |",
        "|---|" + "---|" * len(SETTING_COLUMNS),
    ]
    for row in picture.rows:
        texts = [markdown_cell(row.cells[c.key].text) for c in SETTING_COLUMNS]
        lines.append(f"| **{markdown_cell(row.label)}** | " + " | ".join(texts) + " |")
    return "\n".join(lines) + "\n"
