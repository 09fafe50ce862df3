"""The Markdown of the generated pages: home, one per year, one per unit, the awards index.

Each builder returns the page body (no title: the caller decides whether the page is generated
whole or appended to an editor's own intro) and registers its tables' CSV files in `downloads`.
Links between pages are ordinary Markdown links, which MkDocs checks and makes relative.
"""

from __future__ import annotations

import posixpath
from html import escape
from collections.abc import Callable, Hashable
from typing import Any

from .archive import Archive
from .charts import render_chart
from .downloads import table_csv
from .fragments import inline
from .kept_tables import KeptTables, Rendered
from .language import TRADITIONAL, Localise, localise_table, localiser
from .measures import measured_kinds
from .overviews import RollUp, awards_by_level, headlines, unit_history, year_comparison
from .render import PageContext, markdown_text, render_table
from .saved_names import saved_name
from .tables import Table
from .trends import archive_charts, unit_charts
from .urls import AWARDS, download_path, print_page, relative_path, unit_page, year_page, year_workbook_path


_AS_TYPED = localiser(TRADITIONAL)  # a Traditional site's texts stay as written


class PageWriter:
    """Builds one page's Markdown; every table it places gets its CSV registered.

    With `kept` (a quick preview's session, kept_tables.py) the overviews it asks for through
    `keep` and their renderings come from the last build where still current, and `signature`
    is the page's parts as written (a table by its rendering), to tell whether it changed."""

    def __init__(self, src_uri: str, directory_urls: bool, downloads: dict[str, bytes],
                 localise: Localise = _AS_TYPED, stash: Callable[[str], str] = inline,
                 kept: KeptTables | None = None) -> None:
        self.src_uri = src_uri
        self.localise = localise
        self.stash = stash
        self.context = PageContext(src_uri, directory_urls)
        self.downloads = downloads
        self.parts: list[str] = []
        self.tables: list[Table] = []
        self.saved_as: tuple[str, ...] = ()  # what its CSVs are saved as, before the table's title
        self.saved_names: dict[str, str] = {}  # CSV path → the name it is saved under
        self.kept = kept
        self.signature: list[str | Rendered] = []

    def keep(self, key: Hashable, compute: Callable[..., Any], *args: Any) -> Any:
        """compute(*args): an overview, computed or, while previewing, kept from the last build
        (kept_tables.py) under `key`, what it is of."""
        if self.kept is None:
            return compute(*args)
        return self.kept.get(key, lambda: compute(*args))

    def text(self, markdown: str) -> None:
        self.parts.append(self.localise(markdown))
        self.signature.append(self.parts[-1])

    def link(self, label: str, target_src: str) -> str:
        return f"[{markdown_text(label)}]({relative_path(target_src, posixpath.dirname(self.src_uri) or '.')})"

    def table(self, table: Table) -> None:
        rendered = self.kept.rendered.get((self.src_uri, table.key)) if self.kept is not None else None
        if rendered is None or rendered.source is not table:
            rendered = self._render(table)
            if self.kept is not None:
                self.kept.rendered[(self.src_uri, table.key)] = rendered
        csv_path = download_path(self.src_uri, f"{rendered.table.key}.csv")
        self.downloads[csv_path] = rendered.csv
        self.tables.append(rendered.table)
        self.saved_names[csv_path] = rendered.saved_name
        self.parts.append(self.stash(rendered.html))
        self.signature.append(rendered)

    def _render(self, source: Table) -> Rendered:
        table = localise_table(source, self.localise)
        csv_path = download_path(self.src_uri, f"{table.key}.csv")
        # A title that begins with what the page is (2021年度看望慰問 on 2021年) is not told it twice.
        saved_as = () if self.saved_as and table.title.startswith(self.saved_as[-1]) else self.saved_as
        return Rendered(source, table, table_csv(table), self.localise(render_table(table, self.context, csv_path, saved_as)),
                        self.localise(saved_name(*saved_as, table.title)))

    def html(self, block: str) -> None:
        """A block of HTML (a chart): stashed, so Markdown does not parse it again."""
        html = self.localise(block)
        self.signature.append(html)
        self.parts.append(self.stash(html))

    def markdown(self) -> str:
        return "\n\n".join(self.parts) + "\n"


def home_body(archive: Archive, writer: PageWriter) -> None:
    latest = archive.latest_period()
    if latest is not None and (table := writer.keep(("headlines", latest), headlines, archive, latest)) is not None:
        writer.text(f"## {markdown_text(table.title)}")
        writer.table(table)
    charts = writer.keep(("archive-charts",), archive_charts, archive)
    if charts:
        writer.text("## 歷年趨勢")
        for chart in charts:
            writer.html(render_chart(chart))
    writer.text("## 按年度")
    writer.text("\n".join(
        f"- {writer.link(f'{year}年', year_page(year))}：{sum(len(archive.reports_in(p)) for p in archive.periods() if p.year == year)} 份報告"
        for year in reversed(archive.years())
    ))
    writer.text("## 按單位")
    writer.text(_unit_tree(archive, writer.link))
    writer.text(f"## 獲獎榜\n\n{writer.link('全部獲獎榮譽（按授予層級）', AWARDS)}")


