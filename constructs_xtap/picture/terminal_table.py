"""render_terminal_table: the picture as a colour-coded ``rich`` table for a terminal."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from constructs_xtap.picture.access_cell import INHERITED, PARTLY_INHERITED
from constructs_xtap.picture.access_picture import AccessPicture
from constructs_xtap.picture.flag_cell import FlagCell
from constructs_xtap.wire.setting_columns import SETTING_COLUMNS

#: A cell's verdict -> its rich style.
VERDICT_STYLES = {
    "allowed": "green",
    "limited": "yellow",
    "blocked": "red",
    "yes": "cyan",
    "no": "",
    "none": "",
    "unknown": "magenta",
}


def picture_table(picture: AccessPicture) -> Table:
    """A ``rich.table.Table``: one row per tenant (the default first), one column per :data:`SETTING_COLUMNS`
    entry; each cell's text in its verdict's colour, inherited values dimmed."""
    table = Table(title=f"Effective cross-tenant access ({picture.source})", show_lines=True)
    table.add_column("tenant", style="bold", no_wrap=False)
    for column in SETTING_COLUMNS:
        table.add_column(column.title)
    for row in picture.rows:
        cells: list[Text] = []
        for column in SETTING_COLUMNS:
            cell = row.cells[column.key]
            style = VERDICT_STYLES.get(cell.verdict, "")
            if cell.source in (INHERITED, PARTLY_INHERITED) or (
                isinstance(cell, FlagCell) and not cell.value
            ):
                style = f"{style} dim".strip()
            cells.append(Text(cell.text, style=style))
        table.add_row(Text(row.label), *cells)
    return table


def render_terminal_table(picture: AccessPicture, *, width: int = 200, color: bool = False) -> str:
    """The table as text ``width`` columns wide, with ANSI colours when ``color``."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, force_terminal=color, color_system="standard" if color else None
    )
    console.print(picture_table(picture))
    return buffer.getvalue()
