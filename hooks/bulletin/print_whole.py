"""A year's print page with every narrative in its Markdown, for a generator without our hooks.

With the hooks, a print page is put together from its report pages' HTML as the build made
them (print_pages.py): no narrative is converted twice. A generator that runs none of our hooks
(the plain tree, plain_tree.py) cannot do that, so its print pages hold every narrative of the
year again, expanded as its report page expands it, and the generator converts them. Their
text and tables are the same; a half-year report's relative links and its in-page `#…` links
read from the print page's folder there, as they did before the hooks stopped doing it so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .archive import Report
from .input_files import MAX_NARRATIVE_BYTES, read_capped
from .narrative import strip_front_matter
from .page_types import PRINT_IN_PREVIEW, print_reports
from .print_cover import cover_html, report_anchor
from .problems import Location, Problem
from .urls import print_page

if TYPE_CHECKING:
    from .publication import Publication


def with_whole_print_pages(publication: Publication) -> None:
    """Every print page's body replaced by the one with every narrative in it."""
    for year in publication.archive.years():
        src = print_page(year)
        if src in publication.bodies:
            publication.bodies[src] = whole_print_body(publication, year, src)


def whole_print_body(publication: Publication, year: int, src: str) -> str:
    """A cover and contents, then every narrative of the year, full year first then registry
    order, each starting a new sheet where the contents link to."""
    reports = print_reports(publication.archive, year)
    parts = [publication.stash(cover_html(publication.site_name, year, reports, publication.localise))]
    if publication.previewing:
        parts.insert(0, publication.stash(f'<div class="admonition warning bulletin-preview-note" role="note">'
                                             f'<p>{publication.localise(PRINT_IN_PREVIEW)}</p></div>'))
    for report in reports:
        body, _ = strip_front_matter(_narrative_text(report))
        parts.append(publication.stash(f'<div class="bulletin-page-break" id="{report_anchor(report)}"></div>'))
        # Problems were reported when the archive was loaded; a printed copy adds none.
        parts.append(publication.expanded_report(report, body, src, []))
    return "\n\n".join(parts) + "\n"


def _narrative_text(report: Report) -> str:
    """A narrative read again; one not UTF-8, or deleted since the archive was loaded, is printed
    without its text: the load reported the first, and the second is the next build's to report."""
    if report.narrative_file is None:
        return ""
    # Never blocks on a file that became a pipe meanwhile (see input_files.py); any fault is ""
    data = read_capped(report.narrative_file, report.narrative_path, MAX_NARRATIVE_BYTES,
                       lambda size: Problem(Location(report.narrative_path), "", ""), [])
    try:
        return data.decode("utf-8-sig") if data is not None else ""
    except UnicodeDecodeError:
        return ""
