"""One build's print pages, put together from its report pages as MkDocs makes them.

MkDocs converts every page before it writes any (on_page_content for all, then on_page_context
for each in turn), so by the time a print page is written every report of its year has its body
and its headings' record (heading_record.py). A report page written before its print page leaves
a copy of its body here, as UTF-8 (held until the print page takes it); one written after it
(a print page with an editor's own intro comes first in docs/) is asked for its body then.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .archive import Archive, Report
from .heading_record import PageHeadings
from .page_types import PRINT_SECTIONS, print_reports
from .print_cover import report_anchor
from .print_sections import page_folder, print_ids, rebased, toc_tokens, with_ids, with_table_keys
from .urls import page_url, print_page

# A report page's problems box while previewing (preview.problems_box): its print copy never had one.
_PROBLEMS_BOX = re.compile(r'<div class="admonition danger bulletin-problems" role="alert">.*?</div>\n?', re.S)
_ID_ATTRIBUTE = re.compile(r'\sid="([^"]*)"')
_NONE = PageHeadings(frozenset(), ())  # a page this build did not convert


@dataclass
class PrintedPage:
    html: str
    toc: list[Any]             # toc's entries, nested, for mkdocs.structure.toc.get_toc
    ids: set[str]              # every id on the page, for MkDocs' check of links to it


@dataclass
class PrintPages:
    archive: Archive
    directory_urls: bool = True
    headings: dict[str, PageHeadings] = field(default_factory=dict)  # a converted page's record, by docs path
    copies: dict[str, bytes] = field(default_factory=dict)           # report bodies waiting for their print page
    done: set[int] = field(default_factory=set)                      # years whose print page is made
    boxed: set[str] = field(default_factory=set)  # report pages given a problems box (previewing)
    pages: frozenset[str] = frozenset()           # the print pages' docs paths

    def __post_init__(self) -> None:
        self.pages = frozenset(print_page(year) for year in self.archive.years())

    def wanted(self, report: Report) -> bool:
        """True while the report's year's print page is still to be made."""
        return report.period.year not in self.done

    def table_keys(self, report: Report) -> Callable[[str], str]:
        """How one of the report's tables is changed for the print page (render.py's keys, kept apart)."""
        prefix = f"{report.period.code}-{report.unit.id}"
        return lambda block: with_table_keys(block, prefix)

    def keep(self, report: Report, body: str) -> None:
        """A report page's body, tables in, as its print page will show it once moved there."""
        self.copies[report.page_path] = body.encode("utf-8", "surrogatepass")

    def make(self, src_uri: str, own_html: str, body_of: Callable[[Report], str | None]) -> PrintedPage:
        """The print page `src_uri`: its own HTML (title, cover) with every report of its year where
        PRINT_SECTIONS is. `body_of` gives a report's body (tables in) when no copy was kept.

        A report whose page this build did not make (its narrative deleted while a preview rebuilt,
        after the archive was loaded) is printed as its sheet's start alone, as a narrative that
        could no longer be read was printed without its text: the next build has it or not."""
        year = int(src_uri.split("/", 1)[0])
        self.done.add(year)
        reports = print_reports(self.archive, year)
        pages = [self.headings.get(path, _NONE) for path in [src_uri, *(r.page_path for r in reports)]]
        ids = print_ids(pages)
        html = with_ids(own_html, pages[0], ids[0])
        folder = page_folder(page_url(src_uri, self.directory_urls))
        sections = []
        for report, headings, new_ids in zip(reports, pages[1:], ids[1:], strict=True):
            kept = self.copies.pop(report.page_path, None)
            body = kept.decode("utf-8", "surrogatepass") if kept is not None else body_of(report)
            if body is None:
                body = ""
            if report.page_path in self.boxed:
                body = _PROBLEMS_BOX.sub("", body, count=1)
            body = rebased(with_ids(body, headings, new_ids), page_folder(page_url(report.page_path, self.directory_urls)), folder)
            sections.append(f'<div class="bulletin-page-break" id="{report_anchor(report)}"></div>' + (f"\n{body}" if body else ""))
        html = html.replace(PRINT_SECTIONS, "\n".join(sections), 1)
        return PrintedPage(html, toc_tokens(pages, ids), set(_ID_ATTRIBUTE.findall(html)))
