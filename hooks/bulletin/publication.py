"""The whole published archive: which pages exist, their Markdown, the navigation, the downloads.

Made once per build from the loaded archive. Adding a unit or a year is adding its files: the
home page, the year and unit pages, the awards index and the navigation all follow from here,
and nothing is listed by hand in mkdocs.yml.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from html import escape
from dataclasses import dataclass, field

from .archive import Archive, Report
from .archive_downloads import archive_downloads_section, publish_archive_downloads, report_name_parts
from .downloads import table_csv, tables_xlsx
from .fragments import inline
from .funds import FUNDS_KEY
from .language import TRADITIONAL, Localise, localise_markdown, localise_table, localiser
from .markers import INLINE, find_markers, replace_markers
from .measures import format_measure, report_measures
from .narrative import heading_lines
from .overviews import RollUp, kind_title
from .periods import parse_period
from .input_files import MAX_NARRATIVE_BYTES, read_capped
from .print_cover import cover_html, report_anchor
from .problems import Location, Problem
from .render import PageContext, markdown_text, render_table
from .saved_names import saved_name
from .tables import Table
from .site_pages import PageWriter, awards_body, home_body, unit_body, units_body, year_body, year_periods
from .narrative import strip_front_matter
from .urls import AWARDS, HOME, UNITS, download_path, print_page, unit_page, year_page, year_workbook_path


GROUP_OVER = 30  # reports a year lists flat; more are grouped under their parent units


@dataclass
class Publication:
    archive: Archive
    directory_urls: bool = True
    localise: Localise = field(default_factory=lambda: localiser(TRADITIONAL))
    bodies: dict[str, str] = field(default_factory=dict)      # generated page → Markdown body
    titles: dict[str, str] = field(default_factory=dict)      # generated page → its title
    downloads: dict[str, bytes] = field(default_factory=dict)  # CSV and XLSX files by docs path
    stash: Callable[[str], str] = inline  # how HTML blocks go into the Markdown (see fragments.py)
    unsearched: set[str] = field(default_factory=set)          # generated pages left out of search
    saved_names: dict[str, str] = field(default_factory=dict)  # CSV path → the name it is saved under

    def generated_markdown(self, src_uri: str) -> str:
        """A generated page whole: its title and its body (print pages kept out of search)."""
        page = f"# {markdown_text(self.titles[src_uri])}\n\n{self.bodies[src_uri]}"
        if src_uri in self.unsearched:
            # A print page repeats every report of its year: search should lead to the reports.
            return f"---\nsearch:\n  exclude: true\n---\n\n{page}"
        return page

    def page_markdown(self, src_uri: str, markdown: str, handwritten: bool, problems: list[Problem]) -> str:
        """What MkDocs renders: a narrative expanded, an editor's intro page with our body after it."""
        if self.archive.report_for_page(src_uri) is not None:
            return self._narrative(src_uri, markdown, problems)
        if handwritten and src_uri in self.bodies:
            intro = localise_markdown(markdown, self.localise).rstrip()
            if not heading_lines(intro):  # an intro without a title of its own keeps ours
                intro = f"# {markdown_text(self.titles[src_uri])}\n\n{intro}"
            return f"{intro}\n\n{self.bodies[src_uri]}"
        return localise_markdown(markdown, self.localise)  # an editor's own page: in the site's language too

    def _narrative(self, src_uri: str, markdown: str, problems: list[Problem]) -> str:
        return self.expanded_report(self.archive.report_for_page(src_uri), markdown, src_uri, problems)

    def expanded_report(self, report: Report, markdown: str, on_page: str, problems: list[Problem]) -> str:
        """A narrative with its title and tables, placed on `on_page` (its own page or a print page)."""
        context = PageContext(on_page, self.directory_urls)
        markers = find_markers(markdown, report.narrative_path, problems)

        def render(marker) -> str:
            key = marker.args["kind"]
            if marker.name == INLINE:
                value = report_measures(self.archive, report, key).get(marker.args["field"])
                return escape(self.localise(format_measure(value, self.archive.settings.money_unit)))
            table = localise_table(self.archive.table(report, key), self.localise)
            if on_page != report.page_path:  # several reports on one page: keep table keys apart
                table = dataclasses.replace(table, key=f"{report.period.code}-{report.unit.id}-{key}")
            return self.stash(self.localise(render_table(table, context, download_path(report.page_path, f"{key}.csv"),
                                                         report_name_parts(report))))

        # The title comes from the registry, so renaming a unit renames every page of it.
        body = localise_markdown(replace_markers(markdown, markers, render), self.localise)
        return f"# {markdown_text(self.localise(report.title))}\n\n{body}"

    def nav(self, other_pages: list[str]) -> list:
        """The navigation: 首頁, 年度 (a section per year), 單位 (the unit tree), 獲獎榜, then other pages.

        Every page carries the navigation it shows, so its size per page is what makes a large
        archive slow (and heavy to download). With `navigation.prune` a page shows only the open
        sections on its own path; sections are kept small for that: a year lists its reports
        under their parent units once it has more than `GROUP_OVER`, and units nest as their tree.
        """
        archive = self.archive
        years = [{self.localise(f"{year}年"): self._year_entries(year)} for year in reversed(archive.years())]

        def unit_entry(unit_id: str) -> dict:
            unit = archive.units[unit_id]
            children = archive.units.children(unit_id)
            name = self.localise(unit.name)
            if not children:
                return {name: unit_page(unit_id)}
            return {name: [unit_page(unit_id), *(unit_entry(c.id) for c in children)]}

        units = [unit_entry(root.id) for root in archive.units.roots()]
        sections = {label: self.localise(label) for label in ("年度", "單位", "獲獎榜")}
        sections["首頁"] = self.localise("首頁")
        return [{sections["首頁"]: HOME}, {sections["年度"]: years}, {sections["單位"]: [UNITS, *units]},
                {sections["獲獎榜"]: AWARDS},
                *other_pages]

    def _year_entries(self, year: int) -> list:
        archive = self.archive
        reports = [r for p in year_periods(archive, year) for r in archive.reports_in(p)]
        entries: list = [year_page(year), print_page(year)]
        if len(reports) <= GROUP_OVER:
            return entries + [r.page_path for r in reports]
        groups: dict[str | None, list[str]] = {}
        for report in reports:
            groups.setdefault(_group_key(archive, report), []).append(report.page_path)
        entries += groups.pop(None, [])
        for unit_id, pages in groups.items():
            entries.append({self.localise(archive.units[unit_id].name): pages})
        return entries


