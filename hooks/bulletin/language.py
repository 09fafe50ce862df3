"""The language of our labels: Traditional Chinese as written in the code, or Simplified derived.

Every label (column headers, titles, notes, page text) is written once, in Traditional Chinese,
beside what it labels. A site whose `theme.language` is `zh` (Material's Simplified Chinese;
`zh-Hans` and `zh-CN` are taken to mean the same) gets them converted with
OpenCC's Traditional→Simplified tables, so there is no second list to keep in step. Tables are
converted as objects, before rendering, so a page and its CSV still agree cell for cell.
"""

from __future__ import annotations

import dataclasses
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

