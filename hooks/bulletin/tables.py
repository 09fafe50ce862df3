"""Computed tables: one per kind per report, and the derived funds table, built from records.

A `Table` holds both the value and the text of every cell, so the page, and later CSV and XLSX
downloads, are rendered from one computation and cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from .amounts import Count, YuanAtLeast, is_lower_bound
from .formatting import MISSING, format_count, format_money, format_percent, format_share

from .schema import CountOf, FieldSpec, Kind, Money, Percent, Ratio, Record

WITHHELD = "（不公開）"  # a private value in a column that another record of the table made public
TOTAL_LABEL = "合計"
APPROXIMATE_NOTE = "帶「多」的數字為約數；含約數的合計為下限。"
DEFAULT_COUNT_NOTE = "未註明數量的項目按一項計。"


@dataclass(frozen=True, slots=True)
class Cell:
    """A value and how it reads on the page; `value` is None for an empty cell.

    `link` is the docs path (src_uri) of a page the cell leads to, made relative when rendered.
    Slots: every table is kept for the build, a million cells at 10,000 reports, 56 bytes each, not 96.
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
    # 合計 rows per group (a direction of money, a recipient type) where one grand total would add
    # unlike things; shown after the rows. The first cell's value is the group.
    group_totals: tuple[tuple[Cell, ...], ...] = ()
    # A second table shown right after this one: records the kind sets apart, counted nowhere.
    aside: Table | None = None


def format_value(value: object, field_type: object, money_unit: str, measure: str = "") -> str:
    """The text of one cell; `measure` is appended to counts whose measure word varies by row."""
    if value is None:
        return MISSING
    if isinstance(value, Count):
        return format_count(value) + measure
    if isinstance(field_type, Money) and isinstance(value, Decimal | YuanAtLeast):
        return format_money(value, money_unit)
    if isinstance(field_type, Percent) and isinstance(value, Decimal):
        return format_percent(value)
    return str(value)


def money_header(label: str, money_unit: str) -> str:
    return f"{label}（{money_unit}）"


def _shown_fields(kind: Kind, records: Sequence[Record]) -> list[FieldSpec]:
    """Fields that some record fills and may show (a private one only where its record published
    it); measure-word fields are shown inside their counts. Asked of every field of every table,
    16,000 tables at 2,000 reports: written out as loops, without a function call per value."""
    measure_fields = {s.measure_from for s in kind.fields if s.measure_from}
    shown = []
    for spec in kind.fields:
        name = spec.name
        if name in measure_fields:
            continue
        if spec.private:
            if any(not r.withholds(spec) and getattr(r, name) is not None for r in records):
                shown.append(spec)
        elif any(getattr(r, name) is not None for r in records):
            shown.append(spec)
    return shown


def _header(spec: FieldSpec, money_unit: str) -> str:
    if isinstance(spec.type, Money):
        return money_header(spec.label, money_unit)
    return spec.header


def kind_table(kind: Kind, records: Sequence[Record], money_unit: str = "元") -> Table:
    """The table of one kind's records, with 合計 rows over every column that adds up.

    Records the kind sets apart (nominations, context figures) go to `aside`, a second table
    without totals; a kind totalled by a field gets one 合計 row per value of it and no other.
    """
    if not records:  # most reports fill only some kinds: nothing to lay out for the rest
        return Table(kind.key, kind.title, (), ())
    apart = kind.apart
    counted = [r for r in records if kind.counted(r)]
    table = _records_table(kind, counted, money_unit, hidden=apart.field if apart else None)
    aside_records = [r for r in records if not kind.counted(r)]
    if apart is None or not aside_records:
        return table
    aside = _records_table(kind, aside_records, money_unit, hidden=None if len(apart.values) > 1 else apart.field,
                           totals=False)
    aside = replace(aside, key=f"{kind.key}-apart", title=f"{kind.title}：{apart.title}",
                    notes=(apart.note, *aside.notes))
    return replace(table, aside=aside)


