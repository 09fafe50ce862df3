"""A year's print page from the report pages' HTML, not from their Markdown converted again.

The print page repeats every report of its year. Converting each narrative a second time was
two fifths of Python-Markdown's time at 2,000 reports, for HTML the build had just made. So each
report page's body, as its page has it (tables put back, editors' HTML cleaned), is copied onto
the print page with the three things that differ there, and nothing else:

- heading ids: toc made them unique over the whole print page (`_1`, `_2` … running on through the
  year); `print_ids` replays toc's own `unique` over what each conversion recorded
  (heading_record.py), in the print page's order, so the ids are the ones the combined page had.
  The heading's permalink and the narrative's own `#…` links follow their heading;
- relative addresses (`href`, `src`, `cite`): a report page is `2021-H1/luohu-district/`, its
  print page `2021/print/`, so each one is made to lead from the print page's folder to where it
  led from the report page's;
- table keys: several reports on one page, so each table's `data-bulletin-table` carries its
  report's period and unit (`2021-luohu-district-visits`), as the print page always had.
"""

from __future__ import annotations

import inspect
import posixpath
import re
from html import escape, unescape
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, unique

from .heading_record import PageHeadings
from .urls import relative_path

_TAKES_COUNTERS = len(inspect.signature(unique).parameters) >= 3  # as toc calls it in this version
_HEADING_TAG = re.compile(r"<h([1-6])\b[^>]*>")
_ID = re.compile(r'\sid="([^"]*)"')
_ADDRESS = re.compile(r'(\s(?:href|src|cite)=")([^"]*)(")')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_OUR_TABLE = re.compile(r'<table data-bulletin-table="([^"]*)" tabindex="0">')


def print_ids(pages: list[PageHeadings]) -> list[list[str]]:
    """Each page's heading ids as toc gives them on one page holding all of them, in this order."""
    used = set().union(*(page.own_ids for page in pages))
    counters: dict[str, int] = {}
    ids = []
    for page in pages:
        ids.append([heading.id if heading.slug is None
                    else unique(heading.slug, used, counters) if _TAKES_COUNTERS else unique(heading.slug, used)
                    for heading in page.headings])
    return ids


def toc_tokens(pages: list[PageHeadings], ids: list[list[str]]) -> list[Any]:
    """The print page's table of contents: toc's entries of every page in order, with their new ids, nested."""
    flat: list[Any] = []
    for page, new_ids in zip(pages, ids, strict=True):
        entries = iter(page.tokens)
        for heading, new_id in zip(page.headings, new_ids, strict=True):
            if heading.in_toc:
                token = dict(next(entries))
                if heading.slug is not None:
                    token["id"] = unescape(new_id)
                flat.append(token)
    return nest_toc_tokens(flat)


def with_ids(html: str, page: PageHeadings, new_ids: list[str]) -> str:
    """`html` with each heading toc made given its new id, and links to it (its permalink, the
    page's own `#…` links) following it. Headings an editor wrote as HTML were never toc's: they
    are passed over, as toc passed over them."""
    renamed = {heading.id: new for heading, new in zip(page.headings, new_ids, strict=True)
               if heading.slug is not None and new != heading.id}
    if not renamed:
        return html
    expected = iter(zip(page.headings, new_ids, strict=True))
    waiting = next(expected, None)
    out, at = [], 0
    for match in _HEADING_TAG.finditer(html):
        if waiting is None:
            break
        heading, new_id = waiting
        found = _ID.search(match[0])
        if int(match[1]) != heading.level or found is None or found[1] != escape(heading.id):
            continue  # an editor's own HTML heading
        waiting = next(expected, None)
        if new_id != heading.id:
            out += [html[at:match.start() + found.start(1)], escape(new_id)]
            at = match.start() + found.end(1)
    if waiting is not None:
        raise RuntimeError(f"print page: heading {waiting[0].id!r} recorded by toc is not in the page's HTML")
    out.append(html[at:])
    links = {f'href="#{escape(old)}"': f'href="#{escape(new)}"' for old, new in renamed.items()}
    return re.sub(r'href="#[^"]*"', lambda m: links.get(m[0], m[0]), "".join(out))


def rebased(html: str, from_folder: str, to_folder: str) -> str:
    """Every relative address in `html`, which leads somewhere from a page served in `from_folder`,
    made to lead to the same place from `to_folder` (folders of the site, without slashes at the ends)."""
    if from_folder == to_folder:
        return html

    def move(match: re.Match[str]) -> str:
        address = match[2]
        if not address or address[0] in "#/?\\" or _SCHEME.match(address):
            return match[0]
        cut = min((i for i in (address.find("?"), address.find("#")) if i >= 0), default=len(address))
        path, rest = address[:cut], address[cut:]
        target = posixpath.normpath(posixpath.join(from_folder, path)) if from_folder else posixpath.normpath(path)
        moved = relative_path(target, to_folder or ".")
        if path.endswith("/") or path in (".", "..") or path.endswith(("/.", "/..")):
            moved = "./" if moved == "." else f"{moved}/"
        return f"{match[1]}{moved}{rest}{match[3]}"

    return _ADDRESS.sub(move, html)


def with_table_keys(html: str, prefix: str) -> str:
    """Our tables' keys kept apart from other reports' on the same page (`visits` → `2021-town-visits`)."""
    return _OUR_TABLE.sub(lambda m: f'<table data-bulletin-table="{escape(prefix)}-{m[1]}" tabindex="0">', html)


def page_folder(url: str) -> str:
    """The folder a page's relative addresses start from: `2021/town/` → `2021/town`, `2021/town.html` → `2021`."""
    return url.rstrip("/") if url.endswith("/") or url == "" else posixpath.dirname(url)
