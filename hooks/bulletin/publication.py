"""The whole published archive: which pages exist, their Markdown, the navigation, the downloads.

Made once per build from the loaded archive. Adding a unit or a year is adding its files: the
home page, the year and unit pages, the awards index and the navigation all follow from here,
and nothing is listed by hand in mkdocs.yml.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from html import escape
from dataclasses import dataclass, field

from .archive import Archive, Report
from .archive_downloads import archive_downloads_section, publish_archive_workbook, publish_archive_zip, report_name_parts
from .collector import collector_paused
from .downloads import table_csv
from .fragments import inline
from .kept_tables import KeptTables, Shown, shown
from .funds import FUNDS_KEY
from .language import TRADITIONAL, Localise, localise_markdown, localise_table, localiser
from .markers import INLINE, find_markers, replace_markers
from .measures import format_measure, report_measures
from .narrative import heading_lines
from .overviews import RollUp
from .page_types import PAGE_TYPES
from .periods import Period
from .problems import Problem
from .render import PageContext, markdown_text, render_table
from .saved_names import saved_name
from .urls import HOME, download_path


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
    site_name: str = "工會年度工作總結檔案"
    archive_downloads: bool = False  # the whole archive's workbook and ZIP are among the downloads
    rollup: RollUp | None = None     # the unit pages' sums, made once per publish or refresh
    previewing: bool = False         # pages a quick preview does not rewrite say so (page_types.py)
    kept: KeptTables | None = None   # while previewing: tables kept for the quick previews (kept_tables.py)

    def generated_markdown(self, src_uri: str) -> str:
        """A generated page whole: its title and its body (print pages kept out of search)."""
        page = f"# {markdown_text(self.titles[src_uri])}\n\n{self.bodies[src_uri]}"
        if src_uri in self.unsearched:
            # A print page repeats every report of its year: search should lead to the reports.
            return f"---\nsearch:\n  exclude: true\n---\n\n{page}"
        return page

    def page_markdown(self, src_uri: str, markdown: str, handwritten: bool, problems: list[Problem]) -> str:
        """What MkDocs renders: a narrative expanded, an editor's intro page with our body after it."""
        report = self.archive.report_for_page(src_uri)
        if report is not None:
            return self.expanded_report(report, markdown, src_uri, problems)
        if handwritten and src_uri in self.bodies:
            intro = localise_markdown(markdown, self.localise).rstrip()
            if not heading_lines(intro):  # an intro without a title of its own keeps ours
                intro = f"# {markdown_text(self.titles[src_uri])}\n\n{intro}"
            return f"{intro}\n\n{self.bodies[src_uri]}"
        return localise_markdown(markdown, self.localise)  # an editor's own page: in the site's language too

    def expanded_report(self, report: Report, markdown: str, on_page: str, problems: list[Problem]) -> str:
        """A narrative with its title and tables, placed on `on_page` (its own page or a print page)."""
        context = PageContext(on_page, self.directory_urls)
        markers = self.archive.kept_markers(report, markdown)  # found when the narrative was checked
        if markers is None:
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
        """The navigation: each page type's section in registry order (page_types.py), then the
        editors' other pages. Every page carries the navigation it shows, so its size per page is
        what makes a large archive slow; `navigation.prune` and the grouping keep it small."""
        return [page_type.nav(self) for page_type in PAGE_TYPES if page_type.nav is not None] + list(other_pages)

    def archive_downloads_section(self) -> str:
        """The home page's links to the whole archive's workbook and ZIP."""
        return f"\n## {self.localise('下載全部資料')}\n\n" + self.stash(
            archive_downloads_section(self.directory_urls, self.site_name, self.localise)) + "\n"


