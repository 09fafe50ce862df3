"""Democratic management (民主管理): workers' congresses held, motions and what became of them,
units practising open affairs (廠務公開, 校務公開, 院務公開).

A motion is filed (立案) out of those put forward (提出), and settled (辦結) out of those filed:
each is a 其中 of the one before, checked along the chain (with no 立案 given, 辦結 is still at
most 提出). Collective agreements are the `agreements` kind: their types are not added together.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..amounts import Count
from ..periods import PartialDate
from ..schema import Kind, Record, count, date, text


@dataclass(frozen=True, kw_only=True, eq=False)
class DemocraticManagement(Record):
    item: str | None = text("事項", required=True)
    date: PartialDate | None = date("日期")
    congresses: Count | None = count("召開職代會", "次", "場")
    motions: Count | None = count("提案", "件", "條")
    filed: Count | None = count("其中立案", "件", "條", part_of="motions")
    settled: Count | None = count("其中辦結", "件", "條", part_of="filed")
    open_affairs: Count | None = count("廠務公開單位", "家", "個")
    note: str | None = text("備註")


KIND = Kind(key="democracy", title="民主管理", record=DemocraticManagement, order=72)
