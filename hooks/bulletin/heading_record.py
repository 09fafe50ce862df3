"""What Python-Markdown's toc extension did to a page's headings, written down as it converts it.

A year's print page repeats every report page's body (print_sections.py). Python-Markdown made
the print page's heading ids unique over the whole year; to give the same ids without converting
every narrative a second time, each report's conversion leaves a record: the ids its tree held
before toc ran (an `attr_list` `{#id}`), and for each heading in document order whether it came
with its own id or which slug toc made one from. `print_sections.print_ids` replays toc's
`unique` over those records in the print page's order, which is what toc did on the combined page.

The record only watches: a treeprocessor just before toc and one just after it, and toc's own
`slugify` called through a wrapper that writes down its answer. The page's HTML is unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor


@dataclass(frozen=True)
class Heading:
    level: int
    slug: str | None  # the slug toc made the id from; None when the heading came with its own id
    id: str           # the id the page has
    in_toc: bool      # within toc_depth: one of the page's table of contents entries


@dataclass(frozen=True)
class PageHeadings:
    own_ids: frozenset[str]        # every id in the tree before toc ran: toc's ids step round them
    headings: tuple[Heading, ...]  # in document order, as toc went through them
    tokens: tuple[dict[str, Any], ...] = field(default=())  # toc's entries, flat, in order, without children


class HeadingRecorder(Extension):
    """Add to a Markdown instance's extensions after toc: `take()` gives its last conversion's record."""

    def __init__(self) -> None:
        super().__init__()
        self.last: PageHeadings | None = None

    def take(self) -> PageHeadings | None:
        record, self.last = self.last, None
        return record

    def extendMarkdown(self, md: Markdown) -> None:
        if "toc" not in md.treeprocessors:
            return
        toc: Any = md.treeprocessors["toc"]
        slugs: list[str] = []
        made = toc.slugify

        def slugify(value: str, separator: str) -> str:
            slug = made(value, separator)
            slugs.append(slug)
            return slug

        toc.slugify = slugify
        before = _BeforeToc(md, toc, slugs)
        md.treeprocessors.register(before, "bulletin_headings_before", 5.5)  # toc is 5, attr_list 8
        md.treeprocessors.register(_AfterToc(md, toc, slugs, before, self), "bulletin_headings_after", 4.5)


class _BeforeToc(Treeprocessor):
    def __init__(self, md: Markdown, toc: Any, slugs: list[str]) -> None:
        super().__init__(md)
        self.toc, self.slugs = toc, slugs
        self.own_ids: frozenset[str] = frozenset()
        self.preset: list[bool] = []

    def run(self, root: Any) -> None:
        self.slugs.clear()
        self.own_ids = frozenset(el.attrib["id"] for el in root.iter() if "id" in el.attrib)
        self.preset = [("id" in el.attrib) for el in root.iter()
                       if isinstance(el.tag, str) and self.toc.header_rgx.match(el.tag)]


class _AfterToc(Treeprocessor):
    def __init__(self, md: Markdown, toc: Any, slugs: list[str], before: _BeforeToc, recorder: HeadingRecorder) -> None:
        super().__init__(md)
        self.toc, self.slugs, self.before, self.recorder = toc, slugs, before, recorder

    def run(self, root: Any) -> None:
        toc, slugs = self.toc, iter(self.slugs)
        headings = []
        for el, preset in zip((el for el in root.iter() if isinstance(el.tag, str) and toc.header_rgx.match(el.tag)),
                              self.before.preset, strict=True):
            level = int(el.tag[-1])
            headings.append(Heading(level, None if preset else next(slugs), el.attrib["id"],
                                    toc.toc_top <= level <= toc.toc_bottom))
        self.recorder.last = PageHeadings(self.before.own_ids, tuple(headings),
                                          tuple(_flat(getattr(self.md, "toc_tokens", []))))


def _flat(tokens: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """toc's nested entries back in document order, each without its children."""
    out = []
    for token in tokens:
        out.append({key: value for key, value in token.items() if key != "children"})
        out += _flat(token.get("children", []))
    return out
