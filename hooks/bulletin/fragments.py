"""Computed HTML kept out of Markdown's way: a placeholder in the Markdown, the HTML put back after.

Tables and charts are HTML already. Left in the Markdown, Python-Markdown parses every tag of
them again (`md_in_html` reads raw HTML blocks tag by tag), which on a large archive cost more
than everything else we do. So each block is replaced by a placeholder paragraph that Markdown
passes through untouched, and put back into the converted page. The nonce differs per build, so
an editor's text can never be mistaken for a placeholder.

The search index needs the words of a page, not its table markup: Material's search plugin reads
every page again with `html.parser`, and tables were most of what it read. So each page is also
restored lean (`restore_for_search`): every block as the text Material's parser would take from
it, found with a few regular expressions instead of a parser. The adapter gives the search
plugin the lean page and the templates the whole one.
"""

from __future__ import annotations

import re
import secrets
from html import escape, unescape

# What Material's search parser (material/plugins/search/plugin.py, Parser) does with a block:
# it keeps these tags, bare, in the indexed text; drops every other tag; skips an element marked
# data-search-exclude whole; and collapses white space.
SEARCH_KEPT_TAGS = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
_EXCLUDED = re.compile(r"<(p|ul|ol|div|span)\b[^>]*\sdata-search-exclude\b[^>]*>.*?</\1>", re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
_HEADING = re.compile(r"<h[1-6]\b")
_SPACE = re.compile(r"\s+")
_RELEASED = "<!-- bulletin: this block was put back on another page already -->"


class Fragments:
    """The HTML blocks of one build, each behind a placeholder."""

    def __init__(self) -> None:
        self._html: list[str] = []
        self._nonce = secrets.token_hex(6)
        self._placeholder = re.compile(rf"<p>bulletinfragment{self._nonce}x(\d+)</p>")

    def stash(self, html: str) -> str:
        """A placeholder for `html`: one word on its own, which Markdown makes a paragraph."""
        self._html.append(html)
        return f"\n\nbulletinfragment{self._nonce}x{len(self._html) - 1}\n\n"

    def restore(self, page_html: str, release: bool = False) -> str:
        """The converted page with every placeholder paragraph replaced by its HTML. With `release`,
        the blocks are let go once put back (each belongs to one page): a large archive's tables
        would otherwise be held twice, here and in every finished page."""
        if not release:
            return self._placeholder.sub(lambda match: self._html[int(match[1])], page_html)

        def put_back(match: re.Match[str]) -> str:
            index = int(match[1])
            block = self._html[index]
            self._html[index] = _RELEASED
            return block

        return self._placeholder.sub(put_back, page_html)

    def restore_for_search(self, page_html: str) -> str:
        """The converted page with every block as the text the search index takes from it."""
        return self._placeholder.sub(lambda match: search_text(self._html[int(match[1])]), page_html)


def search_text(block: str) -> str:
    """A block's words and kept tags, as Material's search parser would index them.

    A block holding a heading would open a section of the index: it is left whole for the
    parser (no generated block has one on a searched page; a print page's cover is not indexed).
    """
    if _HEADING.search(block):
        return block
    parts = _TAG.split(_EXCLUDED.sub("", block))
    # split() gives text, then (slash, tag name) per tag: text at every third place.
    out = []
    for index in range(0, len(parts), 3):
        out.append(escape(unescape(parts[index]), quote=False))
        if index + 2 < len(parts):
            slash, tag = parts[index + 1], parts[index + 2].lower()
            out.append(f"<{slash}{tag}>" if tag in SEARCH_KEPT_TAGS else "")  # a tag is no space
    return _SPACE.sub(" ", "".join(out))


def inline(html: str) -> str:
    """Leave the HTML in the Markdown: what tools outside a build (and tests of Markdown) want."""
    return f"\n\n{html}\n\n"
