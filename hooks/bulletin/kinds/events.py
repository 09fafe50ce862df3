"""Dated activities (運動會, 文藝匯演, 籃球比賽, 職代會, 考察學習): when, who took part, the result."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..amounts import Count
from ..periods import PartialDate
from ..schema import CASH, Kind, Record, count, date, money, text


@dataclass(frozen=True, kw_only=True, eq=False)
class Event(Record):
    name: str | None = text("活動", required=True)
    date: PartialDate | None = date("日期")
    organiser: str | None = text("主辦")
    participants: Count | None = count("參加人數", "人", "名", "人次")
    units: Count | None = count("參加單位", "家", "個")
    result: str | None = text("成績／成效")
    cost: Decimal | None = money("活動經費", fund=CASH)


KIND = Kind(key="events", title="活動紀要", record=Event, order=100, fund_purpose="活動經費",
            words=("運動會", "文藝匯演"))
