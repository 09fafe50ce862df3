"""Labour disputes (勞資糾紛) the union dealt with."""

from __future__ import annotations

from dataclasses import dataclass

from ..amounts import Count
from ..schema import Kind, Record, count, text


@dataclass(frozen=True, kw_only=True, eq=False)
class Dispute(Record):
    matter: str | None = text("事項", required=True)
    cases: Count | None = count("件數", "件", "宗")
    resolved: Count | None = count("其中已辦結", "件", "宗", part_of="cases")
    note: str | None = text("備註")


KIND = Kind(key="disputes", title="勞資糾紛", record=Dispute, order=80)
