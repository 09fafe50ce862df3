"""Tables as files to download: CSV for every table, an XLSX workbook for a year's overview.

Both are written from the same `Table` the page shows, cell by cell: a numeric cell is its page
text without thousands separators (so Excel reads 14400 as a number), an approximate count keeps
its 多, an empty cell (—) is empty. CSV is UTF-8 with a byte-order mark, which Excel needs to
open Chinese text correctly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from .formatting import MISSING
from .tables import Cell, Column, Table

_XLSX_SHEET_NAME_LIMIT = 31
_XLSX_FORBIDDEN = str.maketrans({c: "－" for c in "[]:*?/\\"})


def cell_text(column: Column, cell: Cell) -> str:
    """What a download holds for one cell."""
    if cell.text in (MISSING, ""):
        return ""
    return cell.text.replace(",", "") if column.numeric else cell.text


def table_rows(table: Table) -> list[list[str]]:
    """Header, rows and 合計 row, as the downloads hold them."""
    rows = [[c.header for c in table.columns]]
    body = [*table.rows, *([table.total] if table.total else [])]
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
    workbook.remove(workbook.active)
    used: set[str] = set()
    for name, table in sheets:
        sheet = workbook.create_sheet(_sheet_name(name, used))
        for row_index, row in enumerate(table_rows(table)):
            values = []
            for column, text in zip(table.columns, row, strict=True):
                values.append(_number(text) if row_index and column.numeric else text)
            sheet.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


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