def publish(archive: Archive, directory_urls: bool = True, site_name: str = "工會年度工作總結檔案",
            language: str = TRADITIONAL, stash: Callable[[str], str] = inline, previewing: bool = False,
            downloads_made: Callable[[dict[str, bytes]], None] | None = None) -> Publication:
    """Every generated page's body and every download, computed once for the build.

    `downloads_made` is given the downloads dict whenever more are in it: first the reports' CSVs
    and the workbook made from them (four in five of the downloads at 2,000 reports), then those
    of each page type, last the ZIP of them all; so they can be written (and scanned) while the
    rest is made."""
    with collector_paused():  # its tables, cells and texts all stay: see collector.py
        return _publish(archive, directory_urls, site_name, language, stash, previewing, downloads_made)


def _publish(archive: Archive, directory_urls: bool, site_name: str, language: str, stash: Callable[[str], str],
             previewing: bool, downloads_made: Callable[[dict[str, bytes]], None] | None) -> Publication:
    publication = Publication(archive, directory_urls, localiser(language), stash=stash, site_name=site_name,
                              previewing=previewing, kept=KeptTables() if previewing else None)
    made = downloads_made or (lambda downloads: None)
    for report in archive.reports.values():  # first: the tables are computed once, here or for a page
        _report_downloads(publication, report)
    # The whole archive: a workbook of every year and kind, made from the reports' tables; a ZIP of
    # every CSV, once the pages' own are made too.
    workbook = publish_archive_workbook(publication.downloads, publication.saved_names, archive, site_name,
                                        publication.localise)
    made(publication.downloads)
    for page_type in PAGE_TYPES:
        for src_uri in page_type.pages(archive):
            page_type.write(publication, src_uri, True)
            if not page_type.searched:
                publication.unsearched.add(src_uri)
        made(publication.downloads)
    if workbook:
        publish_archive_zip(publication.downloads, publication.saved_names, archive, site_name, publication.localise)
        publication.archive_downloads = True  # after the pages: the home page's section is added here, once
        publication.bodies[HOME] += publication.archive_downloads_section()
        made(publication.downloads)
    return publication


@dataclass
class Refreshed:
    written: set[str] = field(default_factory=set)  # docs paths (pages, downloads) to write again
    same: set[str] = field(default_factory=set)     # pages written again exactly as before: not rendered


def refresh(publication: Publication, data_changed: list[Report],
            narrative_changed: Sequence[Report] = (),
            before: dict[tuple[str, Period], Shown] | None = None) -> Refreshed:
    """After these reports' files were saved: rewrite what depends on them, for a quick preview.

    Every page type's pages that show a report whose records changed (page_types.py), and those
    that repeat the narratives for a saved narrative, except the types that declare themselves too
    slow for a preview (print pages, which say so while previewing). Downloads that gather a whole
    year or the whole archive (the workbooks, the ZIP) wait for the next full build too: making
    them would take longer than the rest of the preview.

    While previewing (`publication.kept`), `before` holds what the overviews showed of each saved
    report (by report key) before it was read again: only the tables whose figures changed are
    computed again, and a page whose title and parts all come out the same is in `same`, not
    written (the units page for any saved figure, the awards page for a saved visit).
    """
    archive, kept, refreshed = publication.archive, publication.kept, Refreshed()
    if publication.rollup is not None:  # the roll-ups sum the changed figures afresh, the rest are kept
        for report in data_changed:
            publication.rollup.forget(report.unit.id, report.period)
    if kept is not None:
        for report in data_changed:
            kept.forget(archive, report, (before or {}).get(report.key, {}), shown(archive, report))
    for report in data_changed:
        refreshed.written |= _report_downloads(publication, report)
    for page_type in PAGE_TYPES:
        reports = [*data_changed, *(narrative_changed if page_type.shows_narratives else ())]
        if reports and page_type.quick:
            for src_uri in page_type.affected(archive, reports):
                last = kept.signatures.get(src_uri) if kept is not None else None
                written = page_type.write(publication, src_uri, False)
                if last is not None and kept is not None and kept.signatures.get(src_uri) == last:
                    refreshed.same.add(src_uri)
                else:
                    refreshed.written |= written
    return refreshed


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
