"""Tables as files to download: CSV for every table, an XLSX workbook for a year's overview.

Both are written from the same `Table` the page shows, cell by cell: a numeric cell is its page
text without thousands separators (so Excel reads 14400 as a number), an approximate count keeps
its 多, an empty cell (—) is empty. CSV is UTF-8 with a byte-order mark, which Excel needs to
open Chinese text correctly. A workbook holds no time of building (fixed_zip_times), so the same
tables give the same bytes in every build, under any generator, and a deploy sends it only when
it changed.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation

from .formatting import MISSING
from .tables import Cell, Column, Table

FIXED_TIME = (2000, 1, 1, 0, 0, 0)  # inside ZIP and XLSX files: the same bytes for the same tables
_CORE_DATES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)")
_XLSX_SHEET_NAME_LIMIT = 31
_XLSX_FORBIDDEN = str.maketrans({c: "－" for c in "[]:*?/\\"})


# A text cell starting with one of these would be run as a formula by a spreadsheet.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell_text(column: Column, cell: Cell) -> str:
    """What a download holds for one cell.

    Numbers lose their thousands separators and take an ASCII minus (−3.0% → -3.0%), so
    spreadsheets read them as numbers. Text that a spreadsheet would run as a formula
    (=HYPERLINK(…)) is kept as text with a leading apostrophe, as spreadsheets themselves do.
    """
    if cell.text in (MISSING, ""):
        return ""
    if column.numeric:
        return cell.text.replace(",", "").replace("−", "-")
    return f"'{cell.text}" if cell.text.startswith(_FORMULA_STARTS) else cell.text


def table_rows(table: Table) -> list[list[str]]:
    """Header, rows and 合計 rows, as the downloads hold them (a set-apart table is a file of its own)."""
    rows = [[c.header for c in table.columns]]
    body = [*table.rows, *([table.total] if table.total else []), *table.group_totals]
    rows += [[cell_text(col, cell) for col, cell in zip(table.columns, row, strict=True)] for row in body]
    return rows


def table_csv(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(table_rows(table))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def tables_xlsx(sheets: Sequence[tuple[str, Table]]) -> bytes:
    """One sheet per table, numbers as numbers; sheet names trimmed to what Excel allows."""
    from openpyxl import Workbook  # imported here: only year overviews need it

    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])  # the empty sheet every new workbook starts with
    used: set[str] = set()
    for name, table in sheets:
        sheet = workbook.create_sheet(_sheet_name(name, used))
        for row_index, row in enumerate(_sheet_rows(table)):
            for column_index, (column, text) in enumerate(zip(table.columns, row, strict=True), start=1):
                cell = sheet.cell(row=row_index + 1, column=column_index)
                cell.value = _number(text) if row_index and column.numeric else text
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # never a formula, whatever the text starts with
    buffer = io.BytesIO()
    workbook.save(buffer)
    return fixed_zip_times(buffer.getvalue())


def zip_files(files: Iterable[tuple[str, bytes]]) -> bytes:
    """Files packed under their names, each with FIXED_TIME (UTF-8 names are flagged by zipfile)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, data in files:
            bundle.writestr(zipfile.ZipInfo(name, FIXED_TIME), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def fixed_zip_times(packed: bytes) -> bytes:
    """The same package with fixed timestamps (openpyxl writes the time of saving into it)."""
    source = zipfile.ZipFile(io.BytesIO(packed))
    files = []
    for info in source.infolist():
        data = source.read(info)
        if info.filename == "docProps/core.xml":
            data = _CORE_DATES.sub(rb"\g<1>2000-01-01T00:00:00Z\g<3>", data)
        files.append((info.filename, data))
    return zip_files(files)


def _sheet_rows(table: Table) -> list[list[str]]:
    """Like the CSV, but text exactly as on the page: a typed cell needs no apostrophe."""
    rows = [[c.header for c in table.columns]]
    for row in [*table.rows, *([table.total] if table.total else []), *table.group_totals]:
        rows.append([
            cell_text(col, cell) if col.numeric else ("" if cell.text == MISSING else cell.text)
            for col, cell in zip(table.columns, row, strict=True)
        ])
    return rows


def _number(text: str) -> object:
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return text  # 120多, +12.5%: text, as on the page


def _sheet_name(name: str, used: set[str]) -> str:
    base = name.translate(_XLSX_FORBIDDEN)[:_XLSX_SHEET_NAME_LIMIT]
    candidate, n = base, 2
    while candidate in used:
        suffix = f"({n})"
        candidate, n = base[: _XLSX_SHEET_NAME_LIMIT - len(suffix)] + suffix, n + 1
    used.add(candidate)
    return candidate