def _group_key(archive: Archive, report: Report) -> str | None:
    """The unit a report is listed under in a large year: its own if it has children, else its parent."""
    unit = report.unit
    return unit.id if archive.units.children(unit.id) else unit.parent


def publish(archive: Archive, directory_urls: bool = True, site_name: str = "工會年度工作總結檔案",
            language: str = TRADITIONAL, stash: Callable[[str], str] = inline) -> Publication:
    """Every generated page's body and every download, computed once for the build."""
    publication = Publication(archive, directory_urls, localiser(language), stash=stash)
    rollup = RollUp(archive)
    _page(publication, HOME, site_name, lambda w: home_body(archive, w))
    for year in archive.years():
        _year(publication, year)
    for unit_id in archive.units.units:
        _unit(publication, unit_id, rollup)
    _page(publication, UNITS, "單位", lambda w: units_body(archive, w))
    _page(publication, AWARDS, "獲獎榜", lambda w: awards_body(archive, w))
    for year in archive.years():
        src = print_page(year)
        publication.bodies[src] = _print_body(publication, year, src, site_name)
        publication.titles[src] = publication.localise(f"{year}年全部報告（列印）")
        publication.unsearched.add(src)
    for report in archive.reports.values():
        _report_downloads(publication, report)
    # The whole archive, after every CSV is made: a workbook of every year and kind, a ZIP of every CSV.
    if publish_archive_downloads(publication.downloads, publication.saved_names, archive, site_name,
                                 publication.localise):
        publication.bodies[HOME] += f"\n## {publication.localise('下載全部資料')}\n\n" + publication.stash(
            archive_downloads_section(publication.directory_urls, site_name, publication.localise)) + "\n"
    return publication


def refresh(publication: Publication, changed: list[Report]) -> set[str]:
    """After these reports' records changed: recompute what depends on them, for a quick preview.

    The report's downloads, its year's overview, and the history and roll-up of its unit and
    every unit above it. The home page, the awards index, the print pages and the year's XLSX
    workbook are left as they were until the next full build. Returns the docs paths that changed.
    """
    archive, rollup, touched = publication.archive, RollUp(publication.archive), set()
    units: set[str] = set()
    for report in changed:
        touched |= _report_downloads(publication, report)
        if report.period.year in archive.years():
            touched |= _year(publication, report.period.year, workbook=False)
        unit_id: str | None = report.unit.id
        while unit_id is not None and unit_id not in units:
            units.add(unit_id)
            unit_id = archive.units[unit_id].parent
    for unit_id in units:
        touched |= _unit(publication, unit_id, rollup)
    return touched