def units_body(archive: Archive, writer: PageWriter) -> None:
    """The 單位 tab's page: every unit in its tree, how many reports it has and its latest one."""
    if not archive.units.units:
        writer.text("登記冊中尚無單位。")
        return
    writer.text("各單位按隸屬關係排列；括號內為報告份數與最近一期。")
    writer.text(_unit_tree(archive, writer.link, latest=True))


def _unit_tree(archive: Archive, link: Callable[[str, str], str], latest: bool = False) -> str:
    lines = []

    def walk(unit_id: str, depth: int) -> None:
        unit = archive.units[unit_id]
        reports = archive.reports_of(unit_id)  # oldest first
        count = len(reports)
        suffix = f"（{count} 份報告）" if count else ""
        if latest:
            suffix = f"（{count} 份報告，最近：{reports[-1].period.label}）" if count else "（尚無報告）"
        lines.append(f"{'    ' * depth}- {link(unit.name, unit_page(unit_id))}{suffix}")
        for child in archive.units.children(unit_id):
            walk(child.id, depth + 1)

    for root in archive.units.roots():
        walk(root.id, 0)
    return "\n".join(lines)


def year_body(archive: Archive, year: int, writer: PageWriter) -> None:
    periods = year_periods(archive, year)
    writer.text(f"本年各期報告（{writer.link('列印本年全部報告', print_page(year))}）：")
    writer.text("\n".join(
        f"- {period.label}：" + "、".join(writer.link(r.unit.name, r.page_path) for r in archive.reports_in(period))
        for period in periods
    ))
    comparisons = [
        (period, [t for k in measured_kinds()
                  if (t := writer.keep(("year", period, k), year_comparison, archive, period, k)) is not None])
        for period in periods
    ]
    if any(tables for _, tables in comparisons):
        # HTML, not a Markdown link: downloads are written straight into the site, not given to
        # the generator as files, so it has none to check a Markdown link against.
        href = escape(writer.context.href(year_workbook_path(year)))
        writer.html(f'<p><a href="{href}">下載本年各單位比較（Excel 工作簿，每期每類一頁）</a></p>')
    for period, tables in comparisons:
        if tables:
            writer.text(f"## {period.label}各單位比較")
        for table in tables:
            writer.table(table)


def year_periods(archive: Archive, year: int) -> list:
    """A year's periods as its page lists them: the full year first, then its halves and quarters."""
    return sorted((p for p in archive.periods() if p.year == year), key=lambda p: (p.part is not None, p))


def unit_body(archive: Archive, unit_id: str, rollup: RollUp, writer: PageWriter) -> None:
    unit = archive.units[unit_id]
    facts = []
    if unit.type:
        facts.append(f"類型：{markdown_text(unit.type)}")
    if unit.parent and unit.parent in archive.units:
        facts.append(f"上級：{writer.link(archive.units[unit.parent].name, unit_page(unit.parent))}")
    children = archive.units.children(unit_id)
    if children:
        facts.append("下級：" + "、".join(writer.link(c.name, unit_page(c.id)) for c in children))
    if facts:
        writer.text("  \n".join(facts))
    reports = archive.reports_of(unit_id)
    writer.text("## 各期報告")
    writer.text("\n".join(f"- {writer.link(r.title, r.page_path)}" for r in reports) if reports else "本單位尚無報告。")
    if reports:
        writer.text("## 歷年情況")
        writer.text("同比：與上一年同期相比；上一年同期沒有數據、數據為零或為約數時記作「—」。")
        for kind_key in measured_kinds():
            table = writer.keep(("history", unit_id, kind_key), unit_history, archive, unit_id, kind_key)
            if table is not None:
                writer.table(table)
        charts = writer.keep(("unit-charts", unit_id), unit_charts, archive, unit_id)
        if charts:
            writer.text("## 趨勢")
            for chart in charts:
                writer.html(render_chart(chart))
    if rollup.has_data_below(unit_id):
        writer.text("## 彙總（本單位及下級單位）")
        writer.text("各期分開彙總：半年度與全年度報告不相加。")
        for period in archive.periods():
            for kind_key in measured_kinds():
                table = writer.keep(("rollup", unit_id, period, kind_key), rollup.table, unit, period, kind_key)
                if table is not None:
                    writer.table(table)


def awards_body(archive: Archive, writer: PageWriter) -> None:
    tables = writer.keep(("awards",), awards_by_level, archive)
    if not tables:
        writer.text("檔案中尚無獲獎記錄。")
    for table in tables:
        writer.text(f"## {markdown_text(table.title)}")
        writer.table(table)
