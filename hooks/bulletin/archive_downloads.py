"""The whole archive as two downloads on the home page.

The home page offers the whole archive: one workbook with a sheet per kind holding every report
of every year, each row with its 期別 and 單位, and a ZIP of every CSV the site offers. Both are
written from the very `Table`s the pages show (downloads.py turns cells into text), so they hold
the pages' figures cell for cell. Both are byte-for-byte the same from one build to the next
while the archive is: fixed timestamps inside, so a deploy uploads them only when they changed.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from html import escape

from .archive import Archive, Report
from . import xlsx_writer
from .downloads import sheet_values, zip_files  # the year workbooks' cells, exactly
from .funds import FUNDS_KEY
from .language import Localise, localise_table
from .overviews import kind_title
from .saved_names import saved_name
from .render import PageContext
from .tables import BLANK, Cell, Column, Table
from .urls import HOME

PERIOD, UNIT = "期別", "單位"
ARCHIVE_WORKBOOK = "downloads/archive/bulletin-archive.xlsx"
ARCHIVE_ZIP = "downloads/archive/bulletin-csv.zip"
OVERVIEWS = "總覽"  # the ZIP's folder for the year, unit, home and awards pages' tables


def publish_archive_workbook(downloads: dict[str, bytes], saved_names: dict[str, str], archive: Archive,
                             site_name: str, localise: Localise) -> bool:
    """Add the workbook to `downloads` (made from the reports' tables alone); False when there is no report."""
    tables = [localise_table(table, localise) for table in archive_tables(archive)]
    if not tables:
        return False
    downloads[ARCHIVE_WORKBOOK] = archive_workbook(tables)
    saved_names[ARCHIVE_WORKBOOK] = localise(saved_name(site_name, "全部年度及類別", suffix=".xlsx"))
    return True


def publish_archive_zip(downloads: dict[str, bytes], saved_names: dict[str, str], archive: Archive,
                        site_name: str, localise: Localise) -> None:
    """Add the ZIP of every CSV in `downloads` to it: made after every CSV, the pages' own included."""
    files = []
    for path in sorted(p for p in downloads if p.endswith(".csv")):
        report = archive.report_for_page(posixpath.dirname(path).removeprefix("downloads/") + ".md")
        files.append((f"{report.period.code if report else localise(OVERVIEWS)}/"
                      f"{saved_names.get(path, posixpath.basename(path))}", downloads[path]))
    downloads[ARCHIVE_ZIP] = csv_zip(files)
    saved_names[ARCHIVE_ZIP] = localise(saved_name(site_name, "全部表格CSV", suffix=".zip"))


def archive_downloads_section(directory_urls: bool, site_name: str, localise: Localise) -> str:
    """The home page's two links, each saved under a name that says what it holds."""
    page = PageContext(HOME, directory_urls)
    links = [(ARCHIVE_WORKBOOK, saved_name(site_name, "全部年度及類別", suffix=".xlsx"),
              "全部年度、全部類別（Excel 工作簿：每類一頁，每行註明期別與單位）"),
             (ARCHIVE_ZIP, saved_name(site_name, "全部表格CSV", suffix=".zip"),
              "全部表格（CSV 檔案合成一個壓縮檔，按期別分資料夾）")]
    items = "".join(f'<li><a href="{escape(page.href(path))}" download="{escape(name)}">{escape(label)}</a></li>'
                    for path, name, label in links)
    return localise(f'<ul class="bulletin-archive-downloads" data-search-exclude>{items}</ul>')


def _unique(files: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """Two tables saved under one name in one folder: the second is name (2).csv, never lost."""
    seen: set[str] = set()
    unique = []
    for name, data in files:
        stem, dot, suffix = name.rpartition(".")
        candidate, n = name, 2
        while candidate in seen:
            candidate, n = f"{stem} ({n}).{suffix}", n + 1
        seen.add(candidate)
        unique.append((candidate, data))
    return unique


def report_name_parts(report: Report) -> tuple[str, str]:
    """A report's tables are saved as <period>-<unit>-<table>: a folder of them sorts by year."""
    return report.period.code, report.unit.name


def archive_tables(archive: Archive) -> list[Table]:
    """Per table of a report (every kind, the funds, a set-apart table), one table of all reports:
    期別 and 單位 first, then every column any report's table has, in the order they show them."""
    merged: dict[str, list[tuple[Report, Table]]] = {}
    reports = sorted(archive.reports.values(), key=lambda r: (r.period, archive.units.position(r.unit.id)))
    for report in reports:
        for key in [*archive.kinds, FUNDS_KEY]:
            if key not in report.records and key != FUNDS_KEY:
                continue
            table = archive.table(report, key)
            for one in (table, *([table.aside] if table.aside else [])):
                if one.rows:
                    merged.setdefault(one.key, []).append((report, one))
    return [_merge(key, parts) for key, parts in merged.items()]


def _merge(key: str, parts: list[tuple[Report, Table]]) -> Table:
    columns: list[Column] = []
    for _, table in parts:
        before = -1
        for column in table.columns:
            at = next((i for i, c in enumerate(columns) if c.header == column.header), None)
            if at is None:
                columns.insert(before + 1, column)
                at = before + 1
            before = at
    rows = []
    for report, table in parts:
        where = {c.header: i for i, c in enumerate(table.columns)}
        for row in [*table.rows, *([table.total] if table.total else []), *table.group_totals]:
            cells = [row[where[c.header]] if c.header in where else BLANK for c in columns]
            rows.append((Cell(report.period.label, report.period.label), Cell(report.unit.name, report.unit.name), *cells))
    return Table(key=key, title=parts[0][1].title, columns=(Column(PERIOD), Column(UNIT), *columns), rows=tuple(rows))


def archive_workbook(tables: Sequence[Table]) -> bytes:
    """One sheet per kind, every year and unit in it; sheet names from the tables' titles.

    The cells are the year workbooks' (downloads.py: numbers as numbers, 120多 as text), written
    as XML text by xlsx_writer.py: at 2,000 reports (46,000 rows) openpyxl's cell-by-cell writer
    took 10 s of the build and its write-only mode about 5 s.
    """
    return xlsx_writer.workbook([(table.title or kind_title(table.key), sheet_values(table)) for table in tables])


def csv_zip(files: Iterable[tuple[str, bytes]]) -> bytes:
    """Files under their saved names (UTF-8 names, flagged so Windows shows the Chinese); a name
    given twice (two units of one name) is kept twice, the second as name (2).csv."""
    return zip_files(_unique(list(files)))
