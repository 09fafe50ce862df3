"""Tables across reports: a year's units compared, a unit's history, a parent's roll-up, the headlines.

Every figure here is a report's own 合計 (measures.py) or a sum of them. Periods of different
lengths are never added: a half-year report sits in its own table, beside the full year's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from .archive import Archive, Report
from .funds import FUNDS_KEY, FUNDS_TITLE
from .kinds import KINDS
from .measures import (
    Measures, change, format_change, format_measure, measure_columns, report_measures, total_of,
)
from .periods import Period
from .tables import TOTAL_LABEL, Cell, Column, Table, approximate_notes
from .units import Unit
from .urls import unit_page

if TYPE_CHECKING:
    from .kinds.awards import Award

OWN_LABEL = "本單位"


STOCK_NOTE = "會員、組織等是時點數，上級的數字往往已包含下級，各單位並列而不相加。"


def kind_title(kind_key: str) -> str:
    return FUNDS_TITLE if kind_key == FUNDS_KEY else KINDS[kind_key].title


def adds_across_reports(kind_key: str) -> bool:
    """Whether reports' figures of this kind may be summed: not a stock such as membership."""
    return kind_key == FUNDS_KEY or not KINDS[kind_key].stock


def _columns_in_use(columns: Sequence[Column], rows: list[Measures]) -> list[Column]:
    return [c for c in columns if any(c.field in row for row in rows)]


def _with_figures(archive: Archive, reports: list[Report], kind_key: str) -> list[tuple[Report, Measures]]:
    """The reports that have figures of this kind, each with its 合計 row by field."""
    measured = ((r, report_measures(archive, r, kind_key)) for r in reports)
    return [(r, m) for r, m in measured if m]


def _measure_cells(columns: list[Column], values: Measures, money_unit: str) -> list[Cell]:
    return [Cell(values.get(c.field), format_measure(values.get(c.field), money_unit)) for c in columns]


def year_comparison(archive: Archive, period: Period, kind_key: str) -> Table | None:
    """Units side by side for one period and kind, with the 合計 over them; None if nobody reported."""
    money_unit = archive.settings.money_unit
    reports = _with_figures(archive, archive.reports_in(period), kind_key)
    if not reports:
        return None
    columns = _columns_in_use(measure_columns(kind_key, money_unit), [m for _, m in reports])
    rows = tuple(
        (Cell(r.unit.name, r.unit.name, link=r.page_path), *_measure_cells(columns, m, money_unit))
        for r, m in reports
    )
    total_row, notes = None, approximate_notes(rows)
    if adds_across_reports(kind_key):
        total = total_of(m for _, m in reports)
        total_row = (Cell(TOTAL_LABEL, TOTAL_LABEL), *_measure_cells(columns, total, money_unit))
    else:
        notes = (STOCK_NOTE, *notes)
    return Table(f"{kind_key}-{period.code}", f"{period.label}{kind_title(kind_key)}",
                 (Column("單位", field="unit"), *columns), rows, total_row, notes)


def unit_history(archive: Archive, unit_id: str, kind_key: str) -> Table | None:
    """A unit's figures period by period, each with 同比 against the same period a year before."""
    money_unit = archive.settings.money_unit
    reports = _with_figures(archive, archive.reports_of(unit_id), kind_key)
    if not reports:
        return None
    by_period = {(r.period.year, r.period.part): m for r, m in reports}  # plain tuples: hashed without a call
    columns = _columns_in_use(measure_columns(kind_key, money_unit), [m for _, m in reports])
    header = [Column("期別", field="period")]
    for column in columns:
        header += [column, Column(f"{column.header.split('（')[0]}同比", True, f"{column.field}_change")]
    rows = []
    for report, measures in reports:
        earlier = by_period.get((report.period.year - 1, report.period.part), {})
        cells = [Cell(report.period.code, report.period.label, link=report.page_path)]
        for column in columns:
            now = measures.get(column.field)
            fraction = change(now, earlier.get(column.field))
            cells += [Cell(now, format_measure(now, money_unit)), Cell(fraction, format_change(fraction))]
        rows.append(tuple(cells))
    return Table(f"history-{kind_key}", f"{kind_title(kind_key)}歷年情況", tuple(header), tuple(rows),
                 notes=approximate_notes(rows))


