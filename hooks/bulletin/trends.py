"""What the trend charts show: people-times visited, funds by purpose, awards, period by period.

A unit's charts use its own reports; the archive's use every report of each period. Each kind of
period has its own charts (年度, 半年度, 季度): a half-year of one unit beside full years of
others is not growth or decline, so it is never a bar in the same series.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from .amounts import Yuan, YuanAtLeast
from .archive import Archive, Report
from .charts import Chart, Series
from .funds import FUNDS_KEY
from .kinds.awards import RECIPIENTS
from .measures import format_measure, report_measures, total_of
from .periods import Period
from .tables import UNSORTED

# (chart key, kind, fields, title, unit): the trends offices ask for. Several fields are bars side
# by side, never stacked: awards to teams and to individuals are not one number.
TRENDS = (
    ("visits-people", "visits", ("people",), "看望慰問人次", "人次"),
    ("awards-count", "awards", tuple(f"count:{t}" for t in (*RECIPIENTS, UNSORTED)), "獲獎數量（按獲獎類型）", "項"),
)


# A period's length (its part's first letter) → the suffix of its charts' keys and the name in
# their titles. Full years keep the plain key.
PERIOD_KINDS = ((None, "", "年度"), ("H", "-half", "半年度"), ("Q", "-quarter", "季度"))


def unit_charts(archive: Archive, unit_id: str) -> list[Chart]:
    reports = archive.reports_of(unit_id)
    return _by_period_kind(archive, [(r.period, [r]) for r in reports], prefix=f"unit-{unit_id}")


def archive_charts(archive: Archive) -> list[Chart]:
    return _by_period_kind(archive, [(p, archive.reports_in(p)) for p in archive.periods()], prefix="archive")


def _by_period_kind(archive: Archive, groups: Sequence[tuple[Period, list[Report]]], prefix: str) -> list[Chart]:
    charts = []
    for letter, suffix, name in PERIOD_KINDS:
        same = [(p, reports) for p, reports in groups if (p.part[0] if p.part else None) == letter]
        charts.extend(_charts(archive, same, prefix, suffix, name))
    return charts


def _charts(archive: Archive, groups: Sequence[tuple[Period, list[Report]]], prefix: str,
            suffix: str, period_kind: str) -> list[Chart]:
    money_unit = archive.settings.money_unit
    charts = []
    for key, kind, fields, name, unit in TRENDS:
        title = f"{name}（{period_kind}）"
        totals = [(period.label, total_of(report_measures(archive, report, kind) for report in reports))
                  for period, reports in groups]
        totals = [(label, total) for label, total in totals if any(f in total for f in fields)]
        series = tuple(
            # One field is named by the chart; one of several by its group (團體, 個人).
            Series(name if len(fields) == 1 else field.partition(":")[2],
                   tuple(t.get(field) for _, t in totals),
                   tuple(format_measure(t.get(field), money_unit) for _, t in totals))
            for field in fields if any(field in t for _, t in totals)
        )
        if series:
            charts.append(Chart(f"{prefix}-{key}{suffix}", title, tuple(label for label, _ in totals), series, unit))
    funds = _funds_by_purpose(archive, groups)
    if funds is not None:
        charts.append(Chart(f"{prefix}-funds{suffix}", f"經費按用途（{period_kind}）", funds[0], funds[1], money_unit,
                            stacked=True))
    return charts


def _funds_by_purpose(archive: Archive, groups) -> tuple[tuple[str, ...], tuple[Series, ...]] | None:
    money_unit = archive.settings.money_unit
    categories: list[str] = []
    per_period: list[dict[str, Yuan]] = []  # a lower bound (1800多元) stays one through the sum
    for period, reports in groups:
        amounts: dict[str, Yuan] = {}
        for report in reports:
            table = archive.table(report, FUNDS_KEY)
            fields = [c.field for c in table.columns]
            for row in table.rows:
                purpose, total = row[fields.index("purpose")].value, row[fields.index("total")].value
                if not isinstance(purpose, str) or not isinstance(total, Decimal | YuanAtLeast):
                    raise TypeError(f"funds row of {report.data_path}: purpose {purpose!r}, total {total!r}")
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
