"""Organisation building (建會, 新增會員, 集體合同, 工資集體協商, 職代會, 廠務公開).

Each row is one measure with its own measure word (家 or 人), so the columns carry no 合計;
where last period's total, this period's addition and the new total are all given they must agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..amounts import Count
from ..schema import Kind, Record, choice, count, percent, text

MEASURES = ("家", "人", "個", "項", "份")


@dataclass(frozen=True, kw_only=True, eq=False)
class OrganisationFigure(Record):
    item: str | None = text("項目", required=True)
    measure: str | None = choice("計量", MEASURES)
    previous: Count | None = count("上期累計", measure_from="measure")
    current: Count | None = count("本期", measure_from="measure")
    total: Count | None = count("累計", measure_from="measure")
    rate: Decimal | None = percent("比率")
    note: str | None = text("說明")


def _check(record: OrganisationFigure) -> list[tuple[str, str, str]]:
    problems = []
    counts = (record.previous, record.current, record.total)
    if any(c is not None for c in counts) and record.measure is None:
        problems.append(("measure", f"應為下列之一：{'、'.join(MEASURES)}，實為空白",
                         "填了數字就要寫明計量，例如 measure: 家"))
    previous, current, total = counts
    if previous is not None and current is not None and total is not None and not any(
            c.at_least for c in (previous, current, total)):
        if previous.value + current.value != total.value:
            problems.append((
                "total",
                f"應為上期累計 {previous.value} + 本期 {current.value} = "
                f"{previous.value + current.value}，實為 \"{total.value}\"",
                "核對 previous、current、total 三個數字",
            ))
    return problems


KIND = Kind(key="organisation", title="組織建設", record=OrganisationFigure, order=70, checks=_check)
