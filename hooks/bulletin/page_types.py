"""The kinds of generated page, registered in one list the way record kinds are.

Each page type says which pages it has in an archive, how one of them is written, which reports
its figures (or narratives) come from, and where it sits in the navigation. `publish` writes every
page of every type, `Publication.nav` asks each type for its place, the quick preview rewrites
the pages of every type that a saved file affects, and the freshness line dates a page by the
reports it shows. A new page type is one more entry in `PAGE_TYPES`: nothing else lists pages,
so none can be forgotten by the preview or left without a date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .archive import Archive, Report
from .downloads import tables_xlsx
from .overviews import RollUp, kind_title, units_above
from .periods import parse_period
from .print_cover import cover_html
from .site_pages import PageWriter, awards_body, home_body, unit_body, units_body, year_body, year_periods
from .tables import Table
from .urls import AWARDS, HOME, UNITS, print_page, unit_page, year_page, year_workbook_path

if TYPE_CHECKING:
    from .publication import Publication

GROUP_OVER = 30
PRINT_IN_PREVIEW = ("預覽中：本頁在存檔後不會即時更新，要到完整重建時（新增或刪除檔案、修改 data/units.yml 或 "
                    "mkdocs.yml 時）才更新；存檔後的改動請看各報告本身的頁面。")  # reports a year lists flat; more are grouped under their parent units

# Where a print page's reports go: a comment, which no editor's HTML keeps (sanitize.py drops them).
PRINT_SECTIONS = "<!-- bulletin: the year's reports -->"

Nav = list  # MkDocs' nav structure: titles → paths or nested lists


@dataclass(frozen=True)
class PageType:
    name: str
    pages: Callable[[Archive], list[str]]
    # Writes one page's title, body and downloads into the publication; returns the docs paths
    # written. `whole` is False in a quick preview: downloads that gather a whole year or the whole
    # archive (workbooks) wait for the next full build, which the preview's box says.
    write: Callable[[Publication, str, bool], set[str]]
    # The reports a page shows: its freshness date, and what a saved record file makes stale.
    shows: Callable[[Archive, str], list[Report]]
    # True when the page repeats the narratives themselves, so a saved narrative makes it stale too.
    shows_narratives: bool = False
    # Its place in the navigation: a top-level section, or None when another type lists its pages.
    nav: Callable[[Publication], dict] | None = None
    searched: bool = True
    # False: a quick preview leaves its pages as the last full build wrote them, because writing
    # one costs more than the preview may take; while previewing, such a page says so at its top.
    quick: bool = True
    # Its pages that show a report, the answer `shows` gives, found from the report where asking
    # every page would walk the archive (400 unit pages, each its subtree, at every save).
    showing: Callable[[Archive, Report], list[str]] | None = None

    def affected(self, archive: Archive, reports: list[Report]) -> list[str]:
        """Its pages that show any of these reports."""
        if self.showing is not None:
            return list(dict.fromkeys(page for report in reports for page in self.showing(archive, report)))
        keys = {report.key for report in reports}
        return [page for page in self.pages(archive) if any(r.key in keys for r in self.shows(archive, page))]


# --- what each page shows --------------------------------------------------------------------

def _every_report(archive: Archive, src_uri: str) -> list[Report]:
    return list(archive.reports.values())


def _year_of(src_uri: str) -> int:
    return int(src_uri.split("/", 1)[0])


def _reports_of_year(archive: Archive, src_uri: str) -> list[Report]:
    year = _year_of(src_uri)
    return [r for r in archive.reports.values() if r.period.year == year]


def _unit_id(src_uri: str) -> str:
    return src_uri.removeprefix("units/").removesuffix("/index.md")


def _units_above(archive: Archive, report: Report) -> list[str]:
    """The unit pages that roll a report up: its unit's and every unit's above it."""
    return [unit_page(unit_id) for unit_id in units_above(archive, report.unit.id)]


def _reports_below(archive: Archive, src_uri: str) -> list[Report]:
    """A unit page rolls up the unit and every unit below it."""
    found, todo = [], [_unit_id(src_uri)]
    while todo:
        current = todo.pop()
        found += archive.reports_of(current)
        todo += [child.id for child in archive.units.children(current)]
    return found


# --- how each page is written ----------------------------------------------------------------

def _page(publication: Publication, src_uri: str, title: str, build: Callable[[PageWriter], None]) -> PageWriter:
    writer = PageWriter(src_uri, publication.directory_urls, publication.downloads, publication.localise,
                        publication.stash, publication.kept)
    writer.saved_as = (title,)
    build(writer)
    publication.saved_names.update(writer.saved_names)
    publication.bodies[src_uri] = writer.markdown()
    publication.titles[src_uri] = publication.localise(title)
    if publication.kept is not None:  # what a quick preview compares to tell whether the page changed
        publication.kept.signatures[src_uri] = (publication.titles[src_uri], tuple(writer.signature))
    return writer


def _write_home(publication: Publication, src_uri: str, whole: bool) -> set[str]:
    archive = publication.archive
    _page(publication, HOME, publication.site_name, lambda w: home_body(archive, w))
    if publication.archive_downloads:  # made once every CSV exists (publish); kept by a quick preview
        publication.bodies[HOME] += publication.archive_downloads_section()
    return {HOME}


def _write_year(publication: Publication, src_uri: str, whole: bool) -> set[str]:
    archive, year = publication.archive, _year_of(src_uri)
    writer = _page(publication, src_uri, f"{year}年", lambda w: year_body(archive, year, w))
    written = {src_uri, *writer.saved_names}  # the page and the CSV of each table it placed
    if not writer.tables or not whole:
        return written
    # The workbook holds the very tables the year page shows, sheet by sheet.
    publication.downloads[year_workbook_path(year)] = tables_xlsx(
        [(publication.localise(_sheet_title(table)), table) for table in writer.tables]
    )
    return written | {year_workbook_path(year)}


def _write_unit(publication: Publication, src_uri: str, whole: bool) -> set[str]:
    archive, unit_id = publication.archive, _unit_id(src_uri)
    if publication.rollup is None:
        publication.rollup = RollUp(archive)
    rollup = publication.rollup
    writer = _page(publication, src_uri, archive.units[unit_id].name, lambda w: unit_body(archive, unit_id, rollup, w))
    # The page and the CSV of each table it placed (not every download's path searched for its
    # prefix, once per unit page: 400 × 20,000 comparisons at 2,000 reports).
    return {src_uri, *writer.saved_names}


def _write_units(publication: Publication, src_uri: str, whole: bool) -> set[str]:
    _page(publication, UNITS, "單位", lambda w: units_body(publication.archive, w))
    return {UNITS}


def _write_awards(publication: Publication, src_uri: str, whole: bool) -> set[str]:
    _page(publication, AWARDS, "獲獎榜", lambda w: awards_body(publication.archive, w))
    return {AWARDS}


def _write_print(publication: Publication, src_uri: str, whole: bool) -> set[str]:
    year = _year_of(src_uri)
    publication.bodies[src_uri] = _print_body(publication, year, src_uri)
    publication.titles[src_uri] = publication.localise(f"{year}年全部報告（列印）")
    return {src_uri}


def _print_body(publication: Publication, year: int, src: str) -> str:
    """A cover and contents, then a place for every report of the year, full year first then
    registry order: the build puts each report page's body there once it has made it
    (print_sections.py), so no narrative is converted twice."""
    reports = print_reports(publication.archive, year)
    parts = [publication.stash(cover_html(publication.site_name, year, reports, publication.localise))]
    if publication.previewing:
        parts.insert(0, publication.stash(f'<div class="admonition warning bulletin-preview-note" role="note">'
                                             f'<p>{publication.localise(PRINT_IN_PREVIEW)}</p></div>'))
    if reports:
        parts.append(publication.stash(PRINT_SECTIONS))
    return "\n\n".join(parts) + "\n"


def print_reports(archive: Archive, year: int) -> list[Report]:
    """The reports a year's print page holds, in its order: full year first, then registry order."""
    return [r for period in year_periods(archive, year) for r in archive.reports_in(period)]


