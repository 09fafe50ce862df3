"""Computed tables: one per kind per report, and the derived funds table, built from records.

A `Table` holds both the value and the text of every cell, so the page, and later CSV and XLSX
downloads, are rendered from one computation and cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from .amounts import Count, is_lower_bound
from .formatting import MISSING, format_count, format_money, format_percent

WITHHELD = "（不公開）"  # a private value in a column that another record of the table made public
from .schema import FieldSpec, Kind, Money, Percent, Record

TOTAL_LABEL = "合計"
APPROXIMATE_NOTE = "帶「多」的數字為約數；含約數的合計為下限。"
DEFAULT_COUNT_NOTE = "未註明數量的項目按一項計。"


@dataclass(frozen=True)
class Cell:
    """A value and how it reads on the page; `value` is None for an empty cell.

    `link` is the docs path (src_uri) of a page the cell leads to, made relative when rendered.
    """

    value: object
    text: str
    link: str | None = None


BLANK = Cell(None, "")


@dataclass(frozen=True)
class Column:
    header: str
    numeric: bool = False
    field: str = ""   # the record field or measure behind the column, for downloads


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total: tuple[Cell, ...] | None = None
    notes: tuple[str, ...] = ()


def format_value(value: object, field_type: object, money_unit: str, measure: str = "") -> str:
    """The text of one cell; `measure` is appended to counts whose measure word varies by row."""
    if value is None:
        return MISSING
    if isinstance(value, Count):
        return format_count(value) + measure
    if isinstance(field_type, Money):
        return format_money(value, money_unit)
    if isinstance(field_type, Percent):
        return format_percent(value)
    return str(value)


def money_header(label: str, money_unit: str) -> str:
    return f"{label}（{money_unit}）"


def shown_value(record: Record, spec: FieldSpec) -> object:
    """A field's value as the site may show it: None for a private one its record did not publish."""
    if spec.private and spec.name not in record.published:
        return None
    return getattr(record, spec.name)


def _shown_fields(kind: Kind, records: Sequence[Record]) -> list[FieldSpec]:
    """Fields that some record fills and may show; measure-word fields are shown inside their counts."""
    measure_fields = {s.measure_from for s in kind.fields if s.measure_from}
    return [
        spec for spec in kind.fields
        if spec.name not in measure_fields
        and any(shown_value(r, spec) is not None for r in records)
    ]


def _header(spec: FieldSpec, money_unit: str) -> str:
    if isinstance(spec.type, Money):
        return money_header(spec.label, money_unit)
    return spec.header


def kind_table(kind: Kind, records: Sequence[Record], money_unit: str = "元") -> Table:
    """The table of one kind's records, with a 合計 row over every column that adds up."""
    specs = _shown_fields(kind, records)
    columns = tuple(Column(_header(s, money_unit), s.type.summable or isinstance(s.type, Percent), s.name)
                    for s in specs)
    rows = []
    for record in records:
        row = []
        for spec in specs:
            if spec.private and spec.name not in record.published:
                row.append(Cell(None, WITHHELD if getattr(record, spec.name) is not None else MISSING))
                continue
            value = getattr(record, spec.name)
            measure = getattr(record, spec.measure_from) or "" if spec.measure_from else ""
            row.append(Cell(value, format_value(value, spec.type, money_unit, measure)))
        rows.append(tuple(row))
    notes: list[str] = []
    total = None
    if records and any(s.totalled for s in specs):
        total_cells: list[Cell] = []
        for position, spec in enumerate(specs):
            if spec.totalled:
                values = [getattr(r, spec.name) for r in records if getattr(r, spec.name) is not None]
                value = sum_values(values)
                total_cells.append(Cell(value, format_value(value, spec.type, money_unit)))
            else:
                total_cells.append(Cell(TOTAL_LABEL, TOTAL_LABEL) if position == 0 else BLANK)
        total = tuple(total_cells)
    notes.extend(approximate_notes(rows))
    if any(s.default is not None for s in specs) and any(
        getattr(r, s.name) == s.default and s.name not in r.locations for r in records for s in specs
    ):
        notes.append(DEFAULT_COUNT_NOTE)
    return Table(kind.key, kind.title, columns, tuple(rows), total, tuple(notes))


def approximate_notes(rows: Sequence[Sequence[Cell]]) -> tuple[str, ...]:
    """The 約數 note, when any cell holds a lower bound (120多, 1800多元): totals over it are lower bounds too."""
    if any(is_lower_bound(c.value) for row in rows for c in row):
        return (APPROXIMATE_NOTE,)
    return ()


def sum_values(values: list) -> object:
    """The sum of counts or amounts (a lower bound if any is one); None for no values."""
    if not values:
        return None
    total = values[0]
    for value in values[1:]:
        total = total + value
    return total
