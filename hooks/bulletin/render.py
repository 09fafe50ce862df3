"""Tables as HTML inside the Markdown page, every value escaped.

HTML rather than a Markdown pipe table: a `|`, `*` or `<` in a name cannot break the table or
inject markup, because Python-Markdown passes a raw HTML block through untouched and we escape
every text ourselves. Material styles it like any Markdown table (`table:not([class])`).
"""

from __future__ import annotations

import re
from html import escape

from .tables import Cell, Table

# Characters Python-Markdown gives a meaning to in a line of text; a backslash makes them literal.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>])")

EMPTY_NOTE = "本期未填報{title}數據。"


def render_table(table: Table) -> str:
    """One raw HTML block: no blank line inside, so Markdown keeps it whole."""
    if not table.rows:
        return f'<p class="bulletin-empty">{escape(EMPTY_NOTE.format(title=table.title))}</p>'
    parts = [f'<table data-bulletin-table="{escape(table.key)}">',
             f"<caption>{escape(table.title)}</caption>", "<thead><tr>"]
    for column in table.columns:
        parts.append(f"<th{_align(column.numeric)}>{escape(column.header)}</th>")
    parts.append("</tr></thead><tbody>")
    for row in table.rows:
        parts.append(_row(table, row))
    if table.total is not None:
        parts.append(_row(table, table.total, total=True))
    parts.append("</tbody></table>")
    html = "\n".join(parts)
    for note in table.notes:
        html += f'\n<p class="bulletin-note"><small>{escape(note)}</small></p>'
    return html


def markdown_text(text: str) -> str:
    """Text for a Markdown line (a heading) that renders as exactly these characters."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escape(text, quote=False)).replace("\n", " ")


def _row(table: Table, cells: tuple[Cell, ...], total: bool = False) -> str:
    tds = []
    for column, cell in zip(table.columns, cells, strict=True):
        text = escape(cell.text)
        tds.append(f"<td{_align(column.numeric)}>{'<strong>' + text + '</strong>' if total else text}</td>")
    attribute = ' class="bulletin-total"' if total else ""
    return f"<tr{attribute}>{''.join(tds)}</tr>"


def _align(numeric: bool) -> str:
    return ' style="text-align: right"' if numeric else ""