def _sheet_title(table: Table) -> str:
    """Sheet names from the comparison's key (visits-2021-H1): 看望慰問, or 看望慰問（上半年）."""
    kind_key, _, code = table.key.partition("-")
    period = parse_period(code)
    if period.part is None:
        return kind_title(kind_key)
    return f"{kind_title(kind_key)}（{period.label.removeprefix(f'{period.year}年')}）"


# --- where each sits in the navigation -------------------------------------------------------

def _home_nav(publication: Publication) -> dict:
    return {publication.localise("首頁"): HOME}


def _years_nav(publication: Publication) -> dict:
    """A section per year, newest first: its overview, its print page, then its reports."""
    archive, localise = publication.archive, publication.localise
    return {localise("年度"): [{localise(f"{year}年"): _year_entries(publication, year)}
                                for year in reversed(archive.years())]}


def _year_entries(publication: Publication, year: int) -> list:
    """With `navigation.prune` a page carries only its own open sections, so a year keeps them
    small: over `GROUP_OVER` reports, they are listed under their parent units."""
    archive = publication.archive
    reports = [r for p in year_periods(archive, year) for r in archive.reports_in(p)]
    entries: list = [year_page(year), print_page(year)]
    if len(reports) <= GROUP_OVER:
        return entries + [r.page_path for r in reports]
    groups: dict[str | None, list[str]] = {}
    for report in reports:
        groups.setdefault(_group_key(archive, report), []).append(report.page_path)
    entries += groups.pop(None, [])
    for unit_id, pages in groups.items():
        if unit_id is not None:
            entries.append({publication.localise(archive.units[unit_id].name): pages})
    return entries


