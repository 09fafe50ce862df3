"""What the trend charts show: people-times visited, funds by purpose, awards, period by period.

A unit's charts use its own reports; the archive's use every report of each period. Periods are
categories of their own, so a half-year is never stacked onto a full year.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from .archive import Archive, Report
from .charts import Chart, Series
from .funds import FUNDS_KEY
from .measures import format_measure, report_measures, total_of
from .periods import Period

# (chart key, kind, field, title, unit): the single-figure trends offices ask for.
SINGLE_TRENDS = (
    ("visits-people", "visits", "people", "看望慰問人次", "人次"),
    ("awards-count", "awards", "count", "獲獎數量", "項"),
)


def unit_charts(archive: Archive, unit_id: str) -> list[Chart]:
    reports = archive.reports_of(unit_id)
    return _charts(archive, [(r.period, [r]) for r in reports], prefix=f"unit-{unit_id}")


def archive_charts(archive: Archive) -> list[Chart]:
    return _charts(archive, [(p, archive.reports_in(p)) for p in archive.periods()], prefix="archive")


def _charts(archive: Archive, groups: Sequence[tuple[Period, list[Report]]], prefix: str) -> list[Chart]:
    money_unit = archive.settings.money_unit
    charts = []
    for key, kind, field, title, unit in SINGLE_TRENDS:
        points = []
        for period, reports in groups:
            total = total_of(report_measures(archive, report, kind) for report in reports)
            if field in total:
                points.append((period.label, total[field]))
        if points:
            series = Series(title, tuple(v for _, v in points), tuple(format_measure(v, money_unit) for _, v in points))
            charts.append(Chart(f"{prefix}-{key}", title, tuple(c for c, _ in points), (series,), unit))
    funds = _funds_by_purpose(archive, groups)
    if funds is not None:
        charts.append(Chart(f"{prefix}-funds", "經費按用途", funds[0], funds[1], money_unit, stacked=True))
    return charts


def _funds_by_purpose(archive: Archive, groups) -> tuple[tuple[str, ...], tuple[Series, ...]] | None:
    money_unit = archive.settings.money_unit
    categories: list[str] = []
    per_period: list[dict[str, Decimal]] = []
    for period, reports in groups:
        amounts: dict[str, Decimal] = {}
        for report in reports:
            table = archive.table(report, FUNDS_KEY)
            fields = [c.field for c in table.columns]
            for row in table.rows:
                purpose, total = row[fields.index("purpose")].value, row[fields.index("total")].value
                amounts[purpose] = amounts.get(purpose, Decimal(0)) + total
        if amounts:
            categories.append(period.label)
            per_period.append(amounts)
    if not categories:
        return None
    purposes = list(dict.fromkeys(p for amounts in per_period for p in amounts))
    series = tuple(
        Series(purpose,
               tuple(a.get(purpose) for a in per_period),
               tuple(format_measure(a.get(purpose), money_unit) for a in per_period))
        for purpose in purposes
    )
    return tuple(categories), series
