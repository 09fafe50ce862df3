"""Collections and calls for entries (徵集段徽、段歌、作品): what came in, in its own measure word."""

from __future__ import annotations

from dataclasses import dataclass

from ..amounts import Count
from ..schema import Kind, Record, count, text


@dataclass(frozen=True, kw_only=True, eq=False)
class Collection(Record):
    campaign: str | None = text("徵集活動", required=True)
    item: str | None = text("內容", required=True)
    quantity: Count | None = count("數量", measure_from="measure")
    measure: str | None = text("量詞", max_length=4)
    note: str | None = text("備註")


KIND = Kind(key="collections", title="徵集活動", record=Collection, order=110)
