"""Training (培訓班, 輪訓): sessions held and people trained."""

from __future__ import annotations

from dataclasses import dataclass

from ..amounts import Count
from ..periods import PartialDate
from ..schema import Kind, Record, count, date, text


@dataclass(frozen=True, kw_only=True, eq=False)
class Training(Record):
    topic: str | None = text("培訓內容", required=True)
    date: PartialDate | None = date("日期")
    sessions: Count | None = count("期數", "期", "班")
    attendees: Count | None = count("參訓人次", "人次", "人")
    note: str | None = text("備註")


KIND = Kind(key="training", title="教育培訓", record=Training, order=60, words=("培訓", "輪訓", "受訓", "參訓"))
