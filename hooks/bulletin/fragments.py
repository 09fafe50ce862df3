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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape, unescape

# What Material's search parser (material/plugins/search/plugin.py, Parser) does with a block:
# it keeps these tags, bare, in the indexed text; drops every other tag; skips an element marked
# data-search-exclude whole; and collapses white space.
SEARCH_KEPT_TAGS = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
_EXCLUDED = re.compile(r"<(p|ul|ol|div|span)\b[^>]*\sdata-search-exclude\b[^>]*>.*?</\1>", re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
_HEADING = re.compile(r"<h[1-6]\b")
_SPACE = re.compile(r"\s+")
# Case spelled out, not re.IGNORECASE: that would also take ſ for s and K (Kelvin) for k, as _TAG does not.
_KEPT_TAG = re.compile(r"<(/?)(" + "|".join("".join(f"[{c}{c.upper()}]" for c in tag) for tag in sorted(SEARCH_KEPT_TAGS))
                       + r")\b[^>]*>")
_TAG_HOLDING_A_BRACKET = re.compile(r"<[^>]*<")
# The data-search-* marks (each with a value, and the white space before it) Material's search
# plugin takes out of a page once it has indexed it (SearchPlugin.on_page_context).
SEARCH_MARKS = r"\s?data-search-\w+=\"[^\"]+\""
_SEARCH_MARKS = re.compile(SEARCH_MARKS)
_SEARCH_MARK = re.compile(r"data-search-\w+=\"[^\"]+\"")  # the same without the space before
_OPEN, _CLOSE = "\x02", "\x03"  # a kept tag's brackets while the others are taken out
_RELEASED = b"<!-- bulletin: this block was put back on another page already -->"


def without_search_marks(html: str) -> str:
    """`html` without its data-search-* marks, as `re.sub(SEARCH_MARKS, "", html)` makes it.

    That expression begins with an optional space, so the engine tries a match at every
    character: 4.2 s over the 2,413 pages of 2,000 reports, none of which has such a mark (ours
    have `data-search-exclude` without a value). The mark alone begins with letters the engine
    looks for first (0.25 s over the same pages); where it is not found, neither is the whole."""
    return _SEARCH_MARKS.sub("", html) if _SEARCH_MARK.search(html) else html


class Fragments:
    """The HTML blocks of one build, each behind a placeholder."""

    def __init__(self) -> None:
        # As UTF-8: a table is mostly ASCII markup, and a Python string holding one Chinese
        # character takes two bytes for every character (the blocks of 2,000 reports: 81 MB as
        # strings, 43 MB as UTF-8, held until their pages are written).
        self._html: list[bytes] = []
        self._nonce = secrets.token_hex(6)
        self._placeholder = re.compile(rf"<p>bulletinfragment{self._nonce}x(\d+)</p>")

    def stash(self, html: str) -> str:
        """A placeholder for `html`: one word on its own, which Markdown makes a paragraph."""
        self._html.append(html.encode("utf-8", "surrogatepass"))
        return f"\n\nbulletinfragment{self._nonce}x{len(self._html) - 1}\n\n"

    def restore(self, page_html: str, release: bool = False, change: Callable[[str], str] | None = None) -> str:
        """The converted page with every placeholder paragraph replaced by its HTML. With `release`,
        the blocks are let go once put back (each belongs to one page): a large archive's tables
        would otherwise be held twice, here and in every finished page. With `change`, each block
        is put back as `change` makes it (a report's tables on its year's print page)."""
        if not release:
            if change is not None:
                return self._placeholder.sub(lambda match: change(self._html[int(match[1])].decode("utf-8", "surrogatepass")),
                                             page_html)
            return self._placeholder.sub(lambda match: self._html[int(match[1])].decode("utf-8", "surrogatepass"), page_html)

        def put_back(match: re.Match[str]) -> str:
            index = int(match[1])
            block = self._html[index]
            self._html[index] = _RELEASED
            return block.decode("utf-8", "surrogatepass")

        return self._placeholder.sub(put_back, page_html)

    def restore_for_search(self, page_html: str) -> str:
        """The converted page with every block as the text the search index takes from it."""
        return _lean(self._placeholder, page_html, self._html)

    def held(self, page_html: str) -> HeldBlocks:
        """What `restore_for_search` reads for this page, to make it lean in another process
        (`lean_page`): the page's blocks, and how a placeholder is written."""
        return HeldBlocks({int(match[1]): self._html[int(match[1])] for match in self._placeholder.finditer(page_html)},
                          self._placeholder.pattern)


@dataclass
class HeldBlocks:
    """A page's blocks by number, as UTF-8, and the placeholder's pattern (it holds the build's nonce)."""

    blocks: dict[int, bytes]
    placeholder: str


def lean_page(page_html: str, held: HeldBlocks) -> str:
    """`Fragments.restore_for_search` of a page, from what `Fragments.held` took of it."""
    return _lean(re.compile(held.placeholder), page_html, held.blocks) if held.blocks else page_html


def _lean(placeholder: re.Pattern[str], page_html: str, blocks: Mapping[int, bytes] | Sequence[bytes]) -> str:
    return placeholder.sub(lambda match: search_text(blocks[int(match[1])].decode("utf-8", "surrogatepass")), page_html)


def search_text(block: str) -> str:
    """A block's words and kept tags, as Material's search parser would index them.

    A block holding a heading would open a section of the index: it is left whole for the
    parser (no generated block has one on a searched page; a print page's cover is not indexed).
    """
    if _HEADING.search(block):
        return block
    if "data-search-exclude" in block:
        block = _EXCLUDED.sub("", block)
    text = _without_markup(block)
    if text is None:
        text = _text_part_by_part(block)
    return _SPACE.sub(" ", text)


def _without_markup(block: str) -> str | None:
    """The fast way, taken only where it gives what `_text_part_by_part` gives, or None.

    Our tables escape every value, so their text has no entity or bracket left once the tags are
    out, and unescaping then escaping it again changes nothing: the tags can be dropped by two
    regular expressions over the whole block instead of a loop over its pieces. Each tag must be
    one tag (no `<` inside it) for the two expressions to find the tags the loop finds.
    """
    if _OPEN in block or _CLOSE in block or _TAG_HOLDING_A_BRACKET.search(block):
        return None
    kept = _KEPT_TAG.sub(lambda match: f"{_OPEN}{match[1]}{match[2].lower()}{_CLOSE}", block)
    text = _TAG.sub("", kept)
    if "&" in text or "<" in text or ">" in text:
        return None
    return text.replace(_OPEN, "<").replace(_CLOSE, ">")


def _text_part_by_part(block: str) -> str:
    parts = _TAG.split(block)
    # split() gives text, then (slash, tag name) per tag: text at every third place.
    out = []
    for index in range(0, len(parts), 3):
        out.append(escape(unescape(parts[index]), quote=False))
        if index + 2 < len(parts):
            slash, tag = parts[index + 1], parts[index + 2].lower()
            out.append(f"<{slash}{tag}>" if tag in SEARCH_KEPT_TAGS else "")  # a tag is no space
    return "".join(out)


def inline(html: str) -> str:
    """Leave the HTML in the Markdown: what tools outside a build (and tests of Markdown) want."""
    return f"\n\n{html}\n\n"
