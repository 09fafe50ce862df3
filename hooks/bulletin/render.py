"""Tables as HTML inside the Markdown page, every value escaped.

HTML rather than a Markdown pipe table: a `|`, `*` or `<` in a name cannot break the table or
inject markup, because Python-Markdown passes a raw HTML block through untouched and we escape
every text ourselves. Material styles it like any Markdown table (`table:not([class])`).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field, replace
from html import escape

from .saved_names import saved_name
from .tables import Cell, Column, Table
from .urls import relative_url

# Characters Python-Markdown gives a meaning to in a line of text; a backslash makes them literal.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>])")

EMPTY_NOTE = "本期未填報{title}數據。"
_TO_ESCAPE = re.compile(r"[&<>\"']")  # what html.escape replaces


@dataclass(frozen=True)
class PageContext:
    """Where a table is rendered: links in cells are made relative to this page."""

    src_uri: str
    directory_urls: bool = True
    # Each target's href, worked out once per page: a year page links every report from each of
    # its fifteen comparisons, a unit page its reports from every history table.
    _hrefs: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def href(self, target_src: str) -> str:
        href = self._hrefs.get(target_src)
        if href is None:
            href = self._hrefs[target_src] = relative_url(self.src_uri, target_src, self.directory_urls)
        return href


def render_table(table: Table, page: PageContext | None = None, download: str | None = None,
                 saved_as: tuple[str, ...] = ()) -> str:
    """One raw HTML block: no blank line inside, so Markdown keeps it whole.

    `download` is the docs path of the table's CSV, linked under the table; it is saved as
    `saved_as` and the table's title (`2021-宣城車間工會-看望慰問.csv`, archive_downloads.py).
    """
    aside = ""
    if table.aside is not None:  # its CSV beside this one's: downloads/<page>/awards-apart.csv
        aside_download = None if download is None else posixpath.join(posixpath.dirname(download), f"{table.aside.key}.csv")
        aside = "\n" + render_table(replace(table.aside, key=f"{table.key}-apart"), page, aside_download, saved_as)
    if not table.rows:
        if aside:  # only set-apart records (nominations): nothing to say about the empty main table
            return aside.lstrip("\n")
        return f'<p class="bulletin-empty">{escape(EMPTY_NOTE.format(title=table.title))}</p>'
    # tabindex: a table wider than a phone scrolls in its frame, and keyboard users must reach it.
    parts = [f'<table data-bulletin-table="{escape(table.key)}" tabindex="0">',
             f"<caption>{escape(table.title)}</caption>", "<thead><tr>"]
    for column in table.columns:
        parts.append(f"<th{_cell_attributes(column)}>{escape(column.header)}</th>")
    parts.append("</tr></thead><tbody>")
    # Each column's opening tag, without and with a link, made once per table rather than per cell.
    openings = [(f"<td{_cell_attributes(column)}>", f"<td{_cell_attributes(column, linked=True)}>")
                for column in table.columns]
    for row in table.rows:
        parts.append(_row(openings, row, page))
    for total in ([table.total] if table.total is not None else []) + list(table.group_totals):
        parts.append(_row(openings, total, page, total=True))
    parts.append("</tbody></table>")
    html = "\n".join(parts)
    for note in table.notes:
        html += f'\n<p class="bulletin-note"><small>{escape(note)}</small></p>'
    if download is not None and page is not None:
        html += (f'\n<p class="bulletin-download" data-search-exclude><small><a href="{escape(page.href(download))}" download="{escape(saved_name(*saved_as, table.title))}">'
                 f"下載 CSV：{escape(table.title)}</a></small></p>")
    return html + aside


def markdown_text(text: str) -> str:
    """Text for a Markdown line (a heading) that renders as exactly these characters."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escape(text, quote=False)).replace("\n", " ")


def _row(openings: list[tuple[str, str]], cells: tuple[Cell, ...], page: PageContext | None,
         total: bool = False) -> str:
    """One row; `openings` holds each column's <td> without and with a link (see render_table)."""
    tds = []
    for (plain, linked), cell in zip(openings, cells, strict=True):
        text = cell.text
        if _TO_ESCAPE.search(text):  # most cells are figures and names, with nothing to escape
            text = escape(text)
        if cell.link is None:
            opening = plain
        else:
            opening = linked
            if page is not None:
                text = f'<a href="{escape(page.href(cell.link))}">{text}</a>'
        tds.append(f"{opening}<strong>{text}</strong></td>" if total else f"{opening}{text}</td>")
    # Whitespace between cells: the search index strips tags, and 9 beside 349 must not become 9349.
    return f"<tr class=\"bulletin-total\">{' '.join(tds)}</tr>" if total else f"<tr>{' '.join(tds)}</tr>"


# Columns of names and short labels: a unit (某農業合作銀行工會), a period, a level. They stay on
# one line, as figures do; other text (an occasion, an award's title) wraps at a readable width.
NAME_FIELDS = frozenset({"unit", "period", "level", "status", "rank", "recipient_type", "recipient", "purpose"})


def _cell_attributes(column: Column, linked: bool = False) -> str:
    """The cell's class for the stylesheet: bulletin-num and bulletin-name never break, bulletin-text wraps."""
    if column.numeric:
        return ' class="bulletin-num" style="text-align: right"'
    if linked or column.field in NAME_FIELDS:
        return ' class="bulletin-name"'
    return ' class="bulletin-text"'
