"""Collective agreements and wage bargaining (集體合同, 工資集體協商): contracts signed, the
enterprises and workers they cover.

A comprehensive contract and a wage contract usually cover the same enterprises, so their
coverage is never added: the table, the year overview and the roll-ups total each type apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..amounts import Count
from ..schema import Kind, Record, choice, count, percent, text

TYPES = ("綜合", "工資專項", "女職工專項", "其他專項")
TYPE_ALIASES = {
    "集體合同": "綜合", "綜合集體合同": "綜合", "工資集體協商": "工資專項", "工資集體協議": "工資專項",
    "工資專項集體合同": "工資專項", "女職工專項集體合同": "女職工專項", "女職工權益保護專項集體合同": "女職工專項",
    "集体合同": "綜合", "综合": "綜合", "综合集体合同": "綜合", "工资集体协商": "工資專項", "工资集体协议": "工資專項",
    "工资专项": "工資專項", "工资专项集体合同": "工資專項", "女职工专项": "女職工專項", "女职工专项集体合同": "女職工專項",
    "其他专项": "其他專項",
}


@dataclass(frozen=True, kw_only=True, eq=False)
class Agreement(Record):
    item: str | None = text("事項", required=True)
    type: str | None = choice("類別", TYPES, required=True, aliases=TYPE_ALIASES)
    contracts: Count | None = count("簽訂", "份")
    companies: Count | None = count("覆蓋企業", "家", "個")
    workers: Count | None = count("覆蓋職工", "人", "名")
    rate: Decimal | None = percent("簽訂率")
    note: str | None = text("備註")


KIND = Kind(key="agreements", title="集體合同", record=Agreement, order=74, total_by="type")
