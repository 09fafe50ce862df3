"""Labour competitions, skill contests and technical innovation (勞動競賽, 技術比武, 技術攻關)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..amounts import Count
from ..schema import CASH, Kind, Record, count, money, text


@dataclass(frozen=True, kw_only=True, eq=False)
class Competition(Record):
    name: str | None = text("競賽項目", required=True)
    times: Count | None = count("次數", "次", "場")
    projects: Count | None = count("項目數", "項")
    participants: Count | None = count("參加人次", "人次", "人")
    prize_money: Decimal | None = money("競賽獎金", fund=CASH)
    benefit: Decimal | None = money("經濟效益")
    note: str | None = text("備註")


KIND = Kind(key="competitions", title="勞動競賽", record=Competition, order=50, fund_purpose="競賽獎勵",
            words=("競賽", "技術比武", "比武", "技術攻關"))