def units_above(archive: Archive, unit_id: str) -> list[str]:
    """The unit and every unit above it, nearest first: the roll-ups a report of it is summed into."""
    chain, seen = [], set()
    unit: Unit | None = archive.units.units.get(unit_id)
    while unit is not None and unit.id not in seen:  # a loop of parents is reported, not followed
        seen.add(unit.id)
        chain.append(unit.id)
        unit = archive.units.units.get(unit.parent) if unit.parent is not None else None
    return chain or [unit_id]


class RollUp:
    """Sums over the unit tree per period and kind, each subtree computed once per build."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        # Per period and kind, each unit's subtree sum: a unit's sums are found by its id alone
        # (hashing a Period is a Python call, and a roll-up asks for 30,000 sums at 2,000 reports).
        self._subtree: dict[tuple[Period, str], dict[str, Measures]] = {}
        self._below: dict[str, bool] = {}

    def subtree(self, unit_id: str, period: Period, kind_key: str) -> Measures:
        """The unit's own figures plus every descendant's, for exactly this period."""
        sums = self._subtree.setdefault((period, kind_key), {})
        return self._sum(unit_id, period, kind_key, sums)

    def _sum(self, unit_id: str, period: Period, kind_key: str, sums: dict[str, Measures]) -> Measures:
        found = sums.get(unit_id)
        if found is None:
            own = self.archive.report(unit_id, period)
            found = sums[unit_id] = total_of([
                report_measures(self.archive, own, kind_key) if own else {},
                *(self._sum(child.id, period, kind_key, sums) for child in self.archive.units.children(unit_id)),
            ])
        return found

    def forget(self, unit_id: str, period: Period) -> None:
        """A report of this unit and period was read again: its sums, and those of every unit above,
        are summed afresh when next asked; every other unit's and period's are kept (a quick preview
        at 2,000 reports would otherwise sum the whole tree again for the top unit's page)."""
        chain = units_above(self.archive, unit_id)
        for (summed_period, _kind), sums in self._subtree.items():
            if summed_period == period:
                for summed in chain:
                    sums.pop(summed, None)

    def has_data_below(self, unit_id: str) -> bool:
        if unit_id not in self._below:
            self._below[unit_id] = any(
                self.archive.reports_of(u.id) or self.has_data_below(u.id) for u in self.archive.units.children(unit_id)
            )
        return self._below[unit_id]

    def table(self, unit: Unit, period: Period, kind_key: str) -> Table | None:
        """本單位, each child with its own subtree, and the 合計: the figures a higher level asks for."""
        archive, money_unit = self.archive, self.archive.settings.money_unit
        if not adds_across_reports(kind_key):
            return None  # a federation's membership already holds its unions': no sum to show
        rows_measures: list[tuple[Cell, Measures]] = []
        own = archive.report(unit.id, period)
        if own is not None and (measures := report_measures(archive, own, kind_key)):
            rows_measures.append((Cell(OWN_LABEL, OWN_LABEL, link=own.page_path), measures))
        children = 0
        for child in archive.units.children(unit.id):
            measures = self.subtree(child.id, period, kind_key)
            if measures:
                name = f"{child.name}（含下級）" if self.has_data_below(child.id) else child.name
                rows_measures.append((Cell(child.name, name, link=unit_page(child.id)), measures))
                children += 1
        if not children:
            return None  # nothing below this unit: its own history says it all
        columns = _columns_in_use(measure_columns(kind_key, money_unit), [m for _, m in rows_measures])
        rows = tuple((cell, *_measure_cells(columns, m, money_unit)) for cell, m in rows_measures)
        total = self.subtree(unit.id, period, kind_key)
        total_row = (Cell(TOTAL_LABEL, TOTAL_LABEL), *_measure_cells(columns, total, money_unit))
        return Table(f"rollup-{kind_key}-{period.code}", f"{period.label}{kind_title(kind_key)}（彙總）",
                     (Column("單位", field="unit"), *columns), rows, total_row, approximate_notes(rows))


def headlines(archive: Archive, period: Period) -> Table | None:
    """The period's totals across every report, one row per figure: the home page's first table."""
    money_unit = archive.settings.money_unit
    rows = []
    reports = archive.reports_in(period)
    for kind_key in [k for k in [*KINDS, FUNDS_KEY] if adds_across_reports(k)]:
        per_report = [m for r in reports if (m := report_measures(archive, r, kind_key))]
        if not per_report:
            continue
        total = total_of(per_report)
        for column in measure_columns(kind_key, money_unit):
            if column.field in total:
                label = f"{kind_title(kind_key)}：{column.header}"
                count = sum(1 for m in per_report if column.field in m)
                rows.append((Cell(label, label), Cell(total[column.field], format_measure(total[column.field], money_unit)),
                             Cell(count, str(count))))
    if not rows:
        return None
    columns = (Column("項目", field="item"), Column("合計", True, "total"), Column("填報單位數", True, "units"))
    return Table(f"headlines-{period.code}", f"{period.label}合計（{len(reports)} 份報告）", columns, tuple(rows),
                 notes=approximate_notes(rows))


def awards_by_level(archive: Archive) -> list[Table]:
    """Every award won, one table per awarding level, the highest first (全國 … 本單位: the
    honours a chairman shows first), each oldest year first; then the nominations and
    shortlistings, apart, highest level first: they are not awards won and are counted nowhere."""
    from .kinds.awards import LEVELS  # the awards kind owns its levels

    kind = KINDS["awards"]
    won: dict[str, list[tuple[Report, Award]]] = {}
    apart: dict[str, list[tuple[Report, Award]]] = {}
    # Oldest first by when the period ended, units in registry order within a period.
    for report in sorted(archive.reports.values(), key=lambda r: (r.period, archive.units.position(r.unit.id))):
        for award in cast("list[Award]", report.records.get("awards", [])):  # the awards kind's record class
            level = award.level or ""  # required: a record without one is refused before it gets here
            (won if kind.counted(award) else apart).setdefault(level, []).append((report, award))
    tables = [_awards_table(archive, f"awards-{LEVELS.index(level)}", f"{level}級獎項", won[level])
              for level in reversed(LEVELS) if level in won]
    nominated = [entry for level in reversed(LEVELS) for entry in apart.get(level, ())]
    if nominated and kind.apart is not None:  # only a kind that sets records apart has any
        tables.append(_awards_table(archive, "awards-apart", f"{kind.apart.title}（未獲獎，不計入獲獎數）", nominated,
                                    apart=True))
    return tables


def _awards_table(archive: Archive, key: str, title: str, entries: list[tuple[Report, Award]],
                  apart: bool = False) -> Table:
    money_unit = archive.settings.money_unit
    rows = []
    for report, award in entries:
        rows.append((
            Cell(report.period.code, report.period.label),
            *((Cell(award.level, award.level or "—"), Cell(award.status, award.status or "—")) if apart else ()),
            Cell(award.title, award.title or "—"),
            Cell(award.rank, award.rank or "—"),
            Cell(award.recipient_type, award.recipient_type or "—"),
            Cell(award.recipient, award.recipient or "—"),
            Cell(award.count, format_measure(award.count, money_unit)),
            Cell(report.unit.name, report.unit.name, link=report.page_path),
        ))
    columns = (Column("期別", field="period"),
               *((Column("授予層級", field="level"), Column("狀態", field="status")) if apart else ()),
               Column("獎項", field="title"), Column("名次／等級", field="rank"),
               Column("獲獎類型", field="recipient_type"), Column("獲獎者", field="recipient"),
               Column("數量", True, "count"), Column("單位", field="unit"))
    return Table(key, title, columns, tuple(rows), notes=approximate_notes(rows))
