"""Surveys (問卷調查): what was asked, of whom, questionnaires issued and returned.

回收 is a 其中 of 發放, and the response rate (回收率) is computed, never typed: per survey, and for
the 合計 as all returned over all issued.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..amounts import Count
from ..periods import PartialDate
from ..schema import Kind, Ratio, Record, count, date, text


@dataclass(frozen=True, kw_only=True, eq=False)
class Survey(Record):
    topic: str | None = text("調查內容", required=True)
    date: PartialDate | None = date("日期")
    respondents: str | None = text("調查對象")
    issued: Count | None = count("發放", "份")
    returned: Count | None = count("回收", "份", part_of="issued")
    note: str | None = text("備註")


KIND = Kind(key="surveys", title="問卷調查", record=Survey, order=105,
            ratios=(Ratio("回收率", part="returned", whole="issued"),))
