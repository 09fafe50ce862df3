"""A report's tables rendered once for both pages that show them: its year's print page and its own.

A year's print page repeats every report of the year, tables included, and each report's own page
renders the same tables again when MkDocs comes to it: 16,000 tables twice at 2,000 reports. The
print pages are written first (while the build is configured), so each table rendered for one is
kept here until the report's own page takes it, with the one difference between the two made
again: the table's key (`2021-town-visits` on a print page, where several reports share the page,
`visits` on its own). A link in the table that would read differently from the report's own page
makes that page render the table afresh, so the page is exactly what rendering it would give.

What is kept lasts from the configuration to the pages' Markdown (MkDocs reads every page's
Markdown before it writes any), as UTF-8 like the blocks in fragments.py: about 20 MB at 2,000
reports, let go table by table as the reports' pages take them.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .periods import Period
from .render import PageContext
from .tables import Table

_KEY = 'data-bulletin-table="'  # how render_table writes a table's key (and its aside's, key-apart)


@dataclass(frozen=True)
class _Printed:
    table: Table                          # the archive's table it was rendered from
    key: str                              # its key on the print page
    html: bytes                           # as UTF-8, half a Python string's size for Chinese text
    links: tuple[tuple[str, str], ...]    # each page or file it links to, with the href it got


class PrintedTables:
    """Tables as a print page rendered them, each taken once by its report's own page."""

    def __init__(self) -> None:
        self._kept: dict[tuple[tuple[str, Period], str], _Printed] = {}

    def keep(self, report_key: tuple[str, Period], table: Table, printed_key: str, html: str,
             page: PageContext) -> None:
        """`page`: the context the table alone was rendered in, so its links are this table's."""
        self._kept[(report_key, table.key)] = _Printed(table, printed_key, html.encode("utf-8", "surrogatepass"),
                                                       tuple(page.links().items()))

    def take(self, report_key: tuple[str, Period], table: Table, page: PageContext) -> str | None:
        """The table as its own page shows it, or None when it must be rendered: nothing kept, a
        table computed since (a record file saved while previewing), or a link that differs."""
        kept = self._kept.pop((report_key, table.key), None)
        if kept is None or kept.table is not table:
            return None
        if any(page.href(target) != href for target, href in kept.links):
            return None
        return kept.html.decode("utf-8", "surrogatepass").replace(_KEY + escape(kept.key), _KEY + escape(table.key))
