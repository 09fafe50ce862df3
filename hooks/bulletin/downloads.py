"""Tables as files to download: CSV for every table, an XLSX workbook for a year's overview.

Both are written from the same `Table` the page shows, cell by cell: a numeric cell is its page
text without thousands separators (so Excel reads 14400 as a number), an approximate count keeps
its 多, an empty cell (—) is empty. CSV is UTF-8 with a byte-order mark, which Excel needs to
open Chinese text correctly. A workbook (xlsx_writer.py) and a ZIP hold no time of building
(FIXED_TIME), so the same tables give the same bytes in every build, under any generator, and a
deploy sends them only when they changed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation

from . import xlsx_writer
from .formatting import MISSING
from .tables import Cell, Column, Table
from .xlsx_writer import FIXED_TIME, CellValue
from .zip_writer import zip_deflated


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
    """One sheet per table, numbers as numbers; sheet names made what Excel allows (xlsx_writer)."""
    return xlsx_writer.workbook([(name, sheet_values(table)) for name, table in sheets])


def sheet_values(table: Table) -> list[list[CellValue]]:
    """A table's cells as a workbook holds them: the header, then numbers as numbers (120多 and
    +12.5% stay text, as on the page), text as text (never a formula), an empty cell empty."""
    rows = _sheet_rows(table)
    values: list[list[CellValue]] = [list(rows[0])]
    numeric = [column.numeric for column in table.columns]
    for row in rows[1:]:
        values.append([_number(text) if number else text for number, text in zip(numeric, row, strict=True)])
    return values


def zip_files(files: Iterable[tuple[str, bytes]]) -> bytes:
    """Files packed under their names, each with FIXED_TIME (UTF-8 names flagged), as zipfile packs them."""
    return zip_deflated(files, FIXED_TIME)


def _sheet_rows(table: Table) -> list[list[str]]:
    """Like the CSV, but text exactly as on the page: a typed cell needs no apostrophe."""
    rows = [[c.header for c in table.columns]]
    for row in [*table.rows, *([table.total] if table.total else []), *table.group_totals]:
        rows.append([
            cell_text(col, cell) if col.numeric else ("" if cell.text == MISSING else cell.text)
            for col, cell in zip(table.columns, row, strict=True)
        ])
    return rows


def _number(text: str) -> CellValue:
    try:
        value = Decimal(text) if text else None
    except InvalidOperation:
        return text  # 120多, +12.5%: text, as on the page
    return value if value is None or value.is_finite() else text  # NaN is no number a sheet holds
