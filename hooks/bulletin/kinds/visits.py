"""Visits and consolation (看望慰問, 送溫暖, 夏送清涼, 工傷探視): people reached and money given."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..amounts import Count
from ..periods import PartialDate
from ..schema import CASH, IN_KIND, Kind, Record, count, date, money, text


@dataclass(frozen=True, kw_only=True, eq=False)
class Visit(Record):
    occasion: str | None = text("慰問項目", required=True)
    date: PartialDate | None = date("日期")
    units: Count | None = count("慰問單位", "家")
    people: Count | None = count("慰問人次", "人次", "人", "名")
    migrant_workers: Count | None = count("其中農民工", "人次", "人", "名", part_of="people")
    cash: Decimal | None = money("慰問金", fund=CASH)
    in_kind: Decimal | None = money("慰問實物折合", fund=IN_KIND)
    note: str | None = text("備註")
    # Who was visited, and why, is the office's own business.
    beneficiaries: str | None = text("受慰問人", private=True, names=True)
    circumstances: str | None = text("家庭情況", private=True)


KIND = Kind(key="visits", title="看望慰問", record=Visit, order=10, fund_purpose="看望慰問",
            words=("走訪慰問", "慰問", "送溫暖", "夏送清涼", "探視", "探望", "看望"))
