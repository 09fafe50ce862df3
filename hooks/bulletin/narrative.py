"""Reading a narrative the way Markdown will: front matter off, code and HTML comments skipped.

Markers and headings only count where Markdown would render them. A marker in a code block is an
example; one inside a commented-out draft (`<!-- … -->`) or in front matter would never reach the
page. Deciding that here, line by line, lets the load-time check and the page expansion agree
without rendering every page twice.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

# The same two forms MkDocs strips before a page reaches the hooks (mkdocs.utils.meta).
_YAML_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_META_LINE = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:\s*.*")
_META_MORE = re.compile(r"^([ ]{4}|\t)(\s*).*")

_FENCE_OPEN = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")
_FENCE_CLOSE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})\s*$")
# Python-Markdown takes `#title` (no space) as a heading too; `=====` under a line is setext.
_ATX_H1 = re.compile(r"^ {0,3}#(?!#)")
_SETEXT_H1 = re.compile(r"^ {0,3}=+\s*$")


@dataclass(frozen=True)
class Line:
    """A line Markdown renders as content: its 1-based number in the file and its text."""

    number: int
    offset: int
    text: str


def strip_front_matter(text: str) -> tuple[str, int]:
    """The body Markdown sees, and how many lines of the file came before it."""
    match = _YAML_FRONT_MATTER.match(text)
    if match:
        body = text[match.end():]
    else:
        lines, taken, in_meta = text.split("\n"), 0, False
        while taken < len(lines):
            line = lines[taken]
            if line.strip() == "":
                taken += 1 if in_meta else 0
                break
            if _META_LINE.match(line) or (in_meta and _META_MORE.match(line)):
                in_meta, taken = True, taken + 1
                continue
            break
        body = "\n".join(lines[taken:]) if in_meta else text
    stripped = body.lstrip("\n")
    return stripped, text[: len(text) - len(stripped)].count("\n")


def content_lines(text: str, first_line: int = 1) -> Iterator[Line]:
    """Lines outside fenced code and outside HTML comments that span lines."""
    return iter(_content_lines(text, first_line))


@functools.lru_cache(maxsize=8)
def _content_lines(text: str, first_line: int) -> tuple[Line, ...]:
    """Kept for the last few texts: a narrative's check asks three times (its markers, its
    headings, its figures), and each asking cut the whole text into lines again."""
    return tuple(_cut_lines(text, first_line))


def _cut_lines(text: str, first_line: int) -> Iterator[Line]:
    fence: str | None = None
    in_comment = False
    offset = 0
    for number, line in enumerate(text.split("\n"), start=first_line):
        here, offset = offset, offset + len(line) + 1
        if fence is not None:
            close = _FENCE_CLOSE.match(line)
            if close and close["fence"][0] == fence[0] and len(close["fence"]) >= len(fence):
                fence = None
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        opening = _FENCE_OPEN.match(line)
        if opening:
            fence = opening["fence"]
            continue
        yield Line(number, here, line)
        last_open = line.rfind("<!--")
        if last_open != -1 and "-->" not in line[last_open + 4:]:
            in_comment = True


def heading_lines(text: str, first_line: int = 1) -> list[Line]:
    """Level-1 headings (`# …`, `#…` or a line underlined with `===`) outside code and comments."""
    found, previous = [], None
    for line in content_lines(text, first_line):
        if _ATX_H1.match(line.text):
            found.append(line)
        elif _SETEXT_H1.match(line.text) and previous is not None and previous.text.strip() \
                and previous.number == line.number - 1:
            found.append(previous)
        previous = line
    return found


def inside_inline_code(line: str, position: int) -> bool:
    """Whether `position` falls between backticks on its line (an example in the prose)."""
    return line.count("`", 0, position) % 2 == 1
