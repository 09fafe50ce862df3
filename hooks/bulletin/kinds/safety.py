"""Safety and occupational health work (職業病宣傳, 監督檢查, 安康杯)."""

from __future__ import annotations

from dataclasses import dataclass

from ..amounts import Count
from ..periods import PartialDate
from ..schema import Kind, Record, count, date, text


@dataclass(frozen=True, kw_only=True, eq=False)
class SafetyActivity(Record):
    activity: str | None = text("活動", required=True)
    date: PartialDate | None = date("日期")
    partners: str | None = text("會同單位")
    leaflets: Count | None = count("宣傳資料", "份")
    companies: Count | None = count("檢查企業", "家")
    participants: Count | None = count("參加人次", "人次", "人")
    note: str | None = text("備註")


KIND = Kind(key="safety", title="安全生產", record=SafetyActivity, order=90)