def _group_key(archive: Archive, report: Report) -> str | None:
    """The unit a report is listed under in a large year: its own if it has children, else its parent."""
    unit = report.unit
    return unit.id if archive.units.children(unit.id) else unit.parent


def _units_nav(publication: Publication) -> dict:
    """The unit tree, nested as the registry nests it, behind the index of every unit."""
    archive = publication.archive

    def entry(unit_id: str) -> dict:
        name = publication.localise(archive.units[unit_id].name)
        children = archive.units.children(unit_id)
        if not children:
            return {name: unit_page(unit_id)}
        return {name: [unit_page(unit_id), *(entry(child.id) for child in children)]}

    return {publication.localise("單位"): [UNITS, *(entry(root.id) for root in archive.units.roots())]}


def _awards_nav(publication: Publication) -> dict:
    return {publication.localise("獲獎榜"): AWARDS}


# In the order pages are written and sections appear in the navigation.
PAGE_TYPES: list[PageType] = [
    PageType("home", lambda archive: [HOME], _write_home, _every_report, nav=_home_nav),
    PageType("year", lambda archive: [year_page(year) for year in archive.years()], _write_year, _reports_of_year,
             nav=_years_nav),
    PageType("unit", lambda archive: [unit_page(unit_id) for unit_id in archive.units.units], _write_unit,
             _reports_below, showing=_units_above),  # listed in the unit tree
    PageType("units", lambda archive: [UNITS], _write_units, _every_report, nav=_units_nav),
    PageType("awards", lambda archive: [AWARDS], _write_awards, _every_report, nav=_awards_nav),
    # A print page repeats every report of its year: search should lead to the reports.
    # Not in a quick preview: a year's print page is made from every report page of the year
    # (print_pages.py), which a quick preview does not make again; the report pages show the change.
    PageType("print", lambda archive: [print_page(year) for year in archive.years()], _write_print,
             _reports_of_year, shows_narratives=True, searched=False, quick=False),  # listed under its year
]


def page_type_of(archive: Archive, src_uri: str) -> PageType | None:
    for page_type in PAGE_TYPES:
        if src_uri in page_type.pages(archive):
            return page_type
    return None
