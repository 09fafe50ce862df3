"""Rationalisation proposals (合理化建議, 金點子, 有效提案): how many, how many taken up, their benefit."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..amounts import Count
from ..schema import Kind, Record, count, money, text


@dataclass(frozen=True, kw_only=True, eq=False)
class Suggestion(Record):
    campaign: str | None = text("活動", required=True)
    submitted: Count | None = count("提出", "條", "件")
    adopted: Count | None = count("採納", "條", "件", part_of="submitted")
    effective: Count | None = count("有效提案", "條", "件", part_of="submitted")
    awarded: Count | None = count("評為優秀", "條", "件")
    participants: Count | None = count("參與人數", "人")
    # Economic benefit is value created, not money the union spent: no fund role.
    benefit: Decimal | None = money("經濟效益")


KIND = Kind(key="suggestions", title="合理化建議", record=Suggestion, order=40,
            words=("合理化推薦", "金點子"))
