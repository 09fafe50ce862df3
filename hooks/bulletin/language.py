"""The language of our labels: Traditional Chinese as written in the code, or Simplified derived.

Every label (column headers, titles, notes, page text) is written once, in Traditional Chinese,
beside what it labels. A site whose `theme.language` is `zh` (Material's Simplified Chinese;
`zh-Hans` and `zh-CN` are taken to mean the same) gets them converted with
OpenCC's Traditional→Simplified tables, so there is no second list to keep in step. Tables are
converted as objects, before rendering, so a page and its CSV still agree cell for cell.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from .problems import Problem
from .tables import Cell, Table

TRADITIONAL = "zh-Hant"
SIMPLIFIED = ("zh", "zh-Hans", "zh-CN")

Localise = Callable[[str], str]


def localiser(language: str) -> Localise:
    """A text converter for the site's language; Traditional (and anything else) passes unchanged."""
    if language not in SIMPLIFIED:
        return _unchanged
    from opencc import OpenCC  # only Simplified sites need the conversion tables

    return OpenCC("t2s").convert


def _unchanged(text: str) -> str:
    return text


def localise_problem(problem: Problem, localise: Localise) -> str:
    """A problem's line in the site's language: its message and hint converted, its location and
    field path as typed (`docs/關於車間.md` stays the file the editor has, on a Simplified site too)."""
    if localise is _unchanged or localise is str:
        return str(problem)
    return str(dataclasses.replace(problem, message=localise(problem.message), hint=localise(problem.hint)))


def localise_table(table: Table, localise: Localise) -> Table:
    """The same table with every text converted; values (numbers, links) stay as they are."""
    if localise is _unchanged:
        return table

    def cells(row: tuple[Cell, ...]) -> tuple[Cell, ...]:
        return tuple(dataclasses.replace(cell, text=localise(cell.text)) for cell in row)

    return dataclasses.replace(
        table,
        title=localise(table.title),
        columns=tuple(dataclasses.replace(c, header=localise(c.header)) for c in table.columns),
        rows=tuple(cells(row) for row in table.rows),
        total=cells(table.total) if table.total else None,
        notes=tuple(localise(note) for note in table.notes),
        group_totals=tuple(cells(row) for row in table.group_totals),
        aside=localise_table(table.aside, localise) if table.aside else None,
    )



# What a narrative's conversion leaves as typed: fenced code, code spans, link and image
# addresses, HTML tags and comments (markers among them), `{ attribute lists }`. Converting an
# address would break the link (a file named in Traditional), and code is quoted as it is.
_KEPT_AS_TYPED = re.compile(
    r"^(?P<fence>[ ]{0,3}(?:```+|~~~+)).*?(?:^[ ]{0,3}(?P=fence)[^\n]*$|\Z)"  # fenced code, to its closing fence
    r"|(?P<ticks>`+).+?(?P=ticks)"                                            # a code span
    r"|\]\([^)\n]*\)"                                                         # a link's address
    r"|^\[[^\]\n]+\]:[^\n]*$"                                                 # a reference definition
    r"|<!--.*?-->|</?[A-Za-z][^>\n]*>"                                        # comments, tags
    r"|\{[ ]*[:#.][^}\n]*\}",                                                 # attribute lists
    re.MULTILINE | re.DOTALL,
)


def localise_markdown(markdown: str, localise: Localise) -> str:
    """An editor's Markdown in the site's language: its text converted, never its code, link
    addresses, markers or HTML (see `_KEPT_AS_TYPED`). Traditional sites get it unchanged."""
    if localise is _unchanged:
        return markdown
    parts, last = [], 0
    for kept in _KEPT_AS_TYPED.finditer(markdown):
        parts += [localise(markdown[last:kept.start()]), kept.group()]
        last = kept.end()
    parts.append(localise(markdown[last:]))
    return "".join(parts)
