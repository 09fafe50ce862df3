"""A report's summable figures per kind, read off its computed tables, so every page agrees.

A unit's history, a year's comparison and a parent's roll-up all start from the 合計 row of the
report's own table: the number a reader sees on the report page is, by construction, the number
every overview adds up.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, Decimal

from .amounts import Count, Yuan, YuanAtLeast, digits_of, is_lower_bound
from .archive import Archive, Report
from .formatting import MISSING, format_count, format_money
from .funds import FUNDS_KEY
from .kinds import KINDS
from .schema import CASH, IN_KIND, Money
from .tables import UNSORTED, Column, money_header

Value = Count | Yuan
Measures = dict[str, Value]


@functools.cache  # asked for by every roll-up cell; the answer never changes
def measure_columns(kind_key: str, money_unit: str) -> tuple[Column, ...]:
    """The columns of a kind that add up across reports (people-times, yuan, items)."""
    if kind_key == FUNDS_KEY:
        return (Column(money_header("現金", money_unit), True, CASH),
                Column(money_header("實物折合", money_unit), True, IN_KIND),
                Column(money_header("經費合計", money_unit), True, "total"))
    kind = KINDS[kind_key]
    columns = []
    for spec in kind.fields if kind.totalled else ():
        if spec.totalled and not spec.private:
            header = money_header(spec.label, money_unit) if isinstance(spec.type, Money) else spec.header
            columns.append(Column(header, True, spec.name))
    if kind.total_by is None:
        return tuple(columns)
    # One figure per group and field (收繳金額, 撥付下級金額): overviews add a group only to itself.
    by = kind.field(kind.total_by)
    groups = (*kind.total_by_options, *(() if by.required else (UNSORTED,)))
    return tuple(Column(f"{group}{c.header}", True, f"{c.field}:{group}") for group in groups for c in columns)


def measured_kinds() -> list[str]:
    """Kinds with something to add up, in kind order, then funds."""
    return [key for key, kind in KINDS.items() if kind.totalled and any(s.totalled for s in kind.fields)] + [FUNDS_KEY]


def report_measures(archive: Archive, report: Report, kind_key: str) -> Measures:
    """The 合計 row of the report's table for this kind, by field; empty when it has no records.

    Computed once per report and kind; callers must not change the dict they get.
    """
    def compute() -> Measures:
        table = archive.table(report, kind_key)
        wanted = {c.field for c in measure_columns(kind_key, archive.settings.money_unit)}
        # A grouped table's 合計 rows each hold their group in the first cell (see tables.Table).
        totals = [("", table.total)] if table.total is not None else [(f":{row[0].value}", row) for row in table.group_totals]
        return {
            column.field + group: cell.value
            for group, row in totals
            for column, cell in zip(table.columns, row, strict=True)
            if column.field + group in wanted and isinstance(cell.value, Count | Decimal | YuanAtLeast)
        }

    return archive.derived(report, f"measures:{kind_key}", compute)


def add(a: Measures, b: Measures) -> Measures:
    """Field by field; a field missing on one side keeps the other's value."""
    total = dict(a)
    for field, value in b.items():
        total[field] = _plus(field, total[field], value) if field in total else value
    return total


def _plus(field: str, a: Value, b: Value) -> Value:
    """Counts to counts, yuan to yuan. A field holds one of them in every report of its kind, so a
    mix is a bug upstream: it fails here naming the field, never as a count read as yuan."""
    if isinstance(a, Count) and isinstance(b, Count):
        return a + b
    if not isinstance(a, Count) and not isinstance(b, Count):
        return a + b
    raise TypeError(f"measure {field}: cannot add {a!r} and {b!r}, a count and an amount")


def total_of(measures: Iterable[Measures]) -> Measures:
    total: Measures = {}
    for one in measures:
        total = add(total, one)
    return total


def format_measure(value: Value | None, money_unit: str) -> str:
    if value is None:
        return MISSING
    if isinstance(value, Count):
        return format_count(value)
    return format_money(value, money_unit)


def change(current: Value | None, previous: Value | None) -> Decimal | None:
    """Year-on-year change as a fraction, or None when it cannot be stated exactly (a lower bound)."""
    if current is None or previous is None or is_lower_bound(current) or is_lower_bound(previous):
        return None
    now = Decimal(current.value) if isinstance(current, Count) else digits_of(current)
    before = Decimal(previous.value) if isinstance(previous, Count) else digits_of(previous)
    if before == 0:
        return None
    return (now - before) / before


def format_change(fraction: Decimal | None) -> str:
    """同比 as a signed percentage to one decimal: +12.5%, −3.0%; — when there is nothing to compare."""
    if fraction is None:
        return MISSING
    percent = (fraction * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)
    if percent > 0:
        return f"+{percent}%"
    if percent < 0:
        return f"−{-percent}%"
    return "0.0%"
