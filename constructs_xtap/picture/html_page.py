"""render_html_page: the picture as one self-contained HTML page, a colour-coded grid (no network)."""

from __future__ import annotations

from html import escape
from itertools import groupby

from constructs_xtap.picture.access_cell import AccessCell
from constructs_xtap.picture.access_picture import AccessPicture
from constructs_xtap.picture.flag_cell import FlagCell
from constructs_xtap.wire.setting_columns import SETTING_COLUMNS

_STYLE = """
body { font: 14px/1.35 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #1f2328; }
h1 { font-size: 20px; margin: 0 0 4px; }
p.source { color: #59636e; margin: 0 0 16px; }
table { border-collapse: separate; border-spacing: 3px; }
th { background: #f6f8fa; padding: 6px 8px; font-weight: 600; text-align: center; vertical-align: bottom; }
th.group { background: #d0d7de; }
th.tenant { text-align: left; min-width: 170px; }
td { padding: 6px 8px; vertical-align: top; min-width: 110px; max-width: 190px; border-radius: 4px; }
td.tenant { background: #f6f8fa; font-weight: 600; }
td.tenant small { display: block; font-weight: 400; color: #59636e; font-family: ui-monospace, monospace; }
.allowed { background: #2da44e; color: #fff; }
.limited { background: #d4a72c; color: #1f2328; }
.blocked { background: #cf222e; color: #fff; }
.yes { background: #0969da; color: #fff; }
.no, .none { background: #eaeef2; color: #59636e; }
.unknown { background: #8250df; color: #fff; }
.inherited { opacity: .55; background-image: repeating-linear-gradient(45deg, transparent 0 6px,
  rgba(255,255,255,.28) 6px 12px); }
td .source { display: block; font-size: 11px; text-transform: uppercase; opacity: .85; }
tr.default td { border-bottom: 3px solid #1f2328; }
.legend { margin-top: 16px; display: flex; gap: 10px; flex-wrap: wrap; }
.legend span { padding: 3px 8px; border-radius: 4px; font-size: 12px; }
"""

_LEGEND = (
    ("allowed", "allowed for all users to all applications"),
    ("limited", "allowed for some users or applications"),
    ("blocked", "blocked for all users"),
    ("yes", "trusted / allowed"),
    ("no", "not trusted / off"),
    ("unknown", "not known"),
    ("allowed inherited", "faded, striped: inherited from the default"),
)


def _cell(cell: AccessCell | FlagCell) -> str:
    classes = [cell.verdict]
    if cell.source in ("inherited", "partly inherited"):
        classes.append("inherited")
    title = cell.text
    if isinstance(cell, AccessCell):
        members = [("users", cell.users), ("applications", cell.applications)]
        title += "".join(
            f"\n{name}: {rule.access} "
            + (", ".join(t for t, _ in rule.targets) or "(none)")
            + (" (inherited)" if rule.inherited else "")
            for name, rule in members
            if rule is not None
        )
    return (
        f'<td class="{" ".join(classes)}" title="{escape(title)}">{escape(cell.summary)}'
        f'<span class="source">{escape(cell.source)}</span></td>'
    )


def render_html_page(picture: AccessPicture) -> str:
    """A complete HTML document: a header row of setting groups, a row of settings, then one row per
    tenant (the default first); cells coloured by verdict (green allowed, amber limited, red blocked, blue
    yes, grey no) and faded and striped when inherited. Styles are inline; nothing is fetched."""
    groups = "".join(
        f'<th class="group" colspan="{len(list(columns))}">{escape(group)}</th>'
        for group, columns in groupby(SETTING_COLUMNS, key=lambda c: c.group)
    )
    titles = "".join(f"<th>{escape(c.title)}</th>" for c in SETTING_COLUMNS)
    rows = []
    for row in picture.rows:
        name = escape(row.name or ("default" if row.tenant_id is None else row.tenant_id))
        detail = escape(row.tenant_id or "every tenant without partner settings")
        cells = "".join(_cell(row.cells[c.key]) for c in SETTING_COLUMNS)
        css = ' class="default"' if row.tenant_id is None else ""
        rows.append(f'<tr{css}><td class="tenant">{name}<small>{detail}</small></td>{cells}</tr>')
    legend = "".join(f'<span class="{escape(css)}">{escape(text)}</span>' for css, text in _LEGEND)
    body = "\n".join(rows)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Effective cross-tenant access</title>
<style>{_STYLE}</style>
</head>
<body>
<h1>Effective cross-tenant access</h1>
<p class="source">{escape(picture.source)} &middot; {len(picture.partners)} partner(s)</p>
<table>
<thead>
<tr><th class="tenant" rowspan="2">tenant</th>{groups}</tr>
<tr>{titles}</tr>
</thead>
<tbody>
{body}
</tbody>
</table>
<div class="legend">{legend}</div>
</body>
</html>
"""
