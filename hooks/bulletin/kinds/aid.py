"""Aid (金秋助學, 困難職工幫扶, 貧困戶慰問): who was helped, how, and with how much."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..amounts import Count
from ..schema import CASH, IN_KIND, Kind, Record, choice, count, money, text

PURPOSES = {"助學": "助學", "幫扶": "困難幫扶", "救助": "救助"}


@dataclass(frozen=True, kw_only=True, eq=False)
class Aid(Record):
    programme: str | None = text("幫扶項目", required=True)
    type: str | None = choice("類別", tuple(PURPOSES), required=True)
    families: Count | None = count("家庭", "個", "個家庭", "家庭")
    households: Count | None = count("戶數", "戶")
    students: Count | None = count("學生", "名", "人")
    people: Count | None = count("人數", "人", "名", "人次")
    amount: Decimal | None = money("金額", fund=CASH)
    in_kind: Decimal | None = money("實物折合", fund=IN_KIND)
    measures: str | None = text("幫扶措施")
    # Personal data: recorded for the office, counted, never published.
    beneficiary: str | None = text("受助人", private=True, names=True)
    relation: str | None = text("與職工關係", private=True)
    illness: str | None = text("病情", private=True)
    circumstances: str | None = text("家庭情況", private=True)


KIND = Kind(
    key="aid", title="幫扶助學", record=Aid, order=20,
    fund_purpose=lambda record: PURPOSES[record.type],
    words=("幫扶", "助學", "救助", "資助", "扶貧", "幫困", "解困"),
)
