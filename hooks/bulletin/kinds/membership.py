"""Membership and organisation (會員與組織): members and of whom women and migrant workers, unions
founded, workers covered, the membership rate, 職工之家, 職工書屋 and 工會驛站.

The fixed figures every federation, school and hospital union reports, each in its own column
so a 其中 is checked against its whole (女會員 ≤ 會員). The generic `organisation` kind stays for
the rest (規範化工會, 三級聯創 …), each row with its own measure word.

These are stocks, counted at a date: a county federation's 會員 already holds its town unions'.
So reports are never added to each other (a year compares units side by side without 合計, no
roll-up, no headline); within one report, rows are parts that do not overlap (分工會, 系統), and
a part of a whole is written in the 其中 columns, not as a row of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..amounts import Count
from ..periods import PartialDate
from ..schema import Kind, Record, count, date, percent, text


@dataclass(frozen=True, kw_only=True, eq=False)
class Membership(Record):
    scope: str | None = text("範圍", required=True)
    as_of: PartialDate | None = date("截至")
    members: Count | None = count("會員", "人", "名")
    women: Count | None = count("其中女會員", "人", "名", part_of="members")
    migrant_workers: Count | None = count("其中農民工會員", "人", "名", part_of="members")
    # Joined during the period: a flow beside a stock, so not a 其中 of members (some may have left).
    new_members: Count | None = count("新發展會員", "人", "名")
    workers: Count | None = count("覆蓋職工", "人", "名")
    rate: Decimal | None = percent("入會率")
    unions: Count | None = count("建會單位", "家", "個")
    new_unions: Count | None = count("新建工會", "家", "個")
    workers_homes: Count | None = count("職工之家", "個", "家")
    reading_rooms: Count | None = count("職工書屋", "個", "家")
    # 工會驛站, also 戶外勞動者服務站 or 愛心驛站.
    stations: Count | None = count("工會驛站", "個", "家")
    note: str | None = text("備註")


KIND = Kind(key="membership", title="會員與組織", record=Membership, order=65, stock=True)