def _records_table(kind: Kind, records: Sequence[Record], money_unit: str, hidden: str | None,
                   totals: bool = True) -> Table:
    specs = [s for s in _shown_fields(kind, records) if s.name != hidden]
    # Each field with the ratios shown after it, worked out once per table, not once per cell.
    layout = [(spec, _ratios_after(kind, spec, specs) if kind.ratios else []) for spec in specs]
    columns: list[Column] = []
    for spec, ratios in layout:
        columns.append(Column(_header(spec, money_unit), spec.type.summable or isinstance(spec.type, Percent),
                              spec.name))
        columns += [Column(r.label, True, f"{r.part}/{r.whole}") for r in ratios]
    rows = []
    for record in records:
        row = []
        for spec, ratios in layout:
            if record.withholds(spec):
                row.append(Cell(None, WITHHELD if getattr(record, spec.name) is not None else MISSING))
                continue
            value = getattr(record, spec.name)
            measure = getattr(record, spec.measure_from) or "" if spec.measure_from else ""
            row.append(Cell(value, format_value(value, spec.type, money_unit, measure)))
            if ratios:
                row += [_ratio_cell(getattr(record, r.part), getattr(record, r.whole)) for r in ratios]
        rows.append(tuple(row))
    notes: list[str] = []
    total: tuple[Cell, ...] | None = None
    group_totals: tuple[tuple[Cell, ...], ...] = ()
    if totals and kind.totalled and records and any(s.totalled for s in specs):
        if kind.total_by is None:
            total = _total_row(layout, records, money_unit, TOTAL_LABEL, TOTAL_LABEL)
        else:
            group_totals = tuple(_total_row(layout, group, money_unit, label, f"{TOTAL_LABEL}（{label}）")
                                 for label, group in groups(kind, kind.total_by, records).items())
    notes.extend(approximate_notes(rows))
    if any(s.default is not None and isinstance(s.type, CountOf) for s in specs) and any(
        getattr(r, s.name) == s.default and s.name not in r.locations for r in records for s in specs
    ):
        notes.append(DEFAULT_COUNT_NOTE)
    return Table(kind.key, kind.title, tuple(columns), tuple(rows), total, tuple(notes), group_totals)


UNSORTED = "未分類"  # the group of records that leave the kind's total_by field empty


def groups(kind: Kind, total_by: str, records: Sequence[Record]) -> dict[str, list[Record]]:
    """Records by the value of the kind's total_by field, in the order of its options."""
    found: dict[str, list[Record]] = {label: [] for label in (*kind.total_by_options, UNSORTED)}
    for record in records:
        found[getattr(record, total_by) or UNSORTED].append(record)
    return {label: group for label, group in found.items() if group}


def _total_row(layout: Sequence[tuple[FieldSpec, list[Ratio]]], records: Sequence[Record], money_unit: str,
               value: str, text: str) -> tuple[Cell, ...]:
    """One 合計 row over `records`; its first cell is labelled, and holds the group it totals.
    `layout`: the table's fields, each with the ratios shown after it."""
    cells: list[Cell] = []
    sums: dict[str, object] = {}
    for position, (spec, ratios) in enumerate(layout):
        if spec.totalled:
            sums[spec.name] = sum_values([getattr(r, spec.name) for r in records if getattr(r, spec.name) is not None])
            cells.append(Cell(sums[spec.name], format_value(sums[spec.name], spec.type, money_unit)))
        else:
            cells.append(Cell(value, text) if position == 0 else BLANK)
        cells += [_ratio_cell(sums.get(r.part), sums.get(r.whole)) for r in ratios]
    return tuple(cells)


def _ratios_after(kind: Kind, spec: FieldSpec, specs: Sequence[FieldSpec]) -> list[Ratio]:
    """The ratios shown right after this field's column: those of its part, when the whole is shown too."""
    shown = {s.name for s in specs}
    return [r for r in kind.ratios if r.part == spec.name and r.whole in shown]


def _ratio_cell(part: object, whole: object) -> Cell:
    """part / whole as a share to one decimal; — when either is missing, a lower bound or the whole is 0."""
    if not isinstance(part, Count) or not isinstance(whole, Count) or part.at_least or whole.at_least or not whole.value:
        return Cell(None, MISSING)
    return Cell(Decimal(part.value) / Decimal(whole.value), format_share(Decimal(part.value), Decimal(whole.value)))


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