def _page(publication: Publication, src_uri: str, title: str, build) -> PageWriter:
    writer = PageWriter(src_uri, publication.directory_urls, publication.downloads, publication.localise,
                        publication.stash)
    writer.saved_as = (title,)
    build(writer)
    publication.saved_names.update(writer.saved_names)
    publication.bodies[src_uri] = writer.markdown()
    publication.titles[src_uri] = publication.localise(title)
    return writer


def _year(publication: Publication, year: int, workbook: bool = True) -> set[str]:
    archive = publication.archive
    writer = _page(publication, year_page(year), f"{year}年", lambda w: year_body(archive, year, w))
    prefix = download_path(year_page(year), "")
    written = {year_page(year)} | {p for p in publication.downloads if p.startswith(prefix) and p.endswith(".csv")}
    if not writer.tables or not workbook:
        return written
    # The workbook holds the very tables the year page shows, sheet by sheet.
    publication.downloads[year_workbook_path(year)] = tables_xlsx(
        [(publication.localise(_sheet_title(table)), table) for table in writer.tables]
    )
    return written | {year_workbook_path(year)}


def _unit(publication: Publication, unit_id: str, rollup: RollUp) -> set[str]:
    archive = publication.archive
    _page(publication, unit_page(unit_id), archive.units[unit_id].name,
          lambda w: unit_body(archive, unit_id, rollup, w))
    prefix = download_path(unit_page(unit_id), "")  # a page's tables are downloaded from under its path
    return {unit_page(unit_id)} | {p for p in publication.downloads if p.startswith(prefix)}


def _report_downloads(publication: Publication, report: Report) -> set[str]:
    written = set()
    for key in [*report.records, FUNDS_KEY]:
        table = localise_table(publication.archive.table(report, key), publication.localise)
        for name, one in ((key, table), *(((table.aside.key, table.aside),) if table.aside else ())):
            if one.rows:
                path = download_path(report.page_path, f"{name}.csv")
                publication.downloads[path] = table_csv(one)
                publication.saved_names[path] = publication.localise(saved_name(*report_name_parts(report), one.title))
                written.add(path)
    return written


def _print_body(publication: Publication, year: int, src: str, site_name: str) -> str:
    """A cover and contents, then every narrative of the year, full year first then registry
    order, each starting a new sheet where the contents link to."""
    archive = publication.archive
    reports = [r for period in year_periods(archive, year) for r in archive.reports_in(period)]
    parts = [publication.stash(cover_html(site_name, year, reports, publication.localise))]
    for report in reports:
        body, _ = strip_front_matter(_narrative_text(report))
        parts.append(publication.stash(f'<div class="bulletin-page-break" id="{report_anchor(report)}"></div>'))
        # Problems were reported when the archive was loaded; a printed copy adds none.
        parts.append(publication.expanded_report(report, body, src, []))
    return "\n\n".join(parts) + "\n"


def _narrative_text(report: Report) -> str:
    """A narrative read again for a print page; one not UTF-8, or deleted since the archive was
    loaded (a folder removed while a preview rebuilt), is printed without its text: the load
    reported the first, and the second is the next build's to report."""
    if report.narrative_file is None:
        return ""
    # Never blocks on a file that became a pipe meanwhile (see input_files.py); any fault is ""
    data = read_capped(report.narrative_file, report.narrative_path, MAX_NARRATIVE_BYTES,
                       lambda size: Problem(Location(report.narrative_path), "", ""), [])
    try:
        return data.decode("utf-8-sig") if data is not None else ""
    except UnicodeDecodeError:
        return ""


def _sheet_title(table: Table) -> str:
    """Sheet names from the comparison's key (visits-2021-H1): 看望慰問, or 看望慰問（上半年）."""
    kind_key, _, code = table.key.partition("-")
    period = parse_period(code)
    if period.part is None:
        return kind_title(kind_key)
    return f"{kind_title(kind_key)}（{period.label.removeprefix(f'{period.year}年')}）"
